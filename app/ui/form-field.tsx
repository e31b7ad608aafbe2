import type { ReactNode } from 'react'
import { Field, Input, Label, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react'
import type { FieldMetadata } from '@conform-to/react'
import { isMessageKey } from '#app/platform/i18n.ts'
import { useT } from './i18n.tsx'

/**
 * What a field's input needs, read from Conform once. Every read of a Conform
 * field builds its metadata anew (an object of sixteen getters behind a proxy),
 * and Conform's getInputProps reads fifteen of them, nine for constraints
 * (required, maxLength…) this portal never hands Conform: the Zod schema checks
 * those in the browser and on the server. Through those helpers a form of
 * eight fields was a fifth of the gathering page's server time
 * (docs/performance.md).
 */
export function readField(field: FieldMetadata<any>) {
	const { id, name, errors, initialValue } = field
	const errorId = errors ? field.errorId : undefined
	return { id, name, errors, errorId, initialValue, invalid: errors ? true : undefined }
}

/** A field's errors in the reader's language, tied to the field by `id`. */
export function FieldError({ id, errors }: { id: string | undefined; errors: string[] | undefined }) {
	const t = useT()
	return errors ? <ValidationMessage id={id}>{errors.map((e) => (isMessageKey(e) ? t(e) : e)).join(' ')}</ValidationMessage> : null
}

type Props = {
	field: FieldMetadata<any>
	label: string
	description?: string
	type?: 'text' | 'email' | 'url' | 'tel' | 'number' | 'password' | 'file' | 'search' | 'datetime-local' | 'date'
	multiline?: boolean
	autoComplete?: string
	accept?: string
	/** The id of a datalist of suggestions. */
	list?: string
	children?: ReactNode
}

/**
 * A labelled input whose label, hint and error are tied to it in the server's
 * HTML already, so the form is accessible before any JavaScript runs. What was
 * typed comes back after the server turns the form down.
 */
export function FormField({ field, label, description, type = 'text', multiline, autoComplete, accept, list }: Props) {
	const { id, name, errors, errorId, initialValue, invalid } = readField(field)
	const descriptionId = description ? `${id}-description` : undefined
	const common = { id, name, 'aria-describedby': [descriptionId, errorId].filter(Boolean).join(' ') || undefined, 'aria-invalid': invalid }
	const typed = typeof initialValue === 'string' ? initialValue : undefined
	return (
		<Field>
			<Label htmlFor={id}>{label}</Label>
			{description ? (
				<Paragraph data-size="sm" id={descriptionId}>
					{description}
				</Paragraph>
			) : null}
			{multiline ? (
				<Textarea {...common} defaultValue={typed} rows={5} />
			) : type === 'file' ? (
				<Input {...common} type="file" accept={accept} />
			) : (
				<Input {...common} type={type} defaultValue={typed} autoComplete={autoComplete} list={list} />
			)}
			<FieldError id={errorId} errors={errors} />
		</Field>
	)
}
