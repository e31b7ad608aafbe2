import { parse } from 'csv-parse/sync'
import { expect, test } from 'vitest'
import { toCsv } from './csv.ts'

test('CSV round-trips quotes, semicolons and line breaks, and defuses formulas', () => {
	const csv = toCsv([
		['Navn', 'Merknad'],
		['Kari "K" Nordmann', 'nøtter; melk\nog egg'],
		['=HYPERLINK("x")', null],
	])
	expect(csv.startsWith('\uFEFF')).toBe(true)
	expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([
		['Navn', 'Merknad'],
		['Kari "K" Nordmann', 'nøtter; melk\nog egg'],
		["'=HYPERLINK(\"x\")", ''],
	])
})
