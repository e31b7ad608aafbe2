import type { Kysely } from 'kysely'
import type { ContactKind, DB } from '#db/schema.ts'
import { audit } from '#app/platform/audit.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { compareNorwegian, translator } from '#app/platform/i18n.ts'
import { enqueueMail } from '#app/platform/mail.server.ts'
import { splitTags } from '#app/platform/text.ts'
import { now } from '#app/platform/time.ts'
import { pairKey } from './planner.ts'

/** Results are shown only where at least this many companies answered. */
export const MIN_ANSWERS = 3

type Company = { networkId: number; organisationId: number; actorId: number }

/** The network's member companies, by name. */
export function listMemberCompanies(db: Kysely<DB>, networkId: number) {
	return db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select(['o.id', 'o.name', 'o.competences_offered', 'o.competences_wanted'])
		.where('no.network_id', '=', networkId)
		.where('no.status', '=', 'member')
		.where('o.kind', '=', 'company')
		.orderBy('o.name')
		.execute()
}

async function isMember(db: Kysely<DB>, networkId: number, organisationId: number) {
	return (await listMemberCompanies(db, networkId)).some((c) => c.id === organisationId)
}

/** "We have met" or "we have worked together", recorded by a member for their company. */
export async function recordContact(trx: Kysely<DB>, company: Company, input: { otherId: number; kind: ContactKind }): Promise<{ ok: true } | { error: 'ownCompany' | 'notMember' }> {
	if (input.otherId === company.organisationId) return { error: 'ownCompany' }
	if (!(await isMember(trx, company.networkId, input.otherId))) return { error: 'notMember' }
	const a = Math.min(company.organisationId, input.otherId)
	const b = Math.max(company.organisationId, input.otherId)
	const existing = await trx
		.selectFrom('company_contact')
		.select('id')
		.where('network_id', '=', company.networkId)
		.where('organisation_a', '=', a)
		.where('organisation_b', '=', b)
		.where('kind', '=', input.kind)
		.where('gathering_id', 'is', null)
		.executeTakeFirst()
	if (existing) return { ok: true }
	await trx
		.insertInto('company_contact')
		.values({ network_id: company.networkId, organisation_a: a, organisation_b: b, kind: input.kind, gathering_id: null, recorded_by: company.actorId, created_at: now() })
		.execute()
	await audit(trx, { network_id: company.networkId, actor_id: company.actorId, action: `contact.${input.kind}`, entity_type: 'contact', entity_id: input.otherId, summary: `${a} – ${b}` })
	return { ok: true }
}

/** A company's wish about another: meet them, never be paired with them, or nothing. */
export async function setWish(trx: Kysely<DB>, company: Company, input: { otherId: number; kind: 'meet' | 'avoid' | 'none' }): Promise<{ ok: true } | { error: 'ownCompany' | 'notMember' }> {
	if (input.otherId === company.organisationId) return { error: 'ownCompany' }
	if (!(await isMember(trx, company.networkId, input.otherId))) return { error: 'notMember' }
	await trx
		.deleteFrom('company_wish')
		.where('network_id', '=', company.networkId)
		.where('organisation_id', '=', company.organisationId)
		.where('other_id', '=', input.otherId)
		.execute()
	if (input.kind !== 'none') {
		await trx
			.insertInto('company_wish')
			.values({ network_id: company.networkId, organisation_id: company.organisationId, other_id: input.otherId, kind: input.kind, created_at: now() })
			.execute()
	}
	return { ok: true }
}

export function listWishes(db: Kysely<DB>, { networkId, organisationId }: { networkId: number; organisationId: number }) {
	return db.selectFrom('company_wish').select(['other_id', 'kind']).where('network_id', '=', networkId).where('organisation_id', '=', organisationId).execute()
}

/**
 * The network map: member companies, the strength of each pair's acquaintance
 * (meetings count one each, working together three), the share of pairs that
 * have met, and for one company the members it has not met yet, best first
 * (those it wished to meet or that wished to meet it, then by fitting competences).
 */
