import type { FieldMetadata } from '@conform-to/react'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { useT } from '#app/ui/i18n.tsx'

/** A survey's title, introduction and who may answer: the same fields for a new survey and a draft's details. */
export function SurveyFields({ fields }: { fields: { title: FieldMetadata<any>; intro: FieldMetadata<any>; audience: FieldMetadata<any> } }) {
	const t = useT()
	return (
		<>
			<FormField field={fields.title} label={t('surveys.field.title')} />
			<FormField field={fields.intro} label={t('surveys.field.intro')} description={t('surveys.field.introHint')} multiline />
			<SelectField field={fields.audience} label={t('surveys.audience')} options={(['members', 'open'] as const).map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))} />
		</>
	)
}
