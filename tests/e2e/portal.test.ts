import { afterAll, beforeAll, describe, expect } from 'vitest'
import { DIALECTS } from '../support/databases.ts'
import { e2e, expectAccessible, openDetails, waitForHydration } from './fixtures.ts'

const LEADER = 'kari.nordby@knute.example'
const CONTACT = 'ingrid.bakken@fjellkode.example'
const MEMBER = 'ola.haugen@fjellkode.example'

for (const dialect of DIALECTS) {
	describe(`portal in Chromium on ${dialect}`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		test('a visitor reads the public page in bokmål and switches to English', async ({ page, navigate }) => {
			await navigate('/n/ikt-lillehammer')
			await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('IKT-nettverket i Lillehammerregionen')
			expect(await page.getByRole('heading', { name: 'Hovedmål' }).isVisible()).toBe(true)
			expect(await page.getByText('Minst tre ideer til utviklingsprosjekter').isVisible()).toBe(true)
			expect(await page.getByText('Første samling i IKT-nettverket').isVisible()).toBe(true)
			expect(await page.getByText(/6\. desember \d{4} kl\. 09:00/).isVisible()).toBe(true)
			await page.getByRole('button', { name: 'Change language to English' }).click()
			await page.getByRole('heading', { name: 'Main goals' }).waitFor()
			expect(await page.getByText(/6 December \d{4} at 09:00/).isVisible()).toBe(true)
			await expectAccessible(page)
			expect(await page.locator('html').getAttribute('lang')).toBe('en')
			// The window's title speaks the page's language too.
			await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Gatherings' }).click()
			await page.getByRole('heading', { level: 1, name: 'Gatherings' }).waitFor()
			expect(await page.title()).toBe('Gatherings · Knute')
			// A gathering's calendar file, fetched in English, is named by the network's English name.
			await page.getByRole('link', { name: 'Første samling i IKT-nettverket' }).click()
			const file = await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href')
			const ics = await (await page.request.get(env.server.url + file)).text()
			expect(ics).toContain('X-WR-CALNAME:The ICT Business Network of the Lillehammer Region\r\n')
		})

		test('the menu changes the page without loading the document again and marks where you are', async ({ page, login, navigate }) => {
			await navigate('/n/ikt-lillehammer')
			await waitForHydration(page)
			const menu = page.getByRole('navigation', { name: 'Hovedmeny' })
			expect(await menu.getByRole('link', { name: 'Forside' }).getAttribute('aria-current')).toBe('page')
			await page.evaluate(() => Object.assign(window, { sameDocument: true }))
			await menu.getByRole('link', { name: 'Samlinger' }).click()
			await page.getByRole('heading', { level: 1, name: 'Samlinger' }).waitFor()
			expect(page.url()).toBe(`${env.server.url}/n/ikt-lillehammer/samlinger`)
			expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
			expect(await page.title()).toBe('Samlinger · Knute')
			expect(await menu.getByRole('link', { name: 'Samlinger' }).getAttribute('aria-current')).toBe('page')
			expect(await menu.getByRole('link', { name: 'Forside' }).getAttribute('aria-current')).toBeNull()
			// The focus is on the new page's heading, as after a page load, not left in the menu.
			await expect.poll(() => page.evaluate(() => document.activeElement?.outerHTML)).toMatch(/^<h1 [^>]*>Samlinger<\/h1>$/)
			await expectAccessible(page)
			await page.goBack()
			await page.getByRole('heading', { name: 'Hovedmål' }).waitFor()
			expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
			await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('IKT-nettverket i Lillehammerregionen')

			// A visitor's two links show on a phone as they are. A member's ten fold behind one button there,
			// so that the page's heading comes near the top of the screen instead of under the list.
			await page.setViewportSize({ width: 390, height: 844 })
			expect(await menu.getByRole('link', { name: 'Samlinger' }).isVisible()).toBe(true)
			expect(await menu.locator('summary').count()).toBe(0)
			await login(MEMBER)
			await navigate('/n/ikt-lillehammer')
			await waitForHydration(page)
			const button = menu.locator('summary')
			expect(await button.innerText()).toBe('Meny')
			expect(await menu.getByRole('link', { name: 'Katalog' }).isVisible()).toBe(false)
			expect((await page.getByRole('heading', { level: 1 }).boundingBox())!.y).toBeLessThan(844 / 3)
			// The heading, the network's name, is set small enough there that no word of it breaks across lines.
			const brokenWords = await page.getByRole('heading', { level: 1 }).evaluate((heading) => {
				const texts = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT)
				const broken: string[] = []
				for (let node = texts.nextNode(); node; node = texts.nextNode()) {
					for (const word of node.textContent!.matchAll(/\S+/g)) {
						const range = document.createRange()
						range.setStart(node, word.index)
						range.setEnd(node, word.index + word[0].length)
						if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(word[0])
					}
				}
				return broken
			})
			expect(brokenWords).toEqual([])
			await expectAccessible(page)
			await page.evaluate(() => Object.assign(window, { sameDocument: true }))
			await button.click()
			await menu.getByRole('link', { name: 'Katalog' }).click()
			await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor()
			expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
			// The next page starts with the menu folded again; on a wide screen there is no button, only the links.
			expect(await menu.getByRole('link', { name: 'Katalog' }).isVisible()).toBe(false)
			expect(await button.isVisible()).toBe(true)
			await page.setViewportSize({ width: 1280, height: 900 })
			expect(await menu.getByRole('link', { name: 'Katalog' }).isVisible()).toBe(true)
			expect(await button.isVisible()).toBe(false)
			// In English the page names the network by its English name.
			await page.getByRole('button', { name: 'Change language to English' }).click()
			await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor()
			expect(await page.getByText('Companies and people in The ICT Business Network of the Lillehammer Region.').isVisible()).toBe(true)
			// Signed in, the choice is kept on the person: mail to them is written in English from now on.
			const reads = await env.server.db.selectFrom('person').select('lang').where('email', '=', MEMBER).executeTakeFirstOrThrow()
			expect(reads.lang).toBe('en')
			await page.getByRole('button', { name: 'Bytt språk til norsk' }).click()
			await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor()
			expect((await env.server.db.selectFrom('person').select('lang').where('email', '=', MEMBER).executeTakeFirstOrThrow()).lang).toBe('nb')
		})

		test('a person signs in with a one-time link from the mailbox and signs out', async ({ page, navigate }) => {
			await navigate('/n/ikt-lillehammer/katalog')
			// Not signed in: sent to sign in, and back afterwards.
			await page.waitForURL(/\/logg-inn\?redirectTo=/)
			await expectAccessible(page)
			// The header's sign-in link is this page, not a sign-in that comes back to the sign-in.
			const here = new URL(page.url())
			const signIn = page.locator('.site-header').getByRole('link', { name: 'Logg inn' })
			expect(await signIn.getAttribute('href')).toBe(here.pathname + here.search)
			expect(await signIn.getAttribute('aria-current')).toBe('page')
			await page.getByLabel('E-postadresse').first().fill(LEADER)
			await page.getByRole('button', { name: 'Send innloggingslenke' }).click()
			await page.getByText(`har vi sendt en innloggingslenke til ${LEADER}`).waitFor()
			await expectAccessible(page)

			await navigate('/utvikling/epost')
			const link = await page.getByRole('article').or(page.locator('.ds-card')).filter({ hasText: LEADER }).first().locator('a[href*="/logg-inn/lenke"]').getAttribute('href')
			expect(link).toContain('token=')
			await page.goto(link!)
			await expectAccessible(page)
			await page.getByRole('button', { name: 'Logg meg inn' }).click()
			await page.getByRole('heading', { level: 1, name: 'Katalog', exact: true }).waitFor()
			expect(page.url()).toBe(`${env.server.url}/n/ikt-lillehammer/katalog`)

			// The link is single-use.
			await page.goto(link!)
			await page.getByRole('button', { name: 'Logg meg inn' }).click()
			await page.getByText('Innloggingslenken er allerede brukt').waitFor()
			await expectAccessible(page)

			await page.getByRole('button', { name: 'Logg ut' }).click()
			await page.getByRole('link', { name: 'Logg inn' }).waitFor()
			await page.goto(`${env.server.url}/n/ikt-lillehammer/katalog`)
			await page.waitForURL(/\/logg-inn/)
		})

		test('someone who reads English signs in, on a browser that has chosen no language, to English', async ({ page, navigate }) => {
			const reader = 'per.strand@mjosdata.example'
			await env.server.db.updateTable('person').set({ lang: 'en' }).where('email', '=', reader).execute()
			await navigate('/logg-inn')
			await page.getByLabel('E-postadresse').first().fill(reader)
			await page.getByRole('button', { name: 'Send innloggingslenke' }).click()
			await page.getByText(`har vi sendt en innloggingslenke til ${reader}`).waitFor()
			await navigate('/utvikling/epost')
			const link = await page.locator('.ds-card').filter({ hasText: reader }).first().locator('a[href*="/logg-inn/lenke"]').getAttribute('href')
			await page.goto(link!)
			await page.getByRole('button', { name: 'Logg meg inn' }).click()
			await page.getByRole('heading', { level: 1, name: 'The ICT Business Network of the Lillehammer Region' }).waitFor()
			expect(await page.locator('html').getAttribute('lang')).toBe('en')
			await expectAccessible(page)
			await env.server.db.updateTable('person').set({ lang: 'nb' }).where('email', '=', reader).execute()
		})

		test('a member searches the directory, forgiving inflections and diacritics', async ({ page, login, navigate }) => {
			await login(MEMBER)
			await navigate('/n/ikt-lillehammer/katalog')
			await page.getByLabel('Søk i katalogen').fill('gjovik skytjenester')
			await page.getByRole('button', { name: 'Søk' }).click()
			await page.getByText('1 treff for «gjovik skytjenester»').waitFor()
			// A search stays on its page, and so does the focus (the hits' count is announced).
			expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON')
			await expectAccessible(page)
			await page.getByRole('link', { name: 'Mjøsdata AS' }).click()
			await page.getByRole('heading', { level: 1, name: 'Mjøsdata AS', exact: true }).waitFor()
			expect(await page.getByText('Per Strand').isVisible()).toBe(true)
			await expectAccessible(page)

			await navigate('/n/ikt-lillehammer/katalog?q=sikkerheten')
			expect(await page.getByRole('link', { name: 'Lågen Sikkerhet AS' }).isVisible()).toBe(true)

			// Browsing shows the companies; the people are their own list, one link away.
			await navigate('/n/ikt-lillehammer/katalog')
			const views = page.getByRole('navigation', { name: 'Vis i katalogen' })
			expect(await views.getByRole('link', { name: 'Bedrifter og organisasjoner' }).getAttribute('aria-current')).toBe('page')
			await views.getByRole('link', { name: 'Personer' }).click()
			await page.getByRole('heading', { level: 2, name: 'Personer' }).waitFor()
			expect(page.url()).toBe(`${env.server.url}/n/ikt-lillehammer/katalog?vis=personer`)
			expect(await page.getByRole('link', { name: 'Ingrid Bakken' }).isVisible()).toBe(true)
			expect(await page.getByRole('heading', { level: 2, name: 'Bedrifter og organisasjoner' }).count()).toBe(0)
			expect(await views.getByRole('link', { name: 'Personer' }).getAttribute('aria-current')).toBe('page')
			await expectAccessible(page)
			// Twelve a page: the 23 people on two, the next page in the same list.
			expect(await page.getByRole('link', { name: 'Per Strand' }).count()).toBe(0)
			await page.getByRole('link', { name: 'Neste side' }).click()
			await page.getByRole('link', { name: 'Per Strand' }).waitFor()
			expect(page.url()).toBe(`${env.server.url}/n/ikt-lillehammer/katalog?vis=personer&side=2`)
			expect(await page.locator('.ds-card').count()).toBe(11)
			expect(await page.getByRole('link', { name: 'Neste side' }).count()).toBe(0)
			await expectAccessible(page)

			// Every tag stays inside its card, however long its text, on a wide screen and a phone.
			await navigate('/n/ikt-lillehammer/katalog')
			await page.getByText('Geografiske informasjonssystemer').first().waitFor()
			for (const width of [1280, 360]) {
				await page.setViewportSize({ width, height: 800 })
				const outside = await page.locator('.ds-card').evaluateAll((cards) =>
					cards.flatMap((card) => {
						const edge = card.getBoundingClientRect().right
						return [...card.querySelectorAll('.ds-tag')].filter((tag) => tag.getBoundingClientRect().right > edge + 0.5).map((tag) => tag.textContent)
					}),
				)
				expect(outside).toEqual([])
			}
			// On the phone a company's page keeps to the screen: its facts stack, and each of its people is a card
			// with the name and e-mail in view. Mjøsdata is the 13th of the 20 companies: on the second page.
			expect(await page.locator('.ds-card').count()).toBe(12)
			await page.getByRole('link', { name: 'Neste side' }).click()
			await page.getByRole('link', { name: 'Mjøsdata AS' }).click()
			await page.getByRole('heading', { level: 1, name: 'Mjøsdata AS', exact: true }).waitFor()
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
			const person = page.getByRole('region', { name: 'Personer' }).getByRole('listitem').filter({ hasText: 'Per Strand' })
			for (const link of [person.getByRole('link', { name: 'Per Strand' }), person.getByRole('link', { name: /@/ })]) {
				const box = (await link.boundingBox())!
				expect(box.x + box.width).toBeLessThanOrEqual(360)
			}
			await expectAccessible(page)
			await page.setViewportSize({ width: 1280, height: 800 })
		})

		test('a member edits their own profile; a bad e-mail is explained and the input kept', async ({ page, login, navigate }) => {
			await login(MEMBER)
			await navigate('/n/ikt-lillehammer')
			await page.getByRole('link', { name: 'Min profil' }).click()
			await page.getByRole('link', { name: 'Rediger profilen' }).click()
			await page.getByLabel('Stilling').fill('Seniorutvikler')
			await page.getByLabel('E-postadresse').fill('ikke-en-adresse')
			await page.getByRole('button', { name: 'Lagre', exact: true }).click()
			await page.getByText('Skriv en gyldig e-postadresse').waitFor()
			expect(await page.getByLabel('Stilling').inputValue()).toBe('Seniorutvikler')
			await expectAccessible(page)
			await page.getByLabel('E-postadresse').fill(MEMBER)
			await page.getByLabel('Telefon').fill('+47 912 34 567')
			// Mail and notices may go in English while the pages stay in bokmål.
			expect(await page.getByLabel('Språk i e-post og varsler').inputValue()).toBe('nb')
			expect(await page.getByRole('option', { name: 'English' }).getAttribute('lang')).toBe('en')
			await page.getByLabel('Språk i e-post og varsler').selectOption({ label: 'English' })
			await page.getByRole('button', { name: 'Lagre', exact: true }).click()
			await page.getByRole('heading', { level: 1, name: 'Ola Haugen', exact: true }).waitFor()
			expect(await page.getByText('Seniorutvikler').isVisible()).toBe(true)
			// The number as typed, and a link a phone can call.
			expect(await page.getByRole('link', { name: '+47 912 34 567' }).getAttribute('href')).toBe('tel:+4791234567')
			expect((await env.server.db.selectFrom('person').select('lang').where('email', '=', MEMBER).executeTakeFirstOrThrow()).lang).toBe('en')
			await page.getByRole('link', { name: 'Rediger profilen' }).click()
			expect(await page.getByLabel('Språk i e-post og varsler').inputValue()).toBe('en')
			await page.getByLabel('Språk i e-post og varsler').selectOption({ label: 'Norsk (bokmål)' })
			await page.getByRole('button', { name: 'Lagre', exact: true }).click()
			await page.getByRole('heading', { level: 1, name: 'Ola Haugen', exact: true }).waitFor()
			expect((await env.server.db.selectFrom('person').select('lang').where('email', '=', MEMBER).executeTakeFirstOrThrow()).lang).toBe('nb')
		})

		test('a company contact edits the company profile and uploads a logo', async ({ page, login, navigate }) => {
			await login(CONTACT)
			const company = await env.server.db.selectFrom('organisation').select('id').where('name', '=', 'Fjellkode AS').executeTakeFirstOrThrow()
			await navigate(`/n/ikt-lillehammer/bedrifter/${company.id}/rediger`)
			await page.getByLabel('Teknologier').fill('React, Rust, WebAssembly')
			await page.getByLabel('Antall ansatte').fill('14')
			await page.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG })
			await page.getByRole('button', { name: 'Lagre', exact: true }).click()
			await page.getByRole('heading', { level: 1, name: 'Fjellkode AS', exact: true }).waitFor()
			expect(await page.getByText('WebAssembly').isVisible()).toBe(true)
			const logo = page.getByRole('img', { name: 'Logoen til Fjellkode AS' })
			expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
			await expectAccessible(page)

			// A file that only claims to be an image is refused, and nothing is saved.
			await navigate(`/n/ikt-lillehammer/bedrifter/${company.id}/rediger`)
			await page.getByLabel('Teknologier').fill('Endret')
			await page.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<script>alert(1)</script>') })
			await page.getByRole('button', { name: 'Lagre', exact: true }).click()
			await page.getByText('Filtypen er ikke tillatt.').waitFor()
			expect(await page.getByLabel('Teknologier').inputValue()).toBe('Endret')
			const saved = await env.server.db.selectFrom('organisation').select('technologies').where('id', '=', company.id).executeTakeFirstOrThrow()
			expect(saved.technologies).toBe('React, Rust, WebAssembly')

			// The contact adds a colleague, who is invited by e-mail.
			await navigate(`/n/ikt-lillehammer/bedrifter/${company.id}`)
			await page.getByRole('link', { name: 'Legg til person' }).click()
			await page.getByLabel('Navn').fill('Mari Fjellkode')
			await page.getByLabel('E-postadresse').fill('mari@fjellkode.example')
			await page.getByLabel('Stilling').fill('Designer')
			await page.getByRole('button', { name: 'Send invitasjon' }).click()
			await page.getByRole('link', { name: 'Mari Fjellkode' }).waitFor()
			expect(await page.getByRole('listitem').filter({ hasText: 'Mari Fjellkode' }).getByText('Designer').isVisible()).toBe(true)
			await expectAccessible(page)
			const invitation = await env.server.db.selectFrom('outbox').select('subject').where('recipient', '=', 'mari@fjellkode.example').executeTakeFirstOrThrow()
			expect(invitation.subject).toBe('Invitasjon til IKT-nettverket i Lillehammerregionen')
		})

		test('the project leader imports companies and contacts from CSV after a preview', async ({ page, login, navigate }) => {
			await login(LEADER)
			await navigate('/n/ikt-lillehammer/admin')
			await page.getByRole('link', { name: 'Importer fra CSV' }).click()
			await expectAccessible(page)
			const bad = 'organisasjonsnummer;bedrift;navn;epost;rolle\n923609016;Fjellbekk Data AS;Siri Fjell;siri@fjellbekk.example;kontaktperson\n974760674;Feil AS;Per;per@feil.example;\n'
			await page.getByLabel('CSV-fil').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
			await page.getByRole('button', { name: 'Forhåndsvis' }).click()
			await page.getByText('1 rader er klare, 1 rader har feil.').waitFor()
			expect(await page.getByRole('row', { name: /974760674/ }).getByText('kontrollsifferet stemmer ikke').isVisible()).toBe(true)
			expect(await page.getByRole('button', { name: /^Importer/ }).count()).toBe(0)
			await expectAccessible(page)

			const good = bad.split('\n').slice(0, 2).join('\n') + '\n923609016;Fjellbekk Data AS;Tor Bekk;tor@fjellbekk.example;medlem\n'
			await page.getByLabel('CSV-fil').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
			await page.getByRole('button', { name: 'Forhåndsvis' }).click()
			await page.getByRole('button', { name: 'Importer 2 rader' }).click()
			await page.getByText('Ferdig: 2 rader er importert.').waitFor({ timeout: 15_000 })
			await expectAccessible(page)
			await page.getByRole('link', { name: 'Katalog' }).first().click()
			await page.getByRole('link', { name: 'Fjellbekk Data AS' }).click()
			await page.getByRole('heading', { level: 1, name: 'Fjellbekk Data AS', exact: true }).waitFor()
			await page.getByRole('link', { name: 'Siri Fjell' }).waitFor()
			expect(await page.getByRole('link', { name: 'Tor Bekk' }).isVisible()).toBe(true)

			await navigate('/n/ikt-lillehammer/admin/logg')
			expect(await page.getByText('Import fullført').isVisible()).toBe(true)
			expect(await page.getByText('Bedrift lagt til: Fjellbekk Data AS').isVisible()).toBe(true)
		})

		test('the project leader adds a company, invites its contact and sets roles', async ({ page, login, navigate }) => {
			await login(LEADER)
			await navigate('/n/ikt-lillehammer/admin/bedrifter/ny')
			await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('974 760 674')
			await page.getByLabel('Navn', { exact: true }).fill('Brattbakken Programvare AS')
			await page.getByRole('button', { name: 'Legg til bedrift' }).click()
			await page.getByText('Organisasjonsnummeret er ikke gyldig').waitFor()
			expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe('Brattbakken Programvare AS')
			await expectAccessible(page)
			// Looking the number up in the company register fills in the form.
			await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('974 760 673')
			await page.getByRole('button', { name: 'Slå opp i Enhetsregisteret' }).click()
			await page.getByText('Fant Mjøskanten Drift Avd Lillehammer i Enhetsregisteret.').waitFor()
			expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe('Mjøskanten Drift Avd Lillehammer')
			expect(await page.getByLabel('Morselskap (organisasjonsnummer)').inputValue()).toBe('923609016')
			expect(await page.getByLabel('Næringskode').inputValue()).toBe('63.110')
			await expectAccessible(page)
			await page.getByLabel('Navn', { exact: true }).fill('Brattbakken Programvare AS')
			await page.getByRole('button', { name: 'Legg til bedrift' }).click()
			await page.getByRole('heading', { level: 1, name: 'Brattbakken Programvare AS', exact: true }).waitFor()
			expect(await page.getByText('974 760 673').isVisible()).toBe(true)

			await navigate('/n/ikt-lillehammer/admin/personer')
			await page.getByLabel('Navn', { exact: true }).fill('Vilde Bratt')
			await page.getByLabel('E-postadresse').fill('vilde@brattbakken.example')
			await page.getByLabel('Arbeidsgiver').selectOption({ label: 'Brattbakken Programvare AS' })
			await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Kontaktperson for bedriften' })
			await page.getByRole('button', { name: 'Send invitasjon' }).click()
			await page.getByText('Invitasjonen er sendt til vilde@brattbakken.example.').waitFor()
			await expectAccessible(page)

			// A search by company narrows the list; the roles are changed from there.
			await page.getByLabel('Søk etter navn, e-post eller bedrift').fill('brattbakken')
			await page.getByRole('button', { name: 'Søk', exact: true }).click()
			await page.getByText(/^1 av \d+ personer$/).waitFor()
			expect(await page.getByRole('row').count()).toBe(2)
			await expectAccessible(page)
			// On a phone the people table scrolls in its own box, which the keyboard can then reach; on a wide screen it is no tab stop.
			await page.setViewportSize({ width: 360, height: 800 })
			expect(await page.getByRole('table').evaluate((table) => table.scrollWidth > table.clientWidth)).toBe(true)
			await expect.poll(() => page.getByRole('table').getAttribute('tabindex')).toBe('0')
			await page.setViewportSize({ width: 1280, height: 800 })
			await expect.poll(() => page.getByRole('table').getAttribute('tabindex')).toBeNull()
			const row = page.getByRole('row', { name: /Vilde Bratt/ })
			await openDetails(row.locator('summary'))
			const steering = row.getByLabel('Styringsgruppe')
			await steering.waitFor()
			await steering.check()
			expect(await steering.isChecked()).toBe(true)
			// The answer to the save says what went wrong if the message does not come.
			const [saved] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/personer')),
				row.getByRole('button', { name: 'Lagre roller' }).press('Enter'),
			])
			expect(saved.status()).toBe(200)
			await page.getByText('Rollene til Vilde Bratt er lagret.').waitFor()

			await navigate('/utvikling/epost')
			expect(await page.getByText('Invitasjon til IKT-nettverket i Lillehammerregionen').first().isVisible()).toBe(true)
			await navigate('/n/ikt-lillehammer/admin/logg')
			expect(await page.getByText('Roller endret: company_contact → company_contact, steering_group').isVisible()).toBe(true)
		})
	})
}

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
