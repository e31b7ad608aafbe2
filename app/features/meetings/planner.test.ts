import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { matchRound, newPairBound, newPairsIn, planRounds, ruleBreaks, type PlanInput } from './planner.ts'

const companies = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, offers: [], wants: [] }))
const onePerCompany = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 100 + i, companyId: i + 1 }))

/** The best total weight over every matching of the people, by trying them all. */
function bruteForce(people: number[], weight: (u: number, v: number) => number): number {
	if (people.length < 2) return 0
	const [first, ...rest] = people as [number, ...number[]]
	let best = bruteForce(rest, weight) // `first` sits out
	for (const other of rest) {
		const w = weight(first, other)
		if (w > 0) best = Math.max(best, w + bruteForce(rest.filter((p) => p !== other), weight))
	}
	return best
}

describe('matchRound', () => {
	test('finds the maximum-weight matching, as trying every matching does', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 9 }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 36, maxLength: 36 }), (n, weights) => {
				const people = Array.from({ length: n }, (_, i) => i)
				const weight = (u: number, v: number) => weights[(Math.min(u, v) * 7 + Math.max(u, v)) % 36]!
				const pairs = matchRound(people, weight)
				const total = pairs.reduce((sum, [u, v]) => sum + weight(u, v), 0)
				expect(pairs.every(([u, v]) => weight(u, v) > 0)).toBe(true)
				expect(new Set(pairs.flat()).size).toBe(pairs.length * 2)
				expect(total).toBe(bruteForce(people, weight))
			}),
			{ numRuns: 200 },
		)
	})
})

describe('planRounds', () => {
	test('a round-robin is reached: every meeting a new pair of companies when each sends one person', () => {
		for (const n of [6, 10, 20]) {
			const input: PlanInput = { people: onePerCompany(n), companies: companies(n), rounds: n - 1 }
			const rounds = planRounds(input)
			expect(ruleBreaks(input, rounds)).toEqual([])
			expect(newPairsIn(input, rounds)).toBe(newPairBound(input).bound)
			expect(rounds.every((r) => r.meetings.every((m) => m.people.length === 2) && r.resting.length === 0)).toBe(true)
		}
	})

	test('an odd count gives one group of three per round, and tables are numbered from 1', () => {
		const input: PlanInput = { people: onePerCompany(7), companies: companies(7), rounds: 2 }
		const rounds = planRounds(input)
		for (const round of rounds) {
			expect(round.meetings.map((m) => m.people.length).sort()).toEqual([2, 2, 3])
			expect(round.meetings.map((m) => m.table)).toEqual([1, 2, 3])
		}
		expect(ruleBreaks(input, rounds)).toEqual([])
	})

	test('new pairs first, then wishes, then fitting competences', () => {
		// Company 1 has met 2 before, asked to meet 3, and fits 4 (offers what 4 wants).
		const input: PlanInput = {
			people: onePerCompany(4),
			companies: [
				{ id: 1, offers: ['sikkerhet'], wants: [] },
				{ id: 2, offers: [], wants: [] },
				{ id: 3, offers: [], wants: [] },
				{ id: 4, offers: [], wants: ['sikkerhet'] },
			],
			rounds: 1,
			metBefore: [[1, 2]],
			wishes: [[1, 3]],
		}
		const [round] = planRounds(input)
		expect(round!.meetings.map((m) => m.people.sort())).toContainEqual([100, 102])
		// Without the wish, the fit decides.
		const [fitRound] = planRounds({ ...input, wishes: [] })
		expect(fitRound!.meetings.map((m) => m.people.sort())).toContainEqual([100, 103])
	})

	test('a blocked company is never met, and locked and held meetings stay', () => {
		const input: PlanInput = {
			people: onePerCompany(6),
			companies: companies(6),
			rounds: 3,
			blocked: [[2, 1]],
			locked: [{ round: 2, people: [104, 105] }],
		}
		const rounds = planRounds(input)
		expect(ruleBreaks(input, rounds)).toEqual([])
		expect(rounds[1]!.meetings.find((m) => m.locked)?.people).toEqual([104, 105])
		// 103 leaves after the first round: the rest is planned again without them.
		const replanned = planRounds({ ...input, held: rounds.slice(0, 1), absent: [103] })
		expect(replanned[0]).toEqual(rounds[0])
		for (const round of replanned.slice(1)) {
			const seated = [...round.meetings.flatMap((m) => m.people), ...round.resting].sort()
			expect(seated).toEqual([100, 101, 102, 104, 105])
		}
		expect(ruleBreaks(input, replanned)).toEqual([])
	})

	test('the hard rules hold for random gatherings', () => {
		const gathering = fc
			.record({
				sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 14 }),
				rounds: fc.integer({ min: 1, max: 8 }),
				pairs: fc.array(fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 14 }), fc.constantFrom('met', 'wish', 'block')), { maxLength: 30 }),
			})
			.map(({ sizes, rounds, pairs }): PlanInput => {
				const people = sizes.flatMap((size, c) => Array.from({ length: size }, (_, i) => ({ id: (c + 1) * 10 + i, companyId: c + 1 })))
				const of = (kind: string) => pairs.filter(([a, b, k]) => k === kind && a !== b).map(([a, b]) => [a, b] as const)
				return { people, companies: companies(sizes.length), rounds, metBefore: of('met'), wishes: of('wish'), blocked: of('block') }
			})
		fc.assert(
			fc.property(gathering, (input) => {
				const rounds = planRounds(input)
				expect(rounds).toHaveLength(input.rounds)
				expect(ruleBreaks(input, rounds)).toEqual([])
				// Everyone is at a table or resting, once per round.
				for (const round of rounds) {
					const seated = [...round.meetings.flatMap((m) => m.people), ...round.resting].sort((a, b) => a - b)
					expect(seated).toEqual(input.people.map((p) => p.id).sort((a, b) => a - b))
				}
				expect(rounds.every((r) => r.meetings.every((m) => m.people.length === 2 || m.people.length === 3))).toBe(true)
			}),
			{ numRuns: 150 },
		)
	})

	test('ruleBreaks names a repeated company pair and a same-company meeting', () => {
		const people = [
			{ id: 1, companyId: 1 },
			{ id: 2, companyId: 1 },
			{ id: 3, companyId: 2 },
			{ id: 4, companyId: 1 },
		]
		const rounds = [
			{ round: 1, meetings: [{ table: 1, people: [1, 3] }], resting: [2, 4] },
			{ round: 2, meetings: [{ table: 1, people: [2, 3] }, { table: 2, people: [1, 4] }], resting: [] },
		]
		expect(ruleBreaks({ people }, rounds)).toEqual(['companies 1:2 meet again in round 2', 'same company 1 in round 2'])
	})
})
