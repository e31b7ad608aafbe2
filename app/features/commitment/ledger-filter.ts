import { recordId } from '#app/platform/fields.ts'
import type { LedgerFilter } from './effort.server.ts'

const ACTIVITIES = ['gathering', 'idea', 'workshop', 'other'] as const

/** The ledger's filter from a URL's query, so the page and its exports show the same rows. */
export function ledgerFilterFrom(params: URLSearchParams): LedgerFilter {
	const id = (name: string) => recordId.safeParse(params.get(name) ?? '').data
	const date = (name: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) ?? '') ? params.get(name)! : undefined)
	const activity = params.get('aktivitet')
	return {
		organisationId: id('bedrift'),
		personId: id('person'),
		activity: ACTIVITIES.find((a) => a === activity),
		from: date('fra'),
		to: date('til'),
	}
}
