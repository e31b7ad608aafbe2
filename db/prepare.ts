import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Env } from '#app/platform/env.server.ts'
import { createDatabase, migrateToLatest } from './index.ts'

/** The database the environment names: `DATABASE_URL`, else `knute.sqlite` in `DATA_DIR`. */
export function openDatabase(env: Env) {
	mkdirSync(env.DATA_DIR, { recursive: true })
	return createDatabase(env.DATABASE_URL ?? path.join(env.DATA_DIR, 'knute.sqlite'))
}

/**
 * Brings the schema up to date and seeds the demo network on an empty database.
 * Light to load (the seed only when asked for), so that the primary of several
 * processes can run it before it starts them.
 */
export async function prepareDatabase(env: Env) {
	const { db } = openDatabase(env)
	await migrateToLatest(db)
	if (env.SEED_DEMO === 'true') await (await import('./seed.ts')).seedDemo(db)
	await db.destroy()
}
