import { DatabaseSync } from 'node:sqlite'
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely'

/**
 * Kysely's SqliteDialect speaks the better-sqlite3 interface; node:sqlite's
 * statements take spread parameters and tell readers by their column list.
 * This adapter is all that stands between them (see docs/decisions/002).
 */
export function createSqliteDialect(file: string) {
	const database = new DatabaseSync(file)
	// WAL lets readers go on while one writer commits; NORMAL sync is safe with WAL.
	database.exec(
		'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000',
	)
	// Kysely sends the same SQL text for the same query shape: prepare it once.
	const statements = new Map<string, SqliteStatement>()
	const adapter: SqliteDatabase = {
		close: () => database.close(),
		prepare(sql): SqliteStatement {
			let cached = statements.get(sql)
			if (cached) return cached
			// A transaction takes the write lock when it begins, waiting for it as long
			// as busy_timeout allows. Begun as a reader, it could not become the writer
			// once another process had committed since (SQLITE_BUSY at once, no wait).
			// The portal's transactions are there to write, so nothing is lost.
			const statement = database.prepare(sql === 'begin' ? 'begin immediate' : sql)
			cached = {
				reader: statement.columns().length > 0,
				all: (parameters) => statement.all(...(parameters as SqlValue[])),
				run: (parameters) => statement.run(...(parameters as SqlValue[])),
				iterate: (parameters) => statement.iterate(...(parameters as SqlValue[])),
			}
			if (statements.size < 2000) statements.set(sql, cached)
			return cached
		},
	}
	return new SqliteDialect({ database: adapter })
}

type SqlValue = null | number | bigint | string | Uint8Array
