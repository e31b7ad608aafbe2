import { useForm, type DefaultValue, type Submission, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

/**
 * The one way to make a form: checked by its Zod schema in the browser as on
 * the server. An error shows when a field is left and clears as soon as it is
 * fixed — before the pointer reaches the submit button, which would otherwise
 * move under it as the message disappears.
 */
export function useSchemaForm<Schema extends z.ZodType>(
	schema: Schema,
	options: { id?: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: DefaultValue<z.input<Schema> & Record<string, any>> } = {},
) {
	type Fields = z.input<Schema> & Record<string, any>
	return useForm<Fields, z.output<Schema>>({
		...options,
		// The form's fields are the schema's input; the value it parses to, its output.
		onValidate: ({ formData }) => parseWithZod(formData, { schema }) as Submission<Fields, string[], z.output<Schema>>,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
}
