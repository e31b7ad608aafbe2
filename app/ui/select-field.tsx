import { Field, Label, Select } from '@digdir/designsystemet-react'
import type { FieldMetadata } from '@conform-to/react'
import { FieldError, readField } from './form-field.tsx'

/** A labelled select, wired like FormField so it works before JavaScript runs. */
export function SelectField({ field, label, options }: { field: FieldMetadata<any>; label: string; options: { value: string; label: string; lang?: string }[] }) {
	const { id, name, errors, errorId, initialValue, invalid } = readField(field)
	return (
		<Field>
			<Label htmlFor={id}>{label}</Label>
			<Select id={id} name={name} defaultValue={typeof initialValue === 'string' ? initialValue : undefined} aria-describedby={errorId} aria-invalid={invalid}>
				{options.map((o) => (
					<Select.Option key={o.value} value={o.value} lang={o.lang}>
						{o.label}
					</Select.Option>
				))}
			</Select>
			<FieldError id={errorId} errors={errors} />
		</Field>
	)
}
