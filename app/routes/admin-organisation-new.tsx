import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { Alert, Button, Heading } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-organisation-new'
import { createOrganisation } from '#app/features/directory/directory.server.ts'
import { lookupCompany, type RegisterCompany } from '#app/features/directory/register.server.ts'
import { newOrganisationSchema as schema } from '#app/features/directory/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { requestContext } from '#app/platform/context.ts'
import { orgNumber } from '#app/platform/fields.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'create:organisation', { networkId: network.id })
	return null
}

type ActionData = { result: SubmissionResult<string[]> | null; found: RegisterCompany | null; unreachable: boolean }

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'create:organisation', { networkId: network.id })
	const formData = await request.formData()
	const registerUrl = context.get(requestContext).registerUrl

	// "Look up" fills the form from the company register; nothing is saved.
	if (formData.get('intent') === 'lookup') {
		const submission = parseWithZod(formData, { schema })
		const number = orgNumber.safeParse(formData.get('org_number'))
		if (!number.success) return data<ActionData>({ result: submission.reply({ fieldErrors: { org_number: [number.error.issues[0]!.message] } }), found: null, unreachable: false }, { status: 400 })
		const lookup = await lookupCompany(registerUrl, number.data)
		if ('found' in lookup) return { result: null, found: lookup.found, unreachable: false } satisfies ActionData
		if (lookup.error === 'unreachable') return { result: submission.reply(), found: null, unreachable: true } satisfies ActionData
		return data<ActionData>({ result: submission.reply({ fieldErrors: { org_number: [`register.${lookup.error}`] } }), found: null, unreachable: false }, { status: 400 })
	}

	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') return data<ActionData>({ result: submission.reply(), found: null, unreachable: false }, { status: 400 })
	const { status, ...input } = submission.value
	const db = getDb(context)
	const alreadyIn = await db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select('o.id')
		.where('no.network_id', '=', network.id)
		.where('o.org_number', '=', input.org_number)
		.executeTakeFirst()
	if (alreadyIn) return data<ActionData>({ result: submission.reply({ fieldErrors: { org_number: ['field.orgNumber.taken'] } }), found: null, unreachable: false }, { status: 400 })
	// A number the register says does not exist is refused; when the register cannot be reached, what was typed is trusted.
	const lookup = await lookupCompany(registerUrl, input.org_number)
	if ('error' in lookup && lookup.error !== 'unreachable') {
		return data<ActionData>({ result: submission.reply({ fieldErrors: { org_number: [`register.${lookup.error}`] } }), found: null, unreachable: false }, { status: 400 })
	}
	const id = await db.transaction().execute((trx) =>
		createOrganisation(trx, { networkId: network.id, actorId: actor.personId }, { ...input, employees: input.employees ?? null, parent_org_number: input.parent_org_number ?? null }, status),
	)
	return redirect(`/n/${network.slug}/bedrifter/${id}`)
}

export default function NewOrganisation({ actionData }: Route.ComponentProps) {
	const t = useT()
	const found = actionData?.found
	const [form, fields] = useSchemaForm(schema, {
		// A new form when the register has answered, so its values fill the fields.
		id: `new-organisation-${found?.org_number ?? ''}`,
		lastResult: actionData?.result,
		defaultValue: found
			? { ...found, employees: found.employees === null ? '' : String(found.employees), parent_org_number: found.parent_org_number ?? '', kind: 'company', status: 'member' }
			: { kind: 'company', status: 'member' },
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('organisation.new')}
			</Heading>
			{found ? (
				<Alert data-color="success" role="status">
					{t('register.found', { name: found.name })}
				</Alert>
			) : null}
			{actionData?.unreachable ? <Alert data-color="warning">{t('register.unreachable')}</Alert> : null}
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.org_number} label={t('organisation.orgNumber')} description={t('field.orgNumber.format')} />
				<div>
					<Button type="submit" name="intent" value="lookup" variant="secondary" formNoValidate>
						{t('register.lookup')}
					</Button>
				</div>
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
				<FormField field={fields.address} label={t('organisation.address')} />
				<FormField field={fields.town} label={t('organisation.town')} />
				<FormField field={fields.industry_code} label={t('organisation.industryCode')} />
				<FormField field={fields.employees} label={t('organisation.employees')} type="number" />
				<FormField field={fields.parent_org_number} label={t('organisation.parent')} description={t('organisation.parentHint')} />
				<FormField field={fields.website} label={t('organisation.website')} type="url" />
				<FormField field={fields.description} label={t('organisation.description')} multiline />
				<FormField field={fields.competences_offered} label={t('organisation.offered')} description={t('organisation.listHint')} />
				<FormField field={fields.competences_wanted} label={t('organisation.wanted')} description={t('organisation.listHint')} />
				<FormField field={fields.technologies} label={t('organisation.technologies')} description={t('organisation.listHint')} />
				<div>
					<Button type="submit" name="intent" value="create">
						{t('organisation.new')}
					</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'organisation.new')
