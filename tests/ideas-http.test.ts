// Ideas' bad input over HTTP, on both databases: a clear message, a 4xx, nothing written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Role } from '#db/schema.ts'
import { DIALECTS } from './support/databases.ts'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createCompany, createNetwork, createPerson } from './support/factories.ts'
import { getCriteria, proposeIdea } from '#app/features/ideas/ideas.server.ts'

for (const dialect of DIALECTS) {
	describe(`ideas over HTTP on ${dialect}`, () => {
		let server: TestServer
		const cookie: Record<string, string> = {}
		const ideas: Record<string, number> = {}
		let criterion: number

		beforeAll(async () => {
			server = await startTestServer(dialect)
			const db = server.db
			const networkId = await createNetwork(db, { slug: 'test' })
			const a = await createCompany(db, networkId, { name: 'A AS' })
			const b = await createCompany(db, networkId, { name: 'B AS' })
			const person = async (key: string, roles: Role[], organisationId: number | null) => {
				const id = await createPerson(db, networkId, { roles, organisation_id: organisationId })
				cookie[key] = await server.cookieFor(id)
				return { personId: id, organisationId, roles }
			}
			const author = await person('author', ['company_contact'], a)
			await person('outsider', ['company_contact'], b)
			await person('steering', ['steering_group'], null)
			await person('leader', ['project_leader'], null)
			ideas.open = await proposeIdea(db, { networkId, viewer: author }, { title: 'Åpen idé', problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience: 'members', named: [] })
			criterion = (await getCriteria(db, networkId))[0]!.id
			ideas.named = await proposeIdea(db, { networkId, viewer: author }, { title: 'Lukket idé', problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience: 'named', named: [] })
		})
		afterAll(() => server?.close())

		const post = (id: number, body: Record<string, string>, who: string) =>
			fetch(`${server.url}/n/test/ideer/${id}`, { method: 'POST', headers: { Origin: server.url, Cookie: cookie[who]!, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body), redirect: 'manual' })
		const count = async (table: 'idea_comment' | 'idea_score' | 'idea_budget_line' | 'idea_stage_event') => (await server.db.selectFrom(table).select('idea_id').execute()).length

		test('a comment on an idea the user may not see finds nothing', async () => {
			const before = await count('idea_comment')
			expect((await post(ideas.named!, { intent: 'comment', body: 'Hei' }, 'outsider')).status).toBe(404)
			expect(await count('idea_comment')).toBe(before)
		})

		test('a stage move that skips the rules is refused', async () => {
			const before = await count('idea_stage_event')
			const response = await post(ideas.open!, { intent: 'move', to: 'qualified', reason: 'Hopp over' }, 'author')
			expect(response.status).toBe(403)
			expect(await response.text()).toContain('Du kan ikke flytte ideen dit.')
			expect((await post(ideas.open!, { intent: 'move', to: 'proposed', reason: '' }, 'author')).status).toBe(400)
			expect(await count('idea_stage_event')).toBe(before)
		})

		test('an evaluation by someone outside the steering group, or a score outside 1–10, is refused', async () => {
			const first = criterion
			expect((await post(ideas.open!, { intent: 'evaluate', [`score_${first}`]: '7' }, 'author')).status).toBe(403)
			const outOfRange = await post(ideas.open!, { intent: 'evaluate', [`score_${first}`]: '11' }, 'steering')
			expect(outOfRange.status).toBe(400)
			expect(await outOfRange.text()).toContain('Skriv en poengsum fra 1 til 10.')
			expect(await count('idea_score')).toBe(0)
		})

		test('the project leader sets the criteria; a weight outside 1–10 is refused and nothing changes', async () => {
			const save = (body: string) => fetch(`${server.url}/n/test/admin/kriterier`, { method: 'POST', headers: { Origin: server.url, Cookie: cookie.leader!, 'Content-Type': 'application/x-www-form-urlencoded' }, body })
			const before = await server.db.selectFrom('evaluation_criterion').select(['name', 'weight']).orderBy('position').execute()
			const bad = await save('id=&name=Nytte&weight=11')
			expect(bad.status).toBe(400)
			expect(await bad.text()).toContain('vekt fra 1 til 10')
			expect(await server.db.selectFrom('evaluation_criterion').select(['name', 'weight']).orderBy('position').execute()).toEqual(before)
			expect((await save(`id=${criterion}&name=Relevans&weight=5&id=&name=B%C3%A6rekraft&weight=2`)).status).toBe(200)
			expect(await server.db.selectFrom('evaluation_criterion').select(['name', 'weight']).orderBy('position').execute()).toEqual([
				{ name: 'Relevans', weight: 5 },
				{ name: 'Bærekraft', weight: 2 },
			])
		})

		test('a budget with a negative amount, or financing beyond the costs, is refused', async () => {
			expect((await post(ideas.open!, { intent: 'budget-add', kind: 'cost', label: 'Minus', amount_nok: '-5' }, 'author')).status).toBe(400)
			expect((await post(ideas.open!, { intent: 'budget-add', kind: 'cost', label: 'Utvikling', amount_nok: '100000' }, 'author')).status).toBe(200)
			const tooMuch = await post(ideas.open!, { intent: 'budget-add', kind: 'funding', label: 'Innovasjon Norge', amount_nok: '100001' }, 'author')
			expect(tooMuch.status).toBe(400)
			expect(await tooMuch.text()).toContain('Finansieringen kan ikke bli større enn kostnadene.')
			expect(await count('idea_budget_line')).toBe(1)
		})
	})
}
