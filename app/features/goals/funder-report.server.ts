import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { getCurrentAgreement, listCommitments } from '#app/features/commitment/agreements.server.ts'
import { effortAgainstCommitment, effortTotals } from '#app/features/commitment/effort.server.ts'
import { listInvoices } from '#app/features/commitment/invoices.server.ts'
import type { Viewer } from '#app/features/ideas/ideas.server.ts'
import { now, osloDate } from '#app/platform/time.ts'
import { scaleResults } from '#app/features/surveys/surveys.server.ts'
import { goalReport } from './goals.server.ts'

const DAY_MS = 86_400_000

/**
 * The report a funder asks for (Innovasjon Norge): what the participation
 * agreement in force plans for its period — gatherings, own effort, own
 * contribution, for the companies that accepted it — against what is done
 * in that period so far (gatherings held, with who came; own effort
 * approved, company by company; the contribution invoiced and paid), the
 * goals' progress, and the benefit as the companies see it, as far as the
 * network's surveys asked it on a scale. Without an agreement there is nothing planned to report
 * against, only the goals.
 */
export async function funderReport(db: Kysely<DB>, { network, viewer }: { network: { id: number; created_at: string }; viewer: Viewer }) {
	const networkId = network.id
	const [agreement, commitments, goals, surveys] = await Promise.all([getCurrentAgreement(db, networkId), listCommitments(db, networkId), goalReport(db, { network, viewer }), scaleResults(db, networkId)])
	const asOf = osloDate()
	if (!agreement) return { asOf, goals, surveys, plan: null }
	const from = agreement.period_start.slice(0, 10)
	const to = agreement.period_end.slice(0, 10)
	// A year of the agreement is its own year: 1 January to 31 December is one.
	const years = Math.round(((Date.parse(to) - Date.parse(from) + DAY_MS) / (365 * DAY_MS)) * 10) / 10
	const hoursEach = Math.round(agreement.hours_per_year * years)
	const committed = commitments.filter((c) => c.status === 'member' && c.accepted_version !== null)
	const until = asOf < to ? asOf : to
	const [hours, totals, invoices, gatherings] = await Promise.all([
		effortAgainstCommitment(db, { networkId, from, to: until, committedHours: hoursEach }),
		effortTotals(db, networkId, { from, to: until, status: 'approved' }),
		listInvoices(db, { networkId }),
		db
			.selectFrom('gathering as g')
			.select(['g.id', 'g.title', 'g.starts_at'])
			.select((eb) => eb.selectFrom('registration as r').select((r) => r.fn.countAll<number>().as('n')).whereRef('r.gathering_id', '=', 'g.id').where('r.checked_in_at', 'is not', null).as('present'))
			.where('g.network_id', '=', networkId)
			.where('g.status', '=', 'published')
			.where('g.starts_at', '>=', `${from}T00:00:00.000Z`)
			.where('g.starts_at', '<', `${to}T23:59:59.999Z`)
			.where('g.starts_at', '<', now())
			.orderBy('g.starts_at')
			.execute(),
	])
	const sum = (list: { amount_nok: number }[]) => list.reduce((n, i) => n + i.amount_nok, 0)
	const committedIds = new Set(committed.map((c) => c.id))
	return {
		asOf,
		goals,
		surveys,
		plan: {
			version: agreement.version,
			from,
			to,
			companies: committed.length,
			gatherings: Math.round(agreement.gatherings_per_year * years),
			hours: hoursEach * committed.length,
			contribution: agreement.egenandel_nok * committed.length,
		},
		done: {
			gatherings: gatherings.map((g) => ({ title: g.title, starts_at: g.starts_at, present: Number(g.present ?? 0) })),
			present: gatherings.reduce((n, g) => n + Number(g.present ?? 0), 0),
			hours: totals.approvedHours,
			valueNok: totals.valueNok,
			invoiced: sum(invoices),
			paid: sum(invoices.filter((i) => i.paid_at !== null)),
		},
		// Each committed company's approved hours against its share of the plan.
		companies: hours.filter((h) => committedIds.has(h.id)).map(({ name, hours, committed }) => ({ name, hours, planned: committed })),
	}
}
