// The get-to-know rounds planner: a pure module. Each round is a maximum-weight
// matching (Edmonds' blossom algorithm) over the people present, with weights
// that prefer company pairs that have never met, then pairs that asked to meet,
// then pairs whose competences fit. The hard rules are never broken: no two
// people from the same company meet, no pair of companies meets twice in one
// gathering, and no company meets a company it has blocked (or that blocked it).
import { createRequire } from 'node:module'

// The library ships CommonJS with its function on `default`.
const maximumMatching: (edges: [number, number, number][]) => number[] = createRequire(import.meta.url)('@graph-algorithm/maximum-matching').default

type PlannerCompany = { id: number; offers: readonly string[]; wants: readonly string[] }
type PlannerPerson = { id: number; companyId: number }
/** One table in one round: two people, or three where the count is odd. */
export type Meeting = { table: number; people: number[]; locked?: boolean }
export type Round = { round: number; meetings: Meeting[]; resting: number[] }

export type PlanInput = {
	people: readonly PlannerPerson[]
	companies: readonly PlannerCompany[]
	rounds: number
	/** Company pairs that met before this gathering. */
	metBefore?: readonly (readonly [number, number])[]
	/** Company a asked to meet company b. */
	wishes?: readonly (readonly [number, number])[]
	/** Company a does not want to meet company b (either way is a hard rule). */
	blocked?: readonly (readonly [number, number])[]
	/** Rounds already held or planned that stay as they are (1 … held.length). */
	held?: readonly Round[]
	/** Meetings the project leader locked, per round number. */
	locked?: readonly { round: number; people: readonly number[] }[]
	/** People who sat in held rounds but have left: not seated again. */
	absent?: readonly number[]
}

const WEIGHT = { meeting: 400, novel: 1000, wish: 100, template: 40, fit: 10, fitCap: 3 } as const
/** Above this many people a round only considers each person's best candidates (keeps 500 people under a second). */
const FULL_GRAPH_LIMIT = 200
const CANDIDATES_PER_PERSON = 12

export function pairKey(a: number, b: number) {
	return a < b ? `${a}:${b}` : `${b}:${a}`
}

/** The company pairs of a meeting (three for a group of three). */
function meetingPairs(people: readonly number[], companyOf: (person: number) => number): [number, number][] {
	const pairs: [number, number][] = []
	for (let i = 0; i < people.length; i++) for (let j = i + 1; j < people.length; j++) pairs.push([companyOf(people[i]!), companyOf(people[j]!)])
	return pairs
}

/**
 * The weights of company pairs, in arrays indexed by company so that a round
 * over 500 people (125,000 candidate pairs) is built in a few milliseconds.
 */
function companyWeights(input: PlanInput, companyIds: readonly number[]) {
	const index = new Map(companyIds.map((id, i) => [id, i]))
	const n = companyIds.length
	const weight = new Float64Array(n * n)
	const mark = (pairs: readonly (readonly [number, number])[] | undefined, apply: (cell: number) => void) => {
		for (const [a, b] of pairs ?? []) {
			const i = index.get(a)
			const j = index.get(b)
			if (i === undefined || j === undefined || i === j) continue
			apply(i * n + j)
			apply(j * n + i)
		}
	}
	const byId = new Map(input.companies.map((c) => [c.id, c]))
	for (let i = 0; i < n; i++) {
		const a = byId.get(companyIds[i]!)
		for (let j = 0; j < n; j++) {
			if (i === j) continue
			const b = byId.get(companyIds[j]!)
			const fit = a && b ? a.offers.filter((o) => b.wants.includes(o)).length + b.offers.filter((o) => a.wants.includes(o)).length : 0
			weight[i * n + j] = WEIGHT.meeting + WEIGHT.novel + WEIGHT.fit * Math.min(WEIGHT.fitCap, fit)
		}
	}
	const met = new Set<number>()
	const wished = new Set<number>()
	mark(input.metBefore, (cell) => met.add(cell))
	mark(input.wishes, (cell) => wished.add(cell))
	for (const cell of met) weight[cell] = weight[cell]! - WEIGHT.novel
	for (const cell of wished) weight[cell] = weight[cell]! + WEIGHT.wish
	mark(input.blocked, (cell) => (weight[cell] = 0))
	return { index, n, weight }
}

/** How many times a gathering of this size is planned, each with another order of equal choices; the best plan wins. */
function attemptsFor(people: number) {
	return people <= 30 ? 200 : people <= 60 ? 24 : 1
}

/**
 * Plans the rounds after `held`; held rounds and locked meetings stay. Rounds
 * are planned one at a time, so an early round can use up pairs a later one
 * needed: for a small gathering the planner tries other orders of equal choices
 * and keeps the plan with the most new company pairs, then the most meetings.
 */
