import { expect, test } from 'vitest'
import { splitTags, withoutControls } from './text.ts'

test('control characters are taken out of typed text, tabs and line breaks kept', () => {
	expect(withoutControls('Kari\u0000 Nord\u0007by\u007f')).toBe('Kari Nordby')
	expect(withoutControls('linje 1\r\nlinje\t2')).toBe('linje 1\r\nlinje\t2')
})

test('a stored tag list splits into its tags, empty pieces left out', () => {
	expect(splitTags('Rust, Go ,, TypeScript')).toEqual(['Rust', 'Go', 'TypeScript'])
	expect(splitTags('')).toEqual([])
})
