import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { moveIdea, proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { mainProjectSchema } from './main-project.ts'
import { getMainProject, mainProjectReadiness, moveToMainProject } from './main-project.server.ts'

const decision = { decided_on: '2026-11-20', starts_on: '2027-01-01', ends_on: '2029-12-31', decision: 'Styringsmøte 20. november, sak 4.' }

describe('the main project decision as entered', () => {
	const errors = (input: Record<string, string>) => mainProjectSchema.safeParse({ ...decision, ...input }).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []
	test('a period of up to three years, ending after it starts, decided on a day that has come', () => {
		expect(errors({})).toEqual([])
		expect(errors({ ends_on: '2030-01-01' })).toEqual([['ends_on', 'mainProject.tooLong']])
		expect(errors({ starts_on: '2028-02-29', ends_on: '2031-02-28' })).toEqual([])
		expect(errors({ starts_on: '2028-02-29', ends_on: '2031-03-01' })).toEqual([['ends_on', 'mainProject.tooLong']])
		expect(errors({ ends_on: '2027-01-01' })).toEqual([['ends_on', 'mainProject.endBeforeStart']])
		expect(errors({ decided_on: '2999-01-01' })).toEqual([['decided_on', 'mainProject.decidedFuture']])
		expect(errors({ decision: ' ' })).toEqual([['decision', 'field.required']])
	})
})

for (const dialect of DIALECTS) {
	describe(`from pre-project to main project on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		test('needs the composition rules met and an idea qualified; then moves once, with the decision and the audit log', async () => {
			const networkId = await createNetwork(db, { phase: 'pre_project' })
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			const actor = { networkId, actorId: leader }
			expect(await mainProjectReadiness(db, networkId)).toMatchObject({ compositionOk: false, ideasReady: 0, ready: false })
			expect(await moveToMainProject(db, actor, decision)).toEqual({ error: 'notReady' })

			const companies = [await createCompany(db, networkId), await createCompany(db, networkId), await createCompany(db, networkId)]
			expect(await mainProjectReadiness(db, networkId)).toMatchObject({ compositionOk: true, ideasReady: 0, ready: false })
			const contact = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: companies[0] })
			const idea = await proposeIdea(db, { networkId, viewer: { personId: contact, organisationId: companies[0]!, roles: ['company_contact'] } }, { title: 'Felles sky', problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience: 'members', named: [] })
			const leaderView = { personId: leader, organisationId: null, roles: ['project_leader' as const] }
			for (const to of ['proposed', 'maturing'] as const) await moveIdea(db, { networkId, viewer: leaderView, ideaId: idea }, { to, reason: 'videre' })
			expect((await mainProjectReadiness(db, networkId)).ready).toBe(false)
			expect(await moveToMainProject(db, actor, decision)).toEqual({ error: 'notReady' })
			expect((await getMainProject(db, networkId)).phase).toBe('pre_project')

			await moveIdea(db, { networkId, viewer: leaderView, ideaId: idea }, { to: 'qualified', reason: 'klar' })
			expect(await mainProjectReadiness(db, networkId)).toMatchObject({ compositionOk: true, ideasReady: 1, ready: true })
			expect(await moveToMainProject(db, actor, decision)).toEqual({ ok: true })
			expect(await getMainProject(db, networkId)).toEqual({ phase: 'main_project', ...decision })
			expect(await db.selectFrom('audit_log').select(['action', 'summary', 'actor_id']).where('action', '=', 'network.mainProject').execute()).toEqual([
				{ action: 'network.mainProject', summary: '2027-01-01 – 2029-12-31', actor_id: leader },
			])
			// Once: a second decision changes nothing.
			expect(await moveToMainProject(db, actor, { ...decision, ends_on: '2028-12-31' })).toEqual({ error: 'phase' })
			expect((await getMainProject(db, networkId)).ends_on).toBe('2029-12-31')
		})

		test('a company too large, or two with one owner, keep the network from moving', async () => {
			const networkId = await createNetwork(db, { phase: 'pre_project' })
			for (const employees of [10, 20, 300, 400]) await createCompany(db, networkId, { employees })
			// Three small companies, but they are not half of the members.
			expect((await mainProjectReadiness(db, networkId)).compositionOk).toBe(false)
			const other = await createNetwork(db, { phase: 'pre_project' })
			await createCompany(db, other, { parent_org_number: '999999999' })
			await createCompany(db, other, { parent_org_number: '999999999' })
			await createCompany(db, other)
			expect((await mainProjectReadiness(db, other)).composition.ties.ok).toBe(false)
		})
	})
}
