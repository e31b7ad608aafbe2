// Every kind of page as it is before its scripts have run — on a slow line,
// or when a script fails to load: the server's HTML and the style sheet alone
// must be accessible, each field named by its label, and the open gathering's
// registration must work. (Designsystemet's own checkbox tied its label to the
// box only from a script in the browser.)
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { DIALECTS } from '../support/databases.ts'
import { e2e, expectAccessible } from './fixtures.ts'

for (const dialect of DIALECTS) {
	describe(`pages before their scripts, in Chromium on ${dialect}`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		test('a visitor signs up for the open gathering with no script loaded, ticking the consent by its label', async ({ page }) => {
			const context = await page.context().browser()!.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' })
			try {
				const bare = await context.newPage()
				await bare.route('**/assets/*.js', (route) => route.abort())
				await bare.goto(`${env.server.url}/n/ikt-lillehammer/samlinger`)
				await bare.getByRole('link', { name: 'Første samling i IKT-nettverket' }).click()
				await bare.getByLabel('Navn', { exact: true }).fill('Nora Uten Skript')
				await bare.getByLabel('E-postadresse').fill('nora@utenskript.example')
				await bare.getByLabel('Bedrift', { exact: true }).fill('Skriptløs AS')
				await bare.getByText('Jeg samtykker til at nettverket lagrer opplysningene', { exact: false }).click()
				await bare.getByRole('button', { name: 'Meld deg på' }).click()
				await bare.getByText('Du er påmeldt. Vi har sendt en bekreftelse med kalenderinvitasjon til nora@utenskript.example.').waitFor()
				const registration = await env.server.db.selectFrom('registration').select(['name', 'company', 'status']).where('email', '=', 'nora@utenskript.example').executeTakeFirstOrThrow()
				expect(registration).toEqual({ name: 'Nora Uten Skript', company: 'Skriptløs AS', status: 'registered' })
			} finally {
				await context.close()
			}
		})

		const people = [
			{ who: 'a visitor', email: null, start: ['/n/ikt-lillehammer', '/'], least: 8 },
			{ who: 'the project leader', email: 'kari.nordby@knute.example', start: ['/n/ikt-lillehammer', '/n/ikt-lillehammer/admin'], least: 30 },
			{ who: 'a company contact', email: 'ingrid.bakken@fjellkode.example', start: ['/n/ikt-lillehammer'], least: 15 },
		]
		for (const { who, email, start, least } of people) {
			test(`${who}: every kind of page is accessible with no script loaded`, { timeout: 180_000 }, async ({ page }) => {
				// A context of its own: the scripts it blocks would count as the page's console errors.
				const context = await page.context().browser()!.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' })
				try {
					if (email) {
						const person = await env.server.db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirstOrThrow()
						const [name, value] = (await env.server.cookieFor(person.id)).split('=') as [string, string]
						await context.addCookies([{ name, value, url: env.server.url, httpOnly: true, sameSite: 'Lax' }])
					}
					const bare = await context.newPage()
					let blocked = 0
					await bare.route('**/assets/*.js', (route) => (blocked++, route.abort()))
					// One page of each kind (`/personer/3` stands for every person's page), found by the portal's links.
					const kinds = new Set<string>()
					const queue = [...start]
					while (queue.length > 0) {
						const path = queue.shift()!
						const kind = path.replace(/\d+/g, 'N')
						if (kinds.has(kind)) continue
						kinds.add(kind)
						await bare.goto(env.server.url + path)
						await expectAccessible(bare)
						const links = await bare.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('#')[0]!))
						queue.push(...links.filter((href) => !/\.(ics|csv|pdf|svg)$|\/pdf$|\/filer\/|\/eksport|^\/utvikling/.test(href)))
					}
					expect(kinds.size).toBeGreaterThanOrEqual(least)
					expect(blocked).toBeGreaterThan(0)
				} finally {
					await context.close()
				}
			})
		}
	})
}
