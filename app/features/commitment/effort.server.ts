import { sql, type Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { audit } from '#app/platform/audit.server.ts'
import { now } from '#app/platform/time.ts'

export type EffortInput = {
	date: string
	minutes: number
	activity: 'gathering' | 'idea' | 'workshop' | 'other'
	gathering_id: number | null
	description: string
}

export type EffortError = 'dayFull' | 'noCompany' | 'notFound' | 'approved' | 'ownEntry' | 'notContact' | 'gathering'

const DAY = 24 * 60

async function minutesThatDay(trx: Kysely<DB>, personId: number, date: string, exceptId?: number) {
	let query = trx.selectFrom('effort_entry').select((eb) => eb.fn.sum<number>('minutes').as('m')).where('person_id', '=', personId).where('date', '=', date)
	if (exceptId) query = query.where('id', '!=', exceptId)
	return Number((await query.executeTakeFirst())?.m ?? 0)
}

async function checkGathering(trx: Kysely<DB>, networkId: number, input: EffortInput) {
	if (input.activity !== 'gathering') return true
	if (!input.gathering_id) return false
	return Boolean(await trx.selectFrom('gathering').select('id').where('id', '=', input.gathering_id).where('network_id', '=', networkId).executeTakeFirst())
}

/**
 * Logs own effort for a person's company. A day holds at most 24 hours in all
 * the person's entries together.
 */
export async function logEffort(
	db: Kysely<DB>,
	{ networkId, person }: { networkId: number; person: { id: number; organisationId: number | null } },
	input: EffortInput,
): Promise<{ id: number } | { error: EffortError }> {
	if (person.organisationId === null) return { error: 'noCompany' }
	return db.transaction().execute(async (trx) => {
		if (!(await checkGathering(trx, networkId, input))) return { error: 'gathering' as const }
		if ((await minutesThatDay(trx, person.id, input.date)) + input.minutes > DAY) return { error: 'dayFull' as const }
		const { id } = await trx
			.insertInto('effort_entry')
			.values({ ...input, gathering_id: input.activity === 'gathering' ? input.gathering_id : null, network_id: networkId, person_id: person.id, organisation_id: person.organisationId!, status: 'submitted', created_at: now() })
			.returning('id')
			.executeTakeFirstOrThrow()
		return { id }
	})
}

/** Changes one's own entry while it is not approved. */
export async function updateEffort(db: Kysely<DB>, { networkId, personId }: { networkId: number; personId: number }, entryId: number, input: EffortInput): Promise<{ ok: true } | { error: EffortError }> {
	return db.transaction().execute(async (trx) => {
		const entry = await trx.selectFrom('effort_entry').select(['status']).where('id', '=', entryId).where('network_id', '=', networkId).where('person_id', '=', personId).executeTakeFirst()
		if (!entry) return { error: 'notFound' as const }
		if (entry.status === 'approved') return { error: 'approved' as const }
		if (!(await checkGathering(trx, networkId, input))) return { error: 'gathering' as const }
		if ((await minutesThatDay(trx, personId, input.date, entryId)) + input.minutes > DAY) return { error: 'dayFull' as const }
		await trx.updateTable('effort_entry').set({ ...input, gathering_id: input.activity === 'gathering' ? input.gathering_id : null }).where('id', '=', entryId).where('status', '=', 'submitted').execute()
		return { ok: true as const }
	})
}

/**
 * The company's contact approves an entry of a colleague (never their own).
 * The hourly rate is fixed then, by the network's rule: its fixed rate, or the
 * person's own rate (the fixed rate where the person has none).
 */
export async function approveEffort(
	db: Kysely<DB>,
	{ networkId, approver }: { networkId: number; approver: { id: number; organisationId: number | null; isContact: boolean } },
	entryId: number,
): Promise<{ ok: true } | { error: EffortError }> {
	return db.transaction().execute(async (trx) => {
		const entry = await trx
			.selectFrom('effort_entry as e')
			.innerJoin('person as p', 'p.id', 'e.person_id')
			.innerJoin('network as n', 'n.id', 'e.network_id')
			.select(['e.id', 'e.person_id', 'e.organisation_id', 'e.status', 'e.minutes', 'p.hourly_rate as own_rate', 'n.rate_rule', 'n.hourly_rate'])
			.where('e.id', '=', entryId)
			.where('e.network_id', '=', networkId)
			.executeTakeFirst()
		if (!entry) return { error: 'notFound' as const }
		if (!approver.isContact || approver.organisationId !== entry.organisation_id) return { error: 'notContact' as const }
		if (entry.person_id === approver.id) return { error: 'ownEntry' as const }
		if (entry.status === 'approved') return { error: 'approved' as const }
		const rate = entry.rate_rule === 'own' ? (entry.own_rate ?? entry.hourly_rate) : entry.hourly_rate
		await trx.updateTable('effort_entry').set({ status: 'approved', rate_nok: rate, approved_by: approver.id, approved_at: now() }).where('id', '=', entryId).where('status', '=', 'submitted').execute()
		await audit(trx, { network_id: networkId, actor_id: approver.id, action: 'effort.approved', entity_type: 'effort', entity_id: entryId, summary: `${entry.minutes / 60} t à ${rate} kr` })
		return { ok: true as const }
	})
}

export type LedgerFilter = { organisationId?: number; personId?: number; activity?: EffortInput['activity']; from?: string; to?: string; status?: 'submitted' | 'approved' }

/** The entries a ledger's filter finds, in a query of its own. */
function ledgerEntries(db: Kysely<DB>, networkId: number, filter: LedgerFilter) {
	let query = db.selectFrom('effort_entry as e').where('e.network_id', '=', networkId)
	if (filter.organisationId) query = query.where('e.organisation_id', '=', filter.organisationId)
	if (filter.personId) query = query.where('e.person_id', '=', filter.personId)
	if (filter.activity) query = query.where('e.activity', '=', filter.activity)
	if (filter.status) query = query.where('e.status', '=', filter.status)
	if (filter.from) query = query.where('e.date', '>=', filter.from)
	if (filter.to) query = query.where('e.date', '<=', filter.to)
	return query
}

/**
 * An approved entry's value in whole kroner: hours × rate, rounded half up,
 * counted in whole numbers (minutes × rate / 60) so that the ledger's rows
 * and its totals in SQL round alike.
 */
export const valueOf = (minutes: number, rateNok: number) => Math.floor((minutes * rateNok * 2 + 60) / 120)

/**
 * Effort entries with names and values, the newest first; each filter
 * narrows. Every entry the filter finds — the auditor's export holds them
 * all — or one page of them.
 */
export async function listEffort(db: Kysely<DB>, networkId: number, filter: LedgerFilter = {}, page?: { limit: number; offset: number }) {
	let query = ledgerEntries(db, networkId, filter)
		.innerJoin('person as p', 'p.id', 'e.person_id')
		.innerJoin('organisation as o', 'o.id', 'e.organisation_id')
		.leftJoin('gathering as g', 'g.id', 'e.gathering_id')
		.select(['e.id', 'e.date', 'e.minutes', 'e.activity', 'e.description', 'e.status', 'e.rate_nok', 'e.person_id', 'e.organisation_id', 'e.gathering_id', 'p.name as person', 'o.name as company', 'g.title as gathering'])
		.orderBy('e.date', 'desc')
		.orderBy('e.id', 'desc')
	if (page) query = query.limit(page.limit).offset(page.offset)
	const rows = await query.execute()
	return rows.map((r) => ({ ...r, hours: r.minutes / 60, value_nok: r.status === 'approved' && r.rate_nok !== null ? valueOf(r.minutes, r.rate_nok) : 0 }))
}

/** A ledger's totals over every entry its filter finds: hours approved and submitted, and the approved hours' value. */
export async function effortTotals(db: Kysely<DB>, networkId: number, filter: LedgerFilter = {}) {
	const row = await ledgerEntries(db, networkId, filter)
		.select((eb) => [
			eb.fn.sum<number | string | null>(eb.case().when('e.status', '=', 'approved').then(eb.ref('e.minutes')).else(0).end()).as('approved'),
			eb.fn.sum<number | string | null>(eb.case().when('e.status', '=', 'submitted').then(eb.ref('e.minutes')).else(0).end()).as('submitted'),
			// valueOf in SQL: whole numbers, half up.
			eb.fn
				.sum<number | string | null>(eb.case().when('e.status', '=', 'approved').then(sql<number>`(e.minutes * e.rate_nok * 2 + 60) / 120`).else(0).end())
				.as('value'),
		])
		.executeTakeFirstOrThrow()
	return { approvedHours: Number(row.approved ?? 0) / 60, submittedHours: Number(row.submitted ?? 0) / 60, valueNok: Number(row.value ?? 0) }
}

/** Each member company's approved hours in the period against what it committed to. */
export async function effortAgainstCommitment(db: Kysely<DB>, { networkId, from, to, committedHours }: { networkId: number; from: string; to: string; committedHours: number }) {
	const rows = await db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.leftJoin('effort_entry as e', (join) =>
			join.onRef('e.organisation_id', '=', 'o.id').on('e.network_id', '=', networkId).on('e.status', '=', 'approved').on('e.date', '>=', from).on('e.date', '<=', to),
		)
		.select(['o.id', 'o.name', (eb) => eb.fn.coalesce(eb.fn.sum<number>('e.minutes'), eb.lit(0)).as('minutes')])
		.where('no.network_id', '=', networkId)
		.where('no.status', '=', 'member')
		.groupBy(['o.id', 'o.name'])
		.orderBy('o.name')
		.execute()
	return rows.map((r) => ({ id: r.id, name: r.name, hours: Number(r.minutes) / 60, committed: committedHours }))
}

/** Gatherings the person was checked in at and has not logged yet: suggested entries with their length. */
export async function suggestedGatherings(db: Kysely<DB>, { networkId, personId, email }: { networkId: number; personId: number; email: string }) {
	const rows = await db
		.selectFrom('registration as r')
		.innerJoin('gathering as g', 'g.id', 'r.gathering_id')
		.select(['g.id', 'g.title', 'g.starts_at', 'g.ends_at'])
		.where('g.network_id', '=', networkId)
		.where('r.email', '=', email)
		.where('r.checked_in_at', 'is not', null)
		.where((eb) => eb.not(eb.exists(eb.selectFrom('effort_entry as e').select('e.id').whereRef('e.gathering_id', '=', 'g.id').where('e.person_id', '=', personId))))
		.orderBy('g.starts_at', 'desc')
		.execute()
	return rows.map((g) => ({ ...g, minutes: Math.min(DAY, Math.round((Date.parse(g.ends_at) - Date.parse(g.starts_at)) / 60_000)) }))
}
