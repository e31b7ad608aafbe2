import { afterEach, describe, expect, test } from 'vitest'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { assertGenerated, generate, SCALES } from './generate.ts'
import { seedDemo } from './seed.ts'

for (const dialect of DIALECTS) {
	describe(`the benchmark data generator on ${dialect}`, () => {
		const drops: (() => Promise<void>)[] = []
		afterEach(async () => {
			for (const drop of drops.splice(0)) await drop()
		})
		async function database() {
			const { db, drop } = await createTestDatabase(dialect)
			drops.push(drop)
			return db
		}
		const count = async (db: Awaited<ReturnType<typeof database>>, table: 'network' | 'organisation' | 'person' | 'gathering' | 'registration' | 'idea' | 'effort_entry' | 'outbox' | 'knowledge_partner' | 'partner_activity' | 'idea_knowledge_partner' | 'competence_initiative') =>
			Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

		test('fills the regional shape through the data functions, the same for the same seed, and marks it', async () => {
			const [first, second] = [await database(), await database()]
			const lines: string[] = []
			await generate(first, { scale: 'regional', seed: 7, log: (line) => lines.push(line) })
			await generate(second, { scale: 'regional', seed: 7 })

			const shape = SCALES.regional
			expect(await count(first, 'network')).toBe(1)
			// The member companies, two of the country's institutions and one abroad, all three in the register of knowledge partners.
			expect(await count(first, 'organisation')).toBe(shape.organisationsPerNetwork + 3)
			const partners = await first.selectFrom('knowledge_partner as kp').innerJoin('organisation as o', 'o.id', 'kp.organisation_id').select(['o.name', 'o.org_number', 'kp.country']).orderBy('o.name').execute()
			expect(partners.map((p) => [p.name, p.country, p.org_number !== null])).toEqual([
				['NTNU', 'NO', true],
				['Tallinn University of Technology', 'EE', false],
				['Universitetet i Sørøst-Norge', 'NO', true],
			])
			expect(await count(first, 'idea_knowledge_partner')).toBe(1)
			expect(await count(first, 'competence_initiative')).toBe(shape.initiativesPerNetwork)
			expect(await count(first, 'person')).toBe(shape.organisationsPerNetwork * shape.peoplePerOrganisation)
			expect(await count(first, 'gathering')).toBe(shape.gatheringsPerNetwork)
			expect(await count(first, 'registration')).toBeGreaterThan(shape.gatheringsPerNetwork * shape.registrationsPerGathering * 0.9)
			expect(await count(first, 'idea')).toBe(shape.ideasPerNetwork)
			expect(await count(first, 'effort_entry')).toBeGreaterThan(0)
			// Confirmations and reminders of made-up people are never sent.
			expect(await count(first, 'outbox')).toBe(0)
			expect(lines.at(-1)).toMatch(/^1\/1 networks, 20 organisations, 200 people/)

			const people = (db: typeof first) => db.selectFrom('person').select(['name', 'email', 'competences']).orderBy('id').execute()
			expect(await people(second)).toEqual(await people(first))
			const log = (db: typeof first) => db.selectFrom('partner_activity').select(['organisation_id', 'occurred_on', 'stage']).orderBy('id').execute()
			expect(await log(second)).toEqual(await log(first))
			await expect(assertGenerated(first, 'regional', 'the test database')).resolves.toBeUndefined()
			await expect(assertGenerated(first, 'national', 'the test database')).rejects.toThrow('the test database is not a generated national data set')
		})

		test('refuses a database with data in it, and the benchmark refuses one it did not make', async () => {
			const db = await database()
			await seedDemo(db)
			const networks = await count(db, 'network')
			await expect(generate(db, { scale: 'regional', seed: 1 })).rejects.toThrow('The database is not empty')
			expect(await count(db, 'network')).toBe(networks)
			await expect(assertGenerated(db, 'regional', 'data/bench/regional.sqlite')).rejects.toThrow(
				'data/bench/regional.sqlite is not a generated regional data set; the benchmark runs only against its own data.',
			)
		})
	})
}
