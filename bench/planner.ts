// The meeting planner's benchmark: for 20, 100 and 500 participants and 8
// rounds, the time to plan and the new company pairs achieved as a share of the
// bound (rounds × ⌊participants/2⌋, capped by the allowed pairs not yet met).
// Run by `npm run bench`, or alone: `node bench/planner.ts`.
import { newPairBound, newPairsIn, pairKey, planRounds, ruleBreaks, type PlanInput } from '../app/features/meetings/planner.ts'

const COMPETENCES = ['sky', 'sikkerhet', 'kunstig intelligens', 'web', 'drift', 'data', 'spill', 'tingenes internett']

function random(seed: number) {
	return () => (seed = (seed * 16807) % 2147483647) / 2147483647
}

/**
 * A gathering of `participants`: one person per company with no history, or
 * one to three people per company with 15 % of the company pairs met before,
 * 2 % wished and 0.5 % blocked.
 */
export function instance(participants: number, kind: 'one per company' | 'several per company', seed: number): PlanInput {
	const next = random(seed)
	const people: { id: number; companyId: number }[] = []
	let company = 0
	while (people.length < participants) {
		company++
		const size = kind === 'one per company' ? 1 : 1 + Math.floor(next() * 3)
		for (let i = 0; i < size && people.length < participants; i++) people.push({ id: people.length + 1, companyId: company })
	}
	const companies = Array.from({ length: company }, (_, i) => ({
		id: i + 1,
		offers: COMPETENCES.filter(() => next() < 0.25),
		wants: COMPETENCES.filter(() => next() < 0.2),
	}))
	const metBefore: [number, number][] = []
	const wishes: [number, number][] = []
	const blocked: [number, number][] = []
	if (kind === 'several per company') {
		for (let a = 1; a <= company; a++)
			for (let b = a + 1; b <= company; b++) {
				const x = next()
				if (x < 0.15) metBefore.push([a, b])
				else if (x < 0.17) wishes.push([a, b])
				else if (x < 0.175) blocked.push([a, b])
			}
	}
	return { people, companies, rounds: 8, metBefore, wishes, blocked }
}

/**
 * What pairs, seating people two by two, can reach at most: each company meets
 * no more partners than it has people × rounds, nor more than it may meet.
 * Groups of three can go a little above it. Shown beside the bound to say why
 * small gatherings with several people per company fall short of it.
 */
function peopleBound(input: PlanInput) {
	const companies = [...new Set(input.people.map((p) => p.companyId))]
	const closed = new Set([...(input.metBefore ?? []), ...(input.blocked ?? [])].map(([a, b]) => pairKey(a, b)))
	let sum = 0
	for (const c of companies) {
		const people = input.people.filter((p) => p.companyId === c).length
		const allowed = companies.filter((d) => d !== c && !closed.has(pairKey(c, d))).length
		sum += Math.min(allowed, people * input.rounds)
	}
	return Math.floor(sum / 2)
}

export function benchPlanner() {
	const rows = []
	planRounds(instance(100, 'one per company', 1)) // warm-up
	for (const kind of ['one per company', 'several per company'] as const) {
		for (const participants of [20, 100, 500]) {
			const seeds = kind === 'one per company' ? [1] : [1, 2, 3, 4, 5]
			const runs = seeds.map((seed) => {
				const input = instance(participants, kind, seed)
				const start = performance.now()
				const rounds = planRounds(input)
				const ms = performance.now() - start
				const { bound } = newPairBound(input)
				const achieved = newPairsIn(input, rounds)
				if (ruleBreaks(input, rounds).length > 0) throw new Error(`The planner broke a rule: ${ruleBreaks(input, rounds)[0]}`)
				return { ms, bound, achieved, share: Math.min(1, achieved / bound), people: peopleBound(input) }
			})
			rows.push({
				kind,
				participants,
				rounds: 8,
				instances: runs.length,
				msMax: +Math.max(...runs.map((r) => r.ms)).toFixed(1),
				bound: runs.map((r) => r.bound).join(' '),
				peopleBound: runs.map((r) => r.people).join(' '),
				achieved: runs.map((r) => r.achieved).join(' '),
				shareMin: +(100 * Math.min(...runs.map((r) => r.share))).toFixed(2),
				shareMean: +((100 * runs.reduce((s, r) => s + r.share, 0)) / runs.length).toFixed(2),
			})
		}
	}
	return rows
}

export function printPlanner(rows: ReturnType<typeof benchPlanner>) {
	console.log('Meeting planner, 8 rounds (share = new company pairs / bound, in %):')
	console.table(rows.map((r) => ({ instances: r.kind, people: r.participants, 'ms (slowest)': r.msMax, bound: r.bound, 'pairs by people': r.peopleBound, achieved: r.achieved, 'share min': r.shareMin, 'share mean': r.shareMean })))
}

if (import.meta.main) printPlanner(benchPlanner())
