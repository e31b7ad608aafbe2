import { expect, test } from 'vitest'
import { registrationClosed } from './require-gathering.server.ts'

const gathering = { status: 'published', starts_at: '2026-12-06T08:00:00.000Z', registration_deadline: '2026-12-04T22:59:00.000Z' }

test('registration is open until the deadline, and never after the start or when not published', () => {
	expect(registrationClosed(gathering, '2026-12-04T22:58:00.000Z')).toBe(false)
	expect(registrationClosed(gathering, '2026-12-04T22:59:00.000Z')).toBe(true)
	expect(registrationClosed({ ...gathering, registration_deadline: null }, '2026-12-06T07:59:00.000Z')).toBe(false)
	expect(registrationClosed({ ...gathering, registration_deadline: null }, '2026-12-06T08:00:00.000Z')).toBe(true)
	expect(registrationClosed({ ...gathering, status: 'cancelled' }, '2026-11-26T10:00:00.000Z')).toBe(true)
	expect(registrationClosed({ ...gathering, status: 'draft' }, '2026-11-26T10:00:00.000Z')).toBe(true)
})
