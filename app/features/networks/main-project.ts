import { z } from 'zod'
import { day } from '#app/features/commitment/schemas.ts'
import { requiredText } from '#app/platform/fields.ts'
import { osloDate } from '#app/platform/time.ts'

/** Innovasjon Norge's main projects run up to three years. */
const MAIN_PROJECT_YEARS = 3

/** The day `years` years after a day (YYYY-MM-DD); compared as text, 29 February needs no care. */
const yearsAfter = (value: string, years: number) => `${Number(value.slice(0, 4)) + years}${value.slice(4)}`

/** The steering group's decision to go on to a main project, as the project leader records it. */
export const mainProjectSchema = z
	.object({
		decided_on: day.refine((v) => v <= osloDate(), 'mainProject.decidedFuture'),
		starts_on: day,
		ends_on: day,
		decision: requiredText(2000),
	})
	.superRefine((p, ctx) => {
		if (p.ends_on <= p.starts_on) ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'mainProject.endBeforeStart' })
		// Three years from 1 January 2027 end on 31 December 2029.
		else if (p.ends_on >= yearsAfter(p.starts_on, MAIN_PROJECT_YEARS)) ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'mainProject.tooLong' })
	})
export type MainProjectInput = z.output<typeof mainProjectSchema>
