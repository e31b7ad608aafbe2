import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createTransport, deliverDueMail, enqueueMail } from './mail.server.ts'

for (const dialect of DIALECTS) {
	describe(`outbox on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let dir: string
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			dir = mkdtempSync(path.join(tmpdir(), 'knute-outbox-'))
		})
		afterEach(async () => {
			await drop()
			rmSync(dir, { recursive: true, force: true })
		})

		test('each message is sent exactly once, even by several workers at the same time', async () => {
			for (let i = 0; i < 12; i++) await enqueueMail(db, { to: `p${i}@bedrift.no`, subject: `Emne ${i}`, text: 'Hei, Æøå!' })
			const transport = createTransport({ outboxDir: dir })
			const sent = await Promise.all([1, 2, 3].map(() => deliverDueMail(db, transport, 'Knute <knute@test.no>')))
			expect(sent.reduce((a, b) => a + b, 0)).toBe(12)
			expect(readdirSync(dir)).toHaveLength(12)
			const first = readFileSync(path.join(dir, readdirSync(dir).sort()[0]!), 'utf8')
			expect(first).toMatch(/^To: p0@bedrift.no$/m)
			expect(first).toMatch(/^Subject: Emne 0$/m)
			expect(await deliverDueMail(db, transport, 'Knute <knute@test.no>')).toBe(0)
		})

		test('a message the SMTP server does not take is kept and retried later', async () => {
			await enqueueMail(db, { to: 'kari@bedrift.no', subject: 'Hei', text: 'Tekst' })
			// Nothing listens on port 9 of this machine: the connection is refused.
			const smtp = createTransport({ smtpUrl: 'smtp://127.0.0.1:9', outboxDir: dir })
			expect(await deliverDueMail(db, smtp, 'knute@test.no')).toBe(0)
			const mail = await db.selectFrom('outbox').select(['status', 'attempts', 'last_error', 'next_attempt_at']).executeTakeFirstOrThrow()
			expect(mail.status).toBe('pending')
			expect(mail.attempts).toBe(1)
			expect(mail.last_error).toMatch(/ECONNREFUSED/)
			expect(mail.next_attempt_at > new Date().toISOString()).toBe(true)
			// Not due yet: nothing is tried again at once.
			expect(await deliverDueMail(db, createTransport({ outboxDir: dir }), 'knute@test.no')).toBe(0)
		})
	})
}
