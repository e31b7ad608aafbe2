import { Checkbox, ValidationMessage } from '@digdir/designsystemet-react'
import type { FieldMetadata } from '@conform-to/react'
import { isMessageKey } from '#app/platform/i18n.ts'
import { useT } from './i18n.tsx'

/** A checkbox that must be ticked (consent, confirmation), with its error tied to it before JavaScript runs. */
export function CheckboxField({ field, label }: { field: FieldMetadata<any>; label: string }) {
	const t = useT()
	return (
		<div>
			<Checkbox name={field.name} id={field.id} label={label} aria-invalid={field.errors ? true : undefined} aria-describedby={field.errors ? field.errorId : undefined} />
			{field.errors ? <ValidationMessage id={field.errorId}>{field.errors.map((e) => (isMessageKey(e) ? t(e) : e)).join(' ')}</ValidationMessage> : null}
		</div>
	)
}
