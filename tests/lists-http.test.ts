// Long lists over HTTP, on both databases: a network's 60 people come in pages
// of 50 on the project leader's people page and of 12 in the directory (its
// companies and its people each in their own list), an installation's 30
// networks in pages of 24 on the front page, and a search narrows each; 60
// effort entries come in pages of 50 on the ledger, its totals over all of them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DIALECTS } from './support/databases.ts'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createCompany, createNetwork, createPerson } from './support/factories.ts'
import { logEffort } from '#app/features/commitment/effort.server.ts'

for (const dialect of DIALECTS) {
	describe(`long lists on ${dialect}`, () => {
		let server: TestServer
		let leader: string

		beforeAll(async () => {
			server = await startTestServer(dialect)
			const db = server.db
			const networkId = await createNetwork(db, { slug: 'test' })
			const company = await createCompany(db, networkId, { name: 'Øvre Fjelldata AS' })
			for (let i = 1; i <= 59; i++) {
				const id = await createPerson(db, networkId, { name: `Deltaker ${String(i).padStart(2, '0')}`, organisation_id: i === 7 ? company : null })
				// Two hours a day on 60 days, from 1 to 60 September 2026 (days past 30 run into October).
				if (i === 7) for (let day = 0; day < 60; day++) await logEffort(db, { networkId, person: { id, organisationId: company } }, { date: new Date(Date.UTC(2026, 8, 1 + day)).toISOString().slice(0, 10), minutes: 120, activity: 'other', description: `Dag ${day + 1}`, gathering_id: null })
			}
			leader = await server.cookieFor(await createPerson(db, networkId, { name: 'Åse Leder', roles: ['project_leader'] }))
			for (let i = 1; i <= 29; i++) await createNetwork(db, { name: `Bedriftsnettverk ${String(i).padStart(2, '0')}`, region: i <= 3 ? 'Trøndelag' : 'Innlandet' })
		})
		afterAll(() => server?.close())

		const people = async (query: string) => {
			const response = await fetch(`${server.url}/n/test/admin/personer${query}`, { headers: { Cookie: leader } })
			expect(response.status).toBe(200)
			const html = await response.text()
			const table = html.slice(html.indexOf('<table'))
			return { html, names: [...table.matchAll(/href="\/n\/test\/personer\/\d+"[^>]*>([^<]+)</g)].map((m) => m[1]) }
		}

		test("the project leader's people page: pages of 50, by name, a search by name, e-mail or company kept across pages", async () => {
			const first = await people('')
			expect(first.names).toHaveLength(50)
			expect(first.names[0]).toBe('Deltaker 01')
			expect(first.html).toContain('href="?side=2"')
			expect(first.html).not.toContain('Forrige side')

			const second = await people('?side=2')
			expect(second.names).toEqual([...Array.from({ length: 9 }, (_, i) => `Deltaker ${51 + i}`), 'Åse Leder'])
			expect(second.html).toContain('Forrige side')
			expect(second.html).not.toContain('Neste side')

			expect((await people('?q=deltaker%200')).names).toEqual(Array.from({ length: 9 }, (_, i) => `Deltaker 0${i + 1}`))
			// "fjell" in the company's name, "Ø" matched whatever its case.
			const byCompany = await people('?q=%C3%B8vre%20FJELL')
			expect(byCompany.names).toEqual(['Deltaker 07'])
			expect(byCompany.html).toContain('1 av 60 personer')
			const none = await people('?q=zzz')
			expect(none.names).toEqual([])
			expect(none.html).toContain('Ingen personer passer til «zzz».')
			expect((await people('?side=abc')).names).toHaveLength(50)
		})

		test('the directory: the companies, or the people in pages of 12, each list with its own pages; a search finds both', async () => {
			const directory = async (query: string) => {
				const html = await (await fetch(`${server.url}/n/test/katalog${query}`, { headers: { Cookie: leader } })).text()
				const cards = (kind: string) => [...html.matchAll(new RegExp(`<h3[^>]*><a[^>]*href="/n/test/${kind}/\\d+"[^>]*>([^<]+)<`, 'g'))].map((m) => m[1])
				return { html, companies: cards('bedrifter'), people: cards('personer'), current: [...html.matchAll(/<a[^>]*aria-current="page"[^>]*>([^<]+)</g)].map((m) => m[1]) }
			}
			const companies = await directory('')
			expect(companies.companies).toEqual(['Øvre Fjelldata AS'])
			expect(companies.people).toEqual([])
			expect(companies.current).toEqual(['Katalog', 'Bedrifter og organisasjoner'])
			expect(companies.html).not.toContain('Neste side')

			const people = await directory('?vis=personer')
			expect(people.companies).toEqual([])
			expect(people.people).toEqual(Array.from({ length: 12 }, (_, i) => `Deltaker ${String(i + 1).padStart(2, '0')}`))
			expect(people.current).toEqual(['Katalog', 'Personer'])
			expect(people.html).toContain('href="?vis=personer&amp;side=2"')
			const second = await directory('?vis=personer&side=2')
			expect(second.people).toEqual(Array.from({ length: 12 }, (_, i) => `Deltaker ${i + 13}`))
			expect(second.html).toContain('href="?vis=personer&amp;side=3"')
			const last = await directory('?vis=personer&side=5')
			expect(last.people).toEqual([...Array.from({ length: 11 }, (_, i) => `Deltaker ${49 + i}`), 'Åse Leder'])
			expect(last.html).not.toContain('Neste side')

			// A search shows its hits of both kinds; neither list is marked as the one shown.
			const found = await directory('?q=fjelldata')
			expect(found.companies).toEqual(['Øvre Fjelldata AS'])
			expect(found.people).toEqual(['Deltaker 07'])
			expect(found.current).toEqual(['Katalog'])
		})

		test('the front page: the networks in pages of 24, a search by name or region', async () => {
			const front = async (query: string) => {
				const html = await (await fetch(`${server.url}/${query}`)).text()
				return { html, names: [...html.matchAll(/href="\/n\/[^"]+"[^>]*>([^<]+)</g)].map((m) => m[1]) }
			}
			const first = await front('')
			expect(first.names).toHaveLength(24)
			expect(first.html).toContain('Finn et nettverk etter navn eller region')
			expect((await front('?side=2')).names).toHaveLength(6)
			const region = await front('?q=tr%C3%98ndelag')
			expect(region.names).toEqual(['Bedriftsnettverk 01', 'Bedriftsnettverk 02', 'Bedriftsnettverk 03'])
			expect(region.html).toContain('3 av 30 nettverk')
			expect((await front('?q=zzz')).html).toContain('Ingen nettverk passer til «zzz».')
		})

		test('the ledger: pages of 50 entries, newest first, the totals and a filter kept across pages', async () => {
			const ledger = async (query: string) => {
				const html = await (await fetch(`${server.url}/n/test/admin/innsats${query}`, { headers: { Cookie: leader } })).text()
				return { html, dates: [...html.slice(html.indexOf('<tbody')).matchAll(/<td[^>]*>(\d{4}-\d{2}-\d{2})<\/td>/g)].map((m) => m[1]) }
			}
			const first = await ledger('')
			expect(first.dates).toHaveLength(50)
			expect(first.dates[0]).toBe('2026-10-30')
			expect(first.html).toMatch(/120(,0)? timer/)
			const second = await ledger('?side=2')
			expect(second.dates).toHaveLength(10)
			expect(second.dates.at(-1)).toBe('2026-09-01')
			expect(second.html).toMatch(/120(,0)? timer/)
			const filtered = await ledger('?fra=2026-10-01&til=2026-10-31')
			expect(filtered.dates).toHaveLength(30)
			expect(filtered.html).not.toContain('Neste side')
		})
	})
}
