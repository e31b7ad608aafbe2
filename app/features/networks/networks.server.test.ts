import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork } from '#tests/support/factories.ts'
import { createGathering, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { inMinutes } from '#app/platform/time.ts'
import { getNetworkBySlug, getNetworkFrontPage } from './networks.server.ts'

for (const dialect of DIALECTS) {
	describe(`a network's public page on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		const gathering = async (networkId: number, title: string, startsInDays: number, status: 'draft' | 'published') => {
			const starts = inMinutes(startsInDays * 24 * 60)
			const id = await createGathering(db, networkId, { title, description: '', location: 'Lillehammer', starts_at: starts, ends_at: inMinutes(startsInDays * 24 * 60 + 120), audience: 'open', capacity: null, registration_deadline: null }, [])
			if (status === 'published') await updateGathering(db, id, { status })
		}

		test('shows its goals in order, the next three published gatherings, news already out, its partners and how many members', async () => {
			const networkId = await createNetwork(db, { slug: 'ikt' })
			const other = await createNetwork(db)
			await db
				.insertInto('network_goal')
				.values([
					{ network_id: networkId, position: 2, title_nb: 'Andre mål', title_en: 'Second goal' },
					{ network_id: networkId, position: 1, title_nb: 'Første mål', title_en: 'First goal' },
					{ network_id: other, position: 1, title_nb: 'Et annet nettverks mål', title_en: '-' },
				])
				.execute()
			await gathering(networkId, 'Forrige', -3, 'published')
			await gathering(networkId, 'Om fire uker', 28, 'published')
			await gathering(networkId, 'Om en uke', 7, 'published')
			await gathering(networkId, 'Utkast', 2, 'draft')
			await gathering(networkId, 'Om to uker', 14, 'published')
			await gathering(networkId, 'Om tre uker', 21, 'published')
			await gathering(other, 'Et annet nettverks samling', 1, 'published')
			await db
				.insertInto('news')
				.values([
					{ network_id: networkId, title: 'Eldre', body: '', published_at: inMinutes(-120) },
					{ network_id: networkId, title: 'Ute', body: '', published_at: inMinutes(-60) },
					{ network_id: networkId, title: 'Kommer i morgen', body: '', published_at: inMinutes(24 * 60) },
				])
				.execute()
			await createCompany(db, networkId, { name: 'Medlem AS' })
			await createCompany(db, networkId, { name: 'Medlem To AS' })
			const partner = await createCompany(db, networkId, { name: 'Høgskolen', kind: 'research' })
			const municipality = await createCompany(db, networkId, { name: 'Gjøvik kommune', kind: 'municipality' })
			await db.updateTable('network_organisation').set({ status: 'partner' }).where('organisation_id', 'in', [partner, municipality]).execute()
			await createCompany(db, other, { name: 'Et annet nettverks medlem AS' })

			const page = await getNetworkFrontPage(db, dialect, networkId)
			expect(page.goals.map((g) => g.title_nb)).toEqual(['Første mål', 'Andre mål'])
			expect(page.gatherings.map((g) => g.title)).toEqual(['Om en uke', 'Om to uker', 'Om tre uker'])
			expect(page.news.map((n) => n.title)).toEqual(['Ute', 'Eldre'])
			expect(page.partners).toEqual([
				{ id: municipality, name: 'Gjøvik kommune', kind: 'municipality' },
				{ id: partner, name: 'Høgskolen', kind: 'research' },
			])
			expect(page.gatherings[0]).toEqual({ id: expect.any(Number), title: 'Om en uke', starts_at: expect.any(String), location: 'Lillehammer', audience: 'open' })
			expect(page.memberCount).toBe(2)

			expect((await getNetworkBySlug(db, 'ikt'))?.id).toBe(networkId)
			expect(await getNetworkBySlug(db, 'finnes-ikke')).toBeUndefined()
		})
	})
}
