import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { osloDate } from '#app/platform/time.ts'
import { getIdea, proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { addInitiative, listInitiatives } from '#app/features/competence/competence.server.ts'
import { addPartner, getPartner, linkIdea, listPartners, logPartnerActivity, removePartner, unlinkIdea, updatePartner } from './partners.server.ts'
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
			const found = (await getPartner(db, { networkId, organisationId: id, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } }))!
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
			expect((await getPartner(db, { networkId, organisationId: id, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } }))!).toMatchObject({ country: 'SE', focus: 'Et felles kurs', stage: 'identified' })
			expect((await getPartner(db, { networkId: other, organisationId: id, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } }))!).toMatchObject({ country: 'NO', focus: 'Forskning' })
			expect(await db.selectFrom('audit_log').select('summary').where('action', '=', 'partner.updated').execute()).toEqual([{ summary: 'SE: Et felles kurs' }])
		})

		test('a partner is part of the ideas it is linked to, as far as each viewer may see them', async () => {
			const { id } = (await addPartner(db, { networkId, actorId: leader }, partner())) as { id: number }
			const company = await createCompany(db, networkId, { name: 'A AS' })
			const contact = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: company })
			const other = await createCompany(db, networkId, { name: 'B AS' })
			const member = await createPerson(db, networkId, { roles: ['member'], organisation_id: other })
			const viewers = {
				leader: { personId: leader, organisationId: null, roles: ['project_leader'] as Role[] },
				contact: { personId: contact, organisationId: company, roles: ['company_contact'] as Role[] },
				member: { personId: member, organisationId: other, roles: ['member'] as Role[] },
			}
			const propose = (title: string, audience: 'members' | 'named') => proposeIdea(db, { networkId, viewer: viewers.contact }, { title, problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience, named: [] })
			const open = await propose('For alle', 'members')
			const named = await propose('Bare for A', 'named')
			expect(await linkIdea(db, { networkId, actorId: leader, viewer: viewers.leader }, id, open)).toBe(true)
			// The project leader does not see an idea named to A alone, so cannot link it; A's contact can.
			expect(await linkIdea(db, { networkId, actorId: leader, viewer: viewers.leader }, id, named)).toBe(false)
			expect(await linkIdea(db, { networkId, actorId: contact, viewer: viewers.contact }, id, named)).toBe(true)
			// Linking twice is one link.
			expect(await linkIdea(db, { networkId, actorId: leader, viewer: viewers.leader }, id, open)).toBe(true)
			const seen = async (viewer: (typeof viewers)[keyof typeof viewers]) => (await getPartner(db, { networkId, organisationId: id, viewer }))!.ideas.map((i) => i.title)
			expect(await seen(viewers.contact)).toEqual(['Bare for A', 'For alle'])
			expect(await seen(viewers.leader)).toEqual(['For alle'])
			expect(await seen(viewers.member)).toEqual(['For alle'])
			expect((await getIdea(db, { networkId, viewer: viewers.member, ideaId: open }))!.knowledgePartners.map((k) => k.name)).toEqual(['Høgskolen'])
			expect(await unlinkIdea(db, { networkId, actorId: leader }, id, open)).toBe(true)
			expect(await unlinkIdea(db, { networkId, actorId: leader }, id, open)).toBe(false)
			expect(await seen(viewers.member)).toEqual([])
			expect((await db.selectFrom('audit_log').select(['action', 'summary']).where('action', 'like', 'partner.idea%').orderBy('id').execute()).map((a) => `${a.action}: ${a.summary}`)).toEqual([
				'partner.idea: For alle',
				'partner.idea: Bare for A',
				'partner.idea: For alle',
				'partner.ideaRemoved: For alle',
			])
		})

		test('a partner taken out of the register loses its log and its ideas; its initiatives stay the network’s own', async () => {
			const { id } = (await addPartner(db, { networkId, actorId: leader }, partner())) as { id: number }
			const viewer = { personId: leader, organisationId: null, roles: ['project_leader'] as Role[] }
			await logPartnerActivity(db, { networkId, actorId: leader }, id, { occurred_on: '2026-10-01', summary: 'Møte', stage: 'met' })
			const company = await createCompany(db, networkId)
			const contact = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: company })
			const idea = await proposeIdea(db, { networkId, viewer: { personId: contact, organisationId: company, roles: ['company_contact'] } }, { title: 'Idé', problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience: 'members', named: [] })
			await linkIdea(db, { networkId, actorId: leader, viewer }, id, idea)
			await addInitiative(db, { networkId, actorId: leader }, { title: 'Kurs', competence: 'Sky', kind: 'course', partner_id: id, starts_on: undefined, description: '' })
			await removePartner(db, { networkId, actorId: leader }, id)
			expect(await getPartner(db, { networkId, organisationId: id, viewer })).toBeUndefined()
			expect(await db.selectFrom('partner_activity').select('id').execute()).toEqual([])
			expect((await getIdea(db, { networkId, viewer, ideaId: idea }))!.knowledgePartners).toEqual([])
			expect((await listInitiatives(db, networkId)).map((i) => [i.title, i.partner])).toEqual([['Kurs', null]])
			expect(await db.selectFrom('network_organisation').select('status').where('organisation_id', '=', id).execute()).toEqual([{ status: 'partner' }])
			expect(await db.selectFrom('audit_log').select('summary').where('action', '=', 'partner.removed').execute()).toEqual([{ summary: 'Høgskolen' }])
			// It can be added again.
			expect(await addPartner(db, { networkId, actorId: leader }, partner())).toEqual({ id })
		})

		test('a partner’s people are those of its organisation in this network; another network does not see it', async () => {
			const { id } = (await addPartner(db, { networkId, actorId: leader }, partner())) as { id: number }
			const researcher = await createPerson(db, networkId, { roles: ['partner_observer'], organisation_id: id, name: 'Nils Forsker' })
			await db.updateTable('person').set({ title: 'Professor' }).where('id', '=', researcher).execute()
			const elsewhere = await createNetwork(db)
			await createPerson(db, elsewhere, { roles: ['member'], organisation_id: id, name: 'Ikke Her' })
			const found = (await getPartner(db, { networkId, organisationId: id, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } }))!
			expect(found.people.map((p) => [p.name, p.title])).toEqual([['Nils Forsker', 'Professor']])
			expect(await getPartner(db, { networkId: elsewhere, organisationId: id, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } })).toBeUndefined()
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
