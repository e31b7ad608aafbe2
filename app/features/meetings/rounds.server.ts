import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { lockGathering } from '#app/features/gatherings/gatherings.server.ts'
import { audit } from '#app/platform/audit.server.ts'
import { splitTags } from '#app/platform/text.ts'
import { now } from '#app/platform/time.ts'
import { pairKey, planRounds, ruleBreaks, type PlanInput, type Round } from './planner.ts'

type Scope = { networkId: number; gatheringId: number; actorId: number }

/** Everyone who can take part: registered or checked in, with their company. */
export function listRoundCandidates(db: Kysely<DB>, gatheringId: number) {
	return db
		.selectFrom('registration as r')
		.leftJoin('organisation as o', 'o.id', 'r.organisation_id')
		.select(['r.id', 'r.name', 'r.organisation_id', 'o.name as organisation', 'r.checked_in_at'])
		.where('r.gathering_id', '=', gatheringId)
		.where('r.status', '=', 'registered')
		.orderBy('o.name')
		.orderBy('r.name')
		.execute()
}

/** What the planner needs to know about the network: competences, earlier meetings, wishes and blocks. */
async function plannerInput(db: Kysely<DB>, networkId: number, people: { id: number; companyId: number }[], rounds: number): Promise<PlanInput> {
	const companyIds = [...new Set(people.map((p) => p.companyId))]
	const [companies, contacts, wishes] = await Promise.all([
		db.selectFrom('organisation').select(['id', 'competences_offered', 'competences_wanted']).where('id', 'in', companyIds).execute(),
		db.selectFrom('company_contact').select(['organisation_a', 'organisation_b']).where('network_id', '=', networkId).execute(),
		db.selectFrom('company_wish').select(['organisation_id', 'other_id', 'kind']).where('network_id', '=', networkId).execute(),
	])
	return {
		people,
		rounds,
		companies: companies.map((c) => ({ id: c.id, offers: splitTags(c.competences_offered).map(fold), wants: splitTags(c.competences_wanted).map(fold) })),
		metBefore: contacts.map((c) => [c.organisation_a, c.organisation_b] as const),
		wishes: wishes.filter((w) => w.kind === 'meet').map((w) => [w.organisation_id, w.other_id] as const),
		blocked: wishes.filter((w) => w.kind === 'avoid').map((w) => [w.organisation_id, w.other_id] as const),
	}
}

const fold = (s: string) => s.toLocaleLowerCase('nb')

export type PlanResult =
	| { ok: true; rounds: number; possible: { rounds: number; pairs: number } | null }
	| { error: 'noCompany'; name: string }
	| { error: 'fewCompanies' }
	| { error: 'unknownParticipant' }
	| { error: 'started' }

/**
 * Plans the get-to-know rounds for the chosen participants, replacing an
 * earlier plan whose rounds have not started. When fewer rounds are possible
 * than asked for, plans those and says how many.
 */
