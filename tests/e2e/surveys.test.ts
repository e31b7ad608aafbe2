import { afterAll, beforeAll, describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { DIALECTS } from '../support/databases.ts'
import { e2e, expectAccessible, waitForHydration } from './fixtures.ts'

const LEADER = 'kari.nordby@knute.example'
const OLA = 'ola.haugen@fjellkode.example'
const SURVEYS = '/n/ikt-lillehammer/undersokelser'

/** A table's rows below its head, each cell's text on one line. */
const rows = (page: Page, table = page.getByRole('table').first()) =>
	table.getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim().replace(/\s+/g, ' '))))

for (const dialect of DIALECTS) {
	describe(`surveys in Chromium on ${dialect}: written, answered through a link and signed in, counted`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		test("the survey after the input meeting: the project leader reads its results, the competences against what the members offer", async ({ page, login, navigate }) => {
			await login(LEADER)
			await navigate(SURVEYS)
			expect(await rows(page)).toEqual([['Undersøkelse etter innspillsmøtet', 'Alle med lenken', expect.stringMatching(/^Avsluttet \d+\. \w+ \d{4}$/), '15', '–']])
			await waitForHydration(page)
			await page.getByRole('link', { name: 'Undersøkelse etter innspillsmøtet' }).click()
			await page.getByRole('heading', { level: 2, name: 'Resultater (15 svar)' }).waitFor()
			await expectAccessible(page)
			const question = (name: string) => page.getByRole('region', { name })
			// One person from each of the fifteen companies answered; the scale's answers 5, 4, 5, 3, 4 in turn.
			expect(await question('1. Hvor stort behov ser dere for mer samarbeid mellom IKT-bedriftene i regionen?').getByText('Snitt: 4,2 av 5').isVisible()).toBe(true)
			expect(await rows(page, question('1. Hvor stort behov ser dere for mer samarbeid mellom IKT-bedriftene i regionen?').getByRole('table'))).toEqual([
				['1', '0', '0 %'],
				['2', '0', '0 %'],
				['3', '3', '20 %'],
				['4', '6', '40 %'],
				['5', '6', '40 %'],
			])
			// What they would work together on, each chosen by some.
			expect(await rows(page, question('2. Hva vil dere samarbeide om?').getByRole('table'))).toEqual([
				['Felles utviklingsprosjekter', '13', '87 %'],
				['Rekruttering', '12', '80 %'],
				['Kompetanseheving', '12', '80 %'],
				['Kontakt med forskningsmiljøer', '10', '67 %'],
				['Felles markedsføring', '8', '53 %'],
			])
			// What they lack, the most named first and, among equals, the least offered: artificial intelligence nobody offers.
			const lacking = await rows(page, question('3. Hvilken kompetanse mangler dere i dag?').getByRole('table'))
			expect(lacking.slice(0, 3)).toEqual([
				['Kunstig intelligens', '5', 'Mangler i nettverket', 'Legg til tiltak'],
				['Informasjonssikkerhet', '3', 'Lågen Sikkerhet AS', 'Legg til tiltak'],
				['Universell utforming', '3', 'Fjellkode AS', 'Legg til tiltak'],
			])
			expect(await question('4. Andre innspill til nettverket').getByRole('listitem').first().innerText()).toBe('Gjerne samlinger på ettermiddagen, så vi får med utviklerne. – Fjellkode AS')
			// The answers for a spreadsheet: a header and one row an answer.
			const csv = await (await page.request.get(await page.getByRole('link', { name: 'Last ned alle svar (CSV)' }).evaluate((a: HTMLAnchorElement) => a.href))).text()
			const lines = csv.trimEnd().split('\r\n')
			expect(lines).toHaveLength(16)
			expect(lines[0]).toBe('\uFEFF"Svart";"Navn";"E-postadresse";"Bedrift";"Hvor stort behov ser dere for mer samarbeid mellom IKT-bedriftene i regionen?";"Hva vil dere samarbeide om?";"Hvilken kompetanse mangler dere i dag?";"Andre innspill til nettverket"')
			expect(lines[1]).toContain('"Ingrid Bakken";"ingrid.bakken@fjellkode.example";"Fjellkode AS";"5";"Felles utviklingsprosjekter, Rekruttering, Kompetanseheving, Kontakt med forskningsmiljøer, Felles markedsføring";"Kunstig intelligens";"Gjerne samlinger på ettermiddagen, så vi får med utviklerne."')
			// A gap leads to an initiative for it.
			await question('3. Hvilken kompetanse mangler dere i dag?').getByRole('link', { name: 'Legg til tiltak for Kunstig intelligens' }).click()
			await page.getByRole('heading', { level: 1, name: 'Legg til tiltak' }).waitFor()
			expect(await page.getByLabel('Kompetansen tiltaket hever').inputValue()).toBe('Kunstig intelligens')

			// The steering group reads the results too, but not who answered with their addresses.
			await login('major.lien@knute.example')
			await navigate(SURVEYS)
			expect(await rows(page)).toEqual([['Undersøkelse etter innspillsmøtet', 'Alle med lenken', expect.stringMatching(/^Avsluttet/), '15', '–']])
			expect(await page.getByRole('heading', { name: 'Ny undersøkelse' }).count()).toBe(0)
			await waitForHydration(page)
			await page.getByRole('link', { name: 'Undersøkelse etter innspillsmøtet' }).click()
			await page.getByRole('heading', { level: 2, name: 'Resultater (15 svar)' }).waitFor()
			await expectAccessible(page)
			expect(await page.getByText('Snitt: 4,2 av 5').isVisible()).toBe(true)
			expect(await page.getByRole('link', { name: 'Last ned alle svar (CSV)' }).count()).toBe(0)
		})

		test('the project leader writes a survey and opens it; a visitor answers through the link, a member signed in; then it closes', async ({ page, login, navigate }) => {
			await login(LEADER)
			await navigate(SURVEYS)
			await waitForHydration(page)
			await page.getByLabel('Tittel').fill('Kompetanse 2027')
			await page.getByLabel('Hvem kan svare').selectOption({ label: 'Alle med lenken' })
			await page.getByRole('button', { name: 'Lag utkast' }).click()
			await page.getByRole('heading', { level: 1, name: 'Kompetanse 2027' }).waitFor()
			await expectAccessible(page)
			// An introduction added to the draft afterwards.
			await page.getByRole('textbox', { name: 'Innledning' }).fill('Det tar to minutter.')
			await page.getByRole('button', { name: 'Lagre' }).click()
			await expect.poll(() => page.getByRole('textbox', { name: 'Innledning' }).inputValue()).toBe('Det tar to minutter.')
			// Nothing to answer yet: it cannot be opened.
			await page.getByRole('button', { name: 'Åpne for svar' }).click()
			await page.getByText('Legg til minst ett spørsmål før undersøkelsen åpnes.').waitFor()
			const add = async (text: string, kind: string, options = '', required = false) => {
				await page.getByLabel('Spørsmål', { exact: true }).fill(text)
				await page.getByLabel('Svartype').selectOption({ label: kind })
				await page.getByLabel('Svaralternativer').fill(options)
				if (required) await page.getByLabel('Må besvares').check()
				await page.getByRole('button', { name: 'Legg til spørsmål' }).click()
			}
			await add('Hvor nyttig har nettverket vært så langt?', 'Skala 1–5', '', true)
			await page.getByRole('heading', { level: 2, name: 'Spørsmål (1)' }).waitFor()
			// A choice needs two choices at least: refused, what was written kept.
			await add('Hvilket tema ønsker dere først?', 'Ett valg', 'Sikkerhet')
			await page.getByText('Skriv mellom 2 og 12 svaralternativer, ett på hver linje.').waitFor()
			expect(await page.getByLabel('Spørsmål', { exact: true }).inputValue()).toBe('Hvilket tema ønsker dere først?')
			await page.getByLabel('Svaralternativer').fill('Sikkerhet\nKunstig intelligens')
			await page.getByRole('button', { name: 'Legg til spørsmål' }).click()
			await page.getByRole('heading', { level: 2, name: 'Spørsmål (2)' }).waitFor()
			await add('Hvilken kompetanse trenger dere?', 'Kompetanser')
			await page.getByRole('heading', { level: 2, name: 'Spørsmål (3)' }).waitFor()
			await expectAccessible(page)
			await page.getByRole('button', { name: 'Åpne for svar' }).click()
			await page.getByRole('heading', { level: 2, name: 'Resultater (0 svar)' }).waitFor()
			const link = await page.getByRole('link', { name: /\/undersokelser\/\d+$/ }).innerText()

			// A visitor, not signed in, through the link.
			await page.context().clearCookies()
			await page.goto(link)
			await expectAccessible(page)
			expect(await page.getByText('Det tar to minutter.').isVisible()).toBe(true)
			await waitForHydration(page)
			await page.getByLabel('Navn', { exact: true }).fill('Siri Dahl')
			await page.getByRole('button', { name: 'Send svar' }).click()
			await page.getByText('Skjemaet har feil. Rett opp det som er merket og prøv igjen.').waitFor()
			expect(await page.getByRole('group', { name: 'Hvor nyttig har nettverket vært så langt?' }).getByText('Fyll ut feltet.').isVisible()).toBe(true)
			expect(await page.getByText('Du må samtykke for å sende svaret.').isVisible()).toBe(true)
			expect(await page.getByLabel('Navn', { exact: true }).inputValue()).toBe('Siri Dahl')
			await page.getByRole('group', { name: 'Hvor nyttig har nettverket vært så langt?' }).getByLabel('4').check()
			await page.getByRole('group', { name: 'Hvilket tema ønsker dere først? (valgfritt)' }).getByLabel('Kunstig intelligens').check()
			await page.getByLabel('Hvilken kompetanse trenger dere? (valgfritt)').fill('Maskinlæring, skytjenester')
			await page.getByLabel('E-postadresse', { exact: true }).fill('siri@dahl-data.example')
			await page.getByLabel('Bedrift', { exact: true }).fill('Dahl Data AS')
			await page.getByLabel(/^Jeg samtykker/).check()
			await page.getByRole('button', { name: 'Send svar' }).click()
			await page.getByText('Takk! Svaret ditt er registrert.').waitFor()
			await expectAccessible(page)
			// The same address again is refused.
			await page.goto(link)
			await waitForHydration(page)
			await page.getByRole('group', { name: 'Hvor nyttig har nettverket vært så langt?' }).getByLabel('2').check()
			await page.getByLabel('Navn', { exact: true }).fill('Siri Dahl')
			await page.getByLabel('E-postadresse', { exact: true }).fill('SIRI@dahl-data.example')
			await page.getByLabel('Bedrift', { exact: true }).fill('Dahl Data AS')
			await page.getByLabel(/^Jeg samtykker/).check()
			await page.getByRole('button', { name: 'Send svar' }).click()
			await page.getByText('Denne e-postadressen har allerede svart på undersøkelsen.').waitFor()

			// A member finds it among the open surveys and answers as themself.
			await login(OLA)
			await navigate(SURVEYS)
			expect(await rows(page)).toEqual([['Kompetanse 2027', 'Alle med lenken', expect.stringMatching(/^Åpen for svar/), 'Svar på Kompetanse 2027']])
			await waitForHydration(page)
			await page.getByRole('link', { name: 'Svar på Kompetanse 2027' }).click()
			await page.getByText('Du svarer som Ola Haugen, Fjellkode AS.').waitFor()
			expect(await page.getByLabel('Navn', { exact: true }).count()).toBe(0)
			await page.getByRole('group', { name: 'Hvor nyttig har nettverket vært så langt?' }).getByLabel('5').check()
			await page.getByLabel('Hvilken kompetanse trenger dere? (valgfritt)').fill('Maskinlæring')
			await page.getByRole('button', { name: 'Send svar' }).click()
			await page.getByText('Takk! Svaret ditt er registrert.').waitFor()
			await navigate(SURVEYS)
			expect((await rows(page))[0]![3]).toBe('Besvart')

			// The project leader sees both answers and closes the survey; the link takes no more.
			await login(LEADER)
			await navigate(SURVEYS)
			await waitForHydration(page)
			await page.getByRole('link', { name: 'Kompetanse 2027', exact: true }).click()
			await page.getByRole('heading', { level: 2, name: 'Resultater (2 svar)' }).waitFor()
			expect(await page.getByText('Snitt: 4,5 av 5').isVisible()).toBe(true)
			expect(await rows(page, page.getByRole('region', { name: '3. Hvilken kompetanse trenger dere?' }).getByRole('table'))).toEqual([
				['Maskinlæring', '2', 'Øyer Analyse AS', 'Legg til tiltak'],
				['skytjenester', '1', 'Mjøsdata AS', 'Legg til tiltak'],
			])
			await page.getByRole('button', { name: 'Avslutt undersøkelsen' }).click()
			await page.getByText(/^Avsluttet/).first().waitFor()
			await expectAccessible(page)
			await page.context().clearCookies()
			await page.goto(link)
			await page.getByText('Undersøkelsen tar ikke imot svar.').waitFor()
		})

		test("a survey for the network's people: each hears of it, and the project leader reminds those who have not answered, once a day", async ({ page, login, navigate }) => {
			await login(LEADER)
			await navigate(SURVEYS)
			await waitForHydration(page)
			await page.getByLabel('Tittel').fill('Samlingene så langt')
			await page.getByRole('button', { name: 'Lag utkast' }).click()
			await page.getByRole('heading', { level: 1, name: 'Samlingene så langt' }).waitFor()
			expect(await page.getByText('Nettverkets folk får beskjed i Knute og e-post med lenken når den åpnes.').isVisible()).toBe(true)
			await page.getByLabel('Spørsmål', { exact: true }).fill('Hvor nyttige har samlingene vært?')
			await page.getByRole('button', { name: 'Legg til spørsmål' }).click()
			await page.getByRole('heading', { level: 2, name: 'Spørsmål (1)' }).waitFor()
			await page.getByRole('button', { name: 'Åpne for svar' }).click()
			await page.getByRole('heading', { level: 2, name: 'Resultater (0 svar)' }).waitFor()
			// Everyone in the network but the project leader has a notice.
			const db = env.server.db
			const people = (await db.selectFrom('membership').select('person_id').where('network_id', '=', (eb) => eb.selectFrom('network').select('id').where('slug', '=', 'ikt-lillehammer')).distinct().execute()).length
			const told = await db.selectFrom('notification').select('person_id').where('text', '=', 'Undersøkelse: Samlingene så langt').execute()
			expect(told).toHaveLength(people - 1)

			// A member answers from the notice.
			await login(OLA)
			await navigate('/n/ikt-lillehammer/varsler')
			await waitForHydration(page)
			await page.getByRole('link', { name: 'Undersøkelse: Samlingene så langt' }).click()
			await page.getByText('Du svarer som Ola Haugen, Fjellkode AS.').waitFor()
			await page.getByRole('group', { name: 'Hvor nyttige har samlingene vært? (valgfritt)' }).getByLabel('4').check()
			await page.getByRole('button', { name: 'Send svar' }).click()
			await page.getByText('Takk! Svaret ditt er registrert.').waitFor()

			// The reminder goes to the rest, once.
			await login(LEADER)
			await navigate(SURVEYS)
			await waitForHydration(page)
			await page.getByRole('link', { name: 'Samlingene så langt', exact: true }).click()
			await page.getByRole('heading', { level: 2, name: 'Resultater (1 svar)' }).waitFor()
			await page.getByRole('button', { name: 'Send påminnelse til dem som ikke har svart' }).click()
			await page.getByText(`Påminnelse sendt til ${people - 2} som ikke har svart.`).waitFor()
			await expectAccessible(page)
			expect(await page.getByText(/^Siste påminnelse: /).isVisible()).toBe(true)
			await page.getByRole('button', { name: 'Send påminnelse til dem som ikke har svart' }).click()
			await page.getByText('Det er sendt en påminnelse det siste døgnet. Vent litt før neste.').waitFor()
			const reminded = await db.selectFrom('outbox').select('recipient').where('subject', '=', 'Påminnelse om undersøkelsen: Samlingene så langt').execute()
			expect(reminded).toHaveLength(people - 2)
			expect(reminded.map((m) => m.recipient)).not.toContain(OLA)
		})
	})
}