export function planRounds(input: PlanInput): Round[] {
	const attempts = attemptsFor(input.people.length)
	const { bound } = newPairBound(input)
	let best: { rounds: Round[]; score: number } | null = null
	for (let attempt = 0; attempt < attempts; attempt++) {
		const rounds = planOnce(input, attempt)
		const found = newPairsIn(input, rounds)
		const score = found * 10_000 + rounds.reduce((sum, r) => sum + r.meetings.length, 0)
		if (!best || score > best.score) best = { rounds, score }
		// Every new pair there can be, and nobody sits out: no other order does better.
		if (found >= bound && rounds.every((r) => r.resting.length === 0)) break
	}
	return best!.rounds
}

function planOnce(input: PlanInput, attempt: number): Round[] {
	const companyIds = [...new Set(input.people.map((p) => p.companyId))].sort((a, b) => a - b)
	const { index, n: companies, weight: pairWeight } = companyWeights(input, companyIds)
	// The first attempt takes people by company; the others in a shuffled order.
	const people = [...input.people].sort((a, b) => a.companyId - b.companyId || a.id - b.id)
	if (attempt > 0) shuffle(people, attempt)
	const slot = new Map(people.map((p, i) => [p.id, i]))
	const companyOf = Int32Array.from(people, (p) => index.get(p.companyId)!)
	const used = new Uint8Array(companies * companies)
	const meet = (slots: readonly number[]) => {
		for (let i = 0; i < slots.length; i++)
			for (let j = i + 1; j < slots.length; j++) {
				const a = companyOf[slots[i]!]!
				const b = companyOf[slots[j]!]!
				used[a * companies + b] = used[b * companies + a] = 1
			}
	}
	const rounds: Round[] = []
	for (const round of input.held ?? []) {
		rounds.push(round)
		for (const m of round.meetings) meet(m.people.filter((p) => slot.has(p)).map((p) => slot.get(p)!))
	}
	const absent = new Set(input.absent ?? [])
	const all = people.flatMap((p, i) => (absent.has(p.id) ? [] : [i]))
	for (let r = rounds.length + 1; r <= input.rounds; r++) {
		const tables: { slots: number[]; locked?: boolean }[] = []
		const busy = new Set<number>()
		for (const lock of input.locked ?? []) {
			const slots = lock.people.map((p) => slot.get(p))
			if (lock.round !== r || !slots.every((s) => s !== undefined && !busy.has(s))) continue
			tables.push({ slots: slots as number[], locked: true })
			for (const s of slots as number[]) busy.add(s)
			meet(slots as number[])
		}
		const template = roundRobin(all, r - 1)
		const weight = (u: number, v: number) => {
			const cell = companyOf[u]! * companies + companyOf[v]!
			if (used[cell] || companyOf[u] === companyOf[v]) return 0
			const w = pairWeight[cell]!
			return w === 0 ? 0 : w + (template[u] === v ? WEIGHT.template : 0)
		}
		let pool = all.filter((p) => !busy.has(p))
		// Two pairs of the same two companies in one round break the rules: keep
		// one, and match the others again without that company pair.
		for (;;) {
			const pairs = matchRound(pool, weight)
			if (pairs.length === 0) break
			const rest = new Set(pool)
			let dropped = false
			for (const [u, v] of pairs.sort((x, y) => weight(y[0], y[1]) - weight(x[0], x[1]))) {
				if (weight(u, v) === 0) {
					dropped = true
					continue
				}
				meet([u, v])
				tables.push({ slots: [u, v] })
				rest.delete(u)
				rest.delete(v)
			}
			pool = [...rest]
			if (!dropped || pool.length < 2) break
		}
		// Whoever is left joins a pair as the third, where the rules allow it.
		const resting: number[] = []
		for (const person of pool) {
			let best: (typeof tables)[number] | null = null
			let bestWeight = 0
			for (const t of tables) {
				if (t.slots.length !== 2 || t.locked) continue
				const w = Math.min(weight(person, t.slots[0]!), weight(person, t.slots[1]!))
				if (w > bestWeight) {
					best = t
					bestWeight = w
				}
			}
			if (best) {
				best.slots.push(person)
				meet(best.slots)
			} else resting.push(people[person]!.id)
		}
		rounds.push({
			round: r,
			meetings: tables.map((t, i) => ({ table: i + 1, people: t.slots.map((s) => people[s]!.id), ...(t.locked ? { locked: true } : {}) })),
			resting: resting.sort((a, b) => a - b),
		})
	}
	return rounds
}

/** A seeded Fisher–Yates shuffle, so that a plan is the same every time. */
function shuffle<T>(list: T[], seed: number) {
	let state = seed * 2654435761
	for (let i = list.length - 1; i > 0; i--) {
		state = (state * 16807) % 2147483647
		const j = state % (i + 1)
		;[list[i], list[j]] = [list[j]!, list[i]!]
	}
}

/**
 * The circle method's partner for each slot in a round: a round-robin that
 * breaks ties between equal pairs, so that later rounds still have a full set
 * of new pairs to choose from.
 */
