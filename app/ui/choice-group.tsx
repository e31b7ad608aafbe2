import { Field, Fieldset, Input, Label } from '@digdir/designsystemet-react'
import type { FieldMetadata } from '@conform-to/react'
import { FieldError, readField } from './form-field.tsx'

/**
 * Radio buttons (one answer) or checkboxes (several) under one legend, each
 * label tied to its input in the server's HTML, the choices made ticked
 * again when the server turns the form down, the error tied to the group.
 */
export function ChoiceGroup({ field, legend, description, options, multiple, inline }: { field: FieldMetadata<any>; legend: string; description?: string; options: readonly { value: string; label: string }[]; multiple?: boolean; inline?: boolean }) {
	const { id, name, errors, errorId, initialValue, invalid } = readField(field)
	const chosen = new Set(Array.isArray(initialValue) ? initialValue : typeof initialValue === 'string' ? [initialValue] : [])
	const descriptionId = description ? `${id}-description` : undefined
	return (
		<Fieldset aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ') || undefined}>
			<Fieldset.Legend>{legend}</Fieldset.Legend>
			{description ? <Fieldset.Description id={descriptionId}>{description}</Fieldset.Description> : null}
			<div className={inline ? 'row' : undefined}>
				{options.map((o, i) => (
					<Field key={o.value}>
						<Input id={`${id}-${i}`} type={multiple ? 'checkbox' : 'radio'} name={name} value={o.value} defaultChecked={chosen.has(o.value)} aria-invalid={invalid} />
						<Label htmlFor={`${id}-${i}`} weight="regular">
							{o.label}
						</Label>
					</Field>
				))}
			</div>
			<FieldError id={errorId} errors={errors} />
		</Fieldset>
	)
}
