import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Details, Fieldset, Heading, Paragraph, Tag, ValidationMessage } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-meetings'
import { lockGathering } from '#app/features/gatherings/gatherings.server.ts'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { advanceRound, getMeetingPlan, leaveAndReplan, listRoundCandidates, planMeetings, setMeetingLock, swapPeople } from '#app/features/meetings/rounds.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { recordId } from '#app/platform/fields.ts'
import type { MessageKey } from '#app/platform/i18n.ts'
import { Checkbox } from '#app/ui/checkbox-field.tsx'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { PlainSelect } from '#app/ui/plain-select.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const schema = z.object({
	participants: z.array(recordId).min(2, 'meetings.pickTwo').default([]),
	rounds: z.coerce.number({ error: 'field.rounds' }).int('field.rounds').min(1, 'field.rounds').max(20, 'field.rounds'),
	minutes: z.coerce.number({ error: 'field.minutes' }).int('field.minutes').min(2, 'field.minutes').max(60, 'field.minutes'),
})
// A round's or a table's number.
const place = z.coerce.number().int().min(1).max(1000)
const edits = z.discriminatedUnion('intent', [
	z.object({ intent: z.enum(['lock', 'unlock']), round: place, table: place }),
	z.object({ intent: z.literal('swap'), round: place, a: recordId, b: recordId }),
	z.object({ intent: z.literal('leave'), registrationId: recordId }),
	z.object({ intent: z.literal('advance') }),
])

async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: false })
	return { network, gathering, actor }
}

export async function loader(args: Route.LoaderArgs) {
	const { gathering } = await load(args)
	const db = getDb(args.context)
	const [candidates, plan] = await Promise.all([listRoundCandidates(db, gathering.id), getMeetingPlan(db, gathering.id)])
	return { gathering: { id: gathering.id, title: gathering.title }, candidates, plan }
}

type Notice = { color: 'success' | 'danger'; key: MessageKey; values?: Record<string, string | number> }

export async function action(args: Route.ActionArgs) {
	const { network, gathering, actor } = await load(args)
	const db = getDb(args.context)
	const scope = { networkId: network.id, gatheringId: gathering.id, actorId: actor.personId }
	const form = await args.request.formData()
	if (form.get('intent') === 'plan') {
		const submission = parseWithZod(form, { schema })
		if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
		const { participants, rounds, minutes } = submission.value
		const outcome = await db.transaction().execute((trx) => planMeetings(trx, scope, { registrationIds: participants, rounds, minutes }))
		if ('error' in outcome) {
			// The form shows the message; the notice carries its values.
			const notice: Notice = { color: 'danger', key: `meetings.${outcome.error}`, values: outcome.error === 'noCompany' ? { name: outcome.name } : undefined }
			return data({ result: submission.reply({ formErrors: [notice.key] }), notice }, { status: outcome.error === 'started' ? 409 : 400 })
		}
		const notice: Notice = outcome.possible === null ? { color: 'success', key: 'meetings.planned', values: { n: outcome.rounds } } : { color: 'success', key: 'meetings.onlyPossible', values: { n: outcome.possible.rounds, asked: rounds, pairs: outcome.possible.pairs } }
		return { result: null, notice }
	}
	const parsed = edits.safeParse(Object.fromEntries(form))
	invariantResponse(parsed.success, 'error.badRequest.title', { status: 400 })
	const edit = parsed.data
	const outcome = await db.transaction().execute(async (trx) => {
		// One change at a time, each on the plan as it is now.
		await lockGathering(trx, gathering.id)
		const plan = await getMeetingPlan(trx, gathering.id)
		invariantResponse(plan, 'error.notFound.title', { status: 404 })
		switch (edit.intent) {
			case 'lock':
			case 'unlock':
				return setMeetingLock(trx, plan, { round: edit.round, table: edit.table, locked: edit.intent === 'lock' })
			case 'swap':
				return swapPeople(trx, scope, plan, edit)
			case 'leave':
				return leaveAndReplan(trx, scope, plan, edit.registrationId)
			case 'advance':
				await advanceRound(trx, scope, plan)
				return { ok: true } as const
		}
	})
	const who = edit.intent === 'leave' ? await db.selectFrom('registration').select('name').where('id', '=', edit.registrationId).executeTakeFirst() : undefined
	if ('error' in outcome) {
		const notice: Notice = { color: 'danger', key: `meetings.error.${outcome.error}` }
		return data({ result: null, notice }, { status: outcome.error === 'notFound' ? 404 : 409 })
	}
	const done: Record<typeof edit.intent, Notice | null> = {
		lock: { color: 'success', key: 'meetings.lockSaved' },
		unlock: { color: 'success', key: 'meetings.lockSaved' },
		swap: { color: 'success', key: 'meetings.swapped' },
		leave: { color: 'success', key: 'meetings.left', values: { name: who?.name ?? '' } },
		advance: null,
	}
	return { result: null, notice: done[edit.intent] }
}

