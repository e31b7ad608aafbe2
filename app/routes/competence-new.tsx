import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/competence-new'
import { addInitiative, competenceNeeds } from '#app/features/competence/competence.server.ts'
import { initiativeSchema as schema } from '#app/features/competence/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { listPartners } from '#app/features/partners/partners.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { INITIATIVE_KINDS } from '#db/schema.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// A new competence initiative, on a page of its own so that the needs stay light to read; `?kompetanse=` names the need it answers.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:competence', { networkId: network.id })
	const db = getDb(context)
	const [{ needs }, { partners }] = await Promise.all([competenceNeeds(db, network.id), listPartners(db, network.id)])
	return {
		competence: new URL(request.url).searchParams.get('kompetanse') ?? '',
		// Suggested as the companies wrote them, so that the initiative stands by its need.
		competences: needs.map((n) => n.competence),
		partners: partners.map((p) => ({ value: String(p.id), label: p.name })),
	}
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:competence', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const outcome = await getDb(context)
		.transaction()
		.execute((trx) => addInitiative(trx, { networkId: network.id, actorId: actor.personId }, submission.value))
	if ('error' in outcome) return data({ result: submission.reply({ fieldErrors: { partner_id: ['initiative.partnerUnknown'] } }) }, { status: 400 })
	return redirect(`/n/${network.slug}/kompetanse?lagt-til=${outcome.id}#initiatives`)
}

export default function NewInitiative({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id: 'add-initiative', lastResult: actionData?.result, defaultValue: { kind: 'course', partner_id: '', competence: d.competence } })
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('initiative.add')}
			</Heading>
			<Paragraph>
				<AppLink to={`/n/${params.network}/kompetanse`}>{t('competence.title')}</AppLink>
			</Paragraph>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.title} label={t('initiative.title')} />
				<FormField field={fields.competence} label={t('initiative.competence')} description={t('initiative.competenceHint')} list="competences" />
				<datalist id="competences">
					{d.competences.map((c) => (
						<option key={c} value={c} />
					))}
				</datalist>
				<SelectField field={fields.kind} label={t('initiative.kind')} options={INITIATIVE_KINDS.map((k) => ({ value: k, label: t(`initiative.kind.${k}`) }))} />
				<SelectField field={fields.partner_id} label={t('initiative.partner')} options={[{ value: '', label: t('initiative.noPartner') }, ...d.partners]} />
				<FormField field={fields.starts_on} label={t('initiative.startsOn')} type="date" />
				<FormField field={fields.description} label={t('initiative.description')} multiline />
				<div>
					<Button type="submit">{t('initiative.add')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'initiative.add')
