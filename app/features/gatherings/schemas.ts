import { z } from 'zod'
import { email, optionalText, orgNumber, phone, requiredText } from '#app/platform/fields.ts'
import { fromOsloLocal } from '#app/platform/time.ts'

/** A datetime-local field: a wall-clock time in Oslo, stored as ISO UTC. */
const osloDateTime = z
	.string({ error: 'field.datetime' })
	.transform((v, ctx) => fromOsloLocal(v) ?? (ctx.addIssue({ code: 'custom', message: 'field.datetime' }), z.NEVER))

/** "09:00 | Velkommen | Kari Nordby", one item a line. */
const agenda = z
	.string()
	.max(4000, 'field.tooLong')
	.default('')
	.transform((text, ctx) =>
		text
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean)
			.map((line) => {
				const [time = '', title = '', speaker = ''] = line.split('|').map((part) => part.trim())
				if (!/^([01]\d|2[0-3])[:.][0-5]\d$/.test(time) || !title) ctx.addIssue({ code: 'custom', message: 'gatheringAdmin.agendaLine' })
				return { time: time.replace('.', ':'), title: title.slice(0, 200), speaker: speaker.slice(0, 120) }
			}),
	)

export const gatheringSchema = z
	.object({
		title: requiredText(160),
		description: optionalText(4000),
		location: requiredText(200),
		starts_at: osloDateTime,
		ends_at: osloDateTime,
		audience: z.enum(['open', 'members'], { error: 'field.required' }),
		capacity: z.coerce.number({ error: 'field.capacity' }).int('field.capacity').min(1, 'field.capacity').max(100_000, 'field.capacity').optional(),
		registration_deadline: osloDateTime.optional(),
		agenda,
	})
	.superRefine((g, ctx) => {
		if (g.ends_at <= g.starts_at) ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'gatheringAdmin.endsBeforeStart' })
		if (g.registration_deadline && g.registration_deadline > g.starts_at) ctx.addIssue({ code: 'custom', path: ['registration_deadline'], message: 'gatheringAdmin.deadlineAfterStart' })
	})

export const registrationSchema = z.object({
	name: requiredText(120),
	email,
	phone,
	company: requiredText(160),
	org_number: orgNumber.optional(),
	job_title: optionalText(120),
	dietary: optionalText(500),
	show_in_attendance: z.boolean().optional(),
	consent: z.literal(true, { error: 'registration.consentRequired' }),
})

export const walkInSchema = z.object({
	name: requiredText(120),
	email,
	company: optionalText(160),
	org_number: orgNumber.optional(),
})
