import { z } from 'zod'
import { email, optionalText, requiredText, tagList } from '#app/platform/fields.ts'
import { withoutControls } from '#app/platform/text.ts'
import { QUESTION_KINDS, type QuestionKind } from '#db/schema.ts'

export const surveySchema = z.object({
	title: requiredText(160),
	intro: optionalText(2000),
	audience: z.enum(['members', 'open'], { error: 'field.required' }),
})
export type SurveyInput = z.output<typeof surveySchema>

/** The choices of a question, one a line as typed; blank lines dropped. */
export const optionLines = (text: string) => [...new Set(withoutControls(text).split('\n').map((line) => line.trim()).filter(Boolean))]
export const MAX_OPTIONS = 12

export const questionSchema = z
	.object({
		text: requiredText(300),
		kind: z.enum(QUESTION_KINDS, { error: 'field.required' }),
		options: z.string().max(2000, 'field.tooLong').default('').transform(optionLines),
		required: z.boolean().default(false),
	})
	.superRefine((q, ctx) => {
		const choosing = q.kind === 'choice' || q.kind === 'multi'
		if (choosing && (q.options.length < 2 || q.options.length > MAX_OPTIONS)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'survey.question.optionCount' })
		if (q.options.some((o) => o.length > 120)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'survey.question.optionLength' })
	})
	.transform((q) => ({ ...q, options: q.kind === 'choice' || q.kind === 'multi' ? q.options : [] }))
export type QuestionInput = z.output<typeof questionSchema>

export type Question = { id: number; kind: QuestionKind; text: string; options: string[]; required: boolean }

/** The field a question's answer comes in. */
export const answerField = (id: number) => `q${id}`

/** What one question takes as its answer: always a list of values, empty when it was left blank. */
function answerRule(q: Question) {
	// A value that is not one of the question's (a changed form) is refused as such; a missing one as missing.
	const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]], { error: (issue) => (issue.input === undefined ? 'field.required' : 'survey.answer.choice') })
	const single = (values: readonly string[]) => {
		const rule = oneOf(values).transform((v) => [v])
		return q.required ? rule : rule.optional().transform((v) => v ?? [])
	}
	switch (q.kind) {
		case 'scale':
			return single(['1', '2', '3', '4', '5'])
		case 'choice':
			return single(q.options)
		case 'multi': {
			const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(oneOf(q.options))).transform((v) => [...new Set(v)])
			return q.required ? list.refine((v) => v.length > 0, 'survey.answer.pickOne') : list
		}
		case 'text':
			return (q.required ? requiredText(2000) : optionalText(2000)).transform((v) => (v ? [v] : []))
		case 'competences': {
			const tags = tagList.transform((v) => (v ? v.split(', ') : []))
			return q.required ? tags.refine((v) => v.length > 0, 'field.required') : tags
		}
	}
}

/** Who answers through an open link: as on a gathering's registration, a name, an address and a company, and consent to keep it. */
const respondent = {
	name: requiredText(120),
	email,
	company: requiredText(160),
	consent: z.literal(true, { error: 'survey.answer.consent' }),
}

/** The answer form for a survey's questions; through an open link, with who answers. */
export function answerSchema(questions: readonly Question[], { open }: { open: boolean }) {
	const answers = Object.fromEntries(questions.map((q) => [answerField(q.id), answerRule(q)]))
	return z.object(open ? { ...respondent, ...answers } : answers)
}
