import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/trust-answer'
import { answerSurvey, hasAnswered, listMemberCompanies } from '#app/features/meetings/acquaintance.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { requireId } from '#app/features/networks/require-network.server.ts'
import { SelectField } from '#app/ui/select-field.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const score = z.coerce.number({ error: 'field.score' }).int('field.score').min(1, 'field.score').max(5, 'field.score')
/** One pair of questions for each other member company. */
function surveySchema(targets: readonly number[]) {
	return z.object(Object.fromEntries(targets.flatMap((id) => [[`knows_${id}`, score], [`trusts_${id}`, score]])))
}

async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const organisationId = context.get(actorContext)?.organisationId ?? null
	const actor = requirePermission(context, request, 'answer:survey', { networkId: network.id, organisationId })
	const db = getDb(context)
	const survey = await db.selectFrom('trust_survey').selectAll().where('id', '=', requireId(params.surveyId)).where('network_id', '=', network.id).executeTakeFirst()
	invariantResponse(survey, 'error.notFound.title', { status: 404 })
	const members = await listMemberCompanies(db, network.id)
	const own = members.find((c) => c.id === actor.organisationId)
	invariantResponse(own, 'Forbidden', { status: 403 })
	return { network, actor, survey, own, targets: members.filter((c) => c.id !== own.id).map((c) => ({ id: c.id, name: c.name })) }
}

export async function loader(args: Route.LoaderArgs) {
	const { survey, own, targets } = await load(args)
	const answered = await hasAnswered(getDb(args.context), { surveyId: survey.id, organisationId: own.id })
	return { survey: { id: survey.id, title: survey.title, closed: survey.closed_at !== null }, company: own.name, targets, answered }
}

export async function action(args: Route.ActionArgs) {
	const { network, actor, survey, own, targets } = await load(args)
	const submission = parseWithZod(await args.request.formData(), { schema: surveySchema(targets.map((c) => c.id)) })
	if (submission.status !== 'success') return data({ result: submission.reply(), error: null }, { status: 400 })
	const values = submission.value as Record<string, number>
	const answers = targets.map((c) => ({ target_id: c.id, knows: values[`knows_${c.id}`]!, trusts: values[`trusts_${c.id}`]! }))
	const db = getDb(args.context)
	const outcome = await db.transaction().execute((trx) => answerSurvey(trx, { networkId: network.id, organisationId: own.id, actorId: actor.personId, surveyId: survey.id }, answers))
	if ('error' in outcome) return data({ result: submission.reply(), error: `trust.error.${outcome.error}` as const }, { status: outcome.error === 'notFound' ? 404 : 409 })
	throw redirect(`/n/${network.slug}/tillit`)
}

export default function TrustAnswer({ loaderData: d, actionData }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(surveySchema(d.targets.map((c) => c.id)), { id: 'trust', lastResult: actionData?.result })
	const options = [{ value: '', label: t('trust.form.choose') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))]
	const field = (key: string) => (fields as Record<string, (typeof fields)[keyof typeof fields]>)[key]!
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('trust.form.title', { title: d.survey.title, company: d.company })}
			</Heading>
			{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
			{d.answered ? (
				<Paragraph>{t('trust.form.already', { company: d.company })}</Paragraph>
			) : d.survey.closed ? (
				<Paragraph>{t('trust.error.closed')}</Paragraph>
			) : (
				<Form method="post" className="stack" {...getFormProps(form)}>
					<Paragraph>{t('trust.form.intro')}</Paragraph>
					{form.status === 'error' && !actionData?.error ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
					<Table data-size="sm">
						<Table.Body>
							{d.targets.map((c) => (
								<Table.Row key={c.id}>
									<Table.HeaderCell scope="row">{c.name}</Table.HeaderCell>
									<Table.Cell>
										<SelectField field={field(`knows_${c.id}`)} label={t('trust.form.knows', { company: c.name })} options={options} />
									</Table.Cell>
									<Table.Cell>
										<SelectField field={field(`trusts_${c.id}`)} label={t('trust.form.trusts', { company: c.name })} options={options} />
									</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
					<div>
						<Button type="submit">{t('trust.form.submit')}</Button>
					</div>
				</Form>
			)}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'trust.form.title', { title: loaderData.survey.title, company: loaderData.company }) : [{ title: documentTitle() }])
