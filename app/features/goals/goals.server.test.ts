import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { moveIdea, proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { answerSurvey, openSurvey, recordContact } from '#app/features/meetings/acquaintance.server.ts'
import { addInitiative } from '#app/features/competence/competence.server.ts'
import { addPartner, logPartnerActivity } from '#app/features/partners/partners.server.ts'
import { goalProgress } from './goals.server.ts'

for (const dialect of DIALECTS) {
	describe(`progress on the four goals on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		test('a new network starts at nothing on every goal', async () => {
			const networkId = await createNetwork(db)
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			expect(await goalProgress(db, { networkId, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } })).toEqual({
				acquaintance: { metPairs: 0, pairs: 0, trust: null, change: null },
				ideas: { stages: { draft: 0, proposed: 0, maturing: 0, qualified: 0, main_project: 0, parked: 0 }, ready: 0 },
				competence: { seeking: 0, companies: 0, needs: 0, gaps: [], initiatives: 0 },
				partners: { count: 0, abroad: 0, met: 0, agreements: 0, list: [] },
			})
		})

		test('each goal counted from what is recorded; ideas as the viewer may see them', async () => {
			const networkId = await createNetwork(db)
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			const [a, b, c, d] = [
				await createCompany(db, networkId, { name: 'A AS', competences_wanted: 'Skytjenester, Personvern' }),
				await createCompany(db, networkId, { name: 'B AS', competences_offered: 'Skytjenester' }),
				await createCompany(db, networkId, { name: 'C AS', competences_wanted: 'Skytjenester' }),
				await createCompany(db, networkId, { name: 'D AS' }),
			] as [number, number, number, number]
			const contacts: Record<number, number> = {}
			for (const id of [a, b, c, d]) contacts[id] = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: id })
			await recordContact(db, { networkId, organisationId: a, actorId: contacts[a]! }, { otherId: b, kind: 'met' })
			await recordContact(db, { networkId, organisationId: c, actorId: contacts[c]! }, { otherId: a, kind: 'worked' })
			// Three companies answer the survey: enough for the network's score.
			const survey = await openSurvey(db, { network: { id: networkId, slug: 'n', name: 'N', name_en: 'N' }, actorId: leader, origin: 'http://localhost' }, 'Oppstart')
			for (const [id, knows, trusts] of [[a, 2, 4], [b, 3, 3], [c, 4, 5]] as const) {
				const others = [a, b, c, d].filter((o) => o !== id)
				expect(await answerSurvey(db, { networkId, organisationId: id, actorId: contacts[id]!, surveyId: survey }, others.map((target_id) => ({ target_id, knows, trusts })))).toEqual({ ok: true })
			}
			const as = (id: number, roles: Role[] = ['company_contact']) => ({ personId: contacts[id] ?? leader, organisationId: id, roles })
			const propose = (by: number, title: string, audience: 'members' | 'steering') => proposeIdea(db, { networkId, viewer: as(by) }, { title, problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience, named: [] })
			const open = await propose(a, 'Åpen', 'members')
			const secret = await propose(b, 'For styringsgruppen', 'steering')
			const leaderView = { personId: leader, organisationId: null, roles: ['project_leader'] as Role[] }
			for (const id of [open, secret]) {
				for (const to of ['proposed', 'maturing', 'qualified'] as const) expect(await moveIdea(db, { networkId, viewer: leaderView, ideaId: id }, { to, reason: 'videre' })).toMatchObject({ ok: true })
			}
			const abroad = await addPartner(db, { networkId, actorId: leader }, { name: 'TalTech', kind: 'research', town: 'Tallinn', country: 'EE', website: '', focus: '', stage: 'identified' })
			await addPartner(db, { networkId, actorId: leader }, { name: 'Høgskolen', kind: 'research', town: '', country: 'NO', website: '', focus: '', stage: 'met' })
			await logPartnerActivity(db, { networkId, actorId: leader }, (abroad as { id: number }).id, { occurred_on: '2026-11-01', summary: 'Avtale om studentutveksling', stage: 'agreement' })
			await addInitiative(db, { networkId, actorId: leader }, { title: 'Kurs i personvern', competence: 'Personvern', kind: 'course', partner_id: (abroad as { id: number }).id, starts_on: undefined, description: '' })

			const seenByA = await goalProgress(db, { networkId, viewer: as(a) })
			expect(seenByA.acquaintance).toEqual({ metPairs: 2, pairs: 6, trust: { title: 'Oppstart', knows: 3, trusts: 4, answers: 3 }, change: null })
			// A sees the open idea, not the one B showed the steering group alone.
			expect(seenByA.ideas).toEqual({ stages: { draft: 0, proposed: 0, maturing: 0, qualified: 1, main_project: 0, parked: 0 }, ready: 1 })
			expect(seenByA.competence).toEqual({ seeking: 2, companies: 4, needs: 2, gaps: ['Personvern'], initiatives: 1 })
			expect(seenByA.partners).toEqual({
				count: 2,
				abroad: 1,
				met: 2,
				agreements: 1,
				list: [
					{ name: 'Høgskolen', town: '', country: 'NO', stage: 'met', latest_activity: null },
					{ name: 'TalTech', town: 'Tallinn', country: 'EE', stage: 'agreement', latest_activity: '2026-11-01' },
				],
			})
			expect((await goalProgress(db, { networkId, viewer: as(b) })).ideas.ready).toBe(2)
		})
	})
}
