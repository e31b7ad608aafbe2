import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { addPartner, getPartner } from '#app/features/partners/partners.server.ts'
import { goalReport } from '#app/features/goals/goals.server.ts'
import { addInitiative, addTerm, competenceNeeds, listInitiatives, listTerms, removeInitiative, removeTerm } from './competence.server.ts'

for (const dialect of DIALECTS) {
	describe(`the network's competence needs on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		test('what members seek, most sought first and among equals the least offered, against the members that offer it', async () => {
			const networkId = await createNetwork(db)
			const a = await createCompany(db, networkId, { name: 'Alfa AS', competences_wanted: 'Skytjenester, Maskinlæring', competences_offered: 'Webutvikling' })
			const b = await createCompany(db, networkId, { name: 'Beta AS', competences_wanted: 'skytjenester, Universell utforming, Skytjenester', competences_offered: 'Maskinlæring' })
			const c = await createCompany(db, networkId, { name: 'Øst AS', competences_wanted: 'Universell utforming', competences_offered: 'skytjenester, Informasjonssikkerhet' })
			await createCompany(db, networkId, { name: 'Delta AS', competences_offered: 'Universell utforming' })
			// A prospect's and another network's wishes and offers do not count.
			const prospect = await createCompany(db, networkId, { name: 'Interessent AS', competences_wanted: 'Kvantedatabehandling', competences_offered: 'Maskinlæring' })
			await db.updateTable('network_organisation').set({ status: 'prospect' }).where('organisation_id', '=', prospect).execute()
			await createCompany(db, await createNetwork(db), { name: 'Annen AS', competences_wanted: 'Kvantedatabehandling', competences_offered: 'Skytjenester' })

			const { needs, companies, seeking } = await competenceNeeds(db, networkId)
			expect([companies, seeking]).toEqual([4, 3])
			const named = (list: { id: number; name: string }[]) => list.map((x) => x.name)
			expect(needs.map((n) => [n.competence, named(n.wantedBy), named(n.offeredBy)])).toEqual([
				// Two seek each; the cloud is offered by one, universal design by one too: by name then.
				['Skytjenester', ['Alfa AS', 'Beta AS'], ['Øst AS']],
				['Universell utforming', ['Beta AS', 'Øst AS'], ['Delta AS']],
				['Maskinlæring', ['Alfa AS'], ['Beta AS']],
			])
			expect(needs[0]!.wantedBy.map((x) => x.id)).toEqual([a, b])
			expect(needs[0]!.offeredBy.map((x) => x.id)).toEqual([c])
		})

		test('a competence no member offers comes before an offered one sought as often, spelled as most members wrote it', async () => {
			const networkId = await createNetwork(db)
			await createCompany(db, networkId, { name: 'A AS', competences_wanted: 'Webutvikling, kunstig intelligens' })
			await createCompany(db, networkId, { name: 'B AS', competences_wanted: 'Kunstig intelligens' })
			await createCompany(db, networkId, { name: 'C AS', competences_wanted: 'Kunstig intelligens, Webutvikling', competences_offered: 'webutvikling' })
			await createCompany(db, networkId, { name: 'D AS', competences_wanted: 'Personvern' })
			const { needs } = await competenceNeeds(db, networkId)
			expect(needs.map((n) => [n.competence, n.wantedBy.length, n.offeredBy.length])).toEqual([
				['Kunstig intelligens', 3, 0],
				['Webutvikling', 2, 1],
				['Personvern', 1, 0],
			])
			expect((await competenceNeeds(db, await createNetwork(db))).needs).toEqual([])
		})

		test("the network's terms: another word for a competence counts as it, under the network's name; no chains, one name a word", async () => {
			const networkId = await createNetwork(db)
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			const by = { networkId, actorId: leader }
			await createCompany(db, networkId, { name: 'A AS', competences_wanted: 'Tilgjengelighet', competences_offered: 'Skytjenester' })
			await createCompany(db, networkId, { name: 'B AS', competences_wanted: 'universell utforming, Sky' })
			await createCompany(db, networkId, { name: 'C AS', competences_offered: 'UU' })
			await addInitiative(db, by, { title: 'Kurs i tilgjengelighet', competence: 'tilgjengelighet', kind: 'course', partner_id: undefined, starts_on: undefined, description: '' })
			const rows = async () => (await competenceNeeds(db, networkId)).needs.map((n) => [n.competence, n.aliases, n.wantedBy.map((c) => c.name), n.offeredBy.map((c) => c.name), n.initiatives.map((i) => i.title)])
			expect(await rows()).toEqual([
				['Sky', [], ['B AS'], [], []],
				['Tilgjengelighet', [], ['A AS'], [], ['Kurs i tilgjengelighet']],
				['universell utforming', [], ['B AS'], [], []],
			])
			expect(await addTerm(db, by, { alias: 'Tilgjengelighet', canonical: 'Universell utforming' })).toEqual({ ok: true })
			expect(await addTerm(db, by, { alias: 'UU', canonical: 'universell UTFORMING' })).toEqual({ ok: true })
			expect(await addTerm(db, by, { alias: 'sky', canonical: 'Skytjenester' })).toEqual({ ok: true })
			expect(await rows()).toEqual([
				['Universell utforming', ['Tilgjengelighet', 'UU'], ['A AS', 'B AS'], ['C AS'], ['Kurs i tilgjengelighet']],
				['Skytjenester', ['sky'], ['B AS'], ['A AS'], []],
			])
			// Refused: one word twice, a word and its own name, a chain either way.
			expect(await addTerm(db, by, { alias: 'tilgjengelighet', canonical: 'Brukeropplevelse' })).toEqual({ error: 'taken' })
			expect(await addTerm(db, by, { alias: 'Personvern', canonical: 'PERSONVERN' })).toEqual({ error: 'same' })
			expect(await addTerm(db, by, { alias: 'Skytjenester', canonical: 'Drift' })).toEqual({ error: 'chain' })
			expect(await addTerm(db, by, { alias: 'Nettsky', canonical: 'Sky' })).toEqual({ error: 'chain' })
			expect((await listTerms(db, networkId)).map((t) => t.alias_key)).toEqual(['sky', 'tilgjengelighet', 'uu'])
			// The goals count the needs as the page does.
			const goals = await goalReport(db, { network: await db.selectFrom('network').select(['id', 'created_at']).where('id', '=', networkId).executeTakeFirstOrThrow(), viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } })
			expect(goals.progress.competence).toMatchObject({ needs: 2, gaps: [] })
			// Taken away, the word is itself again; another network's term is not this one's.
			expect(await removeTerm(db, { networkId: await createNetwork(db), actorId: null }, 'uu')).toBe(false)
			expect(await removeTerm(db, by, 'uu')).toBe(true)
			expect((await competenceNeeds(db, networkId)).needs[0]!.offeredBy).toEqual([])
			expect(await db.selectFrom('audit_log').select('summary').where('action', 'in', ['competence.term', 'competence.termRemoved']).orderBy('id').execute()).toEqual([
				{ summary: 'Tilgjengelighet → Universell utforming' },
				{ summary: 'UU → universell UTFORMING' },
				{ summary: 'sky → Skytjenester' },
				{ summary: 'UU → universell UTFORMING' },
			])
		})
	})
}

for (const dialect of DIALECTS) {
	describe(`competence initiatives on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		test('an initiative is held by one of the network’s knowledge partners or by the network; dated ones first, by day', async () => {
			const networkId = await createNetwork(db)
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			const company = await createCompany(db, networkId, { name: 'Medlem AS' })
			const { id: partner } = (await addPartner(db, { networkId, actorId: leader }, { name: 'Høgskolen', kind: 'research', town: '', country: 'NO', website: '', focus: '', stage: 'met' })) as { id: number }
			const add = (title: string, starts_on: string | undefined, partner_id?: number) =>
				addInitiative(db, { networkId, actorId: leader }, { title, competence: 'Skytjenester', kind: 'course', partner_id, starts_on, description: '' })
			expect(await add('Uten dato', undefined)).toMatchObject({ id: expect.any(Number) })
			expect(await add('Mars', '2027-03-01', partner)).toMatchObject({ id: expect.any(Number) })
			expect(await add('Januar', '2027-01-15')).toMatchObject({ id: expect.any(Number) })
			// A member company is no knowledge partner, nor is another network's partner.
			expect(await add('Hos en bedrift', '2027-02-01', company)).toEqual({ error: 'partner' })
			const other = await createNetwork(db)
			const { id: elsewhere } = (await addPartner(db, { networkId: other, actorId: null }, { name: 'Annet', kind: 'research', town: '', country: 'SE', website: '', focus: '', stage: 'identified' })) as { id: number }
			expect(await add('Hos et annet nettverks partner', '2027-02-01', elsewhere)).toEqual({ error: 'partner' })

			const initiatives = await listInitiatives(db, networkId)
			expect(initiatives.map((i) => [i.title, i.starts_on, i.partner])).toEqual([
				['Januar', '2027-01-15', null],
				['Mars', '2027-03-01', 'Høgskolen'],
				['Uten dato', null, null],
			])
			expect((await getPartner(db, { networkId, organisationId: partner, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } }))!.initiatives.map((i) => i.title)).toEqual(['Mars'])
			const log = await db.selectFrom('audit_log').select('summary').where('action', '=', 'initiative.added').orderBy('id').execute()
			expect(log.map((l) => l.summary)).toEqual(['Uten dato', 'Mars', 'Januar'])

			// Removed by its own network only.
			const march = initiatives[1]!.id
			expect(await removeInitiative(db, { networkId: other, actorId: null }, march)).toBe(false)
			expect(await removeInitiative(db, { networkId, actorId: leader }, march)).toBe(true)
			expect((await listInitiatives(db, networkId)).map((i) => i.title)).toEqual(['Januar', 'Uten dato'])
			expect(await db.selectFrom('audit_log').select(['summary', 'actor_id']).where('action', '=', 'initiative.removed').execute()).toEqual([{ summary: 'Mars', actor_id: leader }])
		})

		test('each need carries the initiatives for its competence, whatever their case; one for a competence nobody seeks is in the list only', async () => {
			const networkId = await createNetwork(db)
			await createCompany(db, networkId, { name: 'Søker AS', competences_wanted: 'Skytjenester, Personvern' })
			const add = (title: string, competence: string) => addInitiative(db, { networkId, actorId: null }, { title, competence, kind: 'course', partner_id: undefined, starts_on: undefined, description: '' })
			await add('Skykurs', 'skytjenester')
			await add('Sky for ledere', 'SKYTJENESTER')
			await add('Spillkurs', 'Spillutvikling')
			const { needs, initiatives } = await competenceNeeds(db, networkId)
			expect(needs.map((n) => [n.competence, n.initiatives.map((i) => i.title)])).toEqual([
				['Personvern', []],
				['Skytjenester', ['Sky for ledere', 'Skykurs']],
			])
			expect(initiatives.map((i) => i.title)).toEqual(['Sky for ledere', 'Skykurs', 'Spillkurs'])
		})
	})
}
