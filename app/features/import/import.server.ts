import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { addPerson, createOrganisation } from '#app/features/directory/directory.server.ts'
import { audit } from '#app/platform/audit.server.ts'
import { inMinutes, now } from '#app/platform/time.ts'
import type { ImportRow } from './csv.ts'

const BATCH = 25

/**
 * Queues checked rows for import and returns the job's id. The rows were all
 * checked first (parseImportCsv): a file with a bad row never gets here.
 */
export async function queueImport(db: Kysely<DB>, { networkId, actorId, rows }: { networkId: number; actorId: number; rows: ImportRow[] }) {
	const { id } = await db
		.insertInto('import_job')
		.values({ network_id: networkId, created_by: actorId, status: 'queued', rows: JSON.stringify(rows), total: rows.length, done: 0, created_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow()
	return id
}

export function getImportJob(db: Kysely<DB>, { networkId, jobId }: { networkId: number; jobId: number }) {
	return db
		.selectFrom('import_job')
		.select(['id', 'status', 'total', 'done', 'error', 'created_at', 'finished_at'])
		.where('network_id', '=', networkId)
		.where('id', '=', jobId)
		.executeTakeFirst()
}

/** Imports one row; safe to repeat, since companies are found by number and people by e-mail. */
async function importRow(trx: Kysely<DB>, by: { networkId: number; actorId: number | null }, row: ImportRow) {
	const existing = await trx
		.selectFrom('organisation as o')
		.leftJoin('network_organisation as no', (join) => join.onRef('no.organisation_id', '=', 'o.id').on('no.network_id', '=', by.networkId))
		.select(['o.id', 'no.network_id'])
		.where('o.org_number', '=', row.org_number)
		.executeTakeFirst()
	const organisationId =
		existing?.network_id != null
			? existing.id
			: await createOrganisation(
					trx,
					by,
					{ org_number: row.org_number, name: row.company, kind: 'company', description: '', website: '', employees: null, town: '', competences_offered: '', competences_wanted: '', technologies: '' },
					'member',
				)
	if (!row.email) return
	const roles = await trx
		.selectFrom('membership')
		.innerJoin('person', 'person.id', 'membership.person_id')
		.select('membership.role')
		.where('person.email', '=', row.email)
		.where('membership.network_id', '=', by.networkId)
		.execute()
	await addPerson(trx, by, {
		email: row.email,
		name: row.name,
		title: row.title,
		phone: row.phone,
		organisation_id: organisationId,
		roles: [...new Set([...roles.map((r) => r.role), row.role])],
	})
}

/**
 * Runs queued imports a batch at a time, each batch one transaction, and
 * records progress after each. A job is claimed with a lease, so several
 * processes share the work and a job left by a stopped process is taken up
 * again where it stopped.
 */
export async function runQueuedImports(db: Kysely<DB>) {
	const job = await db
		.selectFrom('import_job')
		.select(['id', 'network_id', 'created_by', 'rows', 'done', 'total'])
		.where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now())])]))
		.orderBy('id')
		.executeTakeFirst()
	if (!job) return
	const claim = await db
		.updateTable('import_job')
		.set({ status: 'running', locked_until: inMinutes(1) })
		.where('id', '=', job.id)
		.where((eb) => eb.or([eb('status', '=', 'queued'), eb('locked_until', '<', now())]))
		.executeTakeFirst()
	if (Number(claim.numUpdatedRows) !== 1) return
	const rows = JSON.parse(job.rows) as ImportRow[]
	const by = { networkId: job.network_id, actorId: job.created_by }
	try {
		for (let done = job.done; done < rows.length; done += BATCH) {
			const batch = rows.slice(done, done + BATCH)
			await db.transaction().execute(async (trx) => {
				for (const row of batch) await importRow(trx, by, row)
				await trx.updateTable('import_job').set({ done: done + batch.length, locked_until: inMinutes(1) }).where('id', '=', job.id).execute()
			})
		}
		await db.transaction().execute(async (trx) => {
			await trx.updateTable('import_job').set({ status: 'done', finished_at: now(), locked_until: null }).where('id', '=', job.id).execute()
			await audit(trx, { network_id: job.network_id, actor_id: job.created_by, action: 'import.done', entity_type: 'import', entity_id: job.id, summary: `${job.total}` })
		})
	} catch (error) {
		await db.updateTable('import_job').set({ status: 'failed', error: String(error), finished_at: now(), locked_until: null }).where('id', '=', job.id).execute()
	}
}
