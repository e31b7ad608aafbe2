import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { getOrganisation, getPerson, listOrganisations, listPeople, searchDirectory, setRoles, updateOrganisation, updatePerson } from './directory.server.ts'

for (const dialect of DIALECTS) {
	describe(`directory on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let networkId: number
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			networkId = await createNetwork(db)
		})
		afterEach(() => drop())

		const search = async (query: string, network = networkId) =>
			(await searchDirectory(db, dialect, { networkId: network, query })).map((h) => `${h.kind}:${h.entity_id}`)

		test('finds companies by inflected Norwegian words and without diacritics', async () => {
			const cloud = await createCompany(db, networkId, { name: 'Mjøsdata AS', town: 'Gjøvik', competences_offered: 'Skytjenester, Drift' })
			const games = await createCompany(db, networkId, { name: 'Nordlys Interaktiv AS', description: 'Vi lager spill for bedriftene i regionen' })
			expect(await search('skytjeneste')).toEqual([`organisation:${cloud}`])
			expect(await search('gjovik')).toEqual([`organisation:${cloud}`])
			expect(await search('Mjosdata')).toEqual([`organisation:${cloud}`])
			expect(await search('bedrifter')).toEqual([`organisation:${games}`])
			expect(await search('spill regionen')).toEqual([`organisation:${games}`])
			expect(await search('kubernetes')).toEqual([])
		})

		test('finds people by competence and employer, best match first', async () => {
			const company = await createCompany(db, networkId, { name: 'Lågen Sikkerhet AS' })
			const person = await createPerson(db, networkId, { name: 'Hanne Lund', organisation_id: company })
			await db.updateTable('person').set({ competences: 'Informasjonssikkerhet' }).where('id', '=', person).execute()
			await setRoles(db, { networkId, actorId: null }, person, ['member', 'company_contact'])
			expect(await search('Hanne')).toEqual([`person:${person}`])
			expect(await search('lagen sikkerhet')).toEqual([`organisation:${company}`, `person:${person}`])
		})

		test('each hit carries what its card shows: a company with its status in this network, a person with their employer', async () => {
			const company = await createCompany(db, networkId, { name: 'Lågen Sikkerhet AS', town: 'Gjøvik', employees: 12, competences_offered: 'Sikkerhet', technologies: 'Rust' })
			await db.updateTable('network_organisation').set({ status: 'prospect' }).where('organisation_id', '=', company).execute()
			const other = await createNetwork(db)
			await db.insertInto('network_organisation').values({ network_id: other, organisation_id: company, status: 'member', created_at: '2026-01-01T00:00:00.000Z' }).execute()
			const person = await createPerson(db, networkId, { name: 'Hanne Lund', organisation_id: company })
			await updatePerson(db, { networkId, actorId: null }, person, { title: 'Rådgiver', town: 'Hamar', competences: 'Sikkerhet' })
			expect(await searchDirectory(db, dialect, { networkId, query: 'sikkerhet' })).toEqual([
				{
					kind: 'organisation',
					entity_id: company,
					organisation: { id: company, name: 'Lågen Sikkerhet AS', kind: 'company', town: 'Gjøvik', employees: 12, competences_offered: 'Sikkerhet', technologies: 'Rust', status: 'prospect' },
				},
				{ kind: 'person', entity_id: person, person: { id: person, name: 'Hanne Lund', title: 'Rådgiver', town: 'Hamar', competences: 'Sikkerhet', organisation: 'Lågen Sikkerhet AS' } },
			])
		})

		test('keeps each network to its own directory', async () => {
			const other = await createNetwork(db)
			const company = await createCompany(db, other, { name: 'Hemmelig AS' })
			expect(await search('hemmelig')).toEqual([])
			expect(await search('hemmelig', other)).toEqual([`organisation:${company}`])
			expect(await getOrganisation(db, { networkId, organisationId: company })).toBeUndefined()
		})

		test("ranks by this network's documents alone: a word common in other networks does not push its hits down here", async () => {
			// Each matches both words, one in its name: alike but for which word.
			const alfa = await createCompany(db, networkId, { name: 'Alfa AS', description: 'beta' })
			const beta = await createCompany(db, networkId, { name: 'Beta AS', description: 'alfa' })
			const other = await createNetwork(db)
			for (let i = 0; i < 12; i++) await createCompany(db, other, { name: `Alfa ${i} AS` })
			// A tie here, then by name; counted across networks, "alfa" would weigh less and Beta AS come first.
			expect(await search('alfa beta')).toEqual([`organisation:${alfa}`, `organisation:${beta}`])
		})

		test('an updated profile is found by its new words and the change is logged', async () => {
			const company = await createCompany(db, networkId, { name: 'Fjellkode AS' })
			await updateOrganisation(db, { networkId, actorId: null }, company, { technologies: 'Rust, WebAssembly' })
			expect(await search('webassembly')).toEqual([`organisation:${company}`])
			const log = await db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', company).orderBy('id').execute()
			expect(log.at(-1)).toEqual({ action: 'organisation.updated', summary: 'Fjellkode AS: technologies' })
		})

		test('search and listing come in pages, in a stable order', async () => {
			for (let i = 0; i < 30; i++) await createCompany(db, networkId, { name: `Skybedrift ${String(i).padStart(2, '0')} AS`, competences_offered: 'Skytjenester' })
			const first = await searchDirectory(db, dialect, { networkId, query: 'sky', limit: 25, offset: 0 })
			const second = await searchDirectory(db, dialect, { networkId, query: 'sky', limit: 25, offset: 24 })
			expect(first).toHaveLength(25)
			expect(second).toHaveLength(6)
			expect(new Set([...first.slice(0, 24), ...second].map((h) => h.entity_id)).size).toBe(30)
			const page2 = await listOrganisations(db, { networkId, limit: 25, offset: 24 })
			expect(page2.map((o) => o.name)).toEqual(['Skybedrift 24 AS', 'Skybedrift 25 AS', 'Skybedrift 26 AS', 'Skybedrift 27 AS', 'Skybedrift 28 AS', 'Skybedrift 29 AS'])
		})

		test("the listing of people: this network's, by name, once each whatever their roles, in pages", async () => {
			const other = await createNetwork(db)
			await createPerson(db, other, { name: 'Anne Annet' })
			const both = await createPerson(db, networkId, { name: 'Bodil Begge', roles: ['member', 'company_contact'] })
			await createPerson(db, networkId, { name: 'Cato Carlsen' })
			const gone = await createPerson(db, networkId, { name: 'Aase Aas' })
			await setRoles(db, { networkId, actorId: null }, gone, [])
			expect((await listPeople(db, { networkId })).map((p) => p.name)).toEqual(['Bodil Begge', 'Cato Carlsen'])
			expect((await listPeople(db, { networkId, limit: 1, offset: 1 })).map((p) => p.name)).toEqual(['Cato Carlsen'])
			expect((await listPeople(db, { networkId, limit: 1 }))[0]?.id).toBe(both)
		})

		test('a person without a role in the network is not found there', async () => {
			const person = await createPerson(db, networkId, { name: 'Ola Nordmann' })
			await setRoles(db, { networkId, actorId: null }, person, [])
			expect(await getPerson(db, { networkId, personId: person })).toBeUndefined()
			expect(await search('ola')).toEqual([])
		})
	})
}
