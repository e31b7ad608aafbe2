import { describe, expect, test } from 'vitest'
import { canMove, nextStages, weightedScore } from './stages.ts'

const author = { personId: 1, roles: ['member' as const] }
const steering = { personId: 2, roles: ['steering_group' as const] }
const other = { personId: 3, roles: ['member' as const] }

describe('stage rules', () => {
	test('the author proposes their own draft; another member cannot', () => {
		expect(canMove(author, { stage: 'draft', author_id: 1 }, 'proposed')).toBe(true)
		expect(canMove(other, { stage: 'draft', author_id: 1 }, 'proposed')).toBe(false)
	})
	test('only the steering group moves an idea on from proposed, and stages are not skipped', () => {
		expect(canMove(author, { stage: 'proposed', author_id: 1 }, 'maturing')).toBe(false)
		expect(canMove(steering, { stage: 'proposed', author_id: 1 }, 'maturing')).toBe(true)
		expect(canMove(steering, { stage: 'proposed', author_id: 1 }, 'qualified')).toBe(false)
		expect(canMove(steering, { stage: 'draft', author_id: 1 }, 'main_project')).toBe(false)
	})
	test('a parked idea can come back as proposed', () => {
		expect(nextStages(steering, { stage: 'parked', author_id: 1 })).toEqual(['proposed'])
		expect(nextStages(steering, { stage: 'main_project', author_id: 1 })).toEqual([])
	})
})

test('the weighted score comes from each criterion’s mean; the spread shows disagreement', () => {
	const criteria = [
		{ id: 1, weight: 3 },
		{ id: 2, weight: 1 },
		{ id: 3, weight: 2 },
	]
	const result = weightedScore(criteria, [
		{ criterion_id: 1, score: 8 },
		{ criterion_id: 1, score: 6 },
		{ criterion_id: 2, score: 10 },
	])
	// (7 × 3 + 10 × 1) / 4 = 7.75 → 7.8; the unscored criterion does not count.
	expect(result.score).toBe(7.8)
	expect(result.perCriterion).toEqual([
		{ id: 1, mean: 7, spread: 2, count: 2 },
		{ id: 2, mean: 10, spread: 0, count: 1 },
		{ id: 3, mean: null, spread: null, count: 0 },
	])
	expect(weightedScore(criteria, []).score).toBeNull()
})
