import type { Kysely } from 'kysely'
import type { DB, IdeaStage } from '#db/schema.ts'
import { competenceNeeds, listInitiatives } from '#app/features/competence/competence.server.ts'
import { listIdeas, type Viewer } from '#app/features/ideas/ideas.server.ts'
import { getNetworkMap, getSurveyResults } from '#app/features/meetings/acquaintance.server.ts'
import { listPartners } from '#app/features/partners/partners.server.ts'

/**
 * How far the network has come on the pre-project's four goals, counted from
 * what is recorded, never typed in: (1) company pairs that have met and the
 * latest trust survey, (2) ideas by stage, as the viewer may see them, (3)
 * the members' competence needs and the initiatives for them, (4) the
 * knowledge partners.
 */
export async function goalProgress(db: Kysely<DB>, { networkId, viewer }: { networkId: number; viewer: Viewer }) {
	const [map, survey, ideas, competence, initiatives, partners] = await Promise.all([
		getNetworkMap(db, { networkId, organisationId: null }),
		getSurveyResults(db, networkId),
		listIdeas(db, { networkId, viewer }),
		competenceNeeds(db, networkId),
		listInitiatives(db, networkId),
		listPartners(db, networkId),
	])
	const stages: Record<IdeaStage, number> = { draft: 0, proposed: 0, maturing: 0, qualified: 0, main_project: 0, parked: 0 }
	for (const idea of ideas) stages[idea.stage]++
	// The latest survey with enough answers to show the network's score.
	const scored = survey.surveys.findLast((s) => s.network !== null)
	return {
		acquaintance: {
			metPairs: map.metPairs,
			pairs: map.pairs,
			trust: scored ? { title: scored.title, trusts: scored.network!.trusts, knows: scored.network!.knows, answers: scored.network!.answers } : null,
			change: survey.networkChange,
		},
		ideas: { stages, ready: stages.qualified + stages.main_project },
		competence: {
			seeking: competence.seeking,
			companies: competence.companies,
			needs: competence.needs.length,
			gaps: competence.needs.filter((n) => n.offeredBy.length === 0).map((n) => n.competence),
			initiatives: initiatives.length,
		},
		partners: {
			count: partners.partners.length,
			abroad: partners.abroad,
			met: partners.stages.met + partners.stages.agreement,
			agreements: partners.stages.agreement,
			list: partners.partners.map(({ name, town, country, stage, latest_activity }) => ({ name, town, country, stage, latest_activity })),
		},
	}
}

export type GoalProgress = Awaited<ReturnType<typeof goalProgress>>
