import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { getGathering, registerForGathering } from '#app/features/gatherings/gatherings.server.ts'
import { DIALECTS } from '../support/databases.ts'
import { e2e, expectAccessible, openDetails } from './fixtures.ts'

const LEADER = 'kari.nordby@knute.example'
const OLA = 'ola.haugen@fjellkode.example'
const INGRID = 'ingrid.bakken@fjellkode.example'
const STEERING = 'major.lien@knute.example'
/** Two from Fjellkode, and one each from five other member companies (Mjøsdata does not want to meet Innlandet Nettverk). */
const PARTICIPANTS = [
	'ola.haugen@fjellkode.example',
	'ingrid.bakken@fjellkode.example',
	'per.strand@mjosdata.example',
	'torunn.aas@innlandetnettverk.example',
	'hanne.lund@lagensikkerhet.example',
	'lars.ronning@hafjellapputvikling.example',
	'anders.nyhus@oyeranalyse.example',
]

for (const dialect of DIALECTS) {
	describe(`getting to know each other in Chromium on ${dialect}`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		const as = async (page: import('playwright-core').Page, login: (email: string) => Promise<void>, email: string) => {
			await page.context().clearCookies()
			await login(email)
		}

		test('the project leader plans and runs the rounds; a participant sees their schedule and the map', async ({ page, login, navigate }) => {
			const db = env.server.db
			const { id: gatheringId, network_id } = await db.selectFrom('gathering').select(['id', 'network_id']).where('title', '=', 'Første samling i IKT-nettverket').executeTakeFirstOrThrow()
			const gathering = (await getGathering(db, { networkId: network_id, gatheringId }))!
			for (const email of PARTICIPANTS) {
				const person = await db.selectFrom('person').select(['id', 'name', 'organisation_id']).where('email', '=', email).executeTakeFirstOrThrow()
				await registerForGathering(db, { network: { id: network_id, slug: 'ikt-lillehammer', name: 'IKT', name_en: 'ICT' }, gathering, origin: env.server.url, lang: 'nb' }, {
					name: person.name, email, phone: '', company: '', org_number: null, job_title: '', dietary: '', show_in_attendance: true, person_id: person.id, organisation_id: person.organisation_id,
				})
			}

			await as(page, login, LEADER)
			await navigate(`/n/ikt-lillehammer/admin/samlinger/${gatheringId}`)
			await page.getByRole('link', { name: 'Bli kjent-runder' }).click()
			await page.getByRole('heading', { level: 1, name: 'Bli kjent-runder: Første samling i IKT-nettverket' }).waitFor()
			await expectAccessible(page)
			// Bad input is refused with a message; the choices stay.
			await page.getByLabel('Antall runder').fill('0')
			await page.getByLabel('Per Strand (Mjøsdata AS)').uncheck()
			await page.getByRole('button', { name: 'Lag møteplan' }).click()
			await page.getByText('Velg fra 1 til 20 runder.').waitFor()
			expect(await page.getByLabel('Per Strand (Mjøsdata AS)').isChecked()).toBe(false)
			expect(await page.getByLabel('Ola Haugen (Fjellkode AS)').isChecked()).toBe(true)
			await page.getByLabel('Per Strand (Mjøsdata AS)').check()
			await page.getByLabel('Antall runder').fill('3')
			await page.getByLabel('Minutter per runde').fill('6')
			await page.getByRole('button', { name: 'Lag møteplan' }).click()
			await page.getByText('Møteplanen er laget: 3 runder.').waitFor()
			await page.getByRole('region', { name: 'Runde 3' }).waitFor()
			await expectAccessible(page)

			const rowsOf = async (round: number) => page.getByRole('region', { name: `Runde ${round}` }).getByRole('row').allTextContents()
			for (const round of [1, 2, 3]) {
				const rows = (await rowsOf(round)).slice(1)
				expect(rows.length).toBeGreaterThanOrEqual(2)
				// Never two from Fjellkode at one table, never Mjøsdata with Innlandet Nettverk.
				expect(rows.some((r) => r.includes('Ola Haugen') && r.includes('Ingrid Bakken'))).toBe(false)
				expect(rows.some((r) => r.includes('Mjøsdata AS') && r.includes('Innlandet Nettverk AS'))).toBe(false)
			}
			// Seven people: three tables in the first round, one of them a group of three.
			expect((await rowsOf(1)).slice(1).map((r) => (r.match(/\(/g) ?? []).length).sort()).toEqual([2, 2, 3])
			// Later rounds run out of new pairs for some: they sit out, and the page says so.
			expect(await page.getByRole('region', { name: 'Runde 3' }).getByText(/^Står over: /).isVisible()).toBe(true)

			await page.getByRole('button', { name: 'Lås bord 1 i runde 3' }).click()
			await page.getByText('Låsen er lagret.').waitFor()
			await page.getByRole('button', { name: 'Lås opp bord 1 i runde 3' }).waitFor()
			const locked = (await rowsOf(3))[1]!

			await page.getByRole('button', { name: 'Start runde 1' }).click()
			await page.getByText('Runde 1 av 3 pågår.').waitFor()
			await page.getByRole('link', { name: 'Vis rundene på skjerm' }).click()
			await page.getByRole('heading', { level: 1, name: 'Runde 1 av 3' }).waitFor()
			expect(await page.getByRole('timer').textContent()).toMatch(/^[56]:\d\d$/)
			await expectAccessible(page)
			await page.getByRole('link', { name: 'Tilbake til møteplanen' }).click()

			// Lars leaves: the rounds to come are planned again without him; the locked table stays.
			await openDetails(page.getByText('Noen har gått'))
			await page.getByLabel('Hvem har gått?').selectOption({ label: 'Lars Rønning (Hafjell Apputvikling AS)' })
			await page.getByRole('button', { name: 'Planlegg resten på nytt' }).click()
			await page.getByText('Lars Rønning er tatt ut, og rundene som gjenstår er planlagt på nytt.').waitFor()
			await page.getByRole('region', { name: 'Runde 2' }).getByText('Lars Rønning').waitFor({ state: 'detached' })
			expect((await rowsOf(1)).some((r) => r.includes('Lars Rønning'))).toBe(true)
			for (const round of [2, 3]) expect((await rowsOf(round)).some((r) => r.includes('Lars Rønning'))).toBe(false)
			expect(await rowsOf(3)).toContain(locked)
			await expectAccessible(page)

			for (const next of ['Start runde 2', 'Start runde 3', 'Avslutt og registrer møtene']) {
				await page.getByRole('button', { name: next }).click()
				await page.getByRole('button', { name: next }).waitFor({ state: 'detached' })
			}
			await page.getByText('Rundene er over, og møtene er registrert som «har møttes».').waitFor()
			const met = await db.selectFrom('company_contact').select('id').where('gathering_id', '=', gatheringId).execute()
			expect(met.length).toBeGreaterThanOrEqual(8)

			await as(page, login, OLA)
			await navigate(`/n/ikt-lillehammer/samlinger/${gatheringId}`)
			await page.getByRole('link', { name: 'Se mine møter' }).click()
			await page.getByRole('heading', { level: 1, name: 'Mine møter: Første samling i IKT-nettverket' }).waitFor()
			const mine = (await page.getByRole('row').allTextContents()).slice(1)
			expect(mine).toHaveLength(3)
			// Round, table and whom, never a colleague; or a round sat out.
			expect(mine.every((r, i) => r.startsWith(String(i + 1)) && !r.includes('Ingrid Bakken'))).toBe(true)
			expect(mine.every((r) => / AS/.test(r) || r.includes('Du står over denne runden.'))).toBe(true)
			await expectAccessible(page)
			// It prints on one A4 page, without the menus.
			const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ format: 'A4' })))
			expect(pdf.numPages).toBe(1)
			const { text } = await extractText(pdf, { mergePages: true })
			expect(text).toContain('Mine møter')
			expect(text).not.toContain('Nettverkskart')

			await navigate('/n/ikt-lillehammer/kart')
			await page.getByRole('heading', { level: 1, name: 'Nettverkskart' }).waitFor()
			expect(await page.getByText(/av 55 bedriftspar har møtt hverandre/).isVisible()).toBe(true)
			expect(await page.getByRole('img', { name: 'Kart over hvem som kjenner hvem' }).isVisible()).toBe(true)
			const links = await page.getByRole('region', { name: 'Forbindelser' }).getByRole('row').allTextContents()
			expect(links.some((r) => r.startsWith('Fjellkode AS') && r.includes('Lågen Sikkerhet AS'))).toBe(true)
			const notMet = page.getByRole('region', { name: 'Dere har ikke møtt disse ennå' })
			expect(await notMet.getByRole('listitem').filter({ hasText: 'Gausdal Robotikk AS' }).isVisible()).toBe(true)
			// A contact outside the gatherings: the company must be chosen.
			const record = page.getByRole('region', { name: 'Registrer en kontakt' })
			await record.getByRole('button', { name: 'Registrer' }).click()
			await page.getByText('Velg en bedrift.').waitFor()
			await record.getByLabel('Bedrift').selectOption({ label: 'Gausdal Robotikk AS' })
			await record.getByLabel('Hva slags kontakt').selectOption({ label: 'Vi har jobbet sammen' })
			await record.getByRole('button', { name: 'Registrer' }).click()
			await page.getByText('Kontakten er registrert.').waitFor()
			await notMet.getByRole('listitem').filter({ hasText: 'Gausdal Robotikk AS' }).waitFor({ state: 'detached' })
			await expectAccessible(page)
		})

		test('the trust survey: the leader starts it, a company answers once, results only as aggregates', async ({ page, login, navigate }) => {
			await as(page, login, LEADER)
			// The project leader has no company of their own: they choose one on the map.
			await navigate('/n/ikt-lillehammer/kart')
			await page.getByText('Velg en bedrift for å se hvem den ikke har møtt ennå.').waitFor()
			await page.getByLabel('Vis for bedrift').selectOption({ label: 'Fjellkode AS' })
			await page.getByRole('button', { name: 'Vis', exact: true }).click()
			const fjellkode = page.getByRole('region', { name: 'Fjellkode AS har ikke møtt disse ennå' })
			await fjellkode.waitFor()
			expect(await fjellkode.getByRole('listitem').filter({ hasText: 'Lågen Sikkerhet AS' }).count()).toBe(0)
			expect(await fjellkode.getByRole('listitem').filter({ hasText: 'Hafjell Apputvikling AS' }).count()).toBe(0)
			expect(await fjellkode.getByRole('listitem').filter({ hasText: 'Vinstra Webbyrå AS' }).isVisible()).toBe(true)
			await expectAccessible(page)

			await navigate('/n/ikt-lillehammer/tillit')
			// The first survey from the start of the pre-project, answered by four companies.
			const results = page.getByRole('region', { name: 'Resultater' })
			expect(await results.getByRole('row', { name: /^Nettverket samlet/ }).textContent()).toMatch(/kjenner \d(,\d)?, stoler på \d(,\d)?/)
			await page.getByLabel('Navn på undersøkelsen').fill('Avslutning')
			await page.getByRole('button', { name: 'Start undersøkelsen' }).click()
			await page.getByText('Undersøkelsen «Avslutning» er startet.').waitFor()
			await expectAccessible(page)

			await as(page, login, INGRID)
			await navigate('/n/ikt-lillehammer/tillit')
			await page.getByRole('link', { name: 'Svar for Fjellkode AS: Avslutning' }).click()
			await page.getByRole('heading', { level: 1, name: 'Avslutning: svar for Fjellkode AS' }).waitFor()
			await expectAccessible(page)
			expect(await page.getByLabel('Hvor godt kjenner dere Fjellkode AS?').count()).toBe(0)
			// An unanswered question is refused, with the answers given kept.
			await page.getByLabel('Hvor godt kjenner dere Mjøsdata AS?').selectOption('4')
			await page.getByRole('button', { name: 'Send svaret' }).click()
			await page.getByText('Skjemaet har feil.').waitFor()
			expect(await page.getByLabel('Hvor godt kjenner dere Mjøsdata AS?').inputValue()).toBe('4')
			await expectAccessible(page)
			for (const select of await page.getByRole('combobox').all()) await select.selectOption('4')
			await page.getByRole('button', { name: 'Send svaret' }).click()
			await page.getByText('Fjellkode AS har svart på «Avslutning».').waitFor()
			const latest = await page.getByRole('region', { name: 'Resultater' }).getByRole('row', { name: /^Nettverket samlet/ }).textContent()
			expect(latest).toContain('for få svar')
			expect(latest).toMatch(/Endring|–$/)

			await page.goBack()
			await page.reload()
			await page.getByText('Fjellkode AS har allerede svart på denne undersøkelsen.').waitFor()

			await as(page, login, STEERING)
			await navigate('/n/ikt-lillehammer/tillit')
			expect(await page.getByRole('link', { name: /Svar for/ }).count()).toBe(0)
			expect(await page.getByRole('region', { name: 'Resultater' }).getByRole('row', { name: /^Fjellkode AS/ }).isVisible()).toBe(true)
		})
	})
}
