import { data, Form } from 'react-router'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/effort'
import { getCurrentAgreement } from '#app/features/commitment/agreements.server.ts'
import { approveEffort, effortAgainstCommitment, listEffort, logEffort, suggestedGatherings, updateEffort, type EffortError } from '#app/features/commitment/effort.server.ts'
import { effortSchema as schema } from '#app/features/commitment/schemas.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatNumber } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { osloDate } from '#app/platform/time.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const ERROR_STATUS: Record<EffortError, number> = { dayFull: 400, noCompany: 403, notFound: 404, approved: 409, ownEntry: 403, notContact: 403, gathering: 400 }

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'log:effort', { networkId: network.id })
	const db = getDb(context)
	const approver = can(actor, 'approve:effort', { networkId: network.id, personOrganisationId: actor.organisationId })
	const [mine, toApprove, suggestions, gatherings, agreement] = await Promise.all([
		listEffort(db, network.id, { personId: actor.personId }),
		approver && actor.organisationId ? listEffort(db, network.id, { organisationId: actor.organisationId, status: 'submitted' }) : [],
		suggestedGatherings(db, { networkId: network.id, personId: actor.personId, email: actor.email }),
		db.selectFrom('gathering').select(['id', 'title', 'starts_at']).where('network_id', '=', network.id).where('status', '=', 'published').where('starts_at', '<=', new Date().toISOString()).orderBy('starts_at', 'desc').limit(50).execute(),
		getCurrentAgreement(db, network.id),
	])
	const summary =
		agreement && actor.organisationId
			? (await effortAgainstCommitment(db, { networkId: network.id, from: agreement.period_start.slice(0, 10), to: agreement.period_end.slice(0, 10), committedHours: agreement.hours_per_year })).find((c) => c.id === actor.organisationId)
			: undefined
	return { mine, toApprove: toApprove.filter((e) => e.person_id !== actor.personId), suggestions, gatherings, summary: summary ?? null, hasCompany: actor.organisationId !== null, today: osloDate() }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'log:effort', { networkId: network.id })
	const db = getDb(context)
	const form = await request.formData()
	const intent = form.get('intent')
	const fail = (error: EffortError, result: unknown = null) => data({ result, error: `effort.error.${error}` as const, done: null }, { status: ERROR_STATUS[error] })
	if (intent === 'approve') {
		const outcome = await approveEffort(
			db,
			{ networkId: network.id, approver: { id: actor.personId, organisationId: actor.organisationId, isContact: can(actor, 'approve:effort', { networkId: network.id, personOrganisationId: actor.organisationId }) } },
			requireId(String(form.get('entryId'))),
		)
		return 'error' in outcome ? fail(outcome.error) : { result: null, error: null, done: 'effort.approved' as const }
	}
	const submission = parseWithZod(form, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), error: null, done: null }, { status: 400 })
	const { hours, ...rest } = submission.value
	const input = { ...rest, minutes: hours, gathering_id: rest.gathering_id ?? null }
	if (intent === 'update') {
		const outcome = await updateEffort(db, { networkId: network.id, personId: actor.personId }, requireId(String(form.get('entryId'))), input)
		return 'error' in outcome ? fail(outcome.error, submission.reply()) : { result: null, error: null, done: 'effort.updated' as const }
	}
	const outcome = await logEffort(db, { networkId: network.id, person: { id: actor.personId, organisationId: actor.organisationId } }, input)
	return 'error' in outcome ? fail(outcome.error, submission.reply()) : { result: submission.reply({ resetForm: true }), error: null, done: 'effort.logged' as const }
}

function EntryForm({ id, gatherings, defaultValue, intent, entryId, lastResult }: { id: string; gatherings: { id: number; title: string }[]; defaultValue: Record<string, string>; intent: 'log' | 'update'; entryId?: number; lastResult?: SubmissionResult<string[]> | null }) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id, lastResult, defaultValue })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value={intent} />
			{entryId ? <input type="hidden" name="entryId" value={entryId} /> : null}
			<FormField field={fields.date} label={t('effort.date')} type="date" />
			<FormField field={fields.hours} label={t('effort.hours')} description={t('effort.hoursHint')} />
			<SelectField field={fields.activity} label={t('effort.activity')} options={(['gathering', 'idea', 'workshop', 'other'] as const).map((a) => ({ value: a, label: t(`effort.activity.${a}`) }))} />
			<SelectField field={fields.gathering_id} label={t('effort.gathering')} options={[{ value: '', label: t('effort.chooseGathering') }, ...gatherings.map((g) => ({ value: String(g.id), label: g.title }))]} />
			<FormField field={fields.description} label={t('effort.description')} />
			<div>
				<Button type="submit">{intent === 'log' ? t('effort.submit') : t('effort.save')}</Button>
			</div>
		</Form>
	)
}

