import { sql, type Kysely } from 'kysely'
import type { DB, SurveyAudience, SurveyStatus } from '#db/schema.ts'
import { listTerms, readTerms } from '#app/features/competence/competence.server.ts'
import { listMemberCompanies } from '#app/features/meetings/acquaintance.server.ts'
import { toCsv } from '#app/features/gatherings/csv.ts'
import { audit } from '#app/platform/audit.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { compareNorwegian, translator, type Lang } from '#app/platform/i18n.ts'
import { enqueueMail } from '#app/platform/mail.server.ts'
import { splitTags } from '#app/platform/text.ts'
import { inMinutes, now } from '#app/platform/time.ts'
import { optionLines, type Question, type QuestionInput, type SurveyInput } from './schemas.ts'

// Surveys to the companies (goal 3): the project leader writes one as a
// draft, question by question, opens it for answers — to the network's
// people, or to anyone with the link — and closes it. The results are
// counted per question; the competences named are set against what the
// member companies offer, as the network's competence needs are.

export type Survey = { id: number; network_id: number; title: string; intro: string; audience: SurveyAudience; status: SurveyStatus; opened_at: string | null; closed_at: string | null; reminded_at: string | null }
type Actor = { networkId: number; actorId: number | null }
export const MAX_QUESTIONS = 30

/** The network's surveys, the newest first, with how many questions and answers each has. */
export function listSurveys(db: Kysely<DB>, networkId: number) {
	return db
		.selectFrom('survey as s')
		.select((eb) => [
			's.id',
			's.title',
			's.audience',
			's.status',
			's.created_at',
			's.opened_at',
			's.closed_at',
			eb.selectFrom('survey_question as q').select((e) => e.fn.countAll<number>().as('n')).whereRef('q.survey_id', '=', 's.id').as('questions'),
			eb.selectFrom('survey_response as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.survey_id', '=', 's.id').as('responses'),
		])
		.where('s.network_id', '=', networkId)
		.orderBy('s.id', 'desc')
		.execute()
		.then((rows) => rows.map((r) => ({ ...r, questions: Number(r.questions), responses: Number(r.responses) })))
}

/** One survey of the network with its questions in order; undefined if the network has no such survey. */
export async function getSurvey(db: Kysely<DB>, networkId: number, surveyId: number): Promise<{ survey: Survey; questions: Question[] } | undefined> {
	const survey = await db
		.selectFrom('survey')
		.select(['id', 'network_id', 'title', 'intro', 'audience', 'status', 'opened_at', 'closed_at', 'reminded_at'])
		.where('id', '=', surveyId)
		.where('network_id', '=', networkId)
		.executeTakeFirst()
	if (!survey) return undefined
	const rows = await db.selectFrom('survey_question').select(['id', 'kind', 'text', 'options', 'required']).where('survey_id', '=', survey.id).orderBy('position').execute()
	return { survey, questions: rows.map((q) => ({ ...q, options: optionLines(q.options), required: Boolean(q.required) })) }
}

export async function createSurvey(trx: Kysely<DB>, { networkId, actorId }: Actor, input: SurveyInput) {
	const { id } = await trx
		.insertInto('survey')
		.values({ network_id: networkId, ...input, status: 'draft', created_by: actorId, created_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow()
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'survey.created', entity_type: 'survey', entity_id: id, summary: input.title })
	return id
}

type Change = { ok: true } | { error: 'notDraft' | 'full' | 'noQuestions' | 'notOpen' }

/** A draft's title, introduction and audience, changed; fixed once it is sent out. */
export async function updateSurvey(trx: Kysely<DB>, { actorId }: { actorId: number | null }, survey: Survey, input: SurveyInput): Promise<Change> {
	const updated = await trx.updateTable('survey').set(input).where('id', '=', survey.id).where('status', '=', 'draft').returning('id').executeTakeFirst()
	if (!updated) return { error: 'notDraft' }
	await audit(trx, { network_id: survey.network_id, actor_id: actorId, action: 'survey.updated', entity_type: 'survey', entity_id: survey.id, summary: input.title })
	return { ok: true }
}

/**
 * Whether the survey is still a draft, asked inside the change's transaction
 * by writing to its row: the row stays locked until the change commits, so a
 * question added, a question removed and the opening of the survey happen one
 * after another, each seeing the others' outcome (SQLite's transactions take
 * the lock at their start anyway).
 */
async function holdDraft(trx: Kysely<DB>, surveyId: number) {
	const held = await trx.updateTable('survey').set({ status: 'draft' }).where('id', '=', surveyId).where('status', '=', 'draft').executeTakeFirst()
	return Number(held.numUpdatedRows) === 1
}