export async function planMeetings(trx: Kysely<DB>, scope: Scope, input: { registrationIds: number[]; rounds: number; minutes: number }): Promise<PlanResult> {
	await lockGathering(trx, scope.gatheringId)
	const existing = await trx.selectFrom('meeting_plan').select('current_round').where('gathering_id', '=', scope.gatheringId).executeTakeFirst()
	if (existing && existing.current_round > 0) return { error: 'started' }
	const candidates = await listRoundCandidates(trx, scope.gatheringId)
	const chosen = input.registrationIds.map((id) => candidates.find((c) => c.id === id))
	if (chosen.some((c) => !c)) return { error: 'unknownParticipant' }
	const withoutCompany = chosen.find((c) => c!.organisation_id === null)
	if (withoutCompany) return { error: 'noCompany', name: withoutCompany.name }
	const people = chosen.map((c) => ({ id: c!.id, companyId: c!.organisation_id! }))
	if (new Set(people.map((p) => p.companyId)).size < 2) return { error: 'fewCompanies' }

	const plannerData = await plannerInput(trx, scope.networkId, people, input.rounds)
	const planned = planRounds(plannerData)
	// Rounds where nobody can meet a company they have not met in this gathering are left out.
	let rounds = planned.length
	while (rounds > 0 && planned[rounds - 1]!.meetings.length === 0) rounds--
	const companies = [...new Set(people.map((p) => p.companyId))]
	const blocked = new Set(plannerData.blocked!.map(([a, b]) => pairKey(a, b)))
	const pairs = companies.flatMap((a, i) => companies.slice(i + 1).map((b) => pairKey(a, b))).filter((key) => !blocked.has(key)).length
	const at = now()
	await trx.deleteFrom('meeting_plan').where('gathering_id', '=', scope.gatheringId).execute()
	const plan = await trx
		.insertInto('meeting_plan')
		.values({ gathering_id: scope.gatheringId, rounds, minutes: input.minutes, created_at: at, updated_at: at })
		.returning('id')
		.executeTakeFirstOrThrow()
	await trx
		.insertInto('meeting_participant')
		.values(people.map((p) => ({ plan_id: plan.id, registration_id: p.id, organisation_id: p.companyId, left_at: null })))
		.execute()
	await saveRounds(trx, plan.id, planned.slice(0, rounds))
	await audit(trx, {
		network_id: scope.networkId,
		actor_id: scope.actorId,
		action: 'meetings.planned',
		entity_type: 'gathering',
		entity_id: scope.gatheringId,
		summary: `${rounds} runder, ${people.length} deltakere`,
	})
	return { ok: true, rounds, possible: rounds < input.rounds ? { rounds, pairs } : null }
}

async function saveRounds(trx: Kysely<DB>, planId: number, rounds: readonly Round[]) {
	const seats = rounds.flatMap((r) =>
		r.meetings.flatMap((m) => m.people.map((registration_id) => ({ plan_id: planId, round: r.round, table_no: m.table, registration_id, locked: m.locked ? 1 : 0 }))),
	)
	// Postgres takes at most 65,535 parameters in one statement.
	for (let i = 0; i < seats.length; i += 1000) await trx.insertInto('meeting_seat').values(seats.slice(i, i + 1000)).execute()
}

export type Person = { id: number; name: string; organisationId: number; organisation: string; left: boolean }
export type PlannedMeeting = { table: number; locked: boolean; people: Person[] }
export type MeetingPlan = NonNullable<Awaited<ReturnType<typeof getMeetingPlan>>>

/** The plan of a gathering with its rounds, tables and who rests. */
export async function getMeetingPlan(db: Kysely<DB>, gatheringId: number) {
	const plan = await db.selectFrom('meeting_plan').selectAll().where('gathering_id', '=', gatheringId).executeTakeFirst()
	if (!plan) return null
	const [participants, seats] = await Promise.all([
		db
			.selectFrom('meeting_participant as mp')
			.innerJoin('registration as r', 'r.id', 'mp.registration_id')
			.innerJoin('organisation as o', 'o.id', 'mp.organisation_id')
			.select(['r.id', 'r.name', 'r.person_id', 'mp.organisation_id', 'o.name as organisation', 'mp.left_at'])
			.where('mp.plan_id', '=', plan.id)
			.orderBy('o.name')
			.orderBy('r.name')
			.execute(),
		db.selectFrom('meeting_seat').selectAll().where('plan_id', '=', plan.id).orderBy('round').orderBy('table_no').orderBy('registration_id').execute(),
	])
	const people = new Map<number, Person & { personId: number | null }>(
		participants.map((p) => [p.id, { id: p.id, name: p.name, personId: p.person_id, organisationId: p.organisation_id, organisation: p.organisation, left: p.left_at !== null }]),
	)
	const schedule = Array.from({ length: plan.rounds }, (_, i) => {
		const round = i + 1
		const tables = new Map<number, PlannedMeeting>()
		for (const seat of seats.filter((s) => s.round === round)) {
			const table = tables.get(seat.table_no) ?? { table: seat.table_no, locked: seat.locked === 1, people: [] }
			table.people.push(people.get(seat.registration_id)!)
			tables.set(seat.table_no, table)
		}
		const seated = new Set(seats.filter((s) => s.round === round).map((s) => s.registration_id))
		return { round, meetings: [...tables.values()], resting: [...people.values()].filter((p) => !seated.has(p.id) && !p.left) }
	})
	return { ...plan, people: [...people.values()], schedule }
}

