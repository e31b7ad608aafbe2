import { z } from 'zod'
import { employees, optionalText, orgNumber, phone, requiredText, tagList, website, email } from '#app/platform/fields.ts'

// The directory's forms; each schema runs in the browser and on the server.

export const organisationProfileSchema = z.object({
	name: requiredText(120),
	description: optionalText(4000),
	website,
	employees,
	town: optionalText(80),
	competences_offered: tagList,
	competences_wanted: tagList,
	technologies: tagList,
	parent_org_number: orgNumber.optional(),
})

export const newOrganisationSchema = organisationProfileSchema.extend({
	org_number: orgNumber,
	kind: z.enum(['company', 'municipality', 'public_body', 'research', 'funder'], { error: 'field.required' }),
	status: z.enum(['prospect', 'member', 'partner'], { error: 'field.required' }),
	address: optionalText(300),
	industry_code: optionalText(20),
})

export const personProfileSchema = z.object({
	name: requiredText(120),
	email,
	title: optionalText(120),
	phone,
	town: optionalText(80),
	bio: optionalText(2000),
	competences: tagList,
	lang: z.enum(['nb', 'en'], { error: 'field.required' }),
	hourly_rate: z.preprocess(
		(v) => (v === '' || v === undefined ? undefined : v),
		z.coerce.number({ error: 'field.amount' }).int('field.amount').min(0, 'field.amount').max(100_000, 'field.amount').optional(),
	),
})
