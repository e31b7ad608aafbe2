import { z } from 'zod'
import { withoutControls } from './text.ts'

// Field rules shared by every form and import. Messages are i18n keys.

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2]

/**
 * The Brønnøysund Register Centre's rule: nine digits, the last a mod-11
 * check digit over the first eight. A remainder of 0 gives check digit 0; a
 * computed check of 10 means no valid number has these first eight digits.
 * @example isValidOrgNumber('974760673') // true
 */
export function isValidOrgNumber(value: string): boolean {
	if (!/^\d{9}$/.test(value)) return false
	const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0)
	const check = 11 - (sum % 11)
	const expected = check === 11 ? 0 : check
	return expected !== 10 && expected === Number(value[8])
}

/** People type numbers with spaces ("974 760 673"); we store the nine digits. */
export const orgNumber = z
	.string({ error: 'field.required' })
	.trim()
	.transform((v) => v.replace(/\s/g, ''))
	.pipe(z.string().regex(/^\d{9}$/, 'field.orgNumber.format').refine(isValidOrgNumber, 'field.orgNumber.checksum'))

/** Stored lower-case: addresses are compared without case when people sign in. */
export const email = z
	.string({ error: 'field.required' })
	.trim()
	.max(254, 'field.tooLong')
	.pipe(z.email('field.email'))
	.transform((v) => v.toLowerCase())

/** Norwegian and foreign numbers: digits, spaces and a leading +, 5 to 20 characters. */
export const phone = z
	.string()
	.trim()
	.regex(/^(\+?[\d ]{5,20})?$/, 'field.phone')
	.default('')

/** The largest number PostgreSQL's `integer` holds: no record has a larger id. */
const MAX_ID = 2_147_483_647

/** A record's id from a form: a whole number from 1 to `MAX_ID` (a larger one would fail PostgreSQL's query, not find nothing). */
export const recordId = z.coerce.number().int().positive().max(MAX_ID)

export const requiredText = (max = 200) =>
	z.string({ error: 'field.required' }).overwrite(withoutControls).trim().min(1, 'field.required').max(max, 'field.tooLong')
export const optionalText = (max = 2000) => z.string().overwrite(withoutControls).trim().max(max, 'field.tooLong').default('')

/** A website; "bedrift.no" is accepted and stored as https://bedrift.no. */
export const website = z
	.string()
	.trim()
	.max(300, 'field.tooLong')
	.transform((v) => (v && !/^https?:\/\//i.test(v) ? `https://${v}` : v))
	.pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'field.url' })]))
	.default('')

/** Comma-separated tags, as people type them; stored as "a, b, c". */
export const tagList = z
	.string()
	.overwrite(withoutControls)
	.max(1000, 'field.tooLong')
	.default('')
	.transform((v) =>
		[...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))].join(', '),
	)

export const employees = z.preprocess(
	(v) => (v === '' || v === undefined || v === null ? undefined : v),
	z.coerce.number({ error: 'field.employees' }).int('field.employees').min(0, 'field.employees').max(1_000_000, 'field.employees').optional(),
)

export const password = z.string({ error: 'field.required' }).min(10, 'field.password').max(200, 'field.tooLong')
