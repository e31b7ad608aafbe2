import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { osloDate } from '#app/platform/time.ts'
import { addPartner, getPartner, listPartners, logPartnerActivity, updatePartner } from './partners.server.ts'
import { activitySchema, partnerSchema, type PartnerInput } from './schemas.ts'

const partner = (overrides: Partial<PartnerInput> = {}): PartnerInput => ({ name: 'Høgskolen', kind: 'research', town: 'Gjøvik', country: 'NO', website: '', focus: '', stage: 'identified', ...overrides })

for (const dialect of DIALECTS) {
	describe(`the register of knowledge partners on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let networkId: number
		let leader: number
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			networkId = await createNetwork(db)
			leader = await createPerson(db, networkId, { roles: ['project_leader'], name: 'Kari Leder' })
		})
		afterEach(() => drop())

		test('a new partner becomes one of the network’s partner organisations, in the register at its stage, counted at home or abroad', async () => {
			const added = await addPartner(db, { networkId, actorId: leader }, partner({ name: 'Østlandsforskning', focus: 'Regional utvikling' }))
			await addPartner(db, { networkId, actorId: leader }, partner({ name: 'Chalmers', town: 'Göteborg', country: 'SE', stage: 'contacted' }))
			expect('id' in added).toBe(true)
			const id = (added as { id: number }).id
			expect(await db.selectFrom('network_organisation').select(['organisation_id', 'status']).where('network_id', '=', networkId).where('organisation_id', '=', id).execute()).toEqual([{ organisation_id: id, status: 'partner' }])
			const { partners, abroad, stages } = await listPartners(db, networkId)
			expect(partners.map((p) => [p.name, p.country, p.stage, p.focus])).toEqual([
				['Chalmers', 'SE', 'contacted', ''],
				['Østlandsforskning', 'NO', 'identified', 'Regional utvikling'],
			])
			expect(abroad).toBe(1)
			expect(stages).toEqual({ identified: 1, contacted: 1, met: 0, agreement: 0 })
			const log = await db.selectFrom('audit_log').select(['action', 'summary', 'actor_id']).where('action', '=', 'partner.added').orderBy('id').execute()
			expect(log).toEqual([
				{ action: 'partner.added', summary: 'Østlandsforskning', actor_id: leader },
				{ action: 'partner.added', summary: 'Chalmers', actor_id: leader },
			])
		})

		test('an organisation the network has is added as it is; a name already in the register, in any case, is refused', async () => {
			const company = await createCompany(db, networkId, { name: 'Øvre Data AS', town: 'Hamar' })
			const added = await addPartner(db, { networkId, actorId: leader }, partner({ name: 'øvre data as', town: 'Oslo', kind: 'research' }))
			expect(added).toEqual({ id: company })
			const organisation = await db.selectFrom('organisation').select(['name', 'town', 'kind']).where('id', '=', company).executeTakeFirstOrThrow()
			expect(organisation).toEqual({ name: 'Øvre Data AS', town: 'Hamar', kind: 'company' })
			expect(await db.selectFrom('organisation').select('id').where('name', 'in', ['øvre data as', 'Øvre Data AS']).execute()).toHaveLength(1)
			expect(await addPartner(db, { networkId, actorId: leader }, partner({ name: 'ØVRE DATA AS' }))).toEqual({ error: 'taken' })
			expect((await listPartners(db, networkId)).partners).toHaveLength(1)
			// Another network may have the same organisation's name in its own register.
			const other = await createNetwork(db)
			expect('id' in (await addPartner(db, { networkId: other, actorId: null }, partner({ name: 'Øvre Data AS' })))).toBe(true)
		})

		test('an activity is logged with its day and author; one at another stage moves the partner there', async () => {
			const { id } = (await addPartner(db, { networkId, actorId: leader }, partner())) as { id: number }
			await logPartnerActivity(db, { networkId, actorId: leader }, id, { occurred_on: '2026-10-01', summary: 'E-post til instituttet', stage: 'contacted' })
			await logPartnerActivity(db, { networkId, actorId: leader }, id, { occurred_on: '2026-11-20', summary: 'Møte på campus', stage: 'met' })
			await logPartnerActivity(db, { networkId, actorId: leader }, id, { occurred_on: '2026-10-15', summary: 'Telefon om datoer', stage: 'met' })
			const found = (await getPartner(db, { networkId, organisationId: id }))!
			expect(found.stage).toBe('met')
			expect(found.activities.map((a) => [a.occurred_on, a.summary, a.stage, a.author])).toEqual([
				['2026-11-20', 'Møte på campus', 'met', 'Kari Leder'],
				// Logged at the stage it was already at: no move.
				['2026-10-15', 'Telefon om datoer', null, 'Kari Leder'],
				['2026-10-01', 'E-post til instituttet', 'contacted', 'Kari Leder'],
			])
			expect((await listPartners(db, networkId)).partners[0]!.latest_activity).toBe('2026-11-20')
			const moves = await db.selectFrom('audit_log').select('summary').where('action', '=', 'partner.stage').orderBy('id').execute()
			expect(moves.map((m) => m.summary)).toEqual(['identified → contacted', 'contacted → met'])
		})

		test('the register’s own details of a partner are corrected for this network alone', async () => {
			const { id } = (await addPartner(db, { networkId, actorId: leader }, partner({ focus: 'Studenter' }))) as { id: number }
			const other = await createNetwork(db)
			// The same organisation in another network's register.
			await db.insertInto('network_organisation').values({ network_id: other, organisation_id: id, status: 'partner', created_at: new Date().toISOString() }).execute()
			expect(await addPartner(db, { networkId: other, actorId: null }, partner({ focus: 'Forskning' }))).toEqual({ id })
			await updatePartner(db, { networkId, actorId: leader }, id, { country: 'SE', focus: 'Et felles kurs' })
			expect((await getPartner(db, { networkId, organisationId: id }))!).toMatchObject({ country: 'SE', focus: 'Et felles kurs', stage: 'identified' })
			expect((await getPartner(db, { networkId: other, organisationId: id }))!).toMatchObject({ country: 'NO', focus: 'Forskning' })
			expect(await db.selectFrom('audit_log').select('summary').where('action', '=', 'partner.updated').execute()).toEqual([{ summary: 'SE: Et felles kurs' }])
		})

		test('a partner’s people are those of its organisation in this network; another network does not see it', async () => {
			const { id } = (await addPartner(db, { networkId, actorId: leader }, partner())) as { id: number }
			const researcher = await createPerson(db, networkId, { roles: ['partner_observer'], organisation_id: id, name: 'Nils Forsker' })
			await db.updateTable('person').set({ title: 'Professor' }).where('id', '=', researcher).execute()
			const elsewhere = await createNetwork(db)
			await createPerson(db, elsewhere, { roles: ['member'], organisation_id: id, name: 'Ikke Her' })
			const found = (await getPartner(db, { networkId, organisationId: id }))!
			expect(found.people.map((p) => [p.name, p.title])).toEqual([['Nils Forsker', 'Professor']])
			expect(await getPartner(db, { networkId: elsewhere, organisationId: id })).toBeUndefined()
			expect((await listPartners(db, elsewhere)).partners).toEqual([])
		})
	})
}

describe('what the register’s forms accept', () => {
	test('a partner needs a name, a country of ISO 3166 and a stage of the four', () => {
		expect(partnerSchema.safeParse({ name: 'TalTech', kind: 'research', country: 'EE', stage: 'met', website: 'taltech.ee' }).data).toMatchObject({ country: 'EE', website: 'https://taltech.ee', town: '', focus: '' })
		const refused = partnerSchema.safeParse({ name: ' ', kind: 'research', country: 'XX', stage: 'friends' })
		expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['name', 'field.required'],
			['country', 'field.required'],
			['stage', 'field.required'],
		])
	})

	test('an activity happened on a real day, today at the latest, and says what happened', () => {
		const today = osloDate()
		const tomorrow = osloDate(new Date(Date.now() + 36 * 3600_000).toISOString())
		expect(activitySchema.safeParse({ occurred_on: today, summary: 'Møte', stage: 'met' }).success).toBe(true)
		const issues = (input: Record<string, string>) => activitySchema.safeParse({ summary: 'Møte', stage: 'met', ...input }).error?.issues.map((i) => i.message)
		expect(issues({ occurred_on: tomorrow })).toEqual(['partner.activity.future'])
		expect(issues({ occurred_on: '2026-02-30' })).toEqual(['field.date'])
		expect(issues({ occurred_on: today, summary: '' })).toEqual(['field.required'])
	})
})
