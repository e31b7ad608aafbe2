import { Form } from 'react-router'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Alert, Button } from '@digdir/designsystemet-react'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { gatheringSchema as schema } from './schemas.ts'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

export type GatheringFormValues = {
	title: string
	location: string
	starts_at: string
	ends_at: string
	audience: string
	capacity: string
	registration_deadline: string
	description: string
	agenda: string
}

/** The project leader's form for a gathering; times are Oslo wall-clock times. */
export function GatheringForm({ lastResult, defaultValue, submitLabel }: { lastResult?: SubmissionResult<string[]> | null; defaultValue: Partial<GatheringFormValues>; submitLabel: string }) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, {
		id: 'gathering',
		lastResult,
		defaultValue,
	})
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="save" />
			{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
			<FormField field={fields.title} label={t('gatheringAdmin.title')} />
			<FormField field={fields.location} label={t('gatheringAdmin.location')} />
			<FormField field={fields.starts_at} label={t('gatheringAdmin.starts')} type="datetime-local" />
			<FormField field={fields.ends_at} label={t('gatheringAdmin.ends')} type="datetime-local" />
			<SelectField
				field={fields.audience}
				label={t('gatheringAdmin.audience')}
				options={(['open', 'members'] as const).map((a) => ({ value: a, label: t(`gathering.audience.${a}`) }))}
			/>
			<FormField field={fields.capacity} label={t('gatheringAdmin.capacity')} description={t('gatheringAdmin.capacityHint')} type="number" />
			<FormField field={fields.registration_deadline} label={t('gatheringAdmin.deadline')} description={t('gatheringAdmin.deadlineHint')} type="datetime-local" />
			<FormField field={fields.description} label={t('gatheringAdmin.description')} multiline />
			<FormField field={fields.agenda} label={t('gatheringAdmin.agenda')} description={t('gatheringAdmin.agendaHint')} multiline />
			<div>
				<Button type="submit">{submitLabel}</Button>
			</div>
		</Form>
	)
}
