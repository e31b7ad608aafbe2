import { useId } from 'react'
import { Field, Input, Label, type InputProps } from '@digdir/designsystemet-react'
import type { FieldMetadata } from '@conform-to/react'
import { FieldError, readField } from './form-field.tsx'

/**
 * Designsystemet's checkbox with its label tied to it in the server's HTML
 * (`id` and `for`). Designsystemet's own `Checkbox` leaves that to its script
 * in the browser: until the script has run (on a slow line, or when it fails
 * to load) the box has no name for a screen reader and its text does not
 * tick it.
 */
export function Checkbox({ id, label, ...rest }: Omit<InputProps, 'type'> & { label: string }) {
	const generated = useId()
	const inputId = id ?? generated
	return (
		<Field>
			<Input {...rest} id={inputId} type="checkbox" />
			<Label htmlFor={inputId} weight="regular">
				{label}
			</Label>
		</Field>
	)
}

/** A checkbox (consent, a choice), ticked again if it was when the server turned the form down, its error tied to it. */
export function CheckboxField({ field, label }: { field: FieldMetadata<any>; label: string }) {
	const { id, name, errors, errorId, initialValue, invalid } = readField(field)
	return (
		<div>
			<Checkbox id={id} name={name} label={label} defaultChecked={initialValue === 'on'} aria-invalid={invalid} aria-describedby={errorId} />
			<FieldError id={errorId} errors={errors} />
		</div>
	)
}
