import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/surveys'
import { surveySchema as schema } from '#app/features/surveys/schemas.ts'
import { createSurvey, hasResponded, listSurveys } from '#app/features/surveys/surveys.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'
import { SurveyFields } from '#app/features/surveys/survey-fields.tsx'

// The network's surveys: the open ones to answer, and for the project leader every one, with a new one to write.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
	const db = getDb(context)
	const manage = can(actor, 'manage:survey', { networkId: network.id })
	// The project leader sees every survey; the steering group those sent out, with their results; the others those open for answers.
	const results = can(actor, 'read:survey', { networkId: network.id })
	const surveys = (await listSurveys(db, network.id)).filter((s) => manage || s.status === 'open' || (results && s.status === 'closed'))
	const answered = await Promise.all(surveys.map((s) => (s.status === 'open' ? hasResponded(db, s.id, actor.email) : false)))
	return { manage, results, surveys: surveys.map((s, i) => ({ ...s, answered: answered[i]! })) }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:survey', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const id = await getDb(context)
		.transaction()
		.execute((trx) => createSurvey(trx, { networkId: network.id, actorId: actor.personId }, submission.value))
	return redirect(`/n/${network.slug}/admin/undersokelser/${id}`)
}

export default function Surveys({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const [form, fields] = useSchemaForm(schema, { id: 'new-survey', lastResult: actionData?.result, defaultValue: { audience: 'members' } })
	const base = `/n/${params.network}`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('surveys.title')}
			</Heading>
			<Paragraph>{t('surveys.intro')}</Paragraph>
			{d.surveys.length === 0 ? (
				<Paragraph>{t(d.manage ? 'surveys.none' : 'surveys.noneOpen')}</Paragraph>
			) : (
				<Table data-size="sm">
					<caption className="visually-hidden">{t('surveys.title')}</caption>
					<Table.Head>
						<Table.Row>
							<Table.HeaderCell>{t('surveys.survey')}</Table.HeaderCell>
							<Table.HeaderCell>{t('surveys.audience')}</Table.HeaderCell>
							<Table.HeaderCell>{t('surveys.status')}</Table.HeaderCell>
							{d.results ? <Table.HeaderCell>{t('surveys.responses')}</Table.HeaderCell> : null}
							<Table.HeaderCell>{t('surveys.yours')}</Table.HeaderCell>
						</Table.Row>
					</Table.Head>
					<Table.Body>
						{d.surveys.map((s) => (
							<Table.Row key={s.id}>
								<Table.HeaderCell scope="row">{d.results ? <AppLink to={`${base}/admin/undersokelser/${s.id}`}>{s.title}</AppLink> : s.title}</Table.HeaderCell>
								<Table.Cell>{t(`surveys.audience.${s.audience}`)}</Table.Cell>
								<Table.Cell>
									<Tag data-color={s.status === 'open' ? 'success' : 'neutral'}>{t(`surveys.status.${s.status}`)}</Tag>{' '}
									{s.status === 'closed' && s.closed_at ? formatDateTime(lang, s.closed_at, 'date') : s.opened_at ? formatDateTime(lang, s.opened_at, 'date') : null}
								</Table.Cell>
								{d.results ? <Table.Cell>{s.responses}</Table.Cell> : null}
								<Table.Cell>
									{s.status !== 'open' ? '–' : s.answered ? t('surveys.answered') : <AppLink to={`${base}/undersokelser/${s.id}`}>{t('surveys.answer', { title: s.title })}</AppLink>}
								</Table.Cell>
							</Table.Row>
						))}
					</Table.Body>
				</Table>
			)}
			{d.manage ? (
				<section className="stack" aria-labelledby="new-survey-heading">
					<Heading level={2} data-size="sm" id="new-survey-heading">
						{t('surveys.new')}
					</Heading>
					<Form method="post" className="form" {...getFormProps(form)}>
						{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
						<SurveyFields fields={fields} />
						<div>
							<Button type="submit">{t('surveys.create')}</Button>
						</div>
					</Form>
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'surveys.title')
