import { describe, expect, test } from 'vitest'
import { email, isValidOrgNumber, optionalText, orgNumber, requiredText, tagList, website } from './fields.ts'

describe('organisation number', () => {
	test('accepts numbers whose mod-11 check digit matches', () => {
		expect(isValidOrgNumber('974760673')).toBe(true)
		expect(isValidOrgNumber('923609016')).toBe(true)
	})
	test('rejects a wrong check digit, wrong length and letters', () => {
		expect(isValidOrgNumber('974760674')).toBe(false)
		expect(isValidOrgNumber('97476067')).toBe(false)
		expect(isValidOrgNumber('97476067a')).toBe(false)
	})
	test('rejects numbers whose computed check digit would be 10', () => {
		// 00000006: 2 × 6 = 12, 12 mod 11 = 1, 11 − 1 = 10: no ninth digit makes it valid.
		for (let last = 0; last <= 9; last++) expect(isValidOrgNumber(`00000006${last}`)).toBe(false)
	})
	test('the form rule strips spaces and names the problem', () => {
		expect(orgNumber.parse(' 974 760 673 ')).toBe('974760673')
		expect(orgNumber.safeParse('123').error?.issues[0]?.message).toBe('field.orgNumber.format')
		expect(orgNumber.safeParse('974760674').error?.issues[0]?.message).toBe('field.orgNumber.checksum')
	})
})

test('e-mail addresses are stored in lower case', () => {
	expect(email.parse(' Kari@Bedrift.NO ')).toBe('kari@bedrift.no')
	expect(email.safeParse('kari@').error?.issues[0]?.message).toBe('field.email')
})

test('a website without scheme gets https', () => {
	expect(website.parse('bedrift.no')).toBe('https://bedrift.no')
	expect(website.safeParse('javascript:alert(1)').success).toBe(false)
})

test('tag lists are trimmed and deduplicated', () => {
	expect(tagList.parse(' React ,TypeScript,, React')).toBe('React, TypeScript')
})

test('the text fields take control characters out of what is typed', () => {
	expect(requiredText().parse(' \u0000Mjøsdata AS ')).toBe('Mjøsdata AS')
	expect(requiredText().safeParse('\u0000\u0001').error?.issues[0]?.message).toBe('field.required')
	expect(optionalText().parse('Om oss\u0000')).toBe('Om oss')
	expect(tagList.parse('Rust\u0000, Go')).toBe('Rust, Go')
})
