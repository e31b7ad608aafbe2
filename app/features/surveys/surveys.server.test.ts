import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { addTerm } from '#app/features/competence/competence.server.ts'
import { answerField, answerSchema, questionSchema } from './schemas.ts'
import { addQuestion, answerSurvey, createSurvey, endSurvey, getSurvey, hasResponded, listSurveys, MAX_QUESTIONS, publishSurvey, remindSurvey, removeQuestion, responsesCsv, scaleResults, surveyResults, updateSurvey } from './surveys.server.ts'

const who = (n: number, company = `Bedrift ${n} AS`) => ({ personId: null, name: `Person ${n}`, email: `person${n}@test.example`, company })

for (const dialect of DIALECTS) {
	describe(`surveys on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		async function draftWith(networkId: number, questions: Parameters<typeof addQuestion>[2][]) {
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			const id = await createSurvey(db, { networkId, actorId: leader }, { title: 'Oppstart', intro: '', audience: 'open' })
			const draft = (await getSurvey(db, networkId, id))!.survey
			for (const q of questions) expect(await addQuestion(db, draft, q)).toEqual({ ok: true })
			return { id, leader, draft }
		}
		const q = (text: string, kind: 'scale' | 'choice' | 'multi' | 'text' | 'competences', options: string[] = [], required = false) => ({ text, kind, options, required })

		test('written as a draft, opened once it has a question, its questions fixed from then, closed', async () => {
			const networkId = await createNetwork(db)
			const { id, leader, draft } = await draftWith(networkId, [])
			expect(await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'Nettverket', name_en: 'The network' }, actorId: leader, origin: 'https://knute.example' }, draft)).toEqual({ error: 'noQuestions' })
			await addQuestion(db, draft, q('Behov?', 'scale', [], true))
			await addQuestion(db, draft, q('Tema?', 'choice', ['A', 'B']))
			const { questions } = (await getSurvey(db, networkId, id))!
			expect(questions.map((x) => [x.text, x.kind, x.options, x.required])).toEqual([
				['Behov?', 'scale', [], true],
				['Tema?', 'choice', ['A', 'B'], false],
			])
			expect(await updateSurvey(db, { actorId: leader }, draft, { title: 'Oppstart 2027', intro: 'Fem minutter.', audience: 'members' })).toEqual({ ok: true })
			expect((await getSurvey(db, networkId, id))!.survey).toMatchObject({ title: 'Oppstart 2027', intro: 'Fem minutter.', audience: 'members' })
			await updateSurvey(db, { actorId: leader }, draft, { title: 'Oppstart', intro: '', audience: 'open' })
			expect(await removeQuestion(db, draft, questions[1]!.id)).toEqual({ ok: true })
			expect(await removeQuestion(db, draft, questions[1]!.id)).toBe(false)
			expect(await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'Nettverket', name_en: 'The network' }, actorId: leader, origin: 'https://knute.example' }, draft)).toEqual({ ok: true })
			const open = (await getSurvey(db, networkId, id))!.survey
			expect(open.status).toBe('open')
			expect(open.opened_at).not.toBeNull()
			// Open: the questions stay as they are, it cannot be opened again — also not through the draft as it
			// was read before it opened (a form sent from a page that still showed the draft).
			expect(await addQuestion(db, open, q('Mer?', 'text'))).toEqual({ error: 'notDraft' })
			expect(await addQuestion(db, draft, q('Mer?', 'text'))).toEqual({ error: 'notDraft' })
			expect(await removeQuestion(db, draft, questions[0]!.id)).toEqual({ error: 'notDraft' })
			expect(await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'Nettverket', name_en: 'The network' }, actorId: leader, origin: 'https://knute.example' }, draft)).toEqual({ error: 'notDraft' })
			expect(await removeQuestion(db, open, questions[0]!.id)).toEqual({ error: 'notDraft' })
			expect(await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'Nettverket', name_en: 'The network' }, actorId: leader, origin: 'https://knute.example' }, open)).toEqual({ error: 'notDraft' })
			expect(await updateSurvey(db, { actorId: leader }, open, { title: 'Noe annet', intro: '', audience: 'members' })).toEqual({ error: 'notDraft' })
			expect(await endSurvey(db, { actorId: leader }, open)).toEqual({ ok: true })
			const closed = (await getSurvey(db, networkId, id))!.survey
			expect([closed.status, closed.closed_at !== null]).toEqual(['closed', true])
			expect(await endSurvey(db, { actorId: leader }, closed)).toEqual({ error: 'notOpen' })
			expect(await answerSurvey(db, closed, who(1), { [questions[0]!.id]: ['3'] })).toEqual({ error: 'notOpen' })
			const log = await db.selectFrom('audit_log').select(['action', 'summary']).where('network_id', '=', networkId).where('entity_type', '=', 'survey').orderBy('id').execute()
			expect(log).toEqual([
				{ action: 'survey.created', summary: 'Oppstart' },
				{ action: 'survey.updated', summary: 'Oppstart 2027' },
				{ action: 'survey.updated', summary: 'Oppstart' },
				{ action: 'survey.published', summary: 'Oppstart' },
				{ action: 'survey.ended', summary: 'Oppstart' },
			])
			// Another network's survey is not this network's.
			expect(await getSurvey(db, await createNetwork(db), id)).toBeUndefined()
		})

		test("a survey for the network's people tells each of them, in their language, but the one who opened it; one open to anyone tells nobody", async () => {
			const networkId = await createNetwork(db, { slug: 'innlandet', name: 'IKT Innlandet', name_en: 'ICT Innlandet' })
			const network = { id: networkId, slug: 'innlandet', name: 'IKT Innlandet', name_en: 'ICT Innlandet' }
			const kari = await createPerson(db, networkId, { email: 'kari@a.example', name: 'Kari', roles: ['member'] })
			const tom = await createPerson(db, networkId, { email: 'tom@b.example', name: 'Tom', roles: ['steering_group'] })
			await db.updateTable('person').set({ lang: 'en' }).where('id', '=', tom).execute()
			await createPerson(db, await createNetwork(db), { email: 'annen@c.example' })
			const leader = await createPerson(db, networkId, { email: 'leder@a.example', roles: ['project_leader'] })
			const open = async (audience: 'members' | 'open', title: string) => {
				const id = await createSurvey(db, { networkId, actorId: leader }, { title, intro: 'Det tar fem minutter.', audience })
				const { survey } = (await getSurvey(db, networkId, id))!
				await addQuestion(db, survey, q('Behov?', 'scale'))
				// Opened twice at once (two clicks, two tabs): opened once, each person told once.
				const twice = await Promise.all([1, 2].map(() => db.transaction().execute((trx) => publishSurvey(trx, { network, actorId: leader, origin: 'https://knute.example' }, survey))))
				expect(twice).toEqual(expect.arrayContaining([{ ok: true }, { error: 'notDraft' }]))
				return id
			}
			const id = await open('members', 'Kompetanse 2027')
			const mail = await db.selectFrom('outbox').select(['recipient', 'subject', 'body_text']).orderBy('recipient').execute()
			expect(mail.map((m) => [m.recipient, m.subject])).toEqual([
				['kari@a.example', 'Undersøkelse: Kompetanse 2027'],
				['tom@b.example', 'Survey: Kompetanse 2027'],
			])
			expect(mail[0]!.body_text).toContain('IKT Innlandet ber om svarene dine i undersøkelsen «Kompetanse 2027».\n\nDet tar fem minutter.\n\nSvar i Knute: https://knute.example/n/innlandet/undersokelser/' + id)
			expect(mail[1]!.body_text).toContain('ICT Innlandet asks for your answers')
			const notices = await db.selectFrom('notification').select(['person_id', 'link']).orderBy('person_id').execute()
			expect(notices).toEqual([kari, tom].map((person_id) => ({ person_id, link: `/n/innlandet/undersokelser/${id}` })))
			await open('open', 'Til hele bransjen')
			expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(2)
		})

		test('a reminder goes to those who have not answered, once a day at most, even asked for twice at once', async () => {
			const networkId = await createNetwork(db, { slug: 'innlandet' })
			const network = { id: networkId, slug: 'innlandet', name: 'IKT Innlandet', name_en: 'ICT Innlandet' }
			const sender = { network, actorId: null, origin: 'https://knute.example' }
			await createPerson(db, networkId, { email: 'kari@a.example', name: 'Kari' })
			const tom = await createPerson(db, networkId, { email: 'tom@b.example', name: 'Tom' })
			const id = await createSurvey(db, { networkId, actorId: null }, { title: 'Kompetanse', intro: '', audience: 'members' })
			const draft = (await getSurvey(db, networkId, id))!.survey
			await addQuestion(db, draft, q('Behov?', 'scale'))
			expect(await remindSurvey(db, sender, draft)).toEqual({ error: 'notOpen' })
			await publishSurvey(db, sender, draft)
			const survey = (await getSurvey(db, networkId, id))!.survey
			await answerSurvey(db, survey, { personId: null, name: 'Kari', email: 'Kari@A.example', company: '' }, {})
			const twice = await Promise.all([1, 2].map(() => db.transaction().execute((trx) => remindSurvey(trx, sender, survey))))
			expect(twice).toEqual(expect.arrayContaining([{ reminded: 1 }, { error: 'tooSoon' }]))
			const reminders = () => db.selectFrom('outbox').select(['recipient', 'subject']).where('subject', 'like', 'Påminnelse%').orderBy('id').execute()
			expect(await reminders()).toEqual([{ recipient: 'tom@b.example', subject: 'Påminnelse om undersøkelsen: Kompetanse' }])
			expect(await db.selectFrom('notification').select('person_id').where('text', 'like', 'Påminnelse%').execute()).toEqual([{ person_id: tom }])
			// A day later, another; once closed, none.
			await db.updateTable('survey').set({ reminded_at: new Date(Date.now() - 25 * 3_600_000).toISOString() }).where('id', '=', id).execute()
			expect(await remindSurvey(db, sender, survey)).toEqual({ reminded: 1 })
			expect(await reminders()).toHaveLength(2)
			await endSurvey(db, { actorId: null }, survey)
			expect(await remindSurvey(db, sender, (await getSurvey(db, networkId, id))!.survey)).toEqual({ error: 'notOpen' })
			expect(await db.selectFrom('audit_log').select('summary').where('action', '=', 'survey.reminded').execute()).toEqual([{ summary: 'Kompetanse: 1' }, { summary: 'Kompetanse: 1' }])
		})

		test(`at most ${MAX_QUESTIONS} questions`, async () => {
			const networkId = await createNetwork(db)
			const { draft } = await draftWith(networkId, Array.from({ length: MAX_QUESTIONS }, (_, i) => q(`Spørsmål ${i + 1}`, 'text')))
			expect(await addQuestion(db, draft, q('Ett til', 'text'))).toEqual({ error: 'full' })
		})

		test('one answer an address, whatever its case, even two sent at once', async () => {
			const networkId = await createNetwork(db)
			const { id, leader, draft } = await draftWith(networkId, [q('Behov?', 'scale', [], true)])
			await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'Nettverket', name_en: 'The network' }, actorId: leader, origin: 'https://knute.example' }, draft)
			const { survey, questions } = (await getSurvey(db, networkId, id))!
			const answer = { [questions[0]!.id]: ['4'] }
			const twice = await Promise.all([1, 2].map(() => db.transaction().execute((trx) => answerSurvey(trx, survey, who(1), answer))))
			expect(twice.filter((r) => 'id' in r)).toHaveLength(1)
			expect(twice.filter((r) => 'error' in r)).toEqual([{ error: 'answered' }])
			expect(await answerSurvey(db, survey, { ...who(1), email: 'PERSON1@test.example' }, answer)).toEqual({ error: 'answered' })
			expect(await hasResponded(db, survey.id, 'Person1@Test.example')).toBe(true)
			expect(await db.selectFrom('survey_answer').select('value').execute()).toEqual([{ value: '4' }])
			expect((await listSurveys(db, networkId)).map((s) => [s.title, s.status, s.questions, s.responses])).toEqual([['Oppstart', 'open', 1, 1]])
		})

		test('the results: a scale counted and its mean, each choice counted, the texts with their company, competences against what members offer', async () => {
			const networkId = await createNetwork(db)
			const sky = await createCompany(db, networkId, { name: 'Sky AS', competences_offered: 'Skytjenester, Universell utforming' })
			await createCompany(db, networkId, { name: 'Annen AS', competences_offered: 'skytjenester' })
			const { id, leader, draft } = await draftWith(networkId, [
				q('Behov?', 'scale', [], true),
				q('Hva?', 'multi', ['Prosjekter', 'Rekruttering', 'Kurs']),
				q('Mangler?', 'competences'),
				q('Innspill', 'text'),
				q('Ett valg', 'choice', ['Ja', 'Nei']),
			])
			await addTerm(db, { networkId, actorId: leader }, { alias: 'Tilgjengelighet', canonical: 'Universell utforming' })
			await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'Nettverket', name_en: 'The network' }, actorId: leader, origin: 'https://knute.example' }, draft)
			const { survey, questions } = (await getSurvey(db, networkId, id))!
			const [scale, multi, competences, text, choice] = questions.map((x) => x.id) as [number, number, number, number, number]
			await answerSurvey(db, survey, who(1, 'Alfa AS'), { [scale]: ['5'], [multi]: ['Prosjekter', 'Kurs'], [competences]: ['Kunstig intelligens', 'Tilgjengelighet'], [text]: ['Flere samlinger'], [choice]: ['Ja'] })
			await answerSurvey(db, survey, who(2, 'Beta AS'), { [scale]: ['4'], [multi]: ['Kurs'], [competences]: ['kunstig intelligens', 'Skytjenester'], [text]: [], [choice]: [] })
			await answerSurvey(db, survey, who(3, 'Gamma AS'), { [scale]: ['2'], [multi]: [], [competences]: ['Kunstig intelligens', 'Universell utforming'], [text]: ['Kurs om sikkerhet'], [choice]: ['Nei'] })

			const { responses, results } = await surveyResults(db, survey, questions)
			expect(responses).toBe(3)
			expect(results.map((r) => r.result)).toEqual([
				{ kind: 'scale', answered: 3, counts: [0, 1, 0, 1, 1], mean: 11 / 3 },
				{ kind: 'multi', answered: 2, counts: [{ option: 'Prosjekter', count: 1 }, { option: 'Rekruttering', count: 0 }, { option: 'Kurs', count: 2 }] },
				{
					kind: 'competences',
					answered: 3,
					competences: [
						// Named by all three, offered by no member: the first gap.
						{ competence: 'Kunstig intelligens', count: 3, offeredBy: [] },
						// "Tilgjengelighet" is the network's word for it: two named it, one member offers it.
						{ competence: 'Universell utforming', count: 2, offeredBy: [{ id: sky, name: 'Sky AS' }] },
						// Offered by two members, in the order of their names.
						{ competence: 'Skytjenester', count: 1, offeredBy: [expect.objectContaining({ name: 'Annen AS' }), { id: sky, name: 'Sky AS' }] },
					],
				},
				{ kind: 'text', answered: 2, texts: [{ text: 'Flere samlinger', company: 'Alfa AS' }, { text: 'Kurs om sikkerhet', company: 'Gamma AS' }] },
				{ kind: 'choice', answered: 2, counts: [{ option: 'Ja', count: 1 }, { option: 'Nei', count: 1 }] },
			])

			// For the funder: each scale question's mean and answers, a draft's left out, one without answers has no mean.
			const later = await draftWith(networkId, [q('Nytte?', 'scale')])
			expect(await scaleResults(db, networkId)).toEqual([{ survey: 'Oppstart', opened_at: survey.opened_at, question: 'Behov?', mean: 11 / 3, answers: 3 }])
			await publishSurvey(db, { network: { id: networkId, slug: 'n', name: 'Nettverket', name_en: 'The network' }, actorId: leader, origin: 'https://knute.example' }, later.draft)
			expect((await scaleResults(db, networkId)).map((r) => [r.question, r.mean, r.answers])).toEqual([
				['Behov?', 11 / 3, 3],
				['Nytte?', null, 0],
			])

			const csv = await responsesCsv(db, survey, questions, { header: ['Svart', 'Navn', 'E-post', 'Bedrift'], when: () => 'i dag' })
			const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n')
			expect(lines[0]).toBe('"Svart";"Navn";"E-post";"Bedrift";"Behov?";"Hva?";"Mangler?";"Innspill";"Ett valg"')
			expect(lines[1]).toBe('"i dag";"Person 1";"person1@test.example";"Alfa AS";"5";"Prosjekter, Kurs";"Kunstig intelligens, Tilgjengelighet";"Flere samlinger";"Ja"')
			expect(lines).toHaveLength(4)
		})
	})
}

describe('the forms', () => {
	test("a question's choices: two to twelve for a choice, one a line, none kept for other kinds", () => {
		const parse = (input: Record<string, unknown>) => questionSchema.safeParse({ text: 'Hva?', kind: 'choice', ...input })
		expect(parse({ options: 'A\n\n A ' }).error?.issues.map((i) => i.message)).toEqual(['survey.question.optionCount'])
		expect(parse({ options: 'A\nB\nC' }).data?.options).toEqual(['A', 'B', 'C'])
		expect(parse({ options: Array.from({ length: 13 }, (_, i) => `Valg ${i}`).join('\n') }).success).toBe(false)
		expect(parse({ kind: 'scale', options: 'A\nB' }).data?.options).toEqual([])
		expect(parse({ kind: 'vote' }).success).toBe(false)
	})

	test('an answer: required questions answered, values among the choices, the respondent through an open link', () => {
		const questions = [
			{ id: 1, kind: 'scale' as const, text: 'Behov?', options: [], required: true },
			{ id: 2, kind: 'multi' as const, text: 'Hva?', options: ['A', 'B'], required: true },
			{ id: 3, kind: 'choice' as const, text: 'Ja?', options: ['Ja', 'Nei'], required: false },
			{ id: 4, kind: 'competences' as const, text: 'Mangler?', options: [], required: false },
		]
		const members = answerSchema(questions, { open: false })
		expect(members.parse({ q1: '3', q2: 'A', q4: 'AI, Sky, AI' })).toEqual({ q1: ['3'], q2: ['A'], q3: [], q4: ['AI', 'Sky'] })
		expect(members.parse({ q1: '5', q2: ['A', 'B', 'A'], q3: 'Nei' })).toEqual({ q1: ['5'], q2: ['A', 'B'], q3: ['Nei'], q4: [] })
		const errors = (input: Record<string, unknown>, schema = members) => Object.fromEntries((schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
		expect(errors({})).toEqual({ q1: 'field.required', q2: 'survey.answer.pickOne' })
		expect(errors({ q1: '6', q2: ['C'], q3: 'Kanskje' })).toEqual({ q1: 'survey.answer.choice', 'q2.0': 'survey.answer.choice', q3: 'survey.answer.choice' })
		const open = answerSchema(questions, { open: true })
		expect(errors({ q1: '1', q2: 'B', email: 'ikke-en-adresse' }, open)).toEqual({ name: 'field.required', email: 'field.email', company: 'field.required', consent: 'survey.answer.consent' })
		expect(open.parse({ q1: '1', q2: 'B', name: 'Kari', email: 'Kari@Example.no', company: 'Alfa AS', consent: true })).toMatchObject({ email: 'kari@example.no', [answerField(1)]: ['1'] })
	})
})
