import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { DIALECTS } from '../support/databases.ts'
import { e2e, expectAccessible, openDetails } from './fixtures.ts'

const OLA = 'ola.haugen@fjellkode.example'
const INGRID = 'ingrid.bakken@fjellkode.example'
const HANNE = 'hanne.lund@lagensikkerhet.example'
const PER = 'per.strand@mjosdata.example'
const STEERING = 'major.lien@knute.example'
const LEADER = 'kari.nordby@knute.example'
const JONAS = 'jonas.berg@nordlysinteraktiv.example'

for (const dialect of DIALECTS) {
	describe(`project ideas in Chromium on ${dialect}`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		test('an idea is proposed, joined, discussed, evaluated and qualified', async ({ page, login, navigate }) => {
			const move = async (reason: string) => {
				const region = page.getByRole('region', { name: 'Flytt ideen' })
				await region.getByLabel('Begrunnelse').fill(reason)
				await region.getByRole('button', { name: 'Flytt' }).click()
				await page.getByText('Ideen er flyttet.').waitFor()
				// The page's data follows the answer a moment later (the history shows the move):
				// until then the forms below may still shift.
				await page.getByRole('listitem').filter({ hasText: reason }).waitFor()
			}
			const as = async (email: string) => {
				await page.context().clearCookies()
				await login(email)
			}
			await as(OLA)
			await navigate('/n/ikt-lillehammer/ideer')
			// The demo network starts with two ideas on the board, each in its stage's column.
			expect(await page.getByRole('region', { name: 'Foreslått (1)' }).getByRole('link').allInnerTexts()).toEqual(['Stedsdata for reiselivet i dalen'])
			expect(await page.getByRole('region', { name: 'Modnes (1)' }).getByRole('link').allInnerTexts()).toEqual(['Felles beredskapsøvelse mot dataangrep'])
			await page.getByRole('link', { name: 'Foreslå en idé' }).click()
			await page.getByLabel('Tittel').fill('Felles sikkerhetssenter')
			await page.getByLabel('Problemet eller muligheten').fill('Små bedrifter har ikke råd til å overvåke nettverket sitt døgnet rundt.')
			await page.getByLabel('Hva som skal utvikles').fill('Et delt sikkerhetssenter for medlemmene.')
			await page.getByLabel('Hvem som har nytte av det').fill('Medlemsbedriftene og kundene deres.')
			await page.getByLabel('Informasjonssikkerhet').check()
			await page.getByLabel('Annen kompetanse som trengs').fill('Døgnbemanning')
			await expectAccessible(page)
			await page.getByRole('button', { name: 'Lagre ideen' }).click()
			await page.getByRole('heading', { level: 1, name: 'Felles sikkerhetssenter' }).waitFor()
			const ideaUrl = page.url()
			expect(await page.getByText('Informasjonssikkerhet, Døgnbemanning').isVisible()).toBe(true)
			await move('Klar for nettverket')
			await expectAccessible(page)

			for (const [email, role] of [[INGRID, 'Leder'], [PER, 'Partner'], [HANNE, 'Partner']] as const) {
				await as(email)
				await page.goto(ideaUrl)
				await page.getByLabel('Bli med som').selectOption({ label: role })
				await page.getByRole('button', { name: 'Meld bedriften på' }).click()
				await page.getByText('Bedriften er med i ideen.').waitFor()
			}
			await page.getByText('Konsortiet oppfyller Innovasjon Norges krav til sammensetning.').waitFor()
			await page.getByLabel('Ny kommentar').fill('Vi har folk som kan drifte dette. Hva tenker @Ola Haugen om kostnadene?')
			await page.getByRole('button', { name: 'Kommenter' }).click()
			await page.getByText('Kommentaren er lagt inn.').waitFor()
			await expectAccessible(page)

			await as(OLA)
			await navigate('/n/ikt-lillehammer/varsler')
			await page.getByRole('link', { name: 'Hanne Lund nevnte deg i «Felles sikkerhetssenter»' }).click()
			await page.getByText('Hva tenker @Ola Haugen om kostnadene?').waitFor()
			const mail = await env.server.db.selectFrom('outbox').select('subject').where('recipient', '=', OLA).executeTakeFirstOrThrow()
			expect(mail.subject).toBe('Hanne Lund nevnte deg i «Felles sikkerhetssenter»')

			await as(STEERING)
			await page.goto(ideaUrl)
			await move('Lovende, bør modnes')
			await openDetails(page.locator('summary', { hasText: 'Din vurdering (1–10)' }))
			await page.getByLabel('Relevans for nettverket: poeng').fill('9')
			await page.getByLabel('Markedspotensial: poeng').fill('7')
			await page.getByLabel('Markedspotensial: kommentar').fill('Usikkert marked utenfor regionen')
			await page.getByLabel('Markedspotensial: kommentar').press('Enter')
			await page.getByText('Vurderingen er lagret.').waitFor()
			await page.getByText('Vektet poengsum: 8 av 10').waitFor()
			await openDetails(page.locator('summary', { hasText: 'Registrer vedtaket' }))
			await page.getByLabel('Vedtak', { exact: true }).fill('Anbefales til hovedprosjekt')
			await page.getByRole('region', { name: 'Vurdering' }).getByLabel('Begrunnelse').fill('Sterk relevans og forpliktede partnere.')
			await page.getByRole('button', { name: 'Registrer vedtaket' }).click()
			await page.getByText('Vedtaket er registrert.').waitFor()
			await expectAccessible(page)

			await as(LEADER)
			// The project leader's home lists the ideas proposed and not yet taken on: the demo's, no longer this one.
			await navigate('/n/ikt-lillehammer/admin')
			const proposed = page.locator('.ds-card').filter({ has: page.getByRole('heading', { name: 'Foreslåtte ideer å ta stilling til' }) })
			expect(await proposed.getByRole('link').allInnerTexts()).toEqual(['Stedsdata for reiselivet i dalen'])
			await navigate('/n/ikt-lillehammer/admin/kriterier')
			expect(await page.getByLabel('Kriterium 1', { exact: true }).inputValue()).toBe('Relevans for nettverket')
			await page.goto(ideaUrl)
			await move('Vurdert og anbefalt av styringsgruppen')
			await navigate('/n/ikt-lillehammer/ideer')
			await page.getByText('Mål: minst 3 kvalifiserte ideer. Nå: 1.').waitFor()
			const pdf = await page.request.get(`${ideaUrl}/pdf`)
			const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true })
			expect(text).toContain('Felles sikkerhetssenter')
			expect(text).toContain('Fjellkode AS')
		})

		test('a member outside its audience never sees a restricted idea', async ({ page, login, navigate }) => {
			await login(INGRID)
			await navigate('/n/ikt-lillehammer/ideer/ny')
			await page.getByLabel('Tittel').fill('Hemmelig anbud sammen med Lågen')
			await page.getByLabel('Problemet eller muligheten').fill('Et anbud vi ikke vil at konkurrenter skal se.')
			await page.getByLabel('Hva som skal utvikles').fill('Et felles tilbud.')
			await page.getByLabel('Hvem som har nytte av det').fill('Fjellkode og Lågen.')
			await page.getByLabel('Hvem kan se ideen').selectOption({ label: 'Bare navngitte bedrifter' })
			await page.getByLabel('Lågen Sikkerhet AS').check()
			await page.getByRole('button', { name: 'Lagre ideen' }).click()
			await page.getByRole('heading', { level: 1, name: 'Hemmelig anbud sammen med Lågen' }).waitFor()
			const url = page.url()

			await page.context().clearCookies()
			await login(HANNE)
			await page.goto(url)
			await page.getByRole('heading', { level: 1, name: 'Hemmelig anbud sammen med Lågen' }).waitFor()

			await page.context().clearCookies()
			await login(JONAS)
			await navigate('/n/ikt-lillehammer/ideer')
			expect(await page.getByText('Hemmelig anbud').count()).toBe(0)
			const response = await page.goto(url)
			expect(response?.status()).toBe(404)
			await expectAccessible(page)
			expect((await page.request.get(`${url}/pdf`)).status()).toBe(404)
		})
	})
}
