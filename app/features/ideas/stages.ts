import type { IdeaStage, Role } from '#db/schema.ts'

// The pipeline and who may move an idea along it. Pure, so the rules are read
// and tested in one place.

export const STAGES: IdeaStage[] = ['draft', 'proposed', 'maturing', 'qualified', 'main_project', 'parked']

const NEXT: Record<IdeaStage, IdeaStage[]> = {
	draft: ['proposed', 'parked'],
	proposed: ['maturing', 'parked'],
	maturing: ['qualified', 'parked'],
	qualified: ['main_project', 'parked'],
	main_project: [],
	parked: ['proposed'],
}

export type Mover = { personId: number; roles: Role[] }

/** Whether this person may move the idea from one stage to another. */
export function canMove(mover: Mover, idea: { stage: IdeaStage; author_id: number | null }, to: IdeaStage): boolean {
	if (!NEXT[idea.stage].includes(to)) return false
	const steering = mover.roles.includes('steering_group') || mover.roles.includes('project_leader')
	// The author sends their own draft on (or shelves it); the rest is the steering group's and the project leader's.
	if (idea.stage === 'draft') return steering || idea.author_id === mover.personId
	return steering
}

export function nextStages(mover: Mover, idea: { stage: IdeaStage; author_id: number | null }): IdeaStage[] {
	return NEXT[idea.stage].filter((to) => canMove(mover, idea, to))
}

/** A weighted score from each criterion's mean, and how far evaluators are apart (highest minus lowest). */
export function weightedScore(criteria: { id: number; weight: number }[], scores: { criterion_id: number; score: number }[]) {
	let total = 0
	let weights = 0
	const perCriterion = criteria.map((c) => {
		const given = scores.filter((s) => s.criterion_id === c.id).map((s) => s.score)
		const mean = given.length ? given.reduce((a, b) => a + b, 0) / given.length : null
		if (mean !== null) {
			total += mean * c.weight
			weights += c.weight
		}
		return { id: c.id, mean, spread: given.length ? Math.max(...given) - Math.min(...given) : null, count: given.length }
	})
	return { score: weights ? Math.round((total / weights) * 10) / 10 : null, perCriterion }
}
