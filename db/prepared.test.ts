import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { sql, type Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createNetwork } from '#tests/support/factories.ts'
import { prepared } from './prepared.ts'

for (const dialect of DIALECTS) {
	describe(`a prepared query on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		test('is built once a database and answers each call with its own values', async () => {
			await createNetwork(db, { slug: 'forste', region: 'Innlandet' })
			await createNetwork(db, { slug: 'andre', region: 'Innlandet' })
			await createNetwork(db, { slug: 'tredje', region: 'Troms' })
			let builds = 0
			// A value used twice, one written into the query (the phase), a limit as a value.
			const inRegion = prepared((db, p: { region: string; other: string; limit: number }) => {
				builds++
				return db
					.selectFrom('network')
					.select('slug')
					.where((eb) => eb.or([eb('region', '=', p.region), eb('name', '=', p.region), eb('slug', '=', p.other)]))
					.where('phase', '=', 'pre_project')
					.orderBy('slug')
					.limit(p.limit)
			})
			expect(await inRegion(db, { region: 'Innlandet', other: '-', limit: 10 })).toEqual([{ slug: 'andre' }, { slug: 'forste' }])
			expect(await inRegion(db, { region: 'Troms', other: 'forste', limit: 10 })).toEqual([{ slug: 'forste' }, { slug: 'tredje' }])
			expect(await inRegion(db, { region: 'Innlandet', other: '-', limit: 1 })).toEqual([{ slug: 'andre' }])
			expect(await inRegion(db, { region: 'Finnmark', other: '-', limit: 10 })).toEqual([])
			expect(builds).toBe(1)
			// A transaction is a database of its own for the query: built for it, sees its writes.
			await db.transaction().execute(async (trx) => {
				await createNetwork(trx, { slug: 'fjerde', region: 'Finnmark' })
				expect(await inRegion(trx, { region: 'Finnmark', other: '-', limit: 10 })).toEqual([{ slug: 'fjerde' }])
			})
			expect(builds).toBe(2)
		})

		test("never reads what another caller's open transaction has written and then rolls back", async () => {
			const bySlug = prepared((db, p: { slug: string }) => db.selectFrom('network').select('slug').where('slug', '=', p.slug))
			let written!: () => void
			let rollBack!: () => void
			const transaction = db
				.transaction()
				.execute(async (trx) => {
					await createNetwork(trx, { slug: 'angret' })
					written()
					await new Promise<void>((resolve) => (rollBack = resolve))
					throw new Error('rolled back')
				})
				.catch((error: Error) => error.message)
			await new Promise<void>((resolve) => (written = resolve))
			// Asked for while the transaction holds its write; answered only after it has ended.
			const read = bySlug(db, { slug: 'angret' })
			const early = await Promise.race([read.then(() => 'answered'), new Promise((resolve) => setTimeout(resolve, 50, 'waiting'))])
			rollBack()
			expect(await transaction).toBe('rolled back')
			expect(await read).toEqual([])
			// SQLite has one connection, so the read waits its turn (PostgreSQL reads on another one).
			if (dialect === 'sqlite') expect(early).toBe('waiting')
		})

		test('passes a value in a raw SQL fragment as a parameter, never as text', async () => {
			await createNetwork(db, { slug: 'o-brien' })
			const bySlug = prepared((db, p: { slug: string }) => db.selectFrom('network').select('slug').where(sql<boolean>`slug = ${p.slug}`))
			expect(await bySlug(db, { slug: 'o-brien' })).toEqual([{ slug: 'o-brien' }])
			expect(await bySlug(db, { slug: "' or '1'='1" })).toEqual([])
		})

		test('refuses a builder that writes a value into the query instead of passing it on', async () => {
			const byText = prepared((db, p: { region: string }) => db.selectFrom('network').select('slug').where('name', 'like', `%${p.region}%`))
			await expect(byText(db, { region: 'Innlandet' })).rejects.toThrow('A prepared query must pass its value "region" on')
		})
	})
}
