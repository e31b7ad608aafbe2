import ICAL from 'ical.js'
import { expect, test } from 'vitest'
import { calendarFor, type CalendarGathering } from './calendar.ts'

const gathering: CalendarGathering = {
	id: 7,
	title: 'Første samling',
	description: 'Bli kjent, prosjektideer; og kaffe, med komma',
	location: 'Lillehammer, Kulturhuset',
	starts_at: '2026-12-06T08:00:00.000Z',
	ends_at: '2026-12-06T14:00:00.000Z',
	status: 'published',
	sequence: 2,
	updated_at: '2026-11-26T10:00:00.000Z',
	created_at: '2026-11-01T10:00:00.000Z',
}

test('a parser reads the gathering back: Oslo time zone, UID, SEQUENCE, text escaped', () => {
	const ics = calendarFor({ name: 'IKT-nettverket', gatherings: [gathering], urlFor: (id) => `https://knute.no/n/ikt/samlinger/${id}`, method: 'REQUEST' })
	expect(ics).toMatch(/^TZID:Europe\/Oslo\r?$/m)
	expect(ics).toMatch(/^DTSTART;TZID=Europe\/Oslo:20261206T090000\r?$/m)
	const component = new ICAL.Component(ICAL.parse(ics))
	expect(component.getFirstPropertyValue('method')).toBe('REQUEST')
	const vtimezone = component.getFirstSubcomponent('vtimezone')!
	ICAL.TimezoneService.register(vtimezone)
	const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!)
	expect(event.uid).toBe('gathering-7@knute')
	expect(event.sequence).toBe(2)
	expect(event.summary).toBe('Første samling')
	expect(event.location).toBe('Lillehammer, Kulturhuset')
	expect(event.description).toContain('Bli kjent, prosjektideer; og kaffe, med komma')
	expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-06T08:00:00.000Z')
	expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-06T14:00:00.000Z')
	expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
})

test('a cancelled gathering keeps its UID and says CANCELLED with a higher SEQUENCE', () => {
	const ics = calendarFor({ name: 'X', gatherings: [{ ...gathering, status: 'cancelled', sequence: 3 }], urlFor: () => 'https://knute.no' })
	const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!)
	expect(event.uid).toBe('gathering-7@knute')
	expect(event.sequence).toBe(3)
	expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
})

test('summer time is Oslo time too, and long lines are folded without breaking letters', () => {
	const ics = calendarFor({
		name: 'X',
		gatherings: [{ ...gathering, starts_at: '2027-06-10T07:00:00.000Z', ends_at: '2027-06-10T09:00:00.000Z', description: 'Æøå '.repeat(40) }],
		urlFor: () => 'https://knute.no',
	})
	expect(ics).toMatch(/^DTSTART;TZID=Europe\/Oslo:20270610T090000\r$/m)
	for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
	const component = new ICAL.Component(ICAL.parse(ics))
	ICAL.TimezoneService.register(component.getFirstSubcomponent('vtimezone')!)
	const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!)
	expect(event.startDate.toJSDate().toISOString()).toBe('2027-06-10T07:00:00.000Z')
	expect(event.description.startsWith('Æøå Æøå')).toBe(true)
})