export default function EffortPage({ loaderData: d, actionData }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const hours = (minutes: number) => formatNumber(lang, minutes / 60)
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('effort.title')}
			</Heading>
			<Paragraph>{t('effort.intro')}</Paragraph>
			{actionData?.done ? (
				<Alert data-color="success" role="status">
					{t(actionData.done)}
				</Alert>
			) : null}
			{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
			{d.summary ? <Paragraph>{t('effort.companyTotal', { company: d.summary.name, hours: formatNumber(lang, d.summary.hours), committed: d.summary.committed })}</Paragraph> : null}
			{!d.hasCompany ? (
				<Alert data-color="warning">{t('effort.error.noCompany')}</Alert>
			) : (
				<>
					{d.suggestions.length ? (
						<section className="stack" aria-labelledby="suggested-heading">
							<Heading level={2} data-size="sm" id="suggested-heading">
								{t('effort.suggested')}
							</Heading>
							<Paragraph>{t('effort.suggestedHint')}</Paragraph>
							{d.suggestions.map((s) => (
								<Form method="post" key={s.id}>
									<input type="hidden" name="intent" value="log" />
									<input type="hidden" name="date" value={osloDate(s.starts_at)} />
									<input type="hidden" name="hours" value={String(s.minutes / 60)} />
									<input type="hidden" name="activity" value="gathering" />
									<input type="hidden" name="gathering_id" value={s.id} />
									<Button type="submit" variant="secondary">
										{t('effort.logSuggested', { hours: hours(s.minutes), title: s.title })}
									</Button>
								</Form>
							))}
						</section>
					) : null}
					<section className="stack" aria-labelledby="log-heading">
						<Heading level={2} data-size="sm" id="log-heading">
							{t('effort.log')}
						</Heading>
						<EntryForm id="log" intent="log" gatherings={d.gatherings} defaultValue={{ date: d.today, activity: 'workshop' }} lastResult={actionData?.done ? undefined : actionData?.result} />
					</section>
				</>
			)}
			{d.toApprove.length || d.summary ? (
				<section className="stack" aria-labelledby="approve-heading">
					<Heading level={2} data-size="sm" id="approve-heading">
						{t('effort.toApprove')}
					</Heading>
					{d.toApprove.length === 0 ? (
						<Paragraph>{t('effort.noneToApprove')}</Paragraph>
					) : (
						<Table>
							<Table.Head>
								<Table.Row>
									<Table.HeaderCell>{t('effort.date')}</Table.HeaderCell>
									<Table.HeaderCell>{t('effort.person')}</Table.HeaderCell>
									<Table.HeaderCell>{t('effort.activity')}</Table.HeaderCell>
									<Table.HeaderCell>{t('effort.hours')}</Table.HeaderCell>
									<Table.HeaderCell>
										<span className="visually-hidden">{t('effort.approve')}</span>
									</Table.HeaderCell>
								</Table.Row>
							</Table.Head>
							<Table.Body>
								{d.toApprove.map((e) => (
									<Table.Row key={e.id}>
										<Table.Cell>{e.date}</Table.Cell>
										<Table.Cell>{e.person}</Table.Cell>
										<Table.Cell>{e.gathering ?? e.description ?? t(`effort.activity.${e.activity}`)}</Table.Cell>
										<Table.Cell>{hours(e.minutes)}</Table.Cell>
										<Table.Cell>
											<Form method="post">
												<input type="hidden" name="intent" value="approve" />
												<input type="hidden" name="entryId" value={e.id} />
												<Button type="submit" data-size="sm" aria-label={`${t('effort.approve')}: ${e.person}, ${e.date}`}>
													{t('effort.approve')}
												</Button>
											</Form>
										</Table.Cell>
									</Table.Row>
								))}
							</Table.Body>
						</Table>
					)}
				</section>
			) : null}
			<section className="stack" aria-labelledby="mine-heading">
				<Heading level={2} data-size="sm" id="mine-heading">
					{t('effort.mine')}
				</Heading>
				{d.mine.length === 0 ? <Paragraph>{t('effort.none')}</Paragraph> : null}
				{d.mine.map((e) => (
					<div key={e.id} className="stack">
						<div className="row">
							<span>
								{e.date} · {hours(e.minutes)} t · {e.gathering ?? t(`effort.activity.${e.activity}`)}
								{e.description ? ` · ${e.description}` : ''}
							</span>
							<Tag data-color={e.status === 'approved' ? 'success' : 'warning'}>{t(`effort.status.${e.status}`)}</Tag>
						</div>
						{e.status === 'submitted' ? (
							<Details>
								<Details.Summary>{t('effort.edit')}</Details.Summary>
								<Details.Content>
									<EntryForm
										id={`entry-${e.id}`}
										intent="update"
										entryId={e.id}
										gatherings={d.gatherings}
										defaultValue={{ date: e.date, hours: String(e.minutes / 60), activity: e.activity, gathering_id: e.gathering_id ? String(e.gathering_id) : '', description: e.description }}
									/>
								</Details.Content>
							</Details>
						) : null}
					</div>
				))}
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'effort.title')
