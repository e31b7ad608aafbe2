// The commitment's bad input over HTTP, on both databases: a clear message, a 4xx, nothing written.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { DIALECTS } from './support/databases.ts'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createCompany, createNetwork, createPerson } from './support/factories.ts'
import { getCurrentAgreement, publishAgreement } from '#app/features/commitment/agreements.server.ts'
import { approveEffort, logEffort } from '#app/features/commitment/effort.server.ts'

for (const dialect of DIALECTS) {
	describe(`commitment over HTTP on ${dialect}`, () => {
		let server: TestServer
		const cookie: Record<string, string> = {}
		let networkId: number
		let company: number
		let contactId: number
		let memberId: number

		beforeAll(async () => {
			server = await startTestServer(dialect)
			const db = server.db
			networkId = await createNetwork(db, { slug: 'test' })
			company = await createCompany(db, networkId, { name: 'Fjellkode AS', org_number: '923609016' })
			const leader = await createPerson(db, networkId, { roles: ['project_leader'] })
			contactId = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: company })
			memberId = await createPerson(db, networkId, { roles: ['member'], organisation_id: company })
			cookie.leader = await server.cookieFor(leader)
			cookie.contact = await server.cookieFor(contactId)
			cookie.member = await server.cookieFor(memberId)
			await publishAgreement(db, { networkId, actorId: leader }, { title: 'Avtale', body: 'Tekst', period_start: '2027-01-01T00:00:00.000Z', period_end: '2027-12-31T00:00:00.000Z', egenandel_nok: 10000, hours_per_year: 40, gatherings_per_year: 4 })
		})
		afterAll(() => server?.close())

		const post = (path: string, body: Record<string, string>, who: string) =>
			fetch(server.url + path, { method: 'POST', headers: { Origin: server.url, Cookie: cookie[who]!, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body), redirect: 'manual' })
		const acceptances = async () => (await server.db.selectFrom('agreement_acceptance').select('id').execute()).length

		test('accepting an outdated version is refused; so is accepting without being the contact', async () => {
			const old = (await getCurrentAgreement(server.db, networkId))!
			await publishAgreement(server.db, { networkId, actorId: contactId }, { title: 'Avtale', body: 'Ny tekst', period_start: '2027-01-01T00:00:00.000Z', period_end: '2027-12-31T00:00:00.000Z', egenandel_nok: 12000, hours_per_year: 40, gatherings_per_year: 4 })
			const body = { agreementId: String(old.id), hash: old.hash, signer_name: 'Ingrid', signer_title: 'Daglig leder', confirm: 'on' }
			const outdated = await post('/n/test/avtale', body, 'contact')
			expect(outdated.status).toBe(409)
			expect(await outdated.text()).toContain('Avtalen er endret siden du åpnet den.')
			const notContact = await post('/n/test/avtale', body, 'member')
			expect(notContact.status).toBe(403)
			expect(await notContact.text()).toContain('Bare kontaktpersonen for bedriften kan godta avtalen.')
			expect(await acceptances()).toBe(0)
		})

		test('the company contact can withdraw a member company, with an end date; a member cannot', async () => {
			expect((await post('/n/test/avtale', { intent: 'withdraw', endDate: '2027-06-30' }, 'member')).status).toBe(403)
			expect((await post('/n/test/avtale', { intent: 'withdraw', endDate: 'snart' }, 'contact')).status).toBe(400)
			const response = await post('/n/test/avtale', { intent: 'withdraw', endDate: '2027-06-30' }, 'contact')
			expect(response.status).toBe(200)
			expect(await response.text()).toContain('Fjellkode AS er meldt ut.')
			const row = await server.db.selectFrom('network_organisation').select(['status', 'withdrawn_at']).where('organisation_id', '=', company).executeTakeFirstOrThrow()
			expect(row).toEqual({ status: 'withdrawn', withdrawn_at: '2027-06-30' })
			await server.db.updateTable('network_organisation').set({ status: 'member', withdrawn_at: null }).where('organisation_id', '=', company).execute()
		})

		test('absurd hours are refused with a message and nothing is written', async () => {
			for (const hours of ['25', '-2', 'mange']) {
				const response = await post('/n/test/innsats', { intent: 'log', date: '2027-03-01', hours, activity: 'other', description: 'Arbeid' }, 'member')
				expect(response.status, hours).toBe(400)
				expect(await response.text()).toContain('Skriv timer mellom 0,25 og 24')
			}
			await post('/n/test/innsats', { intent: 'log', date: '2027-03-01', hours: '20', activity: 'other', description: 'Arbeid' }, 'member')
			const tooMuch = await post('/n/test/innsats', { intent: 'log', date: '2027-03-01', hours: '5', activity: 'other', description: 'Mer' }, 'member')
			expect(tooMuch.status).toBe(400)
			expect(await tooMuch.text()).toContain('Et døgn har bare 24 timer.')
			expect(await server.db.selectFrom('effort_entry').select('minutes').execute()).toEqual([{ minutes: 1200 }])
		})

		test('approving one’s own hours and editing approved hours are refused', async () => {
			const own = (await logEffort(server.db, { networkId, person: { id: contactId, organisationId: company } }, { date: '2027-04-01', minutes: 60, activity: 'other', gathering_id: null, description: 'Eget' })) as { id: number }
			const response = await post('/n/test/innsats', { intent: 'approve', entryId: String(own.id) }, 'contact')
			expect(response.status).toBe(403)
			expect(await response.text()).toContain('Du kan ikke godkjenne dine egne timer.')

			const theirs = (await logEffort(server.db, { networkId, person: { id: memberId, organisationId: company } }, { date: '2027-04-02', minutes: 60, activity: 'other', gathering_id: null, description: 'Kollega' })) as { id: number }
			await approveEffort(server.db, { networkId, approver: { id: contactId, organisationId: company, isContact: true } }, theirs.id)
			const edit = await post('/n/test/innsats', { intent: 'update', entryId: String(theirs.id), date: '2027-04-02', hours: '8', activity: 'other', description: 'Endret' }, 'member')
			expect(edit.status).toBe(409)
			expect(await edit.text()).toContain('Godkjente timer kan ikke endres.')
			const entry = await server.db.selectFrom('effort_entry').select(['minutes', 'description']).where('id', '=', theirs.id).executeTakeFirstOrThrow()
			expect(entry).toEqual({ minutes: 60, description: 'Kollega' })
		})

		test("the invoice form proposes next year as Oslo counts it: at half past midnight on Oslo's New Year's Day, UTC's year is the old one", async () => {
			// The server runs in this process: its clock is the one set here.
			vi.useFakeTimers({ toFake: ['Date'] })
			vi.setSystemTime(new Date('2026-12-31T23:30:00Z'))
			try {
				const page = await (await fetch(server.url + '/n/test/admin/egenandel', { headers: { Cookie: cookie.leader! } })).text()
				const period = /<input[^>]*name="period"[^>]*>/.exec(page)?.[0]
				expect(period).toContain('value="2028"')
			} finally {
				vi.useRealTimers()
			}
		})

		test('a second invoice for the same company and period is refused', async () => {
			const body = { intent: 'create', organisation_id: String(company), period: '2027', amount_nok: '10000', due_date: '2027-02-01' }
			expect((await post('/n/test/admin/egenandel', body, 'leader')).status).toBe(200)
			const again = await post('/n/test/admin/egenandel', body, 'leader')
			expect(again.status).toBe(409)
			expect(await again.text()).toContain('Bedriften har allerede en faktura for denne perioden.')
			expect(await server.db.selectFrom('invoice').select('id').execute()).toHaveLength(1)
		})

		test('an organisation number the register does not know is refused; a known one fills the form', async () => {
			const unknown = await post('/n/test/admin/bedrifter/ny', { intent: 'lookup', org_number: '915279198' }, 'leader')
			expect(unknown.status).toBe(400)
			expect(await unknown.text()).toContain('Enhetsregisteret kjenner ikke dette organisasjonsnummeret.')
			const create = await post('/n/test/admin/bedrifter/ny', { intent: 'create', org_number: '915279198', name: 'Finnes Ikke AS', kind: 'company', status: 'member' }, 'leader')
			expect(create.status).toBe(400)
			expect(await server.db.selectFrom('organisation').select('id').where('name', '=', 'Finnes Ikke AS').execute()).toEqual([])
			const known = await post('/n/test/admin/bedrifter/ny', { intent: 'lookup', org_number: '974 760 673' }, 'leader')
			expect(known.status).toBe(200)
			const html = await known.text()
			expect(html).toContain('Fant Mjøskanten Drift Avd Lillehammer i Enhetsregisteret.')
			expect(html).toContain('value="923609016"')
		})
	})
}
