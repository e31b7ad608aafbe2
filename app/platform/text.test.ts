import { expect, test } from 'vitest'
import { splitTags, telHref, withoutControls } from './text.ts'

test('control characters are taken out of typed text, tabs and line breaks kept', () => {
	expect(withoutControls('Kari\u0000 Nord\u0007by\u007f')).toBe('Kari Nordby')
	expect(withoutControls('linje 1\r\nlinje\t2')).toBe('linje 1\r\nlinje\t2')
})

test('a stored tag list splits into its tags, empty pieces left out', () => {
	expect(splitTags('Rust, Go ,, TypeScript')).toEqual(['Rust', 'Go', 'TypeScript'])
	expect(splitTags('')).toEqual([])
})

test('a phone number as typed becomes a number to call', () => {
	expect(telHref('+47 912 34 567')).toBe('tel:+4791234567')
	expect(telHref('61 26 00 00 (sentralbord)')).toBe('tel:61260000')
})