/** The plan as the planner sees it, for re-planning and rule checks. */
function asRounds(plan: MeetingPlan): Round[] {
	return plan.schedule.map((r) => ({
		round: r.round,
		meetings: r.meetings.map((m) => ({ table: m.table, people: m.people.map((p) => p.id), locked: m.locked })),
		resting: r.resting.map((p) => p.id),
	}))
}

async function blockedPairs(db: Kysely<DB>, networkId: number) {
	const rows = await db.selectFrom('company_wish').select(['organisation_id', 'other_id']).where('network_id', '=', networkId).where('kind', '=', 'avoid').execute()
	return rows.map((w) => [w.organisation_id, w.other_id] as const)
}

/** Rounds that have not started yet may change; the others are held. */
const firstOpenRound = (plan: MeetingPlan) => Math.max(1, plan.current_round + 1)

export type EditResult = { ok: true } | { error: 'breaksRule' | 'roundHeld' | 'notFound' }

export async function setMeetingLock(trx: Kysely<DB>, plan: MeetingPlan, input: { round: number; table: number; locked: boolean }): Promise<EditResult> {
	if (input.round < firstOpenRound(plan)) return { error: 'roundHeld' }
	const result = await trx
		.updateTable('meeting_seat')
		.set({ locked: input.locked ? 1 : 0 })
		.where('plan_id', '=', plan.id)
		.where('round', '=', input.round)
		.where('table_no', '=', input.table)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) > 0 ? { ok: true } : { error: 'notFound' }
}

/** Swaps two people's seats in a round that has not started, if the rules still hold. */
export async function swapPeople(trx: Kysely<DB>, scope: Scope, plan: MeetingPlan, input: { round: number; a: number; b: number }): Promise<EditResult> {
	if (input.round < firstOpenRound(plan)) return { error: 'roundHeld' }
	const rounds = asRounds(plan)
	const round = rounds[input.round - 1]
	if (!round || input.a === input.b || !plan.people.some((p) => p.id === input.a) || !plan.people.some((p) => p.id === input.b)) return { error: 'notFound' }
	const swap = (id: number) => (id === input.a ? input.b : id === input.b ? input.a : id)
	round.meetings = round.meetings.map((m) => ({ ...m, people: m.people.map(swap) }))
	round.resting = round.resting.map(swap)
	const people = plan.people.map((p) => ({ id: p.id, companyId: p.organisationId }))
	if (ruleBreaks({ people, blocked: await blockedPairs(trx, scope.networkId) }, rounds).length > 0) return { error: 'breaksRule' }
	await trx.deleteFrom('meeting_seat').where('plan_id', '=', plan.id).where('round', '=', input.round).execute()
	await saveRounds(trx, plan.id, [round])
	await trx.updateTable('meeting_plan').set({ updated_at: now() }).where('id', '=', plan.id).execute()
	return { ok: true }
}

