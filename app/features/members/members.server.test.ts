import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { getAdminOverview, invitePerson } from './members.server.ts'

for (const dialect of DIALECTS) {
	describe(`the network's people on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())

		test('counts the network and lists members without a contact and prospects, by name', async () => {
			const networkId = await createNetwork(db)
			const other = await createNetwork(db)
			const contacted = await createCompany(db, networkId, { name: 'Alfa AS' })
			const lonely = await createCompany(db, networkId, { name: 'Bravo AS' })
			const leaderless = await createCompany(db, networkId, { name: 'Alfa Bravo AS' })
			const prospect = await createCompany(db, networkId, { name: 'Charlie AS' })
			await db.updateTable('network_organisation').set({ status: 'prospect' }).where('organisation_id', '=', prospect).execute()
			await createPerson(db, networkId, { organisation_id: contacted, roles: ['member', 'company_contact'] })
			await createPerson(db, networkId, { organisation_id: leaderless, roles: ['member'] })
			// A contact in another network does not count here.
			await createPerson(db, other, { organisation_id: lonely, roles: ['member', 'company_contact'] })

			expect(await getAdminOverview(db, networkId)).toEqual({
				organisations: 4,
				people: 2,
				withoutContact: [
					{ id: leaderless, name: 'Alfa Bravo AS' },
					{ id: lonely, name: 'Bravo AS' },
				],
				prospects: [{ id: prospect, name: 'Charlie AS' }],
			})
			expect(await getAdminOverview(db, other)).toEqual({ organisations: 0, people: 1, withoutContact: [], prospects: [] })
		})

		test("someone new is invited in the inviting page's language and keeps it; someone already in Knute in their own", async () => {
			const network = { slug: 'ikt', name: 'IKT-nettverket', name_en: 'The ICT network' }
			const id = await createNetwork(db, network)
			const leader = await createPerson(db, id, { name: 'Lise Leder', roles: ['project_leader'] })
			await createPerson(db, await createNetwork(db), { name: 'Per', email: 'per@dalkode.no' })
			const by = { network: { id, ...network }, inviter: { personId: leader, name: 'Lise Leder' }, origin: 'http://localhost', lang: 'en' as const }
			await invitePerson(db, by, { name: 'Mari', email: 'mari@fjellkode.no', organisation_id: null, role: 'member' })
			await invitePerson(db, by, { name: 'Per', email: 'per@dalkode.no', organisation_id: null, role: 'member' })
			const mails = await db.selectFrom('outbox').select(['recipient', 'subject', 'body_text']).orderBy('id').execute()
			expect(mails.map((m) => [m.recipient, m.subject])).toEqual([
				['mari@fjellkode.no', 'Invitation to The ICT network'],
				['per@dalkode.no', 'Invitasjon til IKT-nettverket'],
			])
			expect(mails[0]!.body_text).toContain('Lise Leder has invited you to The ICT network on Knute.')
			expect((await db.selectFrom('person').select(['email', 'lang']).where('email', 'in', ['mari@fjellkode.no', 'per@dalkode.no']).orderBy('email').execute())).toEqual([
				{ email: 'mari@fjellkode.no', lang: 'en' },
				{ email: 'per@dalkode.no', lang: 'nb' },
			])
		})
	})
}
