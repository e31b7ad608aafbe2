import type { Kysely } from 'kysely'
import type { DB, IdeaStage, PartnerStage } from '#db/schema.ts'
import { listInitiatives, listTerms, rollUpNeeds } from '#app/features/competence/competence.server.ts'
import { listIdeas, visibleTo, type Viewer } from '#app/features/ideas/ideas.server.ts'
import { getSurveyResults, listMemberCompanies } from '#app/features/meetings/acquaintance.server.ts'
import { pairKey } from '#app/features/meetings/planner.ts'
import { listPartners } from '#app/features/partners/partners.server.ts'
import { now, osloDate } from '#app/platform/time.ts'

/** An idea counts towards goal 2 from here, a partner towards goal 4. */
const READY: readonly IdeaStage[] = ['qualified', 'main_project']
const REACHED: readonly PartnerStage[] = ['met', 'agreement']

/**
 * The month (YYYY-MM) of a day, or of a stored instant in Oslo. Oslo is one
 * or two hours ahead of UTC, so an instant before 22:00 UTC is on the same
 * day there; only later ones need the calendar, which is slow to ask.
 */
const monthOf = (value: string) => (value.length === 10 || value.slice(11, 13) < '22' ? value : osloDate(value)).slice(0, 7)

/**
 * How far the network has come on the pre-project's four goals, counted from
 * what is recorded, never typed in: (1) company pairs that have met and the
 * latest trust survey, (2) ideas by stage, as the viewer may see them, (3)
 * the members' competence needs and the initiatives for them, (4) the
 * knowledge partners. Then the same month by month (`history`), from the
 * first thing recorded (the network's start, or an earlier day in its logs)
 * to this month, each as it stood at the month's end, told from what was
 * recorded when: company pairs that had met, ideas qualified or taken on,
 * knowledge partners met or with an agreement, competence initiatives held.
 * What both need is read once.
 */
export async function goalReport(db: Kysely<DB>, { network, viewer }: { network: { id: number; created_at: string }; viewer: Viewer }) {
	const networkId = network.id
	const [companies, contacts, survey, ideas, events, partners, moves, initiatives, terms, asked] = await Promise.all([
		listMemberCompanies(db, networkId),
		db.selectFrom('company_contact').select(['organisation_a', 'organisation_b', 'created_at']).where('network_id', '=', networkId).execute(),
		getSurveyResults(db, networkId),
		listIdeas(db, { networkId, viewer }),
		db.selectFrom('idea_stage_event as e').innerJoin('idea', 'idea.id', 'e.idea_id').select(['e.idea_id', 'e.to_stage', 'e.created_at']).where('idea.network_id', '=', networkId).where(visibleTo(viewer)).orderBy('e.id').execute(),
		listPartners(db, networkId),
		db.selectFrom('partner_activity').select(['organisation_id', 'stage', 'occurred_on']).where('network_id', '=', networkId).where('stage', 'is not', null).orderBy('occurred_on').orderBy('id').execute(),
		listInitiatives(db, networkId),
		listTerms(db, networkId),
		latestSurvey(db, networkId),
	])
	const today = osloDate()
	const members = new Set(companies.map((c) => c.id))
	// Each thing's month, worked out once (Oslo's calendar is not cheap to ask).
	const pairs = contacts.filter((c) => members.has(c.organisation_a) && members.has(c.organisation_b)).map((c) => ({ key: pairKey(c.organisation_a, c.organisation_b), month: monthOf(c.created_at) }))
	const ideaMoves = events.map((e) => ({ ideaId: e.idea_id, stage: e.to_stage, month: monthOf(e.created_at) }))
	const partnerStages = [
		...partners.partners.map((p) => ({ organisationId: p.id, stage: p.added_stage, month: monthOf(p.created_at) })),
		// A move logged for a day before the partner was added counts from that day.
		...moves.map((m) => ({ organisationId: m.organisation_id, stage: m.stage!, month: monthOf(m.occurred_on) })),
	]
	const held = initiatives.filter((i) => i.starts_on !== null && i.starts_on <= today).map((i) => monthOf(i.starts_on!))
	const first = [monthOf(network.created_at), ...pairs.map((p) => p.month), ...ideaMoves.map((e) => e.month), ...partnerStages.map((p) => p.month)].reduce((a, b) => (a < b ? a : b))
	const last = monthOf(now())
	const months: string[] = []
	for (let month = first; month <= last && months.length < 120; month = nextMonth(month)) months.push(month)
	const history = months.map((month) => {
		const stageOfIdea = new Map<number, IdeaStage>()
		for (const e of ideaMoves) if (e.month <= month) stageOfIdea.set(e.ideaId, e.stage)
		const stageOfPartner = new Map<number, PartnerStage>()
		for (const p of partnerStages) if (p.month <= month) stageOfPartner.set(p.organisationId, p.stage)
		return {
			month,
			pairsMet: new Set(pairs.filter((p) => p.month <= month).map((p) => p.key)).size,
			ideasReady: [...stageOfIdea.values()].filter((s) => READY.includes(s)).length,
			partnersReached: [...stageOfPartner.values()].filter((s) => REACHED.includes(s)).length,
			initiativesHeld: held.filter((m) => m <= month).length,
		}
	})

	const stages: Record<IdeaStage, number> = { draft: 0, proposed: 0, maturing: 0, qualified: 0, main_project: 0, parked: 0 }
	for (const idea of ideas) stages[idea.stage]++
	const competence = rollUpNeeds(companies, { terms })
	// The latest survey with enough answers to show the network's score.
	const scored = survey.surveys.findLast((s) => s.network !== null)
	const progress = {
		acquaintance: {
			metPairs: new Set(pairs.map((p) => p.key)).size,
			pairs: companies.length < 2 ? 0 : (companies.length * (companies.length - 1)) / 2,
			trust: scored ? { title: scored.title, trusts: scored.network!.trusts, knows: scored.network!.knows, answers: scored.network!.answers } : null,
			change: survey.networkChange,
		},
		ideas: { stages, ready: READY.reduce((n, stage) => n + stages[stage], 0) },
		competence: {
			seeking: competence.seeking,
			companies: competence.companies,
			needs: competence.needs.length,
			gaps: competence.needs.filter((n) => n.offeredBy.length === 0).map((n) => n.competence),
			initiatives: initiatives.length,
			survey: asked ?? null,
		},
		partners: {
			count: partners.partners.length,
			abroad: partners.abroad,
			met: REACHED.reduce((n, stage) => n + partners.stages[stage], 0),
			agreements: partners.stages.agreement,
			list: partners.partners.map(({ name, town, country, stage, latest_activity }) => ({ name, town, country, stage, latest_activity })),
		},
	}
	return { progress, history }
}

/** The network's latest survey opened for answers, with how many have answered it. */
function latestSurvey(db: Kysely<DB>, networkId: number) {
	return db
		.selectFrom('survey as s')
		.select((eb) => ['s.title', eb.selectFrom('survey_response as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.survey_id', '=', 's.id').as('responses')])
		.where('s.network_id', '=', networkId)
		.where('s.status', '!=', 'draft')
		.orderBy('s.opened_at', 'desc')
		.limit(1)
		.executeTakeFirst()
		.then((s) => s && { title: s.title, responses: Number(s.responses) })
}

export type GoalProgress = Awaited<ReturnType<typeof goalReport>>['progress']

function nextMonth(month: string) {
	const [year, m] = month.split('-').map(Number) as [number, number]
	return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}
