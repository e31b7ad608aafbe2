import { DatabaseSync } from 'node:sqlite'
import { SqliteDialect, type Kysely, type SqliteDatabase, type SqliteStatement } from 'kysely'
import type { DB } from './schema.ts'

/**
 * Kysely's SqliteDialect speaks the better-sqlite3 interface; node:sqlite's
 * statements take spread parameters and tell readers by their column list.
 * This adapter is all that stands between them (see docs/decisions/002).
 */
export function createSqliteDialect(file: string): { dialect: SqliteDialect; runAtOnce: RunAtOnce } {
	const database = new DatabaseSync(file)
	// WAL lets readers go on while one writer commits; NORMAL sync is safe with WAL.
	database.exec(
		'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000',
	)
	// Reads share one read transaction until the event loop's next turn: a
	// statement on its own takes and drops WAL's read lock, two system calls
	// each time (docs/decisions/025). Anything else ends it first.
	const begin = database.prepare('begin')
	const commit = database.prepare('commit')
	let reading = false
	const endRead = () => {
		if (!reading) return
		reading = false
		if (database.isTransaction) commit.run()
	}
	const beforeRead = () => {
		if (reading || database.isTransaction) return
		begin.run()
		reading = true
		setImmediate(endRead)
	}
	// Kysely sends the same SQL text for the same query shape: prepare it once.
	const statements = new Map<string, SqliteStatement>()
	const adapter: SqliteDatabase = {
		close: () => (endRead(), database.close()),
		prepare(sql): SqliteStatement {
			let cached = statements.get(sql)
			if (cached) return cached
			// A transaction takes the write lock when it begins, waiting for it as long
			// as busy_timeout allows. Begun as a reader, it could not become the writer
			// once another process had committed since (SQLITE_BUSY at once, no wait).
			// The portal's transactions are there to write, so nothing is lost.
			const statement = database.prepare(sql === 'begin' ? 'begin immediate' : sql)
			const columns = statement.columns()
			statement.setReturnArrays(true)
			const toRow = rowOf(columns.map((column) => column.name))
			const before = sql.startsWith('select ') ? beforeRead : endRead
			cached = {
				reader: columns.length > 0,
				all: (parameters) => (before(), statement.all(...(parameters as SqlValue[])).map(toRow)),
				run: (parameters) => (before(), statement.run(...(parameters as SqlValue[]))),
				// A stream may outlive the turn: it reads on its own.
				*iterate(parameters) {
					endRead()
					for (const values of statement.iterate(...(parameters as SqlValue[]))) yield toRow(values)
				},
			}
			if (statements.size < 2000) statements.set(sql, cached)
			return cached
		},
	}
	// A Kysely transaction holds the connection from its `begin immediate` to its end;
	// the read transaction of a turn is the only other kind.
	const runAtOnce: RunAtOnce = (sql, parameters) => (database.isTransaction && !reading ? undefined : adapter.prepare(sql).all(parameters))
	return { dialect: new SqliteDialect({ database: adapter }), runAtOnce }
}

/**
 * Runs a statement (a `select`, in practice) on an SQLite database's
 * connection at once and gives its rows, or `undefined` while a transaction
 * holds the connection: then the query must go through Kysely and wait its
 * turn. Kysely queues every query for the connection — a dozen promises and
 * async steps each, about 30 KB of a page's 390 KB of garbage — though
 * node:sqlite answers without waiting (docs/decisions/027). `prepared()` uses
 * it; `createDatabase` fills it.
 */
export type RunAtOnce = (sql: string, parameters: readonly unknown[]) => unknown[] | undefined
export const runsAtOnce = new WeakMap<Kysely<DB>, RunAtOnce>()

type SqlValue = null | number | bigint | string | Uint8Array

/**
 * Makes a statement's rows from its values, each row an object of one shape.
 * node:sqlite makes every row a dictionary of its own (a hash table without a
 * prototype), so each read of a column — in a loader, in the render, in the
 * loader data sent to the browser — was a lookup by name, and no code that
 * reads rows could specialise on their shape (docs/performance.md). Column
 * names come from our own SQL; none is `__proto__`.
 */
function rowOf(names: string[]) {
	const fields = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(', ')
	return new Function('values', `return { ${fields} }`) as (values: unknown) => Record<string, SqlValue>
}