/** A question at the end of a draft; a survey open for answers keeps its questions, so that every answer is to the same ones. */
export async function addQuestion(trx: Kysely<DB>, survey: Survey, input: QuestionInput): Promise<Change> {
	if (!(await holdDraft(trx, survey.id))) return { error: 'notDraft' }
	const { n, last } = await trx
		.selectFrom('survey_question')
		.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('last')])
		.where('survey_id', '=', survey.id)
		.executeTakeFirstOrThrow()
	if (Number(n) >= MAX_QUESTIONS) return { error: 'full' }
	await trx
		.insertInto('survey_question')
		.values({ survey_id: survey.id, position: Number(last ?? 0) + 1, kind: input.kind, text: input.text, options: input.options.join('\n'), required: input.required ? 1 : 0 })
		.execute()
	return { ok: true }
}

/** Takes a question out of a draft; false if the draft has no such question. */
export async function removeQuestion(trx: Kysely<DB>, survey: Survey, questionId: number): Promise<Change | false> {
	if (!(await holdDraft(trx, survey.id))) return { error: 'notDraft' }
	const removed = await trx.deleteFrom('survey_question').where('survey_id', '=', survey.id).where('id', '=', questionId).returning('id').executeTakeFirst()
	return removed ? { ok: true } : false
}

type Network = { id: number; slug: string; name: string; name_en: string }
type Sender = { network: Network; actorId: number | null; origin: string }

/**
 * Opens a draft with at least one question for answers. A survey for the
 * network's people tells each of them — by a notice and an e-mail in their
 * language, with the link — but the one who opened it; a survey open to
 * anyone reaches people through the link the project leader shares.
 */
export async function publishSurvey(trx: Kysely<DB>, sender: Sender, survey: Survey): Promise<Change> {
	// Opened twice at once, the second finds it open: one notice and one e-mail a person.
	if (!(await holdDraft(trx, survey.id))) return { error: 'notDraft' }
	const question = await trx.selectFrom('survey_question').select('id').where('survey_id', '=', survey.id).limit(1).executeTakeFirst()
	if (!question) return { error: 'noQuestions' }
	await trx.updateTable('survey').set({ status: 'open', opened_at: now() }).where('id', '=', survey.id).execute()
	await audit(trx, { network_id: sender.network.id, actor_id: sender.actorId, action: 'survey.published', entity_type: 'survey', entity_id: survey.id, summary: survey.title })
	if (survey.audience === 'members') await tell(trx, sender, survey, await unanswered(trx, sender, survey), 'mail.questionnaire')
	return { ok: true }
}

export const REMIND_AFTER_HOURS = 24

/**
 * Reminds the network's people who have not answered an open survey for
 * them, by a notice and an e-mail; once a day at most, however many ask at
 * once. How many were reminded.
 */
export async function remindSurvey(trx: Kysely<DB>, sender: Sender, survey: Survey): Promise<{ reminded: number } | { error: 'notOpen' | 'tooSoon' }> {
	if (survey.status !== 'open' || survey.audience !== 'members') return { error: 'notOpen' }
	// Taken in one update, so that two at once cannot both send.
	const taken = await trx
		.updateTable('survey')
		.set({ reminded_at: now() })
		.where('id', '=', survey.id)
		.where('status', '=', 'open')
		.where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', inMinutes(-60 * REMIND_AFTER_HOURS))]))
		.returning('id')
		.executeTakeFirst()
	if (!taken) return { error: 'tooSoon' }
	const people = await unanswered(trx, sender, survey)
	await tell(trx, sender, survey, people, 'mail.questionnaireReminder')
	await audit(trx, { network_id: sender.network.id, actor_id: sender.actorId, action: 'survey.reminded', entity_type: 'survey', entity_id: survey.id, summary: `${survey.title}: ${people.length}` })
	return { reminded: people.length }
}

/** The network's people, but the sender, who have not answered the survey. */
function unanswered(trx: Kysely<DB>, { network, actorId }: Sender, survey: Survey) {
	return trx
		.selectFrom('person as p')
		.select(['p.id', 'p.name', 'p.email', 'p.lang'])
		.where('p.id', 'in', (eb) => eb.selectFrom('membership as m').select('m.person_id').where('m.network_id', '=', network.id))
		.where('p.id', '!=', actorId ?? 0)
		.where('p.email', 'not in', (eb) => eb.selectFrom('survey_response as r').select('r.email').where('r.survey_id', '=', survey.id))
		.orderBy('p.id')
		.execute()
}

