import { Kysely, PostgresDialect } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import pg from 'pg'
import { createSqliteDialect, runsAtOnce } from './sqlite.ts'
import type { DB } from './schema.ts'
import * as foundation from './migrations/2026-11-26-0001-foundation.ts'
import * as gatherings from './migrations/2026-11-26-0002-gatherings.ts'
import * as commitment from './migrations/2026-11-26-0003-commitment.ts'
import * as ideas from './migrations/2026-11-26-0004-ideas.ts'
import * as acquaintance from './migrations/2026-11-26-0005-acquaintance.ts'
import * as lookupIndexes from './migrations/2026-11-27-0006-lookup-indexes.ts'
import * as searchWordsPerNetwork from './migrations/2026-12-03-0007-search-words-per-network.ts'
import * as readingLanguage from './migrations/2026-12-04-0008-reading-language.ts'
import * as knowledgePartners from './migrations/2026-12-04-0009-knowledge-partners.ts'
import * as competenceInitiatives from './migrations/2026-12-04-0010-competence-initiatives.ts'
import * as ideasAndPartners from './migrations/2026-12-04-0011-ideas-and-partners.ts'
import * as mainProject from './migrations/2026-12-04-0012-main-project.ts'
import * as competenceTerms from './migrations/2026-12-04-0013-competence-terms.ts'
import * as surveys from './migrations/2026-12-04-0014-surveys.ts'

export type { DB } from './schema.ts'
export type Dialect = 'sqlite' | 'postgres'

/** Migrations by name, in order. Bundled explicitly so the built server needs no folder scan. */
const migrations: Record<string, Migration> = {
	'2026-11-26-0001-foundation': foundation,
	'2026-11-26-0002-gatherings': gatherings,
	'2026-11-26-0003-commitment': commitment,
	'2026-11-26-0004-ideas': ideas,
	'2026-11-26-0005-acquaintance': acquaintance,
	'2026-11-27-0006-lookup-indexes': lookupIndexes,
	'2026-12-03-0007-search-words-per-network': searchWordsPerNetwork,
	'2026-12-04-0008-reading-language': readingLanguage,
	'2026-12-04-0009-knowledge-partners': knowledgePartners,
	'2026-12-04-0010-competence-initiatives': competenceInitiatives,
	'2026-12-04-0011-ideas-and-partners': ideasAndPartners,
	'2026-12-04-0012-main-project': mainProject,
	'2026-12-04-0013-competence-terms': competenceTerms,
	'2026-12-04-0014-surveys': surveys,
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
		const pool = new pg.Pool({ connectionString: url, max: 10, Client: PreparingClient })
		// An idle connection the server closes (a restart, a dropped test database)
		// must not bring the process down; the pool makes a new one when needed.
		pool.on('error', (error: Error & { code?: string }) => {
			if (error.code !== '57P01') console.error('database connection lost:', error.message)
		})
		return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' }
	}
	const { dialect, runAtOnce } = createSqliteDialect(url.replace(/^file:/, ''))
	const db = new Kysely<DB>({ dialect })
	runsAtOnce.set(db, runAtOnce)
	return { db, dialect: 'sqlite' }
}

/**
 * Kysely sends the same SQL text for the same query shape. A query with
 * parameters goes as a named prepared statement, so each connection has
 * PostgreSQL parse and plan it once, not at every call. The names are bounded
 * (query shapes with lists of varying length make new texts); past the bound,
 * statements go unnamed as before.
 */
const statementNames = new Map<string, string>()
class PreparingClient extends pg.Client {
	// pg's query() has many overloads; this passes every call on unchanged but one.
	override query(text: unknown, values?: unknown, callback?: unknown): any {
		if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
			let name = statementNames.get(text)
			if (!name && statementNames.size < 500) statementNames.set(text, (name = `k${statementNames.size}`))
			if (name) return super.query({ name, text, values }, callback as never)
		}
		return super.query(text as never, values as never, callback as never)
	}
}

/** Brings the schema up to date; safe to run at every start and from several processes on PostgreSQL. */
export async function migrateToLatest(db: Kysely<DB>) {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
	const { error } = await migrator.migrateToLatest()
	if (error) throw error
}
