import { expect, test } from 'vitest'
import { formatDateTime, formatDateTimeRange, translator } from './i18n.ts'

test('a moment reads as in Norway, in bokmål and in English', () => {
	expect(formatDateTime('nb', '2026-12-06T08:00:00.000Z')).toBe('6. desember 2026 kl. 09:00')
	expect(formatDateTime('en', '2026-12-06T08:00:00.000Z')).toBe('6 December 2026 at 09:00')
	expect(formatDateTime('nb', '2026-12-06T08:00:00.000Z', 'date')).toBe('6. desember 2026')
})

test('a range on one day in Norway says the date once', () => {
	expect(formatDateTimeRange('nb', '2026-12-06T08:00:00.000Z', '2026-12-06T14:00:00.000Z')).toEqual(['6. desember 2026, 09:00', '–', '15:00'])
	expect(formatDateTimeRange('en', '2026-12-06T08:00:00.000Z', '2026-12-06T14:00:00.000Z')).toEqual(['6 December 2026, 09:00', '–', '15:00'])
	// Summer time: 22:30 UTC on 9 June is already 10 June in Oslo.
	expect(formatDateTimeRange('nb', '2027-06-09T22:30:00.000Z', '2027-06-10T06:00:00.000Z')).toEqual(['10. juni 2027, 00:30', '–', '08:00'])
})

test('a range over two days says both dates', () => {
	expect(formatDateTimeRange('nb', '2026-12-06T08:00:00.000Z', '2026-12-07T14:00:00.000Z')).toEqual(['6. desember 2026 kl. 09:00', '–', '7. desember 2026 kl. 15:00'])
	expect(formatDateTimeRange('en', '2026-12-06T08:00:00.000Z', '2026-12-07T14:00:00.000Z')).toEqual(['6 December 2026 at 09:00', '\u2009–\u2009', '7 December 2026 at 15:00'])
})

test('a count of one reads in the singular, in bokmål and in English', () => {
	const nb = translator('nb')
	const en = translator('en')
	expect([0, 1, 2].map((count) => nb('directory.employees', { count }))).toEqual(['0 ansatte', '1 ansatt', '2 ansatte'])
	expect([0, 1, 2].map((count) => en('directory.employees', { count }))).toEqual(['0 employees', '1 employee', '2 employees'])
	expect(nb('commitment.invited', { count: 1 })).toBe('Invitasjonen er sendt til 1 bedrift.')
	expect(en('directory.resultCount', { count: 1, q: 'sky' })).toBe('1 result for “sky”')
	// A message without a singular is the same for every count.
	expect(nb('home.found', { count: 1, total: 4 })).toBe('1 av 4 nettverk')
})
