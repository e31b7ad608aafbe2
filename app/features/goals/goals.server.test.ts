import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { moveIdea, proposeIdea, type Viewer } from '#app/features/ideas/ideas.server.ts'
import { answerSurvey, openSurvey, recordContact } from '#app/features/meetings/acquaintance.server.ts'
import { addInitiative } from '#app/features/competence/competence.server.ts'
import { addQuestion, answerSurvey as answerQuestions, createSurvey, getSurvey, publishSurvey } from '#app/features/surveys/surveys.server.ts'
import { addPartner, logPartnerActivity } from '#app/features/partners/partners.server.ts'
import { osloDate } from '#app/platform/time.ts'
import { goalReport } from './goals.server.ts'

for (const dialect of DIALECTS) {
	describe(`progress on the four goals on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())
		const network = (id: number) => db.selectFrom('network').select(['id', 'created_at']).where('id', '=', id).executeTakeFirstOrThrow()
		const goalProgress = async (db: Kysely<DB>, { networkId, viewer }: { networkId: number; viewer: Viewer }) => (await goalReport(db, { network: await network(networkId), viewer })).progress
		const goalHistory = async (db: Kysely<DB>, { networkId, viewer }: { networkId: number; viewer: Viewer }) => (await goalReport(db, { network: await network(networkId), viewer })).history

		test('a new network starts at nothing on every goal', async () => {
			const networkId = await createNetwork(db)
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			expect(await goalProgress(db, { networkId, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } })).toEqual({
				acquaintance: { metPairs: 0, pairs: 0, trust: null, change: null },
				ideas: { stages: { draft: 0, proposed: 0, maturing: 0, qualified: 0, main_project: 0, parked: 0 }, ready: 0 },
				competence: { seeking: 0, companies: 0, needs: 0, gaps: [], initiatives: 0, survey: null },
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
			// The latest survey sent out counts for goal 3, with its answers; a draft is not sent out.
			const asked = await createSurvey(db, { networkId, actorId: leader }, { title: 'Kompetansebehov', intro: '', audience: 'open' })
			const { survey: draft } = (await getSurvey(db, networkId, asked))!
			await addQuestion(db, draft, { text: 'Hva mangler dere?', kind: 'competences', options: [], required: false })
			await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'N', name_en: 'N' }, actorId: leader, origin: 'http://localhost' }, draft)
			await answerQuestions(db, (await getSurvey(db, networkId, asked))!.survey, { personId: null, name: 'Siri', email: 'siri@x.no', company: 'X AS' }, {})
			await createSurvey(db, { networkId, actorId: leader }, { title: 'Utkast', intro: '', audience: 'open' })

			const seenByA = await goalProgress(db, { networkId, viewer: as(a) })
			expect(seenByA.acquaintance).toEqual({ metPairs: 2, pairs: 6, trust: { title: 'Oppstart', knows: 3, trusts: 4, answers: 3 }, change: null })
			// A sees the open idea, not the one B showed the steering group alone.
			expect(seenByA.ideas).toEqual({ stages: { draft: 0, proposed: 0, maturing: 0, qualified: 1, main_project: 0, parked: 0 }, ready: 1 })
			expect(seenByA.competence).toEqual({ seeking: 2, companies: 4, needs: 2, gaps: ['Personvern'], initiatives: 1, survey: { title: 'Kompetansebehov', responses: 1 } })
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
		test('month by month, each goal as it stood at the month’s end, told from when each thing was recorded', async () => {
			const networkId = await createNetwork(db)
			await db.updateTable('network').set({ created_at: '2026-08-20T10:00:00.000Z' }).where('id', '=', networkId).execute()
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			const leaderView = { personId: leader, organisationId: null, roles: ['project_leader'] as Role[] }
			const [a, b, c] = [await createCompany(db, networkId), await createCompany(db, networkId), await createCompany(db, networkId)] as [number, number, number]
			const contact = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: a })
			const met = async (other: number, at: string) => {
				await recordContact(db, { networkId, organisationId: a, actorId: contact }, { otherId: other, kind: 'met' })
				await db.updateTable('company_contact').set({ created_at: at }).where('organisation_b', '=', other).execute()
			}
			await met(b, '2026-09-03T08:00:00.000Z')
			// 23:30 UTC on 31 October is 1 November in Oslo.
			await met(c, '2026-10-31T23:30:00.000Z')
			const idea = await proposeIdea(db, { networkId, viewer: { personId: contact, organisationId: a, roles: ['company_contact'] } }, { title: 'Idé', problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience: 'members', named: [] })
			for (const [to, at] of [['proposed', '2026-09-10'], ['maturing', '2026-09-20'], ['qualified', '2026-10-05']] as const) {
				await moveIdea(db, { networkId, viewer: leaderView, ideaId: idea }, { to, reason: 'videre' })
				await db.updateTable('idea_stage_event').set({ created_at: `${at}T09:00:00.000Z` }).where('to_stage', '=', to).execute()
			}
			// Added at "contacted" in November, though met in September by the log.
			const { id: partner } = (await addPartner(db, { networkId, actorId: leader }, { name: 'Høgskolen', kind: 'research', town: '', country: 'NO', website: '', focus: '', stage: 'contacted' })) as { id: number }
			await db.updateTable('knowledge_partner').set({ created_at: '2026-11-02T09:00:00.000Z' }).execute()
			await logPartnerActivity(db, { networkId, actorId: leader }, partner, { occurred_on: '2026-09-15', summary: 'Møte', stage: 'met' })
			await addInitiative(db, { networkId, actorId: leader }, { title: 'Kurs', competence: 'Sky', kind: 'course', partner_id: undefined, starts_on: '2026-10-12', description: '' })
			await addInitiative(db, { networkId, actorId: leader }, { title: 'Kommer', competence: 'Sky', kind: 'course', partner_id: undefined, starts_on: '2099-01-01', description: '' })

			const history = await goalHistory(db, { networkId, viewer: leaderView })
			expect(history.slice(0, 4)).toEqual([
				{ month: '2026-08', pairsMet: 0, ideasReady: 0, partnersReached: 0, initiativesHeld: 0 },
				{ month: '2026-09', pairsMet: 1, ideasReady: 0, partnersReached: 1, initiativesHeld: 0 },
				{ month: '2026-10', pairsMet: 1, ideasReady: 1, partnersReached: 1, initiativesHeld: 1 },
				{ month: '2026-11', pairsMet: 2, ideasReady: 1, partnersReached: 1, initiativesHeld: 1 },
			])
			// Up to this month, which holds what is recorded now; an initiative yet to come is not held.
			expect(history.at(-1)).toEqual({ month: osloDate().slice(0, 7), pairsMet: 2, ideasReady: 1, partnersReached: 1, initiativesHeld: 1 })
		})
	})
}
