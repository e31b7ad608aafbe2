import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import type { Kysely } from 'kysely'
import { createDatabase, migrateToLatest, type DB, type Dialect } from '#db/index.ts'
import { withDatabase } from './global-setup.ts'

export const DIALECTS: Dialect[] = ['sqlite', 'postgres']

/**
 * A fresh, migrated database of the dialect, and a function that removes it.
 * SQLite: a new file. PostgreSQL: a copy of the migrated template database.
 */
export async function createTestDatabase(dialect: Dialect): Promise<{ db: Kysely<DB>; url: string; drop: () => Promise<void> }> {
	if (dialect === 'sqlite') {
		const dir = mkdtempSync(path.join(tmpdir(), 'knute-test-'))
		const url = path.join(dir, 'test.sqlite')
		const { db } = createDatabase(url)
		await migrateToLatest(db)
		return { db, url, drop: async () => (await db.destroy(), rmSync(dir, { recursive: true, force: true })) }
	}
	const serverUrl = inject('postgresUrl')
	const name = `knute_test_${randomBytes(6).toString('hex')}`
	const admin = new pg.Client({ connectionString: serverUrl })
	await admin.connect()
	await admin.query(`create database ${name} template knute_template`)
	await admin.end()
	const url = withDatabase(serverUrl, name)
	const { db } = createDatabase(url)
	return {
		db,
		url,
		async drop() {
			await db.destroy()
			const c = new pg.Client({ connectionString: serverUrl })
			await c.connect()
			await c.query(`drop database if exists ${name} with (force)`)
			await c.end()
		},
	}
}
