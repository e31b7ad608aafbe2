import { parse } from 'csv-parse/sync'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { DIALECTS } from '../support/databases.ts'
import { e2e, expectAccessible } from './fixtures.ts'

const LEADER = 'kari.nordby@knute.example'
const PROSPECT_CONTACT = 'rune.engen@dokkadigital.example'
const CONTACT = 'ingrid.bakken@fjellkode.example'
const MEMBER = 'ola.haugen@fjellkode.example'

async function pdfText(bytes: Buffer) {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
	return text.replace(/\s+/g, ' ')
}

for (const dialect of DIALECTS) {
	describe(`commitment in Chromium on ${dialect}`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		test('the project leader invites a prospect; its contact accepts the agreement and gets the signed PDF', async ({ page, login, navigate }) => {
			await login(LEADER)
			await navigate('/n/ikt-lillehammer/admin/forpliktelse')
			expect(await page.getByText('Minst tre små eller mellomstore bedrifter (under 250 ansatte): 11').isVisible()).toBe(true)
			await page.getByLabel('Dokka Digital AS (Interessent)').check()
			await page.getByLabel('Frist for å godta').fill('2027-01-15')
			await page.getByRole('button', { name: 'Send invitasjon' }).click()
			await page.getByText('Invitasjonen er sendt til 1 bedrift.').waitFor()
			await expectAccessible(page)
			const invitation = await env.server.db.selectFrom('outbox').select('subject').where('recipient', '=', PROSPECT_CONTACT).executeTakeFirstOrThrow()
			expect(invitation.subject).toBe('Bli med videre i IKT-nettverket i Lillehammerregionen')

			await page.context().clearCookies()
			await login(PROSPECT_CONTACT)
			await navigate('/n/ikt-lillehammer')
			await page.getByRole('link', { name: 'Avtale' }).click()
			await page.getByRole('heading', { name: 'Godta avtalen for Dokka Digital AS' }).waitFor()
			await expectAccessible(page)
			await page.getByLabel('Din stilling').fill('Daglig leder')
			await page.getByLabel('Din stilling').press('Tab')
			await page.getByRole('button', { name: 'Godta avtalen' }).click()
			await page.getByText('Du må bekrefte for å godta avtalen.').waitFor()
			await page.getByLabel('Jeg har fullmakt').check()
			await page.getByRole('button', { name: 'Godta avtalen' }).click()
			await page.getByText('Avtalen er godtatt. Dokka Digital AS er nå medlem av nettverket.').waitFor()
			await expectAccessible(page)

			const href = await page.getByRole('link', { name: /Last ned versjon 1 \(PDF\)/ }).getAttribute('href')
			const pdf = await page.request.get(env.server.url + href!)
			expect(pdf.headers()['content-type']).toBe('application/pdf')
			const text = await pdfText(await pdf.body())
			expect(text).toContain('Deltakeravtale for IKT-nettverket i Lillehammerregionen')
			expect(text).toContain('Dokka Digital AS')
			expect(text).toContain('Rune Engen, Daglig leder')
			const { hash } = await env.server.db.selectFrom('agreement').select('hash').executeTakeFirstOrThrow()
			expect(text).toContain(hash)

			await page.context().clearCookies()
			await login(LEADER)
			await navigate('/n/ikt-lillehammer/admin/forpliktelse')
			expect(await page.getByText('Minst tre små eller mellomstore bedrifter (under 250 ansatte): 12').isVisible()).toBe(true)
			await page.getByRole('row', { name: /Dokka Digital AS/ }).getByText('Historikk').click()
			await page.getByText(/Avtale godtatt \(Rune Engen\)/).waitFor()
		})

		test('a member logs hours, the company contact approves them, and the project leader exports the ledger', async ({ page, login, navigate }) => {
			await login(MEMBER)
			await navigate('/n/ikt-lillehammer/innsats')
			const log = page.getByRole('region', { name: 'Før opp timer' })
			await log.getByLabel('Dato').fill('2026-12-10')
			await log.getByLabel('Timer').fill('30')
			await log.getByLabel('Hva du gjorde').fill('Idémøte om felles sikkerhetstjeneste')
			await log.getByLabel('Hva du gjorde').press('Tab')
			await page.getByText('Skriv timer mellom 0,25 og 24').waitFor()
			await log.getByLabel('Timer').fill('3,5')
			await log.getByRole('button', { name: 'Før opp', exact: true }).click()
			await page.getByText('Timene er ført opp og venter på godkjenning.').waitFor()
			await page.getByText('2026-12-10 · 3,5 t · Verksted').waitFor()
			await expectAccessible(page)

			await page.context().clearCookies()
			await login(CONTACT)
			await navigate('/n/ikt-lillehammer/innsats')
			await page.getByRole('button', { name: 'Godkjenn: Ola Haugen, 2026-12-10' }).click()
			await page.getByText('Timene er godkjent.').waitFor()
			await expectAccessible(page)

			await page.context().clearCookies()
			await login(LEADER)
			await navigate('/n/ikt-lillehammer/admin/innsats')
			expect(await page.getByText('Godkjent: 3,5 timer, 1 750 kr.').isVisible()).toBe(true)
			await page.getByLabel('Bedrift').selectOption({ label: 'Fjellkode AS' })
			await page.getByRole('button', { name: 'Filtrer' }).click()
			await page.waitForURL(/bedrift=/)
			await expectAccessible(page)
			const csvHref = await page.getByRole('link', { name: 'Last ned (CSV)' }).getAttribute('href')
			const csv = parse(await (await page.request.get(env.server.url + csvHref!)).text(), { bom: true, delimiter: ';' }) as string[][]
			expect(csv[1]).toEqual(['2026-12-10', 'Ola Haugen', 'Fjellkode AS', 'Verksted', 'Idémøte om felles sikkerhetstjeneste', '3.5', '500', '1750', 'Godkjent'])
			const pdfHref = await page.getByRole('link', { name: 'Last ned (PDF)' }).getAttribute('href')
			const text = await pdfText(await (await page.request.get(env.server.url + pdfHref!)).body())
			expect(text).toContain('Egeninnsats: regnskap')
			expect(text).toContain('Ola Haugen')
			expect(text).toContain('1 750')
		})
	})
}
