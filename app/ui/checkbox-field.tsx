import { Checkbox } from '@digdir/designsystemet-react'
import type { FieldMetadata } from '@conform-to/react'
import { FieldError, readField } from './form-field.tsx'

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