/** A notice in Knute and an e-mail to each, in their language, with the survey's link. */
async function tell(trx: Kysely<DB>, { network, origin }: Sender, survey: Survey, people: { id: number; name: string; email: string; lang: Lang }[], mail: 'mail.questionnaire' | 'mail.questionnaireReminder') {
	const link = `/n/${network.slug}/undersokelser/${survey.id}`
	for (const person of people) {
		const t = translator(person.lang)
		const subject = t(`${mail}.subject`, { title: survey.title })
		await trx.insertInto('notification').values({ network_id: network.id, person_id: person.id, text: subject, link, created_at: now() }).execute()
		await enqueueMail(trx, { to: person.email, subject, text: t(`${mail}.body`, { name: person.name, network: networkName(network, person.lang), title: survey.title, intro: survey.intro ? `${survey.intro}\n\n` : '', url: origin + link }) })
	}
}

/** Closes an open survey: the answers given stand, no more are taken. */
export async function endSurvey(trx: Kysely<DB>, { actorId }: { actorId: number | null }, survey: Survey): Promise<Change> {
	if (survey.status !== 'open') return { error: 'notOpen' }
	await trx.updateTable('survey').set({ status: 'closed', closed_at: now() }).where('id', '=', survey.id).where('status', '=', 'open').execute()
	await audit(trx, { network_id: survey.network_id, actor_id: actorId, action: 'survey.ended', entity_type: 'survey', entity_id: survey.id, summary: survey.title })
	return { ok: true }
}

export type Respondent = { personId: number | null; name: string; email: string; company: string }

/** Whether this address has answered the survey. */
export async function hasResponded(db: Kysely<DB>, surveyId: number, email: string) {
	return (await db.selectFrom('survey_response').select('id').where('survey_id', '=', surveyId).where('email', '=', email.toLowerCase()).executeTakeFirst()) !== undefined
}

/**
 * One answer to an open survey, each question's values as the answer form
 * gives them. One answer an address: a second, even two at once, is refused.
 */
export async function answerSurvey(trx: Kysely<DB>, survey: Survey, who: Respondent, answers: Record<number, string[]>): Promise<{ id: number } | { error: 'notOpen' | 'answered' }> {
	// The survey's state as the transaction sees it: closed a moment ago is closed.
	const current = await trx.selectFrom('survey').select('status').where('id', '=', survey.id).executeTakeFirstOrThrow()
	if (current.status !== 'open') return { error: 'notOpen' }
	const response = await trx
		.insertInto('survey_response')
		.values({ survey_id: survey.id, person_id: who.personId, name: who.name, email: who.email.toLowerCase(), company: who.company, created_at: now() })
		.onConflict((oc) => oc.columns(['survey_id', 'email']).doNothing())
		.returning('id')
		.executeTakeFirst()
	if (!response) return { error: 'answered' }
	const rows = Object.entries(answers).flatMap(([questionId, values]) => values.map((value) => ({ response_id: response.id, question_id: Number(questionId), value })))
	if (rows.length > 0) await trx.insertInto('survey_answer').values(rows).execute()
	return { id: response.id }
}

type Company = { id: number; name: string }
export type QuestionResult =
	| { kind: 'scale'; answered: number; counts: number[]; mean: number | null }
	| { kind: 'choice' | 'multi'; answered: number; counts: { option: string; count: number }[] }
	| { kind: 'text'; answered: number; texts: { text: string; company: string }[] }
	| { kind: 'competences'; answered: number; competences: { competence: string; count: number; offeredBy: Company[] }[] }

/**
 * What the answers say, question by question: a scale's count for each of
 * 1–5 and its mean; each choice's count; the texts with the company that
 * wrote them; and the competences named, each with how many named it and
 * which member companies offer it — the network's terms gather a
 * competence's words under its name, as on the competence page.
 */
