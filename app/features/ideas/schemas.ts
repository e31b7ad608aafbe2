import { z } from 'zod'
import { day } from '#app/features/commitment/schemas.ts'
import { recordId, requiredText } from '#app/platform/fields.ts'
import { withoutControls } from '#app/platform/text.ts'

export const moveSchema = z.object({
	to: z.enum(['draft', 'proposed', 'maturing', 'qualified', 'main_project', 'parked'], { error: 'field.required' }),
	reason: requiredText(1000),
})

export const commentSchema = z.object({ body: requiredText(4000) })

export const joinSchema = z.object({
	role: z.enum(['lead', 'partner', 'interested'], { error: 'field.required' }),
	organisation_id: recordId.optional(),
})

export const decisionSchema = z.object({ decided_on: day, decision: requiredText(300), reasons: requiredText(4000) })

export const budgetLineSchema = z.object({
	kind: z.enum(['cost', 'own_hours', 'cash', 'funding'], { error: 'field.required' }),
	label: requiredText(200),
	organisation_id: z.preprocess((v) => (v === '' ? undefined : v), recordId.optional()),
	amount_nok: z.coerce.number({ error: 'field.amount' }).int('field.amount').min(0, 'field.amount').max(1_000_000_000, 'field.amount'),
})

/** Scores 1–10 per criterion from fields named score_<id> and comment_<id>; empty scores are left out. */
export function parseScores(form: FormData, criteria: { id: number }[]) {
	const scores: { criterion_id: number; score: number; comment: string }[] = []
	for (const c of criteria) {
		const raw = String(form.get(`score_${c.id}`) ?? '').trim()
		if (!raw) continue
		const score = Number(raw)
		if (!Number.isInteger(score) || score < 1 || score > 10) return undefined
		scores.push({ criterion_id: c.id, score, comment: withoutControls(String(form.get(`comment_${c.id}`) ?? '')).trim().slice(0, 1000) })
	}
	return scores
}
