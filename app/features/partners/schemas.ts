import { z } from 'zod'
import { day } from '#app/features/commitment/schemas.ts'
import { optionalText, requiredText, website } from '#app/platform/fields.ts'
import { osloDate } from '#app/platform/time.ts'
import { PARTNER_STAGES } from '#db/schema.ts'
import { COUNTRY_CODES } from './countries.ts'

const stage = z.enum(PARTNER_STAGES, { error: 'field.required' })

export const partnerSchema = z.object({
	name: requiredText(160),
	kind: z.enum(['research', 'public_body', 'company', 'municipality', 'funder'], { error: 'field.required' }),
	town: optionalText(100),
	country: z.enum(COUNTRY_CODES, { error: 'field.required' }),
	website,
	focus: optionalText(2000),
	stage,
})
export type PartnerInput = z.output<typeof partnerSchema>

/** What the register itself says of a partner; the rest is the organisation's own profile. */
export const partnerDetailsSchema = partnerSchema.pick({ country: true, focus: true })

/** Something that happened with a partner; the stage the relationship is at after it. */
export const activitySchema = z.object({
	occurred_on: day.refine((v) => v <= osloDate(), 'partner.activity.future'),
	summary: requiredText(2000),
	stage,
})
export type ActivityInput = z.output<typeof activitySchema>
