import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { addBudgetLine, commentOnIdea, evaluateIdea, getBudget, getCriteria, getIdea, joinIdea, listIdeas, listProposedIdeas, listScores, moveIdea, proposeIdea, removeBudgetLine, type IdeaInput, type Viewer } from './ideas.server.ts'

const base: IdeaInput = { title: 'Felles sikkerhetssenter', problem: 'Små bedrifter har ikke råd til døgnovervåking.', solution: 'Et delt SOC.', beneficiaries: 'Medlemmene', competences: 'Informasjonssikkerhet', audience: 'members', named: [] }

for (const dialect of DIALECTS) {
	describe(`ideas on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let network: { id: number; slug: string; name: string }
		let a: number
		let b: number
		let c: number
		const viewers: Record<string, Viewer & { name: string }> = {}
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			network = { id: await createNetwork(db, { slug: 'ikt' }), slug: 'ikt', name: 'IKT' }
			a = await createCompany(db, network.id, { name: 'A AS' })
			b = await createCompany(db, network.id, { name: 'B AS' })
			c = await createCompany(db, network.id, { name: 'C AS' })
			const person = async (key: string, roles: Role[], organisationId: number | null) => {
				const id = await createPerson(db, network.id, { name: key, email: `${key.toLowerCase().replace(' ', '.')}@x.no`, roles, organisation_id: organisationId })
				viewers[key] = { personId: id, organisationId, roles, name: key }
			}
			await person('Anne A', ['company_contact'], a)
			await person('Bjørn B', ['company_contact'], b)
			await person('Cecilie C', ['member'], c)
			await person('Siri Styre', ['steering_group'], null)
			await person('Per Leder', ['project_leader'], null)
		})
		afterEach(() => drop())

		const titles = async (who: string) => (await listIdeas(db, { networkId: network.id, viewer: viewers[who]! })).map((i) => i.title).sort()

		test('each audience sees exactly its ideas, in lists and on the page', async () => {
			await proposeIdea(db, { networkId: network.id, viewer: viewers['Anne A']! }, { ...base, title: 'Åpen' })
			const steering = await proposeIdea(db, { networkId: network.id, viewer: viewers['Anne A']! }, { ...base, title: 'Styret', audience: 'steering' })
			const named = await proposeIdea(db, { networkId: network.id, viewer: viewers['Anne A']! }, { ...base, title: 'Navngitt', audience: 'named', named: [b] })
			await joinIdea(db, { networkId: network.id, viewer: viewers['Anne A']!, ideaId: steering }, { organisationId: b, role: 'partner' })

			expect(await titles('Anne A')).toEqual(['Navngitt', 'Styret', 'Åpen'])
			expect(await titles('Bjørn B')).toEqual(['Navngitt', 'Styret', 'Åpen'])
			expect(await titles('Cecilie C')).toEqual(['Åpen'])
			expect(await titles('Siri Styre')).toEqual(['Styret', 'Åpen'])
			expect(await titles('Per Leder')).toEqual(['Styret', 'Åpen'])
			expect(await getIdea(db, { networkId: network.id, viewer: viewers['Cecilie C']!, ideaId: named })).toBeUndefined()
			expect(await getIdea(db, { networkId: network.id, viewer: viewers['Cecilie C']!, ideaId: steering })).toBeUndefined()
			// Nor can someone outside the audience join, comment, evaluate or budget it.
			const outsider = { networkId: network.id, viewer: viewers['Cecilie C']!, ideaId: named }
			expect(await joinIdea(db, outsider, { organisationId: c, role: 'interested' })).toBe(false)
			expect(await commentOnIdea(db, { network, viewer: viewers['Cecilie C']!, ideaId: named, origin: 'http://x' }, 'Hei')).toBe(false)
			expect(await addBudgetLine(db, outsider, { kind: 'cost', label: 'X', organisation_id: null, amount_nok: 1 })).toEqual({ error: 'notFound' })
		})

		test('a mention notifies only people who can see the idea, each in their own language', async () => {
			const named = await proposeIdea(db, { networkId: network.id, viewer: viewers['Anne A']! }, { ...base, title: 'Navngitt', audience: 'named', named: [b] })
			await db.updateTable('person').set({ lang: 'en' }).where('name', '=', 'Bjørn B').execute()
			await commentOnIdea(db, { network, viewer: viewers['Anne A']!, ideaId: named, origin: 'http://x' }, 'Hva tenker @Bjørn B og @Cecilie C?')
			const notified = await db.selectFrom('notification').innerJoin('person', 'person.id', 'notification.person_id').select(['person.name', 'notification.text']).execute()
			expect(notified).toEqual([{ name: 'Bjørn B', text: 'Anne A mentioned you in “Navngitt”' }])
			expect(await db.selectFrom('outbox').select(['recipient', 'subject']).execute()).toEqual([{ recipient: 'bjørn.b@x.no', subject: 'Anne A mentioned you in “Navngitt”' }])
			// Read in bokmål, the same mention says so in bokmål.
			await db.updateTable('person').set({ lang: 'nb' }).where('name', '=', 'Bjørn B').execute()
			await commentOnIdea(db, { network, viewer: viewers['Anne A']!, ideaId: named, origin: 'http://x' }, 'Og nå, @Bjørn B?')
			expect((await db.selectFrom('outbox').select('subject').orderBy('id').execute()).map((m) => m.subject)).toEqual(['Anne A mentioned you in “Navngitt”', 'Anne A nevnte deg i «Navngitt»'])
		})

		test("the proposed ideas, for the project leader's home: only those proposed that the viewer may see, latest change first", async () => {
			const as = { networkId: network.id, viewer: viewers['Anne A']! }
			const open = await proposeIdea(db, as, { ...base, title: 'Åpen' })
			const steering = await proposeIdea(db, as, { ...base, title: 'Styret', audience: 'steering' })
			const named = await proposeIdea(db, as, { ...base, title: 'Navngitt', audience: 'named', named: [b] })
			await proposeIdea(db, as, { ...base, title: 'Utkast' })
			for (const [id, hour] of [[open, '10'], [steering, '08'], [named, '09']] as const) {
				expect(await moveIdea(db, { ...as, ideaId: id }, { to: 'proposed', reason: 'Klar for nettverket' })).toEqual({ ok: true })
				await db.updateTable('idea').set({ updated_at: `2026-12-01T${hour}:00:00.000Z` }).where('id', '=', id).execute()
			}
			const proposedTo = async (who: string) => (await listProposedIdeas(db, { networkId: network.id, viewer: viewers[who]! })).map((i) => i.title)
			expect(await proposedTo('Per Leder')).toEqual(['Åpen', 'Styret'])
			expect(await proposedTo('Bjørn B')).toEqual(['Åpen', 'Navngitt'])
			expect(await proposedTo('Cecilie C')).toEqual(['Åpen'])
		})

		test('stages move by the rules, with reasons kept', async () => {
			const id = await proposeIdea(db, { networkId: network.id, viewer: viewers['Anne A']! }, base)
			const by = (who: string) => ({ networkId: network.id, viewer: viewers[who]!, ideaId: id })
			expect(await moveIdea(db, by('Bjørn B'), { to: 'proposed', reason: 'x' })).toEqual({ error: 'notAllowed' })
			expect(await moveIdea(db, by('Anne A'), { to: 'proposed', reason: 'Klar for nettverket' })).toEqual({ ok: true })
			expect(await moveIdea(db, by('Anne A'), { to: 'maturing', reason: 'x' })).toEqual({ error: 'notAllowed' })
			expect(await moveIdea(db, by('Siri Styre'), { to: 'qualified', reason: 'Hopp' })).toEqual({ error: 'notAllowed' })
			expect(await moveIdea(db, by('Siri Styre'), { to: 'maturing', reason: 'Lovende' })).toEqual({ ok: true })
			expect(await moveIdea(db, by('Per Leder'), { to: 'qualified', reason: 'Vurdert' })).toEqual({ ok: true })
			const idea = (await getIdea(db, by('Anne A')))!
			expect(idea.stage).toBe('qualified')
			expect(idea.history.map((h) => [h.from_stage, h.to_stage, h.reason])).toEqual([
				[null, 'draft', ''],
				['draft', 'proposed', 'Klar for nettverket'],
				['proposed', 'maturing', 'Lovende'],
				['maturing', 'qualified', 'Vurdert'],
			])
		})

		test('evaluations replace a person’s earlier scores; the consortium is checked against the rules', async () => {
			const id = await proposeIdea(db, { networkId: network.id, viewer: viewers['Anne A']! }, base)
			const criteria = await getCriteria(db, network.id)
			expect(criteria).toHaveLength(5)
			const by = { networkId: network.id, viewer: viewers['Siri Styre']!, ideaId: id }
			await evaluateIdea(db, by, [{ criterion_id: criteria[0]!.id, score: 4, comment: '' }])
			await evaluateIdea(db, by, [{ criterion_id: criteria[0]!.id, score: 8, comment: 'Bedre' }])
			expect((await listScores(db, id)).map((s) => [s.score, s.comment])).toEqual([[8, 'Bedre']])
			expect(await evaluateIdea(db, by, [{ criterion_id: 999_999, score: 8, comment: '' }])).toBe(false)

			for (const [organisationId, role] of [[a, 'lead'], [b, 'partner'], [c, 'interested']] as const) {
				await joinIdea(db, { networkId: network.id, viewer: viewers['Anne A']!, ideaId: id }, { organisationId, role })
			}
			const idea = (await getIdea(db, { networkId: network.id, viewer: viewers['Anne A']!, ideaId: id }))!
			expect(idea.parties.map((p) => [p.name, p.role]).sort()).toEqual([['A AS', 'lead'], ['B AS', 'partner'], ['C AS', 'interested']])
			// Two companies in the consortium (the interested one does not count): fewer than three.
			expect(idea.composition.smes).toEqual({ ok: false, detail: { count: 2, required: 3 } })
		})

		test('the budget adds up, and financing may not exceed costs', async () => {
			const id = await proposeIdea(db, { networkId: network.id, viewer: viewers['Anne A']! }, base)
			const by = { networkId: network.id, viewer: viewers['Anne A']!, ideaId: id }
			await addBudgetLine(db, by, { kind: 'cost', label: 'Utvikling', organisation_id: null, amount_nok: 1_000_000 })
			await addBudgetLine(db, by, { kind: 'own_hours', label: 'Timer', organisation_id: a, amount_nok: 300_000 })
			await addBudgetLine(db, by, { kind: 'funding', label: 'Innovasjon Norge', organisation_id: null, amount_nok: 500_000 })
			expect(await addBudgetLine(db, by, { kind: 'cash', label: 'For mye', organisation_id: b, amount_nok: 200_001 })).toEqual({ error: 'exceeds' })
			const { totals, lines } = await getBudget(db, id)
			expect(totals).toEqual({ costs: 1_000_000, ownHours: 300_000, cash: 0, funding: 500_000, financing: 800_000, gap: 200_000 })
			const cost = lines.find((l) => l.kind === 'cost')!
			expect(await removeBudgetLine(db, by, cost.id)).toEqual({ error: 'exceeds' })
		})
	})
}