function roundRobin(slots: readonly number[], round: number) {
	const partner = new Int32Array(slots.length).fill(-1)
	const list = slots.length % 2 === 0 ? [...slots] : [...slots, -1]
	const n = list.length
	if (n < 2) return partner
	const shift = round % (n - 1)
	const at = (i: number) => (i === 0 ? list[0]! : list[1 + ((i - 1 + shift) % (n - 1))]!)
	for (let i = 0; i < n / 2; i++) {
		const a = at(i)
		const b = at(n - 1 - i)
		if (a >= 0 && b >= 0) {
			partner[a] = b
			partner[b] = a
		}
	}
	return partner
}

/**
 * A maximum-weight matching of the pool (exact up to 200 people; above that,
 * over each person's best candidates). Pairs of weight 0 are not allowed.
 */
export function matchRound(pool: readonly number[], weight: (u: number, v: number) => number): [number, number][] {
	const n = pool.length
	if (n < 2) return []
	const edges: [number, number, number][] = []
	if (n <= FULL_GRAPH_LIMIT) {
		for (let i = 0; i < n; i++)
			for (let j = i + 1; j < n; j++) {
				const w = weight(pool[i]!, pool[j]!)
				if (w > 0) edges.push([i, j, w])
			}
	} else {
		// Each person's best candidates, ranked by weight and, among equals, by a
		// fixed scramble that spreads the choice; packed into one number each so
		// that a typed array sorts them.
		const chosen = new Set<number>()
		const keys = new Float64Array(n)
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < n; j++) {
				const w = i === j ? 0 : weight(pool[i]!, pool[j]!)
				const tie = ((Math.min(i, j) * 73856093) ^ (Math.max(i, j) * 19349663)) & 1023
				keys[j] = w > 0 ? (w * 1024 + tie) * 65536 + j : -1
			}
			keys.sort()
			for (let k = n - 1; k >= n - CANDIDATES_PER_PERSON && keys[k]! >= 0; k--) {
				const j = keys[k]! % 65536
				const [a, b] = i < j ? [i, j] : [j, i]
				if (chosen.has(a * n + b)) continue
				chosen.add(a * n + b)
				edges.push([a, b, weight(pool[a]!, pool[b]!)])
			}
		}
	}
	if (edges.length === 0) return []
	const mate = maximumMatching(edges)
	const pairs: [number, number][] = []
	mate.forEach((m, i) => {
		if (m > i) pairs.push([pool[i]!, pool[m]!])
	})
	return pairs
}

/** Every broken hard rule in a plan, as text for tests and for the project leader's edits. */
export function ruleBreaks(input: Pick<PlanInput, 'people' | 'blocked'>, rounds: readonly Round[]): string[] {
	const companyOf = new Map(input.people.map((p) => [p.id, p.companyId]))
	const blocked = new Set((input.blocked ?? []).map(([a, b]) => pairKey(a, b)))
	const seen = new Set<string>()
	const breaks: string[] = []
	for (const round of rounds) {
		const inRound = new Set<number>()
		for (const m of round.meetings) {
			for (const p of m.people) {
				if (inRound.has(p)) breaks.push(`person ${p} twice in round ${round.round}`)
				inRound.add(p)
			}
			for (const [a, b] of meetingPairs(m.people, (p) => companyOf.get(p) ?? -p)) {
				const key = pairKey(a, b)
				if (a === b) breaks.push(`same company ${a} in round ${round.round}`)
				else if (blocked.has(key)) breaks.push(`blocked pair ${key} in round ${round.round}`)
				else if (seen.has(key)) breaks.push(`companies ${key} meet again in round ${round.round}`)
				seen.add(key)
			}
		}
	}
	return breaks
}

/** Company pairs that met before and are allowed, so that planners and benchmarks can state the bound. */
export function newPairBound(input: PlanInput): { perRound: number; allowedNewPairs: number; bound: number } {
	const companies = [...new Set(input.people.map((p) => p.companyId))]
	const met = new Set((input.metBefore ?? []).map(([a, b]) => pairKey(a, b)))
	const blocked = new Set((input.blocked ?? []).map(([a, b]) => pairKey(a, b)))
	let allowedNewPairs = 0
	for (let i = 0; i < companies.length; i++)
		for (let j = i + 1; j < companies.length; j++) {
			const key = pairKey(companies[i]!, companies[j]!)
			if (!met.has(key) && !blocked.has(key)) allowedNewPairs++
		}
	const n = input.people.length
	const perRound = Math.floor(n / 2) + (n % 2 === 1 && n >= 3 ? 1 : 0)
	return { perRound, allowedNewPairs, bound: Math.min(input.rounds * perRound, allowedNewPairs) }
}

/** The new company pairs a plan achieves: distinct pairs that had not met before. */
export function newPairsIn(input: PlanInput, rounds: readonly Round[]): number {
	const companyOf = new Map(input.people.map((p) => [p.id, p.companyId]))
	const met = new Set((input.metBefore ?? []).map(([a, b]) => pairKey(a, b)))
	const found = new Set<string>()
	for (const round of rounds)
		for (const m of round.meetings)
			for (const [a, b] of meetingPairs(m.people, (p) => companyOf.get(p)!)) {
				const key = pairKey(a, b)
				if (!met.has(key)) found.add(key)
			}
	return found.size
}