/** Someone leaves: the rounds that have not started are planned again without them; locked tables stay. */
export async function leaveAndReplan(trx: Kysely<DB>, scope: Scope, plan: MeetingPlan, registrationId: number): Promise<EditResult> {
	const person = plan.people.find((p) => p.id === registrationId && !p.left)
	if (!person) return { error: 'notFound' }
	await trx.updateTable('meeting_participant').set({ left_at: now() }).where('plan_id', '=', plan.id).where('registration_id', '=', registrationId).execute()
	const open = firstOpenRound(plan)
	const rounds = asRounds(plan)
	const absent = plan.people.filter((p) => p.left || p.id === registrationId).map((p) => p.id)
	const locked = rounds
		.slice(open - 1)
		.flatMap((r) => r.meetings.filter((m) => m.locked && !m.people.some((p) => absent.includes(p))).map((m) => ({ round: r.round, people: m.people })))
	const everyone = plan.people.map((p) => ({ id: p.id, companyId: p.organisationId }))
	const input = await plannerInput(trx, scope.networkId, everyone, plan.rounds)
	const fresh = planRounds({ ...input, held: rounds.slice(0, open - 1), locked, absent }).slice(open - 1)
	await trx.deleteFrom('meeting_seat').where('plan_id', '=', plan.id).where('round', '>=', open).execute()
	await saveRounds(trx, plan.id, fresh)
	await audit(trx, {
		network_id: scope.networkId,
		actor_id: scope.actorId,
		action: 'meetings.replanned',
		entity_type: 'gathering',
		entity_id: scope.gatheringId,
		summary: `${person.name} gikk; runde ${open}–${plan.rounds} planlagt på nytt`,
	})
	return { ok: true }
}

/**
 * Starts the next round (or the first). After the last round every meeting is
 * recorded as "met", once.
 */
export async function advanceRound(trx: Kysely<DB>, scope: Scope, plan: MeetingPlan) {
	if (plan.current_round > plan.rounds) return
	const next = plan.current_round + 1
	const moved = await trx
		.updateTable('meeting_plan')
		.set({ current_round: next, round_started_at: next <= plan.rounds ? now() : null, updated_at: now() })
		.where('id', '=', plan.id)
		.where('current_round', '=', plan.current_round)
		.executeTakeFirst()
	// A second click on the same button finds the round already moved on.
	if (Number(moved.numUpdatedRows) === 0 || next <= plan.rounds) return
	const pairs = new Map<string, [number, number]>()
	for (const round of plan.schedule)
		for (const m of round.meetings)
			for (let i = 0; i < m.people.length; i++)
				for (let j = i + 1; j < m.people.length; j++) {
					const a = Math.min(m.people[i]!.organisationId, m.people[j]!.organisationId)
					const b = Math.max(m.people[i]!.organisationId, m.people[j]!.organisationId)
					pairs.set(`${a}:${b}`, [a, b])
				}
	const at = now()
	if (pairs.size > 0) {
		await trx
			.insertInto('company_contact')
			.values([...pairs.values()].map(([a, b]) => ({ network_id: scope.networkId, organisation_a: a, organisation_b: b, kind: 'met' as const, gathering_id: scope.gatheringId, recorded_by: scope.actorId, created_at: at })))
			.execute()
	}
	await audit(trx, {
		network_id: scope.networkId,
		actor_id: scope.actorId,
		action: 'meetings.recorded',
		entity_type: 'gathering',
		entity_id: scope.gatheringId,
		summary: `${pairs.size} bedriftspar har møttes`,
	})
}

/** A participant's own schedule: per round, the table and whom they meet, with what those companies do. */
export async function getOwnSchedule(db: Kysely<DB>, { gatheringId, personId }: { gatheringId: number; personId: number }) {
	const plan = await getMeetingPlan(db, gatheringId)
	if (!plan) return null
	const me = plan.people.find((p) => p.personId === personId)
	if (!me) return { plan, me: null, rounds: [] }
	const others = [...new Set(plan.schedule.flatMap((r) => r.meetings.flatMap((m) => m.people.map((p) => p.organisationId))))]
	const companies = others.length
		? await db.selectFrom('organisation').select(['id', 'description', 'competences_offered']).where('id', 'in', others).execute()
		: []
	const about = new Map(companies.map((c) => [c.id, c]))
	const rounds = plan.schedule.map((r) => {
		const meeting = r.meetings.find((m) => m.people.some((p) => p.id === me.id))
		return {
			round: r.round,
			table: meeting?.table ?? null,
			with: (meeting?.people ?? [])
				.filter((p) => p.id !== me.id)
				.map((p) => ({ ...p, description: about.get(p.organisationId)?.description ?? '', competences: about.get(p.organisationId)?.competences_offered ?? '' })),
		}
	})
	return { plan, me, rounds }
}