export default function AdminMeetings({ loaderData: { gathering, candidates, plan }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, {
		id: 'plan',
		lastResult: actionData?.result,
		defaultValue: { rounds: String(plan?.rounds ?? 4), minutes: String(plan?.minutes ?? 7) },
	})
	const chosen = new Set((actionData?.result?.initialValue?.participants as string[] | undefined) ?? (plan ? plan.people.filter((p) => !p.left).map((p) => String(p.id)) : candidates.map((c) => String(c.id))))
	const formError = form.errors?.[0]
	const base = `/n/${params.network}/admin/samlinger/${gathering.id}/motesrunder`
	const present = plan?.people.filter((p) => !p.left) ?? []
	const open = plan ? Math.max(1, plan.current_round + 1) : 1
	const openRounds = plan ? plan.schedule.filter((r) => r.round >= open) : []
	const planForm = (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="plan" />
			{formError ? (
				<Alert data-color="danger">{t(formError as MessageKey, actionData?.notice?.values)}</Alert>
			) : form.status === 'error' ? (
				<Alert data-color="danger">{t('common.formErrors')}</Alert>
			) : null}
			<Fieldset>
				<Fieldset.Legend>{t('meetings.participants')}</Fieldset.Legend>
				{candidates.length === 0 ? <Paragraph>{t('meetings.noCandidates')}</Paragraph> : null}
				{candidates.map((c) => (
					<Checkbox
						key={c.id}
						name="participants"
						value={String(c.id)}
						defaultChecked={chosen.has(String(c.id))}
						label={`${c.name} (${c.organisation ?? '–'})${c.checked_in_at ? ` – ${t('meetings.checkedIn')}` : ''}`}
					/>
				))}
				{fields.participants.errors ? <ValidationMessage>{t(fields.participants.errors[0] as MessageKey)}</ValidationMessage> : null}
			</Fieldset>
			<div className="row">
				<FormField field={fields.rounds} label={t('meetings.rounds')} type="number" />
				<FormField field={fields.minutes} label={t('meetings.minutes')} type="number" />
			</div>
			<div>
				<Button type="submit">{plan ? t('meetings.replan') : t('meetings.plan')}</Button>
			</div>
		</Form>
	)
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('meetings.title', { title: gathering.title })}
			</Heading>
			{actionData?.notice && !formError ? (
				<Alert data-color={actionData.notice.color} role={actionData.notice.color === 'success' ? 'status' : undefined}>
					{t(actionData.notice.key, actionData.notice.values)}
				</Alert>
			) : null}
			<Paragraph>{t('meetings.intro')}</Paragraph>
			{!plan ? (
				planForm
			) : plan.current_round === 0 ? (
				<Details defaultOpen={actionData?.result?.status === 'error'}>
					<Details.Summary>{t('meetings.replan')}</Details.Summary>
					<Details.Content>{planForm}</Details.Content>
				</Details>
			) : null}
			{plan ? (
				<section className="stack" aria-labelledby="schedule-heading">
					<Heading level={2} data-size="md" id="schedule-heading">
						{t('meetings.schedule')}
					</Heading>
					<Paragraph role="status">
						{plan.current_round === 0
							? t('meetings.status.notStarted')
							: plan.current_round > plan.rounds
								? t('meetings.status.over')
								: t('meetings.status.running', { n: plan.current_round, total: plan.rounds })}
					</Paragraph>
					<div className="row">
						{plan.current_round <= plan.rounds ? (
							<Form method="post">
								<Button type="submit" name="intent" value="advance">
									{plan.current_round === 0 ? t('meetings.start') : plan.current_round === plan.rounds ? t('meetings.finish') : t('meetings.next', { n: plan.current_round + 1 })}
								</Button>
							</Form>
						) : null}
						<AppLink to={`${base}/skjerm`}>{t('meetings.screen')}</AppLink>
					</div>
					{plan.schedule.map((round) => (
						<section key={round.round} className="stack" aria-labelledby={`round-${round.round}`}>
							<Heading level={3} data-size="sm" id={`round-${round.round}`}>
								{t('meetings.round', { n: round.round })}
							</Heading>
							<Table data-size="sm">
								<Table.Head>
									<Table.Row>
										<Table.HeaderCell>{t('meetings.table')}</Table.HeaderCell>
										<Table.HeaderCell>{t('meetings.who')}</Table.HeaderCell>
										<Table.HeaderCell>{t('meetings.lock')}</Table.HeaderCell>
									</Table.Row>
								</Table.Head>
								<Table.Body>
									{round.meetings.map((m) => (
										<Table.Row key={m.table}>
											<Table.Cell>{m.table}</Table.Cell>
											<Table.Cell>
												{m.people.map((p, i) => (
													<span key={p.id}>
														{i > 0 ? ' · ' : ''}
														{p.name} <span className="muted">({p.organisation})</span>
														{p.left ? ` – ${t('meetings.hasLeft')}` : ''}
													</span>
												))}
											</Table.Cell>
											<Table.Cell>
												{round.round >= open ? (
													<Form method="post">
														<input type="hidden" name="round" value={round.round} />
														<input type="hidden" name="table" value={m.table} />
														<Button
															type="submit"
															name="intent"
															value={m.locked ? 'unlock' : 'lock'}
															variant="tertiary"
															data-size="sm"
															aria-label={t(m.locked ? 'meetings.unlockTable' : 'meetings.lockTable', { table: m.table, round: round.round })}
														>
															{m.locked ? t('meetings.unlock') : t('meetings.lock')}
														</Button>
													</Form>
												) : m.locked ? (
													<Tag data-size="sm">{t('meetings.locked')}</Tag>
												) : null}
											</Table.Cell>
										</Table.Row>
									))}
								</Table.Body>
							</Table>
							{round.resting.length > 0 ? <Paragraph data-size="sm">{t('meetings.resting', { names: round.resting.map((p) => p.name).join(', ') })}</Paragraph> : null}
						</section>
					))}
					{openRounds.length > 0 && present.length > 1 ? (
						<Details>
							<Details.Summary>{t('meetings.swap')}</Details.Summary>
							<Details.Content>
								<Form method="post" className="form">
									<input type="hidden" name="intent" value="swap" />
									<PlainSelect id="edit-round" name="round" label={t('meetings.swapRound')} options={openRounds.map((r) => ({ value: r.round, label: t('meetings.round', { n: r.round }) }))} />
									<PlainSelect id="edit-a" name="a" label={t('meetings.swapA')} options={present.map((p) => ({ value: p.id, label: `${p.name} (${p.organisation})` }))} />
									<PlainSelect id="edit-b" name="b" label={t('meetings.swapB')} options={present.map((p) => ({ value: p.id, label: `${p.name} (${p.organisation})` }))} />
									<div>
										<Button type="submit" variant="secondary">
											{t('meetings.swapSubmit')}
										</Button>
									</div>
								</Form>
							</Details.Content>
						</Details>
					) : null}
					{plan.current_round <= plan.rounds && present.length > 0 ? (
						<Details>
							<Details.Summary>{t('meetings.leave')}</Details.Summary>
							<Details.Content>
								<Form method="post" className="form">
									<input type="hidden" name="intent" value="leave" />
									<PlainSelect id="edit-registrationId" name="registrationId" label={t('meetings.leavePerson')} options={present.map((p) => ({ value: p.id, label: `${p.name} (${p.organisation})` }))} />
									<div>
										<Button type="submit" variant="secondary">
											{t('meetings.leaveSubmit')}
										</Button>
									</div>
								</Form>
							</Details.Content>
						</Details>
					) : null}
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'meetings.title', { title: loaderData.gathering.title }) : [{ title: documentTitle() }])
