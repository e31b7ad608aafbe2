import ICAL from 'ical.js'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { DIALECTS } from '../support/databases.ts'
import { e2e, expectAccessible, openDetails } from './fixtures.ts'

const LEADER = 'kari.nordby@knute.example'
const MEMBER_A = 'per.strand@mjosdata.example'
const MEMBER_B = 'hanne.lund@lagensikkerhet.example'

for (const dialect of DIALECTS) {
	describe(`gatherings in Chromium on ${dialect}`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		const openGatheringId = async () => (await env.server.db.selectFrom('gathering').select('id').where('title', '=', 'Første samling i IKT-nettverket').executeTakeFirstOrThrow()).id

		test('a visitor registers for the open gathering without an account, then cancels by the link', async ({ page, navigate }) => {
			const id = await openGatheringId()
			await navigate('/n/ikt-lillehammer')
			await page.getByRole('link', { name: 'Samlinger' }).click()
			await page.getByRole('link', { name: 'Første samling i IKT-nettverket' }).click()
			await page.getByRole('heading', { name: 'Program' }).waitFor()
			await expectAccessible(page)
			// On a phone the program fits as it is: each speaker under the item, nothing to scroll sideways.
			await page.setViewportSize({ width: 390, height: 844 })
			const program = page.getByRole('region', { name: 'Program' }).getByRole('table')
			expect(await program.getByRole('row').first().getByRole('cell').allInnerTexts()).toEqual(['09:00', expect.stringMatching(/^Velkommen og kaffe\n+Geir Tollefsen, næringssjef$/)])
			expect(await program.evaluate((table) => table.scrollWidth - table.clientWidth)).toBe(0)
			await page.setViewportSize({ width: 1280, height: 900 })

			await page.getByLabel('Navn', { exact: true }).fill('Siv Besøk')
			await page.getByLabel('E-postadresse').fill('siv@nybedrift.example')
			await page.getByLabel('Bedrift', { exact: true }).fill('Ny Bedrift AS')
			await page.getByLabel('Organisasjonsnummer').fill('923609017')
			await page.getByLabel('Organisasjonsnummer').press('Tab')
			await page.getByText('kontrollsifferet stemmer ikke').waitFor()
			await page.getByRole('button', { name: 'Meld deg på' }).click()
			await page.getByText('Du må samtykke for å melde deg på.').waitFor()
			expect(await page.getByText('kontrollsifferet stemmer ikke').isVisible()).toBe(true)
			expect(await page.getByLabel('Bedrift', { exact: true }).inputValue()).toBe('Ny Bedrift AS')
			await expectAccessible(page)

			await page.getByLabel('Organisasjonsnummer').fill('923609016')
			await page.getByLabel('Jeg samtykker').check()
			await page.getByRole('button', { name: 'Meld deg på' }).click()
			await page.getByText('Du er påmeldt. Vi har sendt en bekreftelse').waitFor()
			await expectAccessible(page)

			// The confirmation carries a calendar invitation; the company became a prospect.
			const mail = await env.server.db.selectFrom('outbox').select(['body_text', 'ics']).where('recipient', '=', 'siv@nybedrift.example').executeTakeFirstOrThrow()
			const event = new ICAL.Event(new ICAL.Component(ICAL.parse(mail.ics!)).getFirstSubcomponent('vevent')!)
			expect(event.uid).toBe(`gathering-${id}@knute`)
			const prospect = await env.server.db
				.selectFrom('network_organisation as no')
				.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
				.select(['o.name', 'no.status'])
				.where('o.org_number', '=', '923609016')
				.executeTakeFirstOrThrow()
			expect(prospect).toEqual({ name: 'Ny Bedrift AS', status: 'prospect' })

			const manage = /http\S+pamelding\S+/.exec(mail.body_text)![0]
			await page.goto(manage)
			await expectAccessible(page)
			await page.getByRole('button', { name: 'Meld meg av' }).click()
			await page.getByText('Du er meldt av').waitFor()
			await page.goto(manage)
			await page.getByText('Påmeldingen er allerede avmeldt.').waitFor()
			// A tampered link finds nothing.
			// (One character changed: a random token may start with any letter, so pick one it does not.)
			await page.goto(manage.replace(/token=(.)/, (_, first: string) => `token=${first === 'X' ? 'Y' : 'X'}`))
			await page.getByText('Lenken er ugyldig eller endret').first().waitFor()
			await expectAccessible(page)
		})

		test('the project leader plans a members-only gathering; the waitlist moves up when someone cancels', async ({ page, login, navigate }) => {
			await login(LEADER)
			await navigate('/n/ikt-lillehammer/admin/samlinger/ny')
			await page.getByLabel('Tittel').fill('Arbeidsmøte om prosjektideer')
			await page.getByLabel('Sted', { exact: true }).fill('Fjellkode, Storgata 1')
			await page.getByLabel('Starter').fill('2027-01-14T09:00')
			await page.getByLabel('Slutter').fill('2027-01-14T08:00')
			await page.getByLabel('Antall plasser').fill('1')
			await page.getByLabel('Program').fill('09:00 | Velkommen | Kari Nordby\n09:15 | Idédugnad')
			await page.getByRole('button', { name: 'Lagre samlingen' }).click()
			await page.getByText('Slutt må være etter start.').waitFor()
			await expectAccessible(page)
			await page.getByLabel('Slutter').fill('2027-01-14T12:00')
			await page.getByRole('button', { name: 'Lagre samlingen' }).click()
			await page.getByRole('button', { name: 'Publiser' }).click()
			await page.getByText('Samlingen er publisert.').waitFor()
			await expectAccessible(page)
			const gathering = await env.server.db.selectFrom('gathering').select(['id', 'starts_at']).where('title', '=', 'Arbeidsmøte om prosjektideer').executeTakeFirstOrThrow()
			expect(gathering.starts_at).toBe('2027-01-14T08:00:00.000Z')

			// A visitor cannot register for a members-only gathering.
			const visitorPage = await page.context().browser()!.newPage()
			await visitorPage.goto(`${env.server.url}/n/ikt-lillehammer/samlinger/${gathering.id}`)
			expect(await visitorPage.getByText('Samlingen er bare for medlemmer').isVisible()).toBe(true)
			expect(await visitorPage.getByRole('button', { name: 'Meld deg på' }).count()).toBe(0)
			await visitorPage.close()

			await page.context().clearCookies()
			await login(MEMBER_A)
			await navigate(`/n/ikt-lillehammer/samlinger/${gathering.id}`)
			// One day: the date once, start and end each a machine-readable <time>.
			expect(await page.locator('dd', { hasText: '14. januar 2027, 09:00–12:00' }).locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))).toEqual(['2027-01-14T08:00:00.000Z', '2027-01-14T11:00:00.000Z'])
			// A member who reads mail in English gets the confirmation in English, though the page is in bokmål.
			await env.server.db.updateTable('person').set({ lang: 'en' }).where('email', '=', MEMBER_A).execute()
			await page.getByRole('button', { name: 'Meld meg på' }).click()
			await page.getByText('Du er påmeldt.').waitFor()
			await env.server.db.updateTable('person').set({ lang: 'nb' }).where('email', '=', MEMBER_A).execute()
			const confirmation = await env.server.db.selectFrom('outbox').select('subject').where('recipient', '=', MEMBER_A).orderBy('id', 'desc').executeTakeFirstOrThrow()
			expect(confirmation.subject).toBe('Registered: Arbeidsmøte om prosjektideer')

			await page.context().clearCookies()
			await login(MEMBER_B)
			await navigate(`/n/ikt-lillehammer/samlinger/${gathering.id}`)
			expect(await page.getByText('1 av 1 plasser er tatt.').isVisible()).toBe(true)
			await page.getByRole('button', { name: 'Meld meg på' }).click()
			await page.getByText('du står på venteliste').waitFor()
			await expectAccessible(page)

			await page.context().clearCookies()
			await login(MEMBER_A)
			await navigate(`/n/ikt-lillehammer/samlinger/${gathering.id}`)
			await page.getByRole('button', { name: 'Meld meg av' }).click()
			await page.getByText('Du er meldt av').waitFor()
			const promoted = await env.server.db.selectFrom('outbox').select('subject').where('recipient', '=', MEMBER_B).where('subject', 'like', 'Du har fått plass%').executeTakeFirst()
			expect(promoted?.subject).toBe('Du har fått plass: Arbeidsmøte om prosjektideer')

			// The member's personal calendar feed has the members-only gathering, in Oslo time.
			await navigate('/n/ikt-lillehammer/samlinger')
			const feed = await page.locator('code.feed').textContent()
			// Named in the member's language: calendar programs send no cookie, the token says who it is.
			await env.server.db.updateTable('person').set({ lang: 'en' }).where('email', '=', MEMBER_A).execute()
			const ics = await (await page.request.get(feed!)).text()
			await env.server.db.updateTable('person').set({ lang: 'nb' }).where('email', '=', MEMBER_A).execute()
			expect(ics).toContain('X-WR-CALNAME:The ICT Business Network of the Lillehammer Region\r\n')
			const calendar = new ICAL.Component(ICAL.parse(ics))
			ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!)
			const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
			const planned = events.find((e) => e.uid === `gathering-${gathering.id}@knute`)!
			expect(planned.startDate.toJSDate().toISOString()).toBe('2027-01-14T08:00:00.000Z')
			const publicFeed = await (await page.request.get(`${env.server.url}/n/ikt-lillehammer/kalender.ics`)).text()
			expect(publicFeed).not.toContain(`gathering-${gathering.id}@knute`)
			expect(publicFeed).toContain('X-WR-CALNAME:IKT-nettverket i Lillehammerregionen\r\n')
		})

		test('at the door: check-in, a walk-in, minutes and documents, attendance and the export', async ({ page, login, navigate }) => {
			const id = await openGatheringId()
			await login(LEADER)
			await navigate(`/n/ikt-lillehammer/samlinger/${id}`)
			await page.getByRole('button', { name: 'Meld meg på' }).click()
			await page.getByText('Du er påmeldt.').waitFor()
			// The project leader's home shows the next gathering (the soonest published one not over) with its seats taken.
			const soonest = await env.server.db
				.selectFrom('gathering as g')
				.select((eb) => ['g.id', 'g.capacity', eb.selectFrom('registration as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.gathering_id', '=', 'g.id').where('r.status', '=', 'registered').as('registered')])
				.where('g.status', '=', 'published')
				.where('g.ends_at', '>', new Date().toISOString())
				.orderBy('g.starts_at')
				.executeTakeFirstOrThrow()
			await navigate('/n/ikt-lillehammer/admin')
			const next = page.locator('.ds-card').filter({ has: page.getByRole('heading', { name: 'Neste samling' }) })
			expect(await next.getByRole('link').getAttribute('href')).toBe(`/n/ikt-lillehammer/admin/samlinger/${soonest.id}`)
			const registered = Number(soonest.registered)
			const seats = `${registered} påmeldt${registered === 1 ? '' : 'e'}${soonest.capacity === null ? '' : ` av ${soonest.capacity} plasser`}`
			expect(await next.innerText()).toContain(seats)
			await expectAccessible(page)

			// At the door, on a phone.
			await page.setViewportSize({ width: 390, height: 844 })
			await navigate(`/n/ikt-lillehammer/admin/samlinger/${id}/innsjekk`)
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
			await page.getByRole('searchbox').fill('kari')
			await page.getByRole('button', { name: 'Søk' }).click()
			await page.getByRole('button', { name: 'Sjekk inn: Kari Nordby' }).click()
			await page.getByText('Kari Nordby er sjekket inn.').waitFor()
			await expectAccessible(page)
			await openDetails(page.getByText('Legg til en som ikke var påmeldt'))
			await page.getByLabel('Navn', { exact: true }).fill('Dag Dørstokk')
			await page.getByLabel('E-postadresse').fill('dag@dorstokk.example')
			await page.getByLabel('Bedrift', { exact: true }).fill('Dørstokken AS')
			// By keyboard, as on a phone's "Go" key: a tap can miss a button still moving into place.
			await page.getByRole('button', { name: 'Legg til og sjekk inn' }).press('Enter')
			await page.getByText('Dag Dørstokk er lagt til og sjekket inn.').waitFor()

			await page.setViewportSize({ width: 1280, height: 900 })
			await navigate(`/n/ikt-lillehammer/admin/samlinger/${id}`)
			await page.getByRole('textbox', { name: 'Referat' }).fill('Tolv bedrifter møtte.\n\nTre ideer ble lagt fram.')
			await page.getByRole('button', { name: 'Lagre referatet' }).click()
			await page.getByText('Referatet er lagret.').waitFor()
			await page.getByLabel('Dokument', { exact: true }).setInputFiles({ name: 'notat.exe', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') })
			await page.getByRole('button', { name: 'Last opp' }).click()
			await page.getByText('Filtypen er ikke tillatt.').waitFor()
			await page.getByLabel('Dokument', { exact: true }).setInputFiles({ name: 'presentasjon.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
			await page.getByRole('button', { name: 'Last opp' }).click()
			await page.getByText('Dokumentet er lastet opp.').waitFor()
			await expectAccessible(page)
			expect(await page.getByText(/2 påmeldt, 0 på venteliste, 2 møtt/).isVisible()).toBe(true)

			const csv = await (await page.request.get(`${env.server.url}/n/ikt-lillehammer/admin/samlinger/${id}/deltakere.csv`)).text()
			const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][]
			expect(rows[0]![0]).toBe('Navn')
			expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['Kari Nordby', 'Dag Dørstokk']))

			await page.context().clearCookies()
			await login(MEMBER_A)
			await navigate(`/n/ikt-lillehammer/samlinger/${id}`)
			expect(await page.getByText('Tre ideer ble lagt fram.').isVisible()).toBe(true)
			expect(await page.getByRole('link', { name: 'presentasjon.pdf' }).isVisible()).toBe(true)
			expect(await page.getByRole('listitem').filter({ hasText: 'Dørstokken AS' }).isVisible()).toBe(true)
			// Kari agreed to be shown (members are shown by default); the walk-in did not.
			expect(await page.getByText('Kari Nordby, Lillehammer kommune').isVisible()).toBe(true)
			expect(await page.getByText('Dag Dørstokk').count()).toBe(0)

			// A visitor sees neither the minutes nor, in the page's data, their text.
			await page.context().clearCookies()
			const visitorPage = await (await page.request.get(`${env.server.url}/n/ikt-lillehammer/samlinger/${id}`)).text()
			expect(visitorPage).toContain('Første samling i IKT-nettverket')
			expect(visitorPage).not.toContain('Tre ideer ble lagt fram')
		})
	})
}
