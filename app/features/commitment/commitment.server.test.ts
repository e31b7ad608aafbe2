import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { inMinutes } from '#app/platform/time.ts'
import { acceptAgreement, commitmentHistories, getComposition, getCurrentAgreement, inviteToCommit, publishAgreement, sendCommitmentReminders, withdrawCompany, type AgreementInput } from './agreements.server.ts'
import { approveEffort, effortAgainstCommitment, effortTotals, listEffort, logEffort, updateEffort, valueOf } from './effort.server.ts'
import { createInvoice, listInvoices, markInvoice } from './invoices.server.ts'

const terms: AgreementInput = {
	title: 'Deltakeravtale',
	body: 'Bedriften deltar i nettverket.\n\nEgenandelen betales årlig.',
	period_start: '2027-01-01T00:00:00.000Z',
	period_end: '2027-12-31T00:00:00.000Z',
	egenandel_nok: 10_000,
	hours_per_year: 40,
	gatherings_per_year: 4,
}
const origin = 'http://localhost:3000'

for (const dialect of DIALECTS) {
	describe(`commitment on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let network: { id: number; slug: string; name: string; name_en: string }
		let leader: number
		let company: number
		let contact: number
		let colleague: number
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			const names = { slug: 'ikt', name: 'IKT-nettverket', name_en: 'The ICT network' }
			network = { id: await createNetwork(db, names), ...names }
			leader = await createPerson(db, network.id, { roles: ['project_leader'] })
			company = await createCompany(db, network.id, { name: 'Fjellkode AS', org_number: '923609016' })
			await db.updateTable('network_organisation').set({ status: 'prospect' }).where('organisation_id', '=', company).execute()
			contact = await createPerson(db, network.id, { name: 'Ingrid', email: 'ingrid@fjellkode.no', roles: ['company_contact'], organisation_id: company })
			colleague = await createPerson(db, network.id, { name: 'Ola', email: 'ola@fjellkode.no', roles: ['member'], organisation_id: company })
		})
		afterEach(() => drop())

		const by = () => ({ networkId: network.id, actorId: leader })
		const asContact = () => ({ id: contact, organisationId: company, isContact: true })

		test('the agreement lifecycle: invited, accepted with the version in force, member, withdrawn', async () => {
			const v1 = await publishAgreement(db, by(), terms)
			const { skipped } = await inviteToCommit(db, { network, actorId: leader, origin }, { organisationIds: [company], deadline: inMinutes(60 * 24 * 14) })
			expect(skipped).toEqual([])
			expect(await db.selectFrom('outbox').select('recipient').execute()).toEqual([{ recipient: 'ingrid@fjellkode.no' }])

			const current = (await getCurrentAgreement(db, network.id))!
			// Someone who is not the company's contact cannot accept.
			expect(await acceptAgreement(db, { networkId: network.id, person: { id: colleague, organisationId: company, isContact: false } }, { agreementId: current.id, hash: current.hash, signer_name: 'Ola', signer_title: 'Utvikler' })).toEqual({ error: 'notContact' })
			// A new version makes the one the contact read outdated.
			const v2 = await publishAgreement(db, by(), { ...terms, egenandel_nok: 12_000 })
			expect(v2.version).toBe(v1.version + 1)
			expect(await acceptAgreement(db, { networkId: network.id, person: asContact() }, { agreementId: current.id, hash: current.hash, signer_name: 'Ingrid', signer_title: 'Daglig leder' })).toEqual({ error: 'outdated' })
			expect(await db.selectFrom('agreement_acceptance').select('id').execute()).toEqual([])

			const latest = (await getCurrentAgreement(db, network.id))!
			const accepted = await acceptAgreement(db, { networkId: network.id, person: asContact() }, { agreementId: latest.id, hash: latest.hash, signer_name: 'Ingrid', signer_title: 'Daglig leder' })
			expect(accepted).toHaveProperty('acceptanceId')
			const row = await db.selectFrom('agreement_acceptance').select(['agreement_hash', 'signer_name']).executeTakeFirstOrThrow()
			expect(row).toEqual({ agreement_hash: latest.hash, signer_name: 'Ingrid' })
			const status = await db.selectFrom('network_organisation').select(['status', 'member_since']).where('organisation_id', '=', company).executeTakeFirstOrThrow()
			expect(status.status).toBe('member')
			expect(status.member_since).not.toBeNull()

			expect(await db.transaction().execute((trx) => withdrawCompany(trx, by(), company, '2027-06-30'))).toBe(true)
			expect(await db.transaction().execute((trx) => withdrawCompany(trx, by(), company, '2027-06-30'))).toBe(false)
			// Each company's history is its own: another company invited later shows only its invitation.
			const other = await createCompany(db, network.id, { name: 'Dalkode AS' })
			await db.updateTable('network_organisation').set({ status: 'prospect' }).where('organisation_id', '=', other).execute()
			await createPerson(db, network.id, { name: 'Kari', email: 'kari@dalkode.no', roles: ['company_contact'], organisation_id: other })
			expect((await inviteToCommit(db, { network, actorId: leader, origin }, { organisationIds: [other], deadline: inMinutes(60 * 24 * 14) })).skipped).toEqual([])
			const histories = await commitmentHistories(db, network.id)
			expect(histories.get(company)?.map((h) => h.action)).toEqual(['commitment.invited', 'commitment.accepted', 'commitment.withdrawn'])
			expect(histories.get(other)?.map((h) => h.action)).toEqual(['commitment.invited'])
		})

		test('the deadline reminder goes once', async () => {
			await publishAgreement(db, by(), terms)
			await inviteToCommit(db, { network, actorId: leader, origin }, { organisationIds: [company], deadline: inMinutes(60 * 24 * 2) })
			const sent = await Promise.all([1, 2].map(() => sendCommitmentReminders(db, { origin })))
			expect(sent.reduce((a, b) => a + b, 0)).toBe(1)
		})

		test('each contact gets the invitation and the reminder in their own language, the network by its name in it', async () => {
			const other = await createPerson(db, network.id, { name: 'Jane', email: 'jane@fjellkode.no', roles: ['company_contact'], organisation_id: company })
			await db.updateTable('person').set({ lang: 'en' }).where('id', '=', other).execute()
			await publishAgreement(db, by(), terms)
			await inviteToCommit(db, { network, actorId: leader, origin }, { organisationIds: [company], deadline: '2027-01-05T22:59:00.000Z' })
			await db.updateTable('network_organisation').set({ invite_deadline: inMinutes(60 * 24 * 2) }).where('organisation_id', '=', company).execute()
			expect(await sendCommitmentReminders(db, { origin })).toBe(2)
			const mails = await db.selectFrom('outbox').select(['recipient', 'subject', 'body_text']).orderBy('id').execute()
			expect(mails.map((m) => [m.recipient, m.subject])).toEqual([
				['ingrid@fjellkode.no', 'Bli med videre i IKT-nettverket'],
				['jane@fjellkode.no', 'Join The ICT network for the next phase'],
				['ingrid@fjellkode.no', 'Påminnelse: deltakeravtalen i IKT-nettverket'],
				['jane@fjellkode.no', 'Reminder: the participation agreement in The ICT network'],
			])
			// The deadline as each reader writes dates.
			expect(mails[0]!.body_text).toContain('5. januar 2027')
			expect(mails[1]!.body_text).toContain('5 January 2027')
			expect(mails[1]!.body_text).not.toContain('IKT-nettverket')
		})

		test('one invoice per company and period; outstanding until paid', async () => {
			const first = await createInvoice(db, by(), { organisation_id: company, period: '2027', amount_nok: 10_000, due_date: '2027-02-01' })
			expect(first).toHaveProperty('id')
			expect(await createInvoice(db, by(), { organisation_id: company, period: '2027', amount_nok: 10_000, due_date: '2027-02-01' })).toEqual({ error: 'duplicate' })
			expect(await listInvoices(db, { networkId: network.id, outstanding: true })).toHaveLength(1)
			const id = (first as { id: number }).id
			expect(await markInvoice(db, by(), id, 'sent')).toBe(true)
			expect(await markInvoice(db, by(), id, 'paid')).toBe(true)
			expect(await markInvoice(db, by(), id, 'paid')).toBe(false)
			expect(await listInvoices(db, { networkId: network.id, outstanding: true })).toEqual([])
		})

		test('the ledger holds every entry, past any page size, and its totals count them all as its rows do', async () => {
			const ola = { id: colleague, organisationId: company }
			const first = (await logEffort(db, { networkId: network.id, person: ola }, { date: '2027-01-01', minutes: 20, activity: 'other', gathering_id: null, description: 'Først' })) as { id: number }
			await approveEffort(db, { networkId: network.id, approver: asContact() }, first.id)
			const { rate_nok } = await db.selectFrom('effort_entry').select('rate_nok').where('id', '=', first.id).executeTakeFirstOrThrow()
			// 6,000 approved entries of odd minutes, whose values round half up (written in batches: SQLite takes so many values at a time).
			const rows = Array.from({ length: 6000 }, (_, i) => ({ network_id: network.id, person_id: colleague, organisation_id: company, date: `2027-02-${String((i % 28) + 1).padStart(2, '0')}`, minutes: 1 + (i % 7), activity: 'other' as const, gathering_id: null, description: '', status: 'approved' as const, rate_nok: 1 + (i % 90), created_at: new Date().toISOString() }))
			for (let i = 0; i < rows.length; i += 1000) await db.insertInto('effort_entry').values(rows.slice(i, i + 1000)).execute()
			const all = await listEffort(db, network.id, { organisationId: company })
			expect(all).toHaveLength(6001)
			expect(all.at(-1)!.id).toBe(first.id)
			const totals = await effortTotals(db, network.id, { organisationId: company })
			expect(totals.valueNok).toBe(all.reduce((sum, r) => sum + r.value_nok, 0))
			expect(totals.approvedHours).toBe(all.reduce((sum, r) => sum + r.minutes, 0) / 60)
			expect(all.at(-1)!.value_nok).toBe(valueOf(20, rate_nok!))
			// Half a krone rounds up: 30 minutes at 5 kr is 2.50 kr.
			expect([valueOf(30, 5), valueOf(10, 3), valueOf(20, 1500), valueOf(90, 900)]).toEqual([3, 1, 500, 1350])
		})

		test('effort: 24 hours a day at most, no approving one’s own, approved entries stay, values by the rate rule', async () => {
			const ola = { id: colleague, organisationId: company }
			const entry = (minutes: number, date = '2027-03-01') => ({ date, minutes, activity: 'workshop' as const, gathering_id: null, description: 'Verksted' })
			const a = (await logEffort(db, { networkId: network.id, person: ola }, entry(20 * 60))) as { id: number }
			expect(await logEffort(db, { networkId: network.id, person: ola }, entry(5 * 60))).toEqual({ error: 'dayFull' })
			expect(await logEffort(db, { networkId: network.id, person: { id: leader, organisationId: null } }, entry(60))).toEqual({ error: 'noCompany' })
			const mine = (await logEffort(db, { networkId: network.id, person: { id: contact, organisationId: company } }, entry(120))) as { id: number }
			expect(await approveEffort(db, { networkId: network.id, approver: asContact() }, mine.id)).toEqual({ error: 'ownEntry' })
			expect(await approveEffort(db, { networkId: network.id, approver: { id: colleague, organisationId: company, isContact: false } }, a.id)).toEqual({ error: 'notContact' })

			await db.updateTable('person').set({ hourly_rate: 900 }).where('id', '=', colleague).execute()
			expect(await approveEffort(db, { networkId: network.id, approver: asContact() }, a.id)).toEqual({ ok: true })
			expect(await updateEffort(db, { networkId: network.id, personId: colleague }, a.id, entry(60))).toEqual({ error: 'approved' })
			// The rule changes to each person's own rate for what is approved next.
			await db.updateTable('network').set({ rate_rule: 'own' }).where('id', '=', network.id).execute()
			const b = (await logEffort(db, { networkId: network.id, person: ola }, entry(90, '2027-03-02'))) as { id: number }
			await approveEffort(db, { networkId: network.id, approver: asContact() }, b.id)

			const rows = await listEffort(db, network.id, { organisationId: company })
			expect(rows.map((r) => [r.minutes, r.status, r.rate_nok, r.value_nok])).toEqual([
				[90, 'approved', 900, 1350],
				[120, 'submitted', null, 0],
				[20 * 60, 'approved', 500, 10_000],
			])
			expect(await effortTotals(db, network.id, { organisationId: company })).toEqual({ approvedHours: 21.5, submittedHours: 2, valueNok: 11_350 })
			expect(await effortTotals(db, network.id, { organisationId: company, status: 'submitted' })).toEqual({ approvedHours: 0, submittedHours: 2, valueNok: 0 })
			expect(await listEffort(db, network.id, { from: '2027-03-02', to: '2027-03-02' })).toHaveLength(1)
			// A page of the ledger: the newest first.
			expect((await listEffort(db, network.id, { organisationId: company }, { limit: 1, offset: 1 })).map((r) => r.minutes)).toEqual([120])
			await db.updateTable('network_organisation').set({ status: 'member' }).where('organisation_id', '=', company).execute()
			expect(await effortAgainstCommitment(db, { networkId: network.id, from: '2027-01-01', to: '2027-12-31', committedHours: 40 })).toEqual([{ id: company, name: 'Fjellkode AS', hours: 21.5, committed: 40 }])
		})

		test('composition from the register: two members with the same parent are a tie', async () => {
			await db.updateTable('network_organisation').set({ status: 'member' }).where('network_id', '=', network.id).execute()
			const b = await createCompany(db, network.id, { name: 'Datter B AS', employees: 249 })
			const c = await createCompany(db, network.id, { name: 'Datter C AS', employees: 250 })
			await db.updateTable('organisation').set({ parent_org_number: '999999999' }).where('id', 'in', [b, company]).execute()
			const result = await getComposition(db, network.id)
			expect(result.smes.detail.count).toBe(2)
			expect(result.smes.ok).toBe(false)
			expect(result.share.detail).toEqual({ smes: 2, participants: 3 })
			expect(result.ties.pairs).toEqual([expect.arrayContaining(['Fjellkode AS', 'Datter B AS'])])
			expect(c).toBeGreaterThan(0)
			// Exactly half small or medium: met. One large company more: not met.
			await createCompany(db, network.id, { name: 'Stor AS', employees: 5000 })
			expect((await getComposition(db, network.id)).share).toEqual({ ok: true, detail: { smes: 2, participants: 4 } })
			await createCompany(db, network.id, { name: 'Større AS', employees: 9000 })
			expect((await getComposition(db, network.id)).share).toEqual({ ok: false, detail: { smes: 2, participants: 5 } })
		})
	})
}
