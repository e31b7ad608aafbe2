import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { sql, type Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { createDatabase } from '#db/index.ts'
import { createTestDatabase } from '#tests/support/databases.ts'
import { createNetwork } from '#tests/support/factories.ts'

describe('queries on PostgreSQL', () => {
	let db: Kysely<DB>
	let drop: () => Promise<void>
	beforeEach(async () => {
		;({ db, drop } = await createTestDatabase('postgres'))
	})
	afterEach(() => drop())

	test('a query with parameters is prepared once a connection and answers each call with its own values', async () => {
		const first = await createNetwork(db, { slug: 'forste' })
		const second = await createNetwork(db, { slug: 'andre' })
		const slugOf = (trx: Kysely<DB>, id: number) => trx.selectFrom('network').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
		// One transaction is one connection: the statements it prepared are there to see.
		await db.transaction().execute(async (trx) => {
			expect(await slugOf(trx, first)).toEqual({ slug: 'forste' })
			expect(await slugOf(trx, second)).toEqual({ slug: 'andre' })
			const prepared = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like ${'%from "network" where "id" = $1'}`.execute(trx)
			expect(prepared.rows[0]!.n).toBe(1)
		})
	})

	test('a statement that fails leaves the connection and the statement usable', async () => {
		await createNetwork(db, { slug: 'lik' })
		const insert = () => createNetwork(db, { slug: 'lik' })
		await expect(insert()).rejects.toThrow(/unique|duplicate/i)
		await expect(insert()).rejects.toThrow(/unique|duplicate/i)
		expect(await db.selectFrom('network').select('slug').where('slug', '=', 'lik').execute()).toEqual([{ slug: 'lik' }])
	})
})

describe('queries on SQLite', () => {
	let db: Kysely<DB>
	let url: string
	let drop: () => Promise<void>
	beforeEach(async () => {
		;({ db, url, drop } = await createTestDatabase('sqlite'))
	})
	afterEach(() => drop())

	const slugs = (on: Kysely<DB>) => on.selectFrom('network').select('slug').orderBy('slug').execute()
	const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

	test("a turn of the event loop reads one snapshot; the next turn sees other processes' writes", async () => {
		await createNetwork(db, { slug: 'a' })
		const other = createDatabase(url).db
		try {
			expect(await slugs(db)).toEqual([{ slug: 'a' }])
			await createNetwork(other, { slug: 'b' })
			expect(await slugs(db)).toEqual([{ slug: 'a' }])
			await nextTurn()
			expect(await slugs(db)).toEqual([{ slug: 'a' }, { slug: 'b' }])
		} finally {
			await other.destroy()
		}
	})

	test('its own writes, and transactions, follow reads in the same turn', async () => {
		expect(await slugs(db)).toEqual([])
		await createNetwork(db, { slug: 'a' })
		expect(await slugs(db)).toEqual([{ slug: 'a' }])
		await db.transaction().execute((trx) => createNetwork(trx, { slug: 'b' }))
		expect(await slugs(db)).toEqual([{ slug: 'a' }, { slug: 'b' }])
	})

	test('a query waits while a transaction has the connection, and queries take it in the order they asked', async () => {
		const order: string[] = []
		let inside!: () => void
		const transactionStarted = new Promise<void>((resolve) => (inside = resolve))
		const rolledBack = db
			.transaction()
			.execute(async (trx) => {
				await createNetwork(trx, { slug: 'in-the-transaction' })
				inside()
				await new Promise((resolve) => setTimeout(resolve, 20))
				throw new Error('undo')
			})
			.catch((error: Error) => order.push(`transaction: ${error.message}`))
		await transactionStarted
		// Asked for while the transaction is open: were they let in, the rollback would take the first with it.
		const outside = [
			createNetwork(db, { slug: 'outside' }).then(() => order.push('write')),
			slugs(db).then((rows) => order.push(`read ${rows.map((row) => row.slug).join(',')}`)),
		]
		await Promise.all([rolledBack, ...outside])
		expect(order).toEqual(['transaction: undo', 'write', 'read outside'])
		expect(await slugs(db)).toEqual([{ slug: 'outside' }])
	})
})