export async function getNetworkMap(db: Kysely<DB>, { networkId, organisationId }: { networkId: number; organisationId: number | null }) {
	const [companies, contacts, wishes] = await Promise.all([
		listMemberCompanies(db, networkId),
		db.selectFrom('company_contact').select(['organisation_a', 'organisation_b', 'kind']).where('network_id', '=', networkId).execute(),
		db.selectFrom('company_wish').select(['organisation_id', 'other_id']).where('network_id', '=', networkId).where('kind', '=', 'meet').execute(),
	])
	const ids = new Set(companies.map((c) => c.id))
	const strength = new Map<string, number>()
	for (const c of contacts) {
		if (!ids.has(c.organisation_a) || !ids.has(c.organisation_b)) continue
		const key = pairKey(c.organisation_a, c.organisation_b)
		strength.set(key, (strength.get(key) ?? 0) + (c.kind === 'worked' ? 3 : 1))
	}
	const links = [...strength].map(([key, value]) => {
		const [a, b] = key.split(':').map(Number) as [number, number]
		return { a, b, strength: value }
	})
	const pairs = companies.length < 2 ? 0 : (companies.length * (companies.length - 1)) / 2
	const me = companies.find((c) => c.id === organisationId)
	const wished = new Set(wishes.filter((w) => w.organisation_id === organisationId || w.other_id === organisationId).map((w) => (w.organisation_id === organisationId ? w.other_id : w.organisation_id)))
	const fit = (other: (typeof companies)[number]) => {
		if (!me) return 0
		const offers = splitTags(me.competences_offered).map((s) => s.toLocaleLowerCase('nb'))
		const wants = splitTags(me.competences_wanted).map((s) => s.toLocaleLowerCase('nb'))
		return (
			splitTags(other.competences_offered).filter((s) => wants.includes(s.toLocaleLowerCase('nb'))).length +
			splitTags(other.competences_wanted).filter((s) => offers.includes(s.toLocaleLowerCase('nb'))).length
		)
	}
	const notMet = me
		? companies
				.filter((c) => c.id !== me.id && !strength.has(pairKey(me.id, c.id)))
				.map((c) => ({ id: c.id, name: c.name, wished: wished.has(c.id), fit: fit(c) }))
				.sort((x, y) => Number(y.wished) - Number(x.wished) || y.fit - x.fit || compareNorwegian(x.name, y.name))
		: []
	return {
		companies: companies.map((c) => ({ id: c.id, name: c.name })),
		/** The company whose not-met list this is, if it is a member. */
		shown: me ? { id: me.id, name: me.name } : null,
		links,
		share: pairs === 0 ? 0 : strength.size / pairs,
		metPairs: strength.size,
		pairs,
		notMet,
	}
}

export function listSurveys(db: Kysely<DB>, networkId: number) {
	return db.selectFrom('trust_survey').selectAll().where('network_id', '=', networkId).orderBy('opened_at').orderBy('id').execute()
}

/**
 * Starts a survey and asks each member company's contacts, by e-mail and in
 * the portal, each in their own language, to answer for their company.
 */
export async function openSurvey(
	trx: Kysely<DB>,
	{ network, actorId, origin }: { network: { id: number; slug: string; name: string; name_en: string }; actorId: number; origin: string },
	title: string,
) {
	const survey = await trx.insertInto('trust_survey').values({ network_id: network.id, title, opened_at: now(), closed_at: null }).returning('id').executeTakeFirstOrThrow()
	await audit(trx, { network_id: network.id, actor_id: actorId, action: 'survey.opened', entity_type: 'survey', entity_id: survey.id, summary: title })
	const contacts = await trx
		.selectFrom('membership as m')
		.innerJoin('person as p', 'p.id', 'm.person_id')
		.innerJoin('network_organisation as no', (join) => join.onRef('no.organisation_id', '=', 'p.organisation_id').onRef('no.network_id', '=', 'm.network_id'))
		.innerJoin('organisation as o', 'o.id', 'p.organisation_id')
		.select(['p.id', 'p.name', 'p.email', 'p.lang', 'o.name as company'])
		.where('m.network_id', '=', network.id)
		.where('m.role', '=', 'company_contact')
		.where('no.status', '=', 'member')
		.where('o.kind', '=', 'company')
		.execute()
	const link = `/n/${network.slug}/tillit/${survey.id}`
	for (const person of contacts) {
		const t = translator(person.lang)
		const text = t('mail.survey.subject', { title })
		await trx.insertInto('notification').values({ network_id: network.id, person_id: person.id, text, link, created_at: now() }).execute()
		await enqueueMail(trx, { to: person.email, subject: text, text: t('mail.survey.body', { name: person.name, network: networkName(network, person.lang), title, company: person.company, url: origin + link }) })
	}
	return survey.id
}

export async function closeSurvey(trx: Kysely<DB>, { networkId, surveyId }: { networkId: number; surveyId: number }) {
	await trx.updateTable('trust_survey').set({ closed_at: now() }).where('id', '=', surveyId).where('network_id', '=', networkId).where('closed_at', 'is', null).execute()
}

