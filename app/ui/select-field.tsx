import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react'
import { getSelectProps, type FieldMetadata } from '@conform-to/react'
import { isMessageKey } from '#app/platform/i18n.ts'
import { useT } from './i18n.tsx'

/** A labelled select, wired like FormField so it works before JavaScript runs. */
export function SelectField({ field, label, options }: { field: FieldMetadata<any>; label: string; options: { value: string; label: string }[] }) {
	const t = useT()
	return (
		<Field>
			<Label htmlFor={field.id}>{label}</Label>
			<Select {...getSelectProps(field, { ariaAttributes: false })} aria-describedby={field.errors ? field.errorId : undefined} aria-invalid={field.errors ? true : undefined}>
				{options.map((o) => (
					<Select.Option key={o.value} value={o.value}>
						{o.label}
					</Select.Option>
				))}
			</Select>
			{field.errors ? <ValidationMessage id={field.errorId}>{field.errors.map((e) => (isMessageKey(e) ? t(e) : e)).join(' ')}</ValidationMessage> : null}
		</Field>
	)
}
