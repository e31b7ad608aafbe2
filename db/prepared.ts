import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { DB } from './schema.ts'
import { runsAtOnce } from './sqlite.ts'

const slot = Symbol('value')
type Slot = { [slot]: PropertyKey; [Symbol.toPrimitive]: () => never }
const isSlot = (value: unknown): value is Slot => typeof value === 'object' && value !== null && slot in value
const looksAt = (name: PropertyKey): never => {
	throw new TypeError(`A prepared query must pass its value "${String(name)}" on, not use it to build the query`)
}

/**
 * A query whose SQL does not depend on its values, built and compiled by Kysely
 * once for each database; a call only puts its values in. For the queries
 * behind every page, where building the query costs more than running it
 * (decision 018). `build` must pass the values on, never look at them: at
 * build time each is a stand-in that marks its place among the parameters.
 * @example
 * const networkBySlug = prepared((db, p: { slug: string }) => db.selectFrom('network').select('id').where('slug', '=', p.slug))
 * const [network] = await networkBySlug(db, { slug: 'ikt-lillehammer' })
 */
export function prepared<P extends Record<string, unknown>, Row>(build: (db: Kysely<DB>, p: P) => Compilable<Row>) {
	// One compilation a database (and so a dialect); a transaction's compilation goes with it.
	const compiled = new WeakMap<Kysely<DB>, CompiledQuery<Row>>()
	const stand = new Proxy({}, { get: (_, name): Slot => ({ [slot]: name, [Symbol.toPrimitive]: () => looksAt(name) }) }) as P
	return async (db: Kysely<DB>, values: P): Promise<Row[]> => {
		let query = compiled.get(db)
		if (!query) compiled.set(db, (query = build(db, stand).compile()))
		const parameters = query.parameters.map((value) => (isSlot(value) ? values[value[slot] as keyof P] : value))
		// On SQLite a select runs at once unless a transaction holds the connection.
		const rows = runsAtOnce.get(db)?.(query.sql, parameters)
		return (rows as Row[] | undefined) ?? (await db.executeQuery<Row>({ ...query, parameters })).rows
	}
}
