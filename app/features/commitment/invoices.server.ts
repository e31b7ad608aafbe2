import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { audit } from '#app/platform/audit.server.ts'
import { now } from '#app/platform/time.ts'

/**
 * An invoice record for a company's own contribution in a period; one per
 * company and period (a second is refused by the database as well).
 */
export async function createInvoice(
	trx: Kysely<DB>,
	{ networkId, actorId }: { networkId: number; actorId: number },
	input: { organisation_id: number; period: string; amount_nok: number; due_date: string },
): Promise<{ id: number } | { error: 'duplicate' }> {
	const existing = await trx
		.selectFrom('invoice')
		.select('id')
		.where('network_id', '=', networkId)
		.where('organisation_id', '=', input.organisation_id)
		.where('period', '=', input.period)
		.executeTakeFirst()
	if (existing) return { error: 'duplicate' }
	const { id } = await trx.insertInto('invoice').values({ ...input, network_id: networkId, created_at: now() }).returning('id').executeTakeFirstOrThrow()
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'invoice.created', entity_type: 'invoice', entity_id: id, summary: `${input.period}: ${input.amount_nok} kr` })
	return { id }
}

/** Marks an invoice as sent or paid (today); false if it is not the network's or already so. */
export async function markInvoice(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number }, invoiceId: number, mark: 'sent' | 'paid') {
	const column = mark === 'sent' ? 'sent_at' : 'paid_at'
	const result = await trx
		.updateTable('invoice')
		.set({ [column]: now() })
		.where('network_id', '=', networkId)
		.where('id', '=', invoiceId)
		.where(column, 'is', null)
		.executeTakeFirst()
	if (Number(result.numUpdatedRows) !== 1) return false
	await audit(trx, { network_id: networkId, actor_id: actorId, action: `invoice.${mark}`, entity_type: 'invoice', entity_id: invoiceId, summary: mark })
	return true
}

/** The network's invoices; `outstanding` keeps only the unpaid ones. */
export function listInvoices(db: Kysely<DB>, { networkId, outstanding = false }: { networkId: number; outstanding?: boolean }) {
	let query = db
		.selectFrom('invoice as i')
		.innerJoin('organisation as o', 'o.id', 'i.organisation_id')
		.select(['i.id', 'i.period', 'i.amount_nok', 'i.due_date', 'i.sent_at', 'i.paid_at', 'o.name as company', 'o.org_number', 'i.organisation_id'])
		.where('i.network_id', '=', networkId)
	if (outstanding) query = query.where('i.paid_at', 'is', null)
	return query.orderBy('i.period', 'desc').orderBy('o.name').execute()
}
