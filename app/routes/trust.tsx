import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/trust'
import { closeSurvey, getSurveyResults, hasAnswered, MIN_ANSWERS, openSurvey } from '#app/features/meetings/acquaintance.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { recordId, requiredText } from '#app/platform/fields.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { can } from '#app/platform/policy.ts'
import { formatDateTime, formatNumber } from '#app/platform/i18n.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const schema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('open'), title: requiredText(120) }),
	z.object({ intent: z.literal('close'), surveyId: recordId }),
])

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
	const db = getDb(context)
	const results = await getSurveyResults(db, network.id)
	const own = actor.organisationId
	const mayAnswer = own !== null && can(actor, 'answer:survey', { networkId: network.id, organisationId: own }) && results.companies.some((c) => c.id === own)
	const open = await Promise.all(
		results.surveys
			.filter((s) => s.closed_at === null)
			.map(async (s) => ({ id: s.id, title: s.title, answered: mayAnswer ? await hasAnswered(db, { surveyId: s.id, organisationId: own! }) : false })),
	)
	return {
		...results,
		open,
		company: mayAnswer ? (results.companies.find((c) => c.id === own)?.name ?? null) : null,
		manage: can(actor, 'manage:survey', { networkId: network.id }),
		minAnswers: MIN_ANSWERS,
	}
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:survey', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const db = getDb(context)
	const value = submission.value
	if (value.intent === 'close') {
		const survey = await db.selectFrom('trust_survey').select('id').where('id', '=', value.surveyId).where('network_id', '=', network.id).executeTakeFirst()
		invariantResponse(survey, 'error.notFound.title', { status: 404 })
		await closeSurvey(db, { networkId: network.id, surveyId: survey.id })
		return { result: submission.reply(), done: { key: 'trust.closedNotice' as const, title: '' } }
	}
	await db.transaction().execute((trx) =>
		openSurvey(trx, { network, actorId: actor.personId, origin: new URL(request.url).origin }, value.title),
	)
	return { result: submission.reply({ resetForm: true }), done: { key: 'trust.started' as const, title: value.title } }
}

export default function Trust({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const [form, fields] = useSchemaForm(schema, { id: 'open-survey', lastResult: actionData?.result?.initialValue?.intent === 'open' ? actionData.result : undefined })
	const n = (x: number) => formatNumber(lang, x)
	const signed = (x: number) => (x > 0 ? `+${n(x)}` : n(x))
	const score = (s: { knows: number; trusts: number } | null) => (s ? t('trust.score', { knows: n(s.knows), trusts: n(s.trusts) }) : t('trust.tooFew'))
	const change = (c: { knows: number; trusts: number } | null) => (c ? t('trust.changeValue', { knows: signed(c.knows), trusts: signed(c.trusts) }) : '–')
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('trust.title')}
			</Heading>
			{actionData?.done ? (
				<Alert data-color="success" role="status">
					{t(actionData.done.key, { title: actionData.done.title })}
				</Alert>
			) : null}
			<Paragraph>{t('trust.intro', { min: d.minAnswers })}</Paragraph>
			{d.company
				? d.open.map((s) =>
						s.answered ? (
							<Paragraph key={s.id}>{t('trust.answered', { company: d.company!, title: s.title })}</Paragraph>
						) : (
							<Paragraph key={s.id}>
								<AppLink to={`/n/${params.network}/tillit/${s.id}`}>
									{t('trust.answer', { company: d.company! })}: {s.title}
								</AppLink>
							</Paragraph>
						),
					)
				: null}
			{d.surveys.length === 0 ? (
				<Paragraph>{t('trust.none')}</Paragraph>
			) : (
				<section className="stack" aria-labelledby="results-heading">
					<Heading level={2} data-size="md" id="results-heading">
						{t('trust.results')}
					</Heading>
					<Table data-size="sm">
						<caption className="visually-hidden">{t('trust.companyRated')}</caption>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('map.company')}</Table.HeaderCell>
								{d.surveys.map((s) => (
									<Table.HeaderCell key={s.id}>
										{s.title}
										<br />
										<span className="muted">
											{formatDateTime(lang, s.opened_at, 'date')} · {t('trust.responses', { n: s.responses })} ·{' '}
											{s.closed_at ? t('trust.closed') : t('trust.open')}
										</span>
									</Table.HeaderCell>
								))}
								{d.surveys.length > 1 ? <Table.HeaderCell>{t('trust.change')}</Table.HeaderCell> : null}
							</Table.Row>
						</Table.Head>
						<Table.Body>
							<Table.Row>
								<Table.HeaderCell scope="row">{t('trust.network')}</Table.HeaderCell>
								{d.surveys.map((s) => (
									<Table.Cell key={s.id}>{score(s.network)}</Table.Cell>
								))}
								{d.surveys.length > 1 ? <Table.Cell>{change(d.networkChange)}</Table.Cell> : null}
							</Table.Row>
							{d.companies.map((c) => (
								<Table.Row key={c.id}>
									<Table.HeaderCell scope="row">{c.name}</Table.HeaderCell>
									{c.scores.map((s, i) => (
										<Table.Cell key={d.surveys[i]!.id}>{score(s)}</Table.Cell>
									))}
									{d.surveys.length > 1 ? <Table.Cell>{change(c.change)}</Table.Cell> : null}
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				</section>
			)}
			{d.manage ? (
				<section className="stack" aria-labelledby="start-heading">
					<Heading level={2} data-size="sm" id="start-heading">
						{t('trust.start')}
					</Heading>
					{d.surveys
						.filter((s) => s.closed_at === null)
						.map((s) => (
							<Form method="post" key={s.id} className="row">
								<input type="hidden" name="surveyId" value={s.id} />
								<Tag data-color="info">{t('trust.open')}</Tag>
								<Button type="submit" name="intent" value="close" variant="secondary" data-size="sm">
									{t('trust.close', { title: s.title })}
								</Button>
							</Form>
						))}
					<Form method="post" className="form" {...getFormProps(form)}>
						<input type="hidden" name="intent" value="open" />
						<FormField field={fields.title} label={t('trust.surveyTitle')} />
						<div>
							<Button type="submit">{t('trust.startSubmit')}</Button>
						</div>
					</Form>
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'trust.title')
