// Bad input over HTTP, on both databases: a clear message, a 4xx, nothing written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DIALECTS } from './support/databases.ts'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createCompany, createNetwork, createPerson } from './support/factories.ts'
import { createGathering, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { inMinutes } from '#app/platform/time.ts'

for (const dialect of DIALECTS) {
	describe(`bad input on ${dialect}`, () => {
		let server: TestServer
		let leader: string
		let member: string
		let company: number
		const gatherings: Record<string, number> = {}

		beforeAll(async () => {
			server = await startTestServer(dialect)
			const db = server.db
			const networkId = await createNetwork(db, { slug: 'test' })
			company = await createCompany(db, networkId, { name: 'Bedrift AS', org_number: '974760673' })
			leader = await server.cookieFor(await createPerson(db, networkId, { roles: ['project_leader'] }))
			member = await server.cookieFor(await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: company }))
			const make = async (name: string, overrides: { audience?: 'open' | 'members'; deadline?: string | null }) => {
				const id = await createGathering(
					db,
					networkId,
					{ title: name, description: '', location: 'Lillehammer', starts_at: inMinutes(60 * 24 * 7), ends_at: inMinutes(60 * 24 * 7 + 60), audience: overrides.audience ?? 'open', capacity: null, registration_deadline: overrides.deadline ?? null },
					[],
				)
				await updateGathering(db, id, { status: 'published' })
				gatherings[name] = id
			}
			await make('closed', { deadline: inMinutes(-60) })
			await make('members', { audience: 'members' })
		})
		afterAll(() => server?.close())

		const post = (path: string, body: Record<string, string> | FormData, cookie?: string) =>
			fetch(server.url + path, {
				method: 'POST',
				headers: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
				body: body instanceof FormData ? body : new URLSearchParams(body),
				redirect: 'manual',
			})
		const visitor = { intent: 'register', name: 'Siv', email: 'siv@x.no', company: 'X AS', consent: 'on' }
		const registrations = async () => (await server.db.selectFrom('registration').select('id').execute()).length

		test('registration after the deadline is refused with a message', async () => {
			const response = await post(`/n/test/samlinger/${gatherings.closed}`, visitor)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Påmeldingen er stengt.')
			expect(await registrations()).toBe(0)
		})

		test('a visitor cannot register for a members-only gathering', async () => {
			const response = await post(`/n/test/samlinger/${gatherings.members}`, visitor)
			expect(response.status).toBe(403)
			expect(await response.text()).toContain('bare for medlemmer')
			expect(await registrations()).toBe(0)
		})

		test('a duplicate organisation number is refused and the form keeps what was typed', async () => {
			const response = await post('/n/test/admin/bedrifter/ny', { org_number: '974 760 673', name: 'Kopi AS', kind: 'company', status: 'member' }, leader)
			expect(response.status).toBe(400)
			const html = await response.text()
			expect(html).toContain('En bedrift med dette organisasjonsnummeret er allerede registrert.')
			expect(html).toContain('value="Kopi AS"')
			expect(await server.db.selectFrom('organisation').select('id').where('name', '=', 'Kopi AS').execute()).toEqual([])
		})

		test('a logo that is too large gets a field message; a request far too large is refused unread', async () => {
			const form = new FormData()
			form.set('name', 'Bedrift AS')
			form.set('logo', new File([new Uint8Array(1024 * 1024 + 1)], 'stor.png', { type: 'image/png' }))
			const response = await post(`/n/test/bedrifter/${company}/rediger`, form, member)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Filen er for stor.')
			const huge = new FormData()
			huge.set('logo', new File([new Uint8Array(13 * 1024 * 1024)], 'enorm.png', { type: 'image/png' }))
			expect((await post(`/n/test/bedrifter/${company}/rediger`, huge, member)).status).toBe(413)
			expect(await server.db.selectFrom('file').select('id').execute()).toEqual([])
		})

		test('an unknown or malformed record id is a 404, never a 500', async () => {
			for (const path of ['/n/test/bedrifter/999999', '/n/test/bedrifter/abc', '/n/test/personer/-1', '/n/test/samlinger/1e3', '/n/ukjent']) {
				expect((await fetch(server.url + path, { headers: { Cookie: leader } })).status, path).toBe(404)
			}
		})

		test('an expired or unknown sign-in link gets a message and a 4xx', async () => {
			const response = await post('/logg-inn/lenke', { token: 'ukjent' })
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Innloggingslenken er ugyldig')
		})
	})
}
