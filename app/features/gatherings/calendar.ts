// iCalendar (RFC 5545) for gatherings, written out directly: Oslo time with its
// VTIMEZONE, one UID per gathering and a SEQUENCE raised by every change, so a
// calendar program replaces the event it has, or removes it when it is
// CANCELLED. (docs/decisions/010)
import { toOsloLocal } from '#app/platform/time.ts'

export type CalendarGathering = {
	id: number
	title: string
	description: string
	location: string
	starts_at: string
	ends_at: string
	status: 'draft' | 'published' | 'cancelled'
	sequence: number
	updated_at: string | null
	created_at: string
}

// Norway's rules since 1996: summer time from the last Sunday of March to the last Sunday of October.
const OSLO = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Oslo',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE',
]

/** 2026-12-06T08:00:00Z → 20261206T090000 (the wall clock in Oslo). */
function osloTime(iso: string) {
	return `${toOsloLocal(iso).replace(/[-:]/g, '')}00`
}

function utcTime(iso: string) {
	return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function text(value: string) {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
function fold(line: string) {
	const out: string[] = []
	let current = ''
	for (const char of line) {
		if (Buffer.byteLength(current + char) > (out.length ? 74 : 75)) {
			out.push(current)
			current = ''
		}
		current += char
	}
	out.push(current)
	return out.join('\r\n ')
}

export function gatheringUid(id: number) {
	return `gathering-${id}@knute`
}

/**
 * A calendar with the gatherings; `method: 'REQUEST'` for an invitation by e-mail.
 * @example calendarFor({ name: 'IKT-nettverket', gatherings, urlFor: (id) => `https://…/samlinger/${id}` })
 */
export function calendarFor({
	name,
	gatherings,
	urlFor,
	method = 'PUBLISH',
}: {
	name: string
	gatherings: CalendarGathering[]
	urlFor: (id: number) => string
	method?: 'REQUEST' | 'PUBLISH'
}): string {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Knute//Knute//NB', 'CALSCALE:GREGORIAN', `METHOD:${method}`, `X-WR-CALNAME:${text(name)}`, 'X-WR-TIMEZONE:Europe/Oslo', ...OSLO]
	for (const g of gatherings) {
		const url = urlFor(g.id)
		lines.push(
			'BEGIN:VEVENT',
			`UID:${gatheringUid(g.id)}`,
			`SEQUENCE:${g.sequence}`,
			`DTSTAMP:${utcTime(g.updated_at ?? g.created_at)}`,
			`DTSTART;TZID=Europe/Oslo:${osloTime(g.starts_at)}`,
			`DTEND;TZID=Europe/Oslo:${osloTime(g.ends_at)}`,
			`SUMMARY:${text(g.title)}`,
			`LOCATION:${text(g.location)}`,
			`DESCRIPTION:${text(`${g.description}\n\n${url}`.trim())}`,
			`URL:${url}`,
			`STATUS:${g.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
			'END:VEVENT',
		)
	}
	lines.push('END:VCALENDAR')
	return lines.map(fold).join('\r\n') + '\r\n'
}