export async function hasAnswered(db: Kysely<DB>, { surveyId, organisationId }: { surveyId: number; organisationId: number }) {
	return !!(await db.selectFrom('trust_response').select('id').where('survey_id', '=', surveyId).where('organisation_id', '=', organisationId).executeTakeFirst())
}

export type AnswerResult = { ok: true } | { error: 'closed' | 'already' | 'ownCompany' | 'notMember' | 'notFound' }

/** A company's one answer to a survey: how well it knows and trusts each other member company (1–5). */
export async function answerSurvey(
	trx: Kysely<DB>,
	company: Company & { surveyId: number },
	answers: { target_id: number; knows: number; trusts: number }[],
): Promise<AnswerResult> {
	const survey = await trx.selectFrom('trust_survey').selectAll().where('id', '=', company.surveyId).where('network_id', '=', company.networkId).executeTakeFirst()
	if (!survey) return { error: 'notFound' }
	if (survey.closed_at) return { error: 'closed' }
	if (answers.some((a) => a.target_id === company.organisationId)) return { error: 'ownCompany' }
	const members = new Set((await listMemberCompanies(trx, company.networkId)).map((c) => c.id))
	if (!members.has(company.organisationId) || answers.some((a) => !members.has(a.target_id))) return { error: 'notMember' }
	// Two people of one company answering at once: the first answer counts.
	const response = await trx
		.insertInto('trust_response')
		.values({ survey_id: survey.id, organisation_id: company.organisationId, answered_by: company.actorId, created_at: now() })
		.onConflict((oc) => oc.columns(['survey_id', 'organisation_id']).doNothing())
		.returning('id')
		.executeTakeFirst()
	if (!response) return { error: 'already' }
	if (answers.length > 0) await trx.insertInto('trust_answer').values(answers.map((a) => ({ response_id: response.id, ...a }))).execute()
	await audit(trx, { network_id: company.networkId, actor_id: company.actorId, action: 'survey.answered', entity_type: 'survey', entity_id: survey.id, summary: `${answers.length} svar` })
	return { ok: true }
}

type Score = { knows: number; trusts: number; answers: number } | null

/**
 * Aggregates only: per company (how the others rate it) and for the network,
 * each shown only where at least MIN_ANSWERS companies answered; and the change
 * from the first survey to the latest.
 */
export async function getSurveyResults(db: Kysely<DB>, networkId: number) {
	const [surveys, companies, rows] = await Promise.all([
		listSurveys(db, networkId),
		listMemberCompanies(db, networkId),
		db
			.selectFrom('trust_answer as a')
			.innerJoin('trust_response as r', 'r.id', 'a.response_id')
			.innerJoin('trust_survey as s', 's.id', 'r.survey_id')
			.select(['r.survey_id', 'r.organisation_id', 'a.target_id', 'a.knows', 'a.trusts'])
			.where('s.network_id', '=', networkId)
			.execute(),
	])
	const responses = await db
		.selectFrom('trust_response as r')
		.innerJoin('trust_survey as s', 's.id', 'r.survey_id')
		.select(['r.survey_id'])
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('s.network_id', '=', networkId)
		.groupBy('r.survey_id')
		.execute()
	const average = (list: { knows: number; trusts: number; organisation_id: number }[]): Score => {
		const respondents = new Set(list.map((r) => r.organisation_id)).size
		if (respondents < MIN_ANSWERS) return null
		const mean = (k: 'knows' | 'trusts') => Math.round((10 * list.reduce((s, r) => s + r[k], 0)) / list.length) / 10
		return { knows: mean('knows'), trusts: mean('trusts'), answers: respondents }
	}
	const perSurvey = surveys.map((s) => {
		const answers = rows.filter((r) => r.survey_id === s.id)
		return {
			...s,
			responses: Number(responses.find((r) => r.survey_id === s.id)?.count ?? 0),
			network: average(answers),
			companies: new Map(companies.map((c) => [c.id, average(answers.filter((a) => a.target_id === c.id))])),
		}
	})
	const first = perSurvey[0]
	const latest = perSurvey.length > 1 ? perSurvey[perSurvey.length - 1] : undefined
	const change = (a: Score | undefined, b: Score | undefined) => (a && b ? { knows: +(b.knows - a.knows).toFixed(1), trusts: +(b.trusts - a.trusts).toFixed(1) } : null)
	return {
		surveys: perSurvey.map(({ companies: _, ...s }) => s),
		companies: companies.map((c) => ({
			id: c.id,
			name: c.name,
			scores: perSurvey.map((s) => s.companies.get(c.id) ?? null),
			change: change(first?.companies.get(c.id), latest?.companies.get(c.id)),
		})),
		networkChange: change(first?.network, latest?.network),
	}
}
