import { Kysely, PostgresDialect } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import pg from 'pg'
import { createSqliteDialect } from './sqlite.ts'
import type { DB } from './schema.ts'
import * as foundation from './migrations/2026-11-26-0001-foundation.ts'
import * as gatherings from './migrations/2026-11-26-0002-gatherings.ts'
import * as commitment from './migrations/2026-11-26-0003-commitment.ts'
import * as ideas from './migrations/2026-11-26-0004-ideas.ts'
import * as acquaintance from './migrations/2026-11-26-0005-acquaintance.ts'

export type { DB } from './schema.ts'
export type Dialect = 'sqlite' | 'postgres'

/** Migrations by name, in order. Bundled explicitly so the built server needs no folder scan. */
const migrations: Record<string, Migration> = {
	'2026-11-26-0001-foundation': foundation,
	'2026-11-26-0002-gatherings': gatherings,
	'2026-11-26-0003-commitment': commitment,
	'2026-11-26-0004-ideas': ideas,
	'2026-11-26-0005-acquaintance': acquaintance,
}

/**
 * Opens the database a URL names: `postgres://…` is PostgreSQL, anything else
 * a SQLite file path (`file:` prefix optional).
 * @example const { db } = createDatabase('data/knute.sqlite')
 */
export function createDatabase(url: string): { db: Kysely<DB>; dialect: Dialect } {
	if (/^postgres(ql)?:\/\//.test(url)) {
		// Integers come back as numbers: counts and ids stay far below 2^53.
		pg.types.setTypeParser(pg.types.builtins.INT8, Number)
		const pool = new pg.Pool({ connectionString: url, max: 10 })
		// An idle connection the server closes (a restart, a dropped test database)
		// must not bring the process down; the pool makes a new one when needed.
		pool.on('error', (error: Error & { code?: string }) => {
			if (error.code !== '57P01') console.error('database connection lost:', error.message)
		})
		return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' }
	}
	return { db: new Kysely<DB>({ dialect: createSqliteDialect(url.replace(/^file:/, '')) }), dialect: 'sqlite' }
}

/** Brings the schema up to date; safe to run at every start and from several processes on PostgreSQL. */
export async function migrateToLatest(db: Kysely<DB>) {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
	const { error } = await migrator.migrateToLatest()
	if (error) throw error
}
