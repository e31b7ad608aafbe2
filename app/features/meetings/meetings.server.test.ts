import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { createGathering, getGathering, registerForGathering, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { inMinutes } from '#app/platform/time.ts'
import { ruleBreaks } from './planner.ts'
import { advanceRound, getMeetingPlan, getOwnSchedule, leaveAndReplan, planMeetings, setMeetingLock, swapPeople } from './rounds.server.ts'
import { answerSurvey, getNetworkMap, getSurveyResults, openSurvey, recordContact, setWish } from './acquaintance.server.ts'

for (const dialect of DIALECTS) {
	describe(`get-to-know rounds, the map and the survey on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let networkId: number
		let leader: number
		let gatheringId: number
		let companies: number[]
		/** Registration ids: two people from company 0, one each from companies 1–4. */
		let registrations: number[]
		let people: number[]

		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			networkId = await createNetwork(db, { slug: 'ikt' })
			leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			companies = []
			for (const name of ['Alfa AS', 'Beta AS', 'Gamma AS', 'Delta AS', 'Epsilon AS']) companies.push(await createCompany(db, networkId, { name }))
			gatheringId = await createGathering(
				db,
				networkId,
				{ title: 'Samling', description: '', location: 'Lillehammer', starts_at: inMinutes(60), ends_at: inMinutes(240), audience: 'members', capacity: null, registration_deadline: null },
				[],
			)
			await updateGathering(db, gatheringId, { status: 'published' })
			const gathering = (await getGathering(db, { networkId, gatheringId }))!
			registrations = []
			people = []
			for (const [i, company] of [companies[0]!, ...companies].entries()) {
				const email = `p${i}@x.no`
				const personId = await createPerson(db, networkId, { email, name: `Person ${i}`, organisation_id: company })
				people.push(personId)
				await registerForGathering(db, { network: { id: networkId, slug: 'ikt', name: 'IKT', name_en: 'ICT' }, gathering, origin: 'http://localhost', lang: 'nb' }, {
					name: `Person ${i}`, email, phone: '', company: '', org_number: null, job_title: '', dietary: '', show_in_attendance: true, person_id: personId, organisation_id: company,
				})
			}
			registrations = (await db.selectFrom('registration').select('id').where('gathering_id', '=', gatheringId).orderBy('id').execute()).map((r) => r.id)
		})
		afterEach(() => drop())

		const scope = () => ({ networkId, gatheringId, actorId: leader })
		const plan = async () => (await getMeetingPlan(db, gatheringId))!
		const check = async () => {
			const p = await plan()
			const input = { people: p.people.map((x) => ({ id: x.id, companyId: x.organisationId })) }
			return ruleBreaks(input, p.schedule.map((r) => ({ round: r.round, meetings: r.meetings.map((m) => ({ table: m.table, people: m.people.map((x) => x.id) })), resting: [] })))
		}

		test('plans rounds that keep the rules, and a blocked company is never met', async () => {
			await setWish(db, { networkId, organisationId: companies[1]!, actorId: people[2]! }, { otherId: companies[2]!, kind: 'avoid' })
			expect((await getGathering(db, { networkId, gatheringId }))!.meetingRounds).toBe(false)
			const result = await planMeetings(db, scope(), { registrationIds: registrations, rounds: 3, minutes: 7 })
			expect(result).toEqual({ ok: true, rounds: 3, possible: null })
			expect((await getGathering(db, { networkId, gatheringId }))!.meetingRounds).toBe(true)
			const p = await plan()
			expect(p.schedule).toHaveLength(3)
			expect(p.schedule.every((r) => r.meetings.reduce((n, m) => n + m.people.length, 0) + r.resting.length === 6)).toBe(true)
			expect(await check()).toEqual([])
			const names = (m: { people: { organisationId: number }[] }) => m.people.map((x) => x.organisationId)
			expect(p.schedule.some((r) => r.meetings.some((m) => names(m).includes(companies[1]!) && names(m).includes(companies[2]!)))).toBe(false)
		})

		test('more rounds than there are new pairs: plans the possible ones and says how many', async () => {
			const two = registrations.slice(2, 4)
			const result = await planMeetings(db, scope(), { registrationIds: two, rounds: 4, minutes: 5 })
			expect(result).toEqual({ ok: true, rounds: 1, possible: { rounds: 1, pairs: 1 } })
			expect((await plan()).rounds).toBe(1)
		})

		test('refuses a single company and a participant without a company, writing nothing', async () => {
			expect(await planMeetings(db, scope(), { registrationIds: registrations.slice(0, 2), rounds: 2, minutes: 5 })).toEqual({ error: 'fewCompanies' })
			await db.updateTable('registration').set({ organisation_id: null }).where('id', '=', registrations[5]!).execute()
			expect(await planMeetings(db, scope(), { registrationIds: registrations, rounds: 2, minutes: 5 })).toEqual({ error: 'noCompany', name: 'Person 5' })
			expect(await getMeetingPlan(db, gatheringId)).toBeNull()
		})

		test('swaps keep the rules, locks hold through a re-plan, and someone leaving is planned out of the rounds to come', async () => {
			await planMeetings(db, scope(), { registrationIds: registrations, rounds: 3, minutes: 5 })
			// Swapping the two people of company 0 in round 1 keeps every rule.
			const [first, second] = registrations
			expect(await swapPeople(db, scope(), await plan(), { round: 1, a: first!, b: second! })).toEqual({ ok: true })
			// Seating someone with their colleague breaks the rule and is refused.
			const round1 = (await plan()).schedule[0]!
			const withFirst = round1.meetings.find((m) => m.people.some((x) => x.id === first))!
			const partner = withFirst.people.find((x) => x.id !== first)!
			expect(await swapPeople(db, scope(), await plan(), { round: 1, a: partner.id, b: second! })).toEqual({ error: 'breaksRule' })

			const round3 = (await plan()).schedule[2]!
			const locked = round3.meetings.find((m) => !m.people.some((x) => x.id === registrations[5]))!
			expect(await setMeetingLock(db, await plan(), { round: 3, table: locked.table, locked: true })).toEqual({ ok: true })
			await advanceRound(db, scope(), await plan()) // round 1 starts
			expect(await planMeetings(db, scope(), { registrationIds: registrations, rounds: 2, minutes: 5 })).toEqual({ error: 'started' })
			expect(await swapPeople(db, scope(), await plan(), { round: 1, a: first!, b: second! })).toEqual({ error: 'roundHeld' })

			expect(await leaveAndReplan(db, scope(), await plan(), registrations[5]!)).toEqual({ ok: true })
			const after = await plan()
			expect(after.schedule[0]).toEqual({ ...round1, meetings: round1.meetings.map((m) => ({ ...m, people: m.people.map((x) => ({ ...x, left: x.id === registrations[5] })) })) })
			for (const r of after.schedule.slice(1)) expect(r.meetings.some((m) => m.people.some((x) => x.id === registrations[5]))).toBe(false)
			expect(after.schedule[2]!.meetings.find((m) => m.locked)?.people.map((x) => x.id).sort()).toEqual(locked.people.map((x) => x.id).sort())
			expect(await check()).toEqual([])
		})

		test('after the last round every meeting is recorded as met, once, and the map shows it', async () => {
			await planMeetings(db, scope(), { registrationIds: registrations, rounds: 2, minutes: 5 })
			const own = await getOwnSchedule(db, { gatheringId, personId: people[2]! })
			expect(own!.rounds).toHaveLength(2)
			expect(own!.rounds[0]!.with.length).toBeGreaterThan(0)
			for (let i = 0; i < 3; i++) await advanceRound(db, scope(), await plan())
			await advanceRound(db, scope(), await plan()) // once over, nothing more happens
			const p = await plan()
			expect(p.current_round).toBe(3)
			const pairs = new Set(p.schedule.flatMap((r) => r.meetings.map((m) => m.people.map((x) => x.organisationId).sort().join(':'))))
			const contacts = await db.selectFrom('company_contact').selectAll().where('gathering_id', '=', gatheringId).execute()
			expect(contacts).toHaveLength(pairs.size)

			await recordContact(db, { networkId, organisationId: companies[3]!, actorId: people[4]! }, { otherId: companies[4]!, kind: 'worked' })
			expect(await recordContact(db, { networkId, organisationId: companies[3]!, actorId: people[4]! }, { otherId: companies[3]!, kind: 'met' })).toEqual({ error: 'ownCompany' })
			const map = await getNetworkMap(db, { networkId, organisationId: companies[0]! })
			expect(map.pairs).toBe(10)
			expect(map.metPairs).toBe(new Set([...pairs, [companies[3], companies[4]].sort().join(':')]).size)
			expect(map.share).toBeCloseTo(map.metPairs / 10)
			// Company 0 has not met the companies it never sat with.
			const met0 = [...pairs].filter((k) => k.split(':').includes(String(companies[0]))).length
			expect(map.notMet).toHaveLength(4 - met0)
		})

		test('the trust survey: one answer per company, no own company, results only from three answers', async () => {
			const kari = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: companies[1]!, email: 'kontakt@beta.no', name: 'Kari Kontakt' })
			const by = { network: { id: networkId, slug: 'ikt', name: 'IKT-nettverket', name_en: 'The ICT network' }, actorId: leader, origin: 'http://localhost' }
			const first = await openSurvey(db, by, 'Oppstart')
			// The member companies' contacts are asked to answer, by e-mail and in the portal.
			const mail = await db.selectFrom('outbox').select(['recipient', 'subject', 'body_text']).where('subject', '=', 'Tillitsundersøkelse: Oppstart').execute()
			expect(mail.map((m) => m.recipient)).toEqual(['kontakt@beta.no'])
			expect(mail[0]!.body_text).toContain(`Svar for Beta AS`)
			expect(mail[0]!.body_text).toContain(`http://localhost/n/ikt/tillit/${first}`)
			expect(await db.selectFrom('notification').select('link').where('link', '=', `/n/ikt/tillit/${first}`).execute()).toHaveLength(1)
			const rate = (from: number, score: number) =>
				answerSurvey(
					db,
					{ networkId, organisationId: companies[from]!, actorId: people[from + 1]!, surveyId: first },
					companies.filter((_, i) => i !== from).map((target_id) => ({ target_id, knows: score, trusts: score })),
				)
			expect(await rate(1, 2)).toEqual({ ok: true })
			expect(await rate(1, 3)).toEqual({ error: 'already' })
			expect(await answerSurvey(db, { networkId, organisationId: companies[2]!, actorId: people[3]!, surveyId: first }, [{ target_id: companies[2]!, knows: 3, trusts: 3 }])).toEqual({ error: 'ownCompany' })
			expect(await rate(2, 2)).toEqual({ ok: true })
			let results = await getSurveyResults(db, networkId)
			expect(results.surveys[0]!.responses).toBe(2)
			expect(results.surveys[0]!.network).toBeNull()
			expect(await rate(3, 3)).toEqual({ ok: true })
			results = await getSurveyResults(db, networkId)
			expect(results.surveys[0]!.network).toEqual({ knows: 2.3, trusts: 2.3, answers: 3 })
			// Company 0 was rated by three; company 1 only by two (it does not rate itself).
			expect(results.companies.find((c) => c.id === companies[0])!.scores[0]).toEqual({ knows: 2.3, trusts: 2.3, answers: 3 })
			expect(results.companies.find((c) => c.id === companies[1])!.scores[0]).toBeNull()

			// A contact who has switched to English is asked in English, the network by its English name.
			await db.updateTable('person').set({ lang: 'en' }).where('id', '=', kari).execute()
			const end = await openSurvey(db, by, 'Avslutning')
			const english = await db.selectFrom('outbox').select('body_text').where('subject', '=', 'Trust survey: Avslutning').executeTakeFirstOrThrow()
			expect(english.body_text).toContain('The ICT network has started the trust survey “Avslutning”.')
			expect(await db.selectFrom('notification').select('text').where('link', '=', `/n/ikt/tillit/${end}`).execute()).toEqual([{ text: 'Trust survey: Avslutning' }])
			for (const from of [1, 2, 3]) {
				await answerSurvey(
					db,
					{ networkId, organisationId: companies[from]!, actorId: people[from + 1]!, surveyId: end },
					companies.filter((_, i) => i !== from).map((target_id) => ({ target_id, knows: 4, trusts: 5 })),
				)
			}
			results = await getSurveyResults(db, networkId)
			expect(results.networkChange).toEqual({ knows: 1.7, trusts: 2.7 })
			expect(results.companies.find((c) => c.id === companies[0])!.change).toEqual({ knows: 1.7, trusts: 2.7 })
		})
	})
}
