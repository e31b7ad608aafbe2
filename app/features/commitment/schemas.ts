import { z } from 'zod'
import { optionalText, recordId, requiredText } from '#app/platform/fields.ts'

/** A date field (YYYY-MM-DD) that is a real day. */
export const day = z
	.string({ error: 'field.date' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'field.date')
	.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'field.date')

const wholeNumber = (max: number, message: 'field.amount' | 'field.count') => z.coerce.number({ error: message }).int(message).min(0, message).max(max, message)

export const agreementSchema = z
	.object({
		title: requiredText(160),
		body: requiredText(20_000),
		period_start: day,
		period_end: day,
		egenandel_nok: wholeNumber(10_000_000, 'field.amount'),
		hours_per_year: wholeNumber(10_000, 'field.count'),
		gatherings_per_year: wholeNumber(10_000, 'field.count'),
	})
	.superRefine((a, ctx) => {
		if (a.period_end <= a.period_start) ctx.addIssue({ code: 'custom', path: ['period_end'], message: 'agreementAdmin.periodOrder' })
	})

export const acceptSchema = z.object({
	agreementId: recordId,
	hash: z.string().length(64),
	signer_name: requiredText(120),
	signer_title: requiredText(120),
	confirm: z.literal(true, { error: 'agreement.confirmRequired' }),
})

export const inviteSchema = z.object({
	organisationIds: z.array(recordId, { error: 'commitment.noneChosen' }).min(1, 'commitment.noneChosen'),
	deadline: day,
})

export const invoiceSchema = z.object({
	organisation_id: z.coerce.number({ error: 'field.organisation' }).int().positive('field.organisation'),
	period: z.string({ error: 'field.required' }).trim().regex(/^\d{4}(-\d{1,2})?$/, 'invoices.periodHint'),
	amount_nok: wholeNumber(10_000_000, 'field.amount'),
	due_date: day,
})

/** Hours as Norwegians write them ("1,5"), parsed into whole minutes. */
const hoursAsMinutes = z
	.string({ error: 'field.hours' })
	.trim()
	.transform((v) => Number(v.replace(',', '.')))
	.pipe(z.number({ error: 'field.hours' }).min(0.25, 'field.hours').max(24, 'field.hours'))
	.transform((h) => Math.round(h * 60))

export const effortSchema = z
	.object({
		date: day,
		hours: hoursAsMinutes,
		activity: z.enum(['gathering', 'idea', 'workshop', 'other'], { error: 'field.required' }),
		gathering_id: recordId.optional(),
		description: optionalText(500),
	})
	.superRefine((e, ctx) => {
		if (e.activity === 'gathering' && !e.gathering_id) ctx.addIssue({ code: 'custom', path: ['gathering_id'], message: 'effort.error.gathering' })
		if (e.activity !== 'gathering' && !e.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'field.required' })
	})

export const rateSchema = z.object({
	rate_rule: z.enum(['fixed', 'own'], { error: 'field.required' }),
	hourly_rate: wholeNumber(100_000, 'field.amount'),
})
