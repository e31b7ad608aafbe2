// Several application processes on one database stay correct:
// no seat is given twice, no registration is lost, no e-mail is sent twice.
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { createTestDatabase, DIALECTS } from './support/databases.ts'
import { createNetwork } from './support/factories.ts'
import { createGathering, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { inMinutes } from '#app/platform/time.ts'

const run = promisify(execFile)

test.each(DIALECTS)('three processes racing for the last seats and running reminders on %s', async (dialect) => {
	const { db, url, drop } = await createTestDatabase(dialect)
	const outbox = mkdtempSync(path.join(tmpdir(), 'knute-race-'))
	try {
		const networkId = await createNetwork(db, { slug: 'test' })
		const capacity = 25
		const gatheringId = await createGathering(
			db,
			networkId,
			// Tomorrow: the reminders are due.
			{ title: 'Kappløpet', description: '', location: 'Lillehammer', starts_at: inMinutes(24 * 60), ends_at: inMinutes(25 * 60), audience: 'open', capacity, registration_deadline: null },
			[],
		)
		await updateGathering(db, gatheringId, { status: 'published' })
		const perProcess = 20
		await Promise.all(
			[0, 1, 2].map((p) => run(process.execPath, ['tests/support/race-worker.ts', url, String(networkId), String(gatheringId), String(p * perProcess), String(perProcess), outbox])),
		)

		const registrations = await db.selectFrom('registration').select(['email', 'status', 'reminder_sent_at']).where('gathering_id', '=', gatheringId).execute()
		expect(registrations).toHaveLength(3 * perProcess)
		expect(registrations.filter((r) => r.status === 'registered')).toHaveLength(capacity)
		expect(registrations.filter((r) => r.status === 'waitlisted')).toHaveLength(3 * perProcess - capacity)
		expect(registrations.filter((r) => r.status === 'registered').every((r) => r.reminder_sent_at !== null)).toBe(true)

		// Every message in the outbox was sent, each exactly once.
		const files = readdirSync(outbox)
		const outboxRows = await db.selectFrom('outbox').select(['id', 'status']).execute()
		expect(outboxRows.every((m) => m.status === 'sent')).toBe(true)
		expect(files).toHaveLength(outboxRows.length)
		const sent = files.map((f) => {
			const message = readFileSync(path.join(outbox, f), 'utf8')
			return `${/^To: (.+)$/m.exec(message)![1]} ${/^Subject: (.+)$/m.exec(message)![1]}`
		})
		expect(new Set(sent).size).toBe(sent.length)
		// One confirmation per registration and one reminder per seat, no more.
		const reminders = await db.selectFrom('outbox').select('recipient').where('subject', 'like', 'Påminnelse%').execute()
		expect(reminders).toHaveLength(capacity)
		expect(new Set(reminders.map((r) => r.recipient)).size).toBe(capacity)
		expect(outboxRows).toHaveLength(3 * perProcess + capacity)
	} finally {
		rmSync(outbox, { recursive: true, force: true })
		await drop()
	}
}, 60_000)
