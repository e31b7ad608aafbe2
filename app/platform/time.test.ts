import { expect, test } from 'vitest'
import { fromOsloLocal, osloDate, toOsloLocal } from './time.ts'

test('Oslo wall-clock times turn into instants in winter and in summer, and back', () => {
	expect(fromOsloLocal('2026-12-06T09:00')).toBe('2026-12-06T08:00:00.000Z')
	expect(fromOsloLocal('2027-06-10T09:00')).toBe('2027-06-10T07:00:00.000Z')
	expect(toOsloLocal('2026-12-06T08:00:00.000Z')).toBe('2026-12-06T09:00')
	expect(toOsloLocal('2027-06-10T07:00:00.000Z')).toBe('2027-06-10T09:00')
})

test('a time that is not a time is refused', () => {
	expect(fromOsloLocal('2026-02-30T09:00')).toBeUndefined()
	expect(fromOsloLocal('i morgen')).toBeUndefined()
})

test("today is Oslo's date, which after midnight there is a day ahead of UTC", () => {
	expect(osloDate('2026-11-27T23:30:00Z')).toBe('2026-11-28')
	expect(osloDate('2027-06-10T21:59:00Z')).toBe('2027-06-10')
	expect(osloDate('2027-06-10T22:00:00Z')).toBe('2027-06-11')
})
