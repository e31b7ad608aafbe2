import { data, Form, redirect } from 'react-router'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-organisation-new'
import { createOrganisation } from '#app/features/directory/directory.server.ts'
import { newOrganisationSchema as schema } from '#app/features/directory/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'create:organisation', { networkId: network.id })
	return null
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'create:organisation', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const { status, ...input } = submission.value
	const db = getDb(context)
	const alreadyIn = await db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select('o.id')
		.where('no.network_id', '=', network.id)
		.where('o.org_number', '=', input.org_number)
		.executeTakeFirst()
	if (alreadyIn) return data(submission.reply({ fieldErrors: { org_number: ['field.orgNumber.taken'] } }), { status: 400 })
	const id = await db.transaction().execute((trx) =>
		createOrganisation(trx, { networkId: network.id, actorId: actor.personId }, { ...input, employees: input.employees ?? null }, status),
	)
	return redirect(`/n/${network.slug}/bedrifter/${id}`)
}

export default function NewOrganisation({ actionData }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useForm({
		lastResult: actionData,
		defaultValue: { kind: 'company', status: 'member' },
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('organisation.new')}
			</Heading>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.org_number} label={t('organisation.orgNumber')} description={t('field.orgNumber.format')} />
				<FormField field={fields.name} label={t('organisation.name')} />
				<SelectField
					field={fields.kind}
					label={t('organisation.kind')}
					options={(['company', 'municipality', 'public_body', 'research', 'funder'] as const).map((k) => ({ value: k, label: t(`organisation.kind.${k}`) }))}
				/>
				<SelectField
					field={fields.status}
					label={t('organisation.status')}
					options={(['member', 'prospect', 'partner'] as const).map((s) => ({ value: s, label: t(`organisation.status.${s}`) }))}
				/>
				<FormField field={fields.town} label={t('organisation.town')} />
				<FormField field={fields.employees} label={t('organisation.employees')} type="number" />
				<FormField field={fields.website} label={t('organisation.website')} type="url" />
				<FormField field={fields.description} label={t('organisation.description')} multiline />
				<FormField field={fields.competences_offered} label={t('organisation.offered')} description={t('organisation.listHint')} />
				<FormField field={fields.competences_wanted} label={t('organisation.wanted')} description={t('organisation.listHint')} />
				<FormField field={fields.technologies} label={t('organisation.technologies')} description={t('organisation.listHint')} />
				<div>
					<Button type="submit">{t('organisation.new')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Legg til bedrift – Knute' }]
