import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { now } from './time.ts'

type Entry = Omit<DB['audit_log'], 'id' | 'created_at'>

/** Records a change, inside the transaction that makes it. */
export async function audit(trx: Kysely<DB>, entry: Entry) {
	await trx.insertInto('audit_log').values({ ...entry, created_at: now() }).execute()
}

/** A network's log, newest first, with the actor's name. */
export function listAuditLog(db: Kysely<DB>, { networkId, limit = 200 }: { networkId: number; limit?: number }) {
	return db
		.selectFrom('audit_log as a')
		.leftJoin('person as p', 'p.id', 'a.actor_id')
		.select(['a.id', 'a.action', 'a.entity_type', 'a.entity_id', 'a.summary', 'a.created_at', 'p.name as actor_name'])
		.where('a.network_id', '=', networkId)
		.orderBy('a.id', 'desc')
		.limit(limit)
		.execute()
}
