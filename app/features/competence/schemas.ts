import { z } from 'zod'
import { day } from '#app/features/commitment/schemas.ts'
import { optionalText, recordId, requiredText } from '#app/platform/fields.ts'
import { INITIATIVE_KINDS } from '#db/schema.ts'

const blankIsNone = (v: unknown) => (v === '' ? undefined : v)

export const initiativeSchema = z.object({
	title: requiredText(160),
	competence: requiredText(100),
	kind: z.enum(INITIATIVE_KINDS, { error: 'field.required' }),
	partner_id: z.preprocess(blankIsNone, recordId.optional()),
	starts_on: z.preprocess(blankIsNone, day.optional()),
	description: optionalText(2000),
})
export type InitiativeInput = z.output<typeof initiativeSchema>

/** Two words for one competence: the one the companies use, and the network's name for it. */
export const termSchema = z.object({
	alias: requiredText(100),
	canonical: requiredText(100),
})
export type TermInput = z.output<typeof termSchema>
