import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { isValidOrgNumber } from '#app/platform/fields.ts'
import { parseImportCsv } from './csv.ts'
import { getImportJob, queueImport, runQueuedImports } from './import.server.ts'

for (const dialect of DIALECTS) {
	describe(`import on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let networkId: number
		let leader: number
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			networkId = await createNetwork(db)
			leader = await createPerson(db, networkId, { roles: ['project_leader'] })
		})
		afterEach(() => drop())

		test('imports companies and people, reusing what exists, and reports progress', async () => {
			const existing = await createCompany(db, networkId, { org_number: '974760673', name: 'Registeret AS' })
			const lines = ['organisasjonsnummer;bedrift;navn;epost;rolle', '974760673;Registeret AS;Kari;kari@registeret.no;kontaktperson']
			// Sixty more companies: more than two batches.
			validOrgNumbers(60).forEach((number, i) => lines.push(`${number};Bedrift ${i} AS;Person ${i};p${i}@b.no;`))
			const { valid } = parseImportCsv(lines.join('\n'))
			const jobId = await queueImport(db, { networkId, actorId: leader, rows: valid })
			expect(await getImportJob(db, { networkId, jobId })).toMatchObject({ status: 'queued', done: 0, total: valid.length })
			await runQueuedImports(db)
			expect(await getImportJob(db, { networkId, jobId })).toMatchObject({ status: 'done', done: valid.length })

			const organisations = await db.selectFrom('network_organisation').select('organisation_id').where('network_id', '=', networkId).execute()
			expect(valid).toHaveLength(61)
			expect(organisations).toHaveLength(61)
			const kari = await db.selectFrom('person').select(['id', 'organisation_id']).where('email', '=', 'kari@registeret.no').executeTakeFirstOrThrow()
			expect(kari.organisation_id).toBe(existing)
			const roles = await db.selectFrom('membership').select('role').where('person_id', '=', kari.id).execute()
			expect(roles.map((r) => r.role)).toEqual(['company_contact'])
			// Another network's job is not visible here.
			expect(await getImportJob(db, { networkId: networkId + 1000, jobId })).toBeUndefined()
		})

		test('a job left half done by a stopped process is finished from where it stopped', async () => {
			const { valid } = parseImportCsv('organisasjonsnummer;bedrift;navn;epost\n974760673;Registeret AS;Kari;kari@registeret.no\n923609016;Fjellkode AS;Ola;ola@fjellkode.no')
			const jobId = await queueImport(db, { networkId, actorId: leader, rows: valid })
			await db.updateTable('import_job').set({ status: 'running', done: 1, locked_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', jobId).execute()
			await runQueuedImports(db)
			expect(await getImportJob(db, { networkId, jobId })).toMatchObject({ status: 'done', done: 2 })
			const people = await db.selectFrom('person').select('email').where('email', 'in', ['kari@registeret.no', 'ola@fjellkode.no']).execute()
			expect(people.map((p) => p.email)).toEqual(['ola@fjellkode.no'])
		})
	})
}

function validOrgNumbers(count: number): string[] {
	const numbers: string[] = []
	for (let n = 910_000_000; numbers.length < count; n++) if (isValidOrgNumber(String(n))) numbers.push(String(n))
	return numbers
}
