import type { ReactNode } from 'react'
import { Field, Input, Label, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react'
import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { isMessageKey } from '#app/platform/i18n.ts'
import { useT } from './i18n.tsx'

type Props = {
	field: FieldMetadata<any>
	label: string
	description?: string
	type?: 'text' | 'email' | 'url' | 'tel' | 'number' | 'password' | 'file' | 'search' | 'datetime-local' | 'date'
	multiline?: boolean
	autoComplete?: string
	accept?: string
	children?: ReactNode
}

/**
 * A labelled input whose label, hint and error are tied to it in the server's
 * HTML already, so the form is accessible before any JavaScript runs.
 */
export function FormField({ field, label, description, type = 'text', multiline, autoComplete, accept }: Props) {
	const t = useT()
	const descriptionId = `${field.id}-description`
	const describedBy = [description ? descriptionId : null, field.errors ? field.errorId : null].filter(Boolean).join(' ') || undefined
	const common = { 'aria-describedby': describedBy, 'aria-invalid': field.errors ? true : undefined }
	return (
		<Field>
			<Label htmlFor={field.id}>{label}</Label>
			{description ? (
				<Paragraph data-size="sm" id={descriptionId}>
					{description}
				</Paragraph>
			) : null}
			{multiline ? (
				<Textarea {...getTextareaProps(field, { ariaAttributes: false })} {...common} rows={5} />
			) : type === 'file' ? (
				<Input id={field.id} name={field.name} type="file" accept={accept} {...common} />
			) : (
				<Input {...getInputProps(field, { type, ariaAttributes: false })} {...common} autoComplete={autoComplete} />
			)}
			{field.errors ? (
				<ValidationMessage id={field.errorId}>
					{field.errors.map((e) => (isMessageKey(e) ? t(e) : e)).join(' ')}
				</ValidationMessage>
			) : null}
		</Field>
	)
}
