import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { acceptAgreement, getCurrentAgreement, inviteToCommit, publishAgreement } from '#app/features/commitment/agreements.server.ts'
import { approveEffort, logEffort } from '#app/features/commitment/effort.server.ts'
import { createInvoice, markInvoice } from '#app/features/commitment/invoices.server.ts'
import { createGathering, getGathering, registerForGathering, setCheckedIn, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { inMinutes } from '#app/platform/time.ts'
import { funderReport } from './funder-report.server.ts'

for (const dialect of DIALECTS) {
	describe(`the report to the funder on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
		})
		afterEach(() => drop())
		const networkOf = (id: number) => db.selectFrom('network').select(['id', 'slug', 'name', 'name_en', 'created_at']).where('id', '=', id).executeTakeFirstOrThrow()

		test('without an agreement, only the goals', async () => {
			const network = await networkOf(await createNetwork(db))
			const leader = await createPerson(db, network.id, { roles: ['project_leader'] })
			const report = await funderReport(db, { network, viewer: { personId: leader, organisationId: null, roles: ['project_leader'] } })
			expect(report.plan).toBeNull()
			expect(report.goals.progress.acquaintance.pairs).toBe(0)
		})

		test("the agreement's plan for the companies that accepted it, against what is done in its period", async () => {
			const network = await networkOf(await createNetwork(db, { slug: 'ikt', name: 'IKT', name_en: 'ICT' }))
			const leader = await createPerson(db, network.id, { roles: ['project_leader'] })
			const by = { networkId: network.id, actorId: leader }
			await publishAgreement(db, by, { title: 'Avtale', body: 'Tekst', period_start: '2026-01-01T00:00:00.000Z', period_end: '2026-12-31T00:00:00.000Z', egenandel_nok: 10_000, hours_per_year: 40, gatherings_per_year: 4 })
			// A and B accept the agreement; C is a member that has not.
			const company = async (name: string) => {
				const id = await createCompany(db, network.id, { name })
				const contact = await createPerson(db, network.id, { email: `kontakt@${name[0]}.no`, roles: ['company_contact'], organisation_id: id })
				const colleague = await createPerson(db, network.id, { email: `kollega@${name[0]}.no`, roles: ['member'], organisation_id: id })
				return { id, contact, colleague }
			}
			const [a, b, c] = [await company('A AS'), await company('B AS'), await company('C AS')]
			await db.updateTable('network_organisation').set({ status: 'prospect' }).where('organisation_id', 'in', [a.id, b.id]).execute()
			await inviteToCommit(db, { network, actorId: leader, origin: 'http://localhost' }, { organisationIds: [a.id, b.id], deadline: inMinutes(60 * 24 * 14) })
			const agreement = (await getCurrentAgreement(db, network.id))!
			for (const x of [a, b]) {
				expect(await acceptAgreement(db, { networkId: network.id, person: { id: x.contact, organisationId: x.id, isContact: true } }, { agreementId: agreement.id, hash: agreement.hash, signer_name: 'Kontakt', signer_title: 'Daglig leder' })).toHaveProperty('acceptanceId')
			}
			// Approved effort in the period counts; a day before it, or an entry not approved, does not.
			const effort = async (x: typeof a, date: string, minutes: number, approve: boolean) => {
				const entry = await logEffort(db, { networkId: network.id, person: { id: x.colleague, organisationId: x.id } }, { date, minutes, activity: 'workshop', gathering_id: null, description: 'Arbeid' })
				if (approve && 'id' in entry) expect(await approveEffort(db, { networkId: network.id, approver: { id: x.contact, organisationId: x.id, isContact: true } }, entry.id)).toEqual({ ok: true })
			}
			await effort(a, '2026-03-10', 120, true)
			await effort(a, '2025-12-31', 600, true)
			await effort(b, '2026-04-01', 60, false)
			await effort(c, '2026-05-01', 30, true)
			// A has paid its contribution; B's is invoiced.
			const paid = await createInvoice(db, by, { organisation_id: a.id, period: '2026', amount_nok: 10_000, due_date: '2026-02-01' })
			await createInvoice(db, by, { organisation_id: b.id, period: '2026', amount_nok: 10_000, due_date: '2026-02-01' })
			await markInvoice(db, by, (paid as { id: number }).id, 'paid')
			// One gathering held in the period, two people checked in; one held before it, one cancelled.
			const gathering = async (title: string, startsAt: string, status: 'published' | 'cancelled', present: { email: string; name: string }[]) => {
				const id = await createGathering(db, network.id, { title, description: '', location: 'Lillehammer', starts_at: inMinutes(60 * 24), ends_at: inMinutes(60 * 25), audience: 'open', capacity: null, registration_deadline: null }, [])
				await updateGathering(db, id, { status: 'published' })
				const open = (await getGathering(db, { networkId: network.id, gatheringId: id }))!
				for (const p of present) await registerForGathering(db, { network, gathering: open, origin: 'http://localhost', lang: 'nb' }, { ...p, phone: '', company: 'A AS', org_number: '', job_title: '', dietary: '', show_in_attendance: true, person_id: null, organisation_id: null })
				for (const r of await db.selectFrom('registration').select('id').where('gathering_id', '=', id).execute()) await setCheckedIn(db, { gatheringId: id, registrationId: r.id, present: true })
				await db.updateTable('gathering').set({ starts_at: startsAt, status }).where('id', '=', id).execute()
			}
			await gathering('Vårsamling', '2026-05-05T08:00:00.000Z', 'published', [{ email: 'en@x.no', name: 'En' }, { email: 'to@x.no', name: 'To' }])
			await gathering('Oppstart', '2025-11-05T08:00:00.000Z', 'published', [{ email: 'tre@x.no', name: 'Tre' }])
			await gathering('Avlyst', '2026-06-05T08:00:00.000Z', 'cancelled', [])

			const viewer = { personId: leader, organisationId: null, roles: ['project_leader'] as Role[] }
			const report = await funderReport(db, { network, viewer })
			expect(report.plan).toEqual({ version: 1, from: '2026-01-01', to: '2026-12-31', companies: 2, gatherings: 4, hours: 80, contribution: 20_000 })
			expect(report.plan && report.done).toEqual({
				gatherings: [{ title: 'Vårsamling', starts_at: '2026-05-05T08:00:00.000Z', present: 2 }],
				present: 2,
				// A's two hours and C's half hour, at the network's rate of 500 kr an hour.
				hours: 2.5,
				valueNok: 1_250,
				invoiced: 20_000,
				paid: 10_000,
			})
			expect(report.plan && report.companies).toEqual([
				{ name: 'A AS', hours: 2, planned: 40 },
				{ name: 'B AS', hours: 0, planned: 40 },
			])
		})
	})
}
