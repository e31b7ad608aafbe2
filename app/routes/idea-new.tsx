import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Fieldset, Heading } from '@digdir/designsystemet-react'
import type { Route } from './+types/idea-new'
import { listOrganisationChoices } from '#app/features/directory/directory.server.ts'
import { proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { optionalText, recordId, requiredText, tagList } from '#app/platform/fields.ts'
import { compareNorwegian } from '#app/platform/i18n.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { Checkbox } from '#app/ui/checkbox-field.tsx'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const schema = z.object({
	title: requiredText(160),
	problem: requiredText(4000),
	solution: requiredText(4000),
	beneficiaries: requiredText(2000),
	competences: tagList,
	picked: z.array(optionalText(120)).default([]),
	audience: z.enum(['members', 'steering', 'named'], { error: 'field.required' }),
	named: z.array(recordId).default([]),
})

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requireViewer(context, request, network.id)
	const db = getDb(context)
	const organisations = await listOrganisationChoices(db, network.id)
	// The competences companies offer or seek in this network, to pick from.
	const offered = await db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select(['o.competences_offered', 'o.competences_wanted'])
		.where('no.network_id', '=', network.id)
		.execute()
	const competences = [...new Set(offered.flatMap((o) => `${o.competences_offered},${o.competences_wanted}`.split(',').map((s) => s.trim()).filter(Boolean)))].sort(compareNorwegian)
	return { organisations, competences }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const db = getDb(context)
	const inNetwork = new Set((await listOrganisationChoices(db, network.id)).map((o) => o.id))
	if (!submission.value.named.every((id) => inNetwork.has(id))) return data(submission.reply({ fieldErrors: { named: ['field.organisation'] } }), { status: 400 })
	// Picked from the network's list, or typed: one list of competences.
	const { picked, ...input } = submission.value
	const competences = [...new Set([...picked, ...input.competences.split(',').map((c) => c.trim())].filter(Boolean))].join(', ')
	const id = await db.transaction().execute((trx) => proposeIdea(trx, { networkId: network.id, viewer }, { ...input, competences }))
	return redirect(`/n/${network.slug}/ideer/${id}`)
}

export default function NewIdea({ loaderData: { organisations, competences }, actionData }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, {
		lastResult: actionData,
		defaultValue: { audience: 'members' },
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('ideas.new')}
			</Heading>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.title} label={t('ideas.field.title')} />
				<FormField field={fields.problem} label={t('ideas.field.problem')} multiline />
				<FormField field={fields.solution} label={t('ideas.field.solution')} multiline />
				<FormField field={fields.beneficiaries} label={t('ideas.field.beneficiaries')} multiline />
				<Fieldset>
					<Fieldset.Legend>{t('ideas.field.competences')}</Fieldset.Legend>
					<Fieldset.Description>{t('ideas.field.competencesHint')}</Fieldset.Description>
					<div className="competence-list">
						{competences.map((c) => (
							<Checkbox key={c} name="picked" value={c} label={c} />
						))}
					</div>
				</Fieldset>
				<FormField field={fields.competences} label={t('ideas.field.otherCompetences')} description={t('organisation.listHint')} />
				<SelectField field={fields.audience} label={t('ideas.field.audience')} options={(['members', 'steering', 'named'] as const).map((a) => ({ value: a, label: t(`ideas.audience.${a}`) }))} />
				<Fieldset>
					<Fieldset.Legend>{t('ideas.field.named')}</Fieldset.Legend>
					<Fieldset.Description>{t('ideas.field.namedHint')}</Fieldset.Description>
					{organisations.map((o) => (
						<Checkbox key={o.id} name="named" value={String(o.id)} label={o.name} />
					))}
				</Fieldset>
				<div>
					<Button type="submit">{t('ideas.submit')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'ideas.new')