export async function surveyResults(db: Kysely<DB>, survey: Survey, questions: readonly Question[]) {
	const competenceQuestions = questions.some((q) => q.kind === 'competences')
	const [answers, responses, members, terms] = await Promise.all([
		db
			.selectFrom('survey_answer as a')
			.innerJoin('survey_response as r', 'r.id', 'a.response_id')
			.select(['a.question_id', 'a.value', 'a.response_id', 'r.company'])
			.where('r.survey_id', '=', survey.id)
			.orderBy('a.response_id')
			.execute(),
		db.selectFrom('survey_response').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', survey.id).executeTakeFirstOrThrow(),
		competenceQuestions ? listMemberCompanies(db, survey.network_id) : [],
		competenceQuestions ? listTerms(db, survey.network_id) : [],
	])
	const byQuestion = Map.groupBy(answers, (a) => a.question_id)
	const { keyOf, nameOf } = readTerms(terms)
	const offered = members.map((m) => ({ company: { id: m.id, name: m.name }, keys: new Set(splitTags(m.competences_offered).map(keyOf)) }))
	const results = questions.map((q): { question: Question; result: QuestionResult } => {
		const given = byQuestion.get(q.id) ?? []
		const answered = new Set(given.map((a) => a.response_id)).size
		switch (q.kind) {
			case 'scale': {
				const counts = [1, 2, 3, 4, 5].map((n) => given.filter((a) => a.value === String(n)).length)
				const mean = answered === 0 ? null : given.reduce((sum, a) => sum + Number(a.value), 0) / given.length
				return { question: q, result: { kind: 'scale', answered, counts, mean } }
			}
			case 'choice':
			case 'multi':
				return { question: q, result: { kind: q.kind, answered, counts: q.options.map((option) => ({ option, count: given.filter((a) => a.value === option).length })) } }
			case 'text':
				return { question: q, result: { kind: 'text', answered, texts: given.map((a) => ({ text: a.value, company: a.company })) } }
			case 'competences': {
				const named = new Map<string, { spellings: Map<string, number>; responses: Set<number> }>()
				for (const a of given) {
					const key = keyOf(a.value)
					const entry = named.get(key) ?? { spellings: new Map(), responses: new Set() }
					named.set(key, entry)
					entry.responses.add(a.response_id)
					entry.spellings.set(a.value, (entry.spellings.get(a.value) ?? 0) + 1)
				}
				const competences = [...named].map(([key, { spellings, responses }]) => ({
					competence: nameOf(key, spellings).competence,
					count: responses.size,
					offeredBy: offered.filter((m) => m.keys.has(key)).map((m) => m.company),
				}))
				competences.sort((a, b) => b.count - a.count || a.offeredBy.length - b.offeredBy.length || compareNorwegian(a.competence, b.competence))
				return { question: q, result: { kind: 'competences', answered, competences } }
			}
		}
	})
	return { responses: Number(responses.n), results }
}

/**
 * What the network's surveys sent out measured on a scale — how useful the
 * network has been, how great the need is — each question's mean of 1–5 and
 * how many answered it, survey by survey, the earliest first: the benefit as
 * the companies see it, for the report to the funder.
 */
export async function scaleResults(db: Kysely<DB>, networkId: number) {
	const rows = await db
		.selectFrom('survey as s')
		.innerJoin('survey_question as q', 'q.survey_id', 's.id')
		.leftJoin('survey_answer as a', 'a.question_id', 'q.id')
		.select((eb) => ['s.id', 's.title', 's.opened_at', 'q.text', sql<number | string | null>`avg(cast(a.value as integer))`.as('mean'), eb.fn.count<number>('a.value').as('answers')])
		.where('s.network_id', '=', networkId)
		.where('s.status', '!=', 'draft')
		.where('q.kind', '=', 'scale')
		.groupBy(['s.id', 's.title', 's.opened_at', 'q.id', 'q.text', 'q.position'])
		.orderBy('s.opened_at')
		.orderBy('q.position')
		.execute()
	return rows.map((r) => ({ survey: r.title, opened_at: r.opened_at!, question: r.text, mean: r.mean === null ? null : Number(r.mean), answers: Number(r.answers) }))
}

/** Every answer as a row for a spreadsheet: who answered and when, then a column a question (a multiple answer's values joined by commas). */
export async function responsesCsv(db: Kysely<DB>, survey: Survey, questions: readonly Question[], { header, when }: { header: readonly string[]; when: (iso: string) => string }) {
	const [responses, answers] = await Promise.all([
		db.selectFrom('survey_response').select(['id', 'name', 'email', 'company', 'created_at']).where('survey_id', '=', survey.id).orderBy('id').execute(),
		db
			.selectFrom('survey_answer as a')
			.innerJoin('survey_response as r', 'r.id', 'a.response_id')
			.select(['a.response_id', 'a.question_id', 'a.value'])
			.where('r.survey_id', '=', survey.id)
			.execute(),
	])
	const given = Map.groupBy(answers, (a) => `${a.response_id}:${a.question_id}`)
	return toCsv([
		[...header, ...questions.map((q) => q.text)],
		...responses.map((r) => [when(r.created_at), r.name, r.email, r.company, ...questions.map((q) => (given.get(`${r.id}:${q.id}`) ?? []).map((a) => a.value).join(', '))]),
	])
}
