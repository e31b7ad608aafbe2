import { describe, expect, test } from 'vitest'
import { foldText, queryWords, stem } from './search-text.ts'

describe('foldText', () => {
	test('spells out Norwegian letters and drops accents', () => {
		expect(foldText('Høgskolen i Gjøvik')).toBe('hogskolen i gjovik')
		expect(foldText('Bærum, Ålesund')).toBe('baerum alesund')
		expect(foldText('Café Éclair')).toBe('cafe eclair')
	})
	test('turns punctuation into single spaces', () => {
		expect(foldText('  C#/.NET -- og  React!  ')).toBe('c net og react')
	})
})

describe('stem', () => {
	test('strips inflection endings', () => {
		expect(stem('bedriftene')).toBe('bedrift')
		expect(stem('bedrifter')).toBe('bedrift')
		expect(stem('utviklere')).toBe('utvikl')
		expect(stem('sikkerheten')).toBe('sikker')
	})
	test('leaves short words alone', () => {
		expect(stem('java')).toBe('java')
		expect(stem('data')).toBe('data')
	})
})

test('queryWords folds, dedupes and drops one-letter words', () => {
	expect(queryWords('Gjøvik gjovik i sky')).toEqual(['gjovik', 'sky'])
})
