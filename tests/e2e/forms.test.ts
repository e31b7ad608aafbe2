// Typed nonsense in every form a person can reach, and in the query of every
// page, answers with a message or a redirect, never a server error, on both
// databases. The browser finds the pages and forms as a person would, by
// following links; each form is then sent with one field at a time replaced,
// left out, or the whole form's intent unknown.
import { afterAll, beforeAll, describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { DIALECTS } from '../support/databases.ts'
import { e2e } from './fixtures.ts'

/**
 * What people type or paste that a field does not expect, and what a changed
 * page could send: PostgreSQL refuses a NUL in a text and a number past its
 * `integer` (2147483648) where SQLite takes both.
 */
const NONSENSE = ['', 'x'.repeat(5000), '-1', 'abc', '2147483648', '99999999999999999999', '2026-02-30', 'Kari\u0000\u0007']

type Field = { name: string; value: string; type: string }
type Form = { action: string; multipart: boolean; fields: Field[] }

let typed = 0
/**
 * What a person would have typed in a field left empty, so that the form gets
 * past its other checks with nonsense in the one field being tried.
 */
function plausible({ name, value, type }: Field): string {
	if (value !== '' || type === 'hidden') return value
	if (type === 'email' || /e-?post|email/.test(name)) return `person${++typed}@bedrift.example`
	if (type === 'date') return '2027-03-15'
	if (type === 'datetime-local') return '2027-03-15T10:00'
	if (type === 'number') return '5'
	if (/org_number/.test(name)) return '974760673'
	if (/phone/.test(name)) return '91234567'
	if (/website/.test(name)) return 'bedrift.example'
	return 'Noe tekst'
}

/**
 * The forms that post, on the pages reachable from `start` by the portal's
 * links: one page of each kind (`/personer/3` stands for every person's page)
 * and one form of each kind. Signing out and in is left out.
 */
async function findForms(page: Page, base: string, start: string[]): Promise<{ pages: string[]; forms: Form[] }> {
	const kinds = new Set<string>()
	const queue = [...start]
	const forms = new Map<string, Form>()
	const pages: string[] = []
	while (queue.length > 0) {
		const path = queue.shift()!
		const kind = path.replace(/\d+/g, 'N')
		if (kinds.has(kind)) continue
		kinds.add(kind)
		await page.goto(base + path)
		pages.push(path)
		const found = await page.evaluate(() =>
			[...document.forms]
				.filter((form) => form.method === 'post')
				.map((form) => ({
					action: new URL(form.action).pathname + new URL(form.action).search,
					multipart: form.enctype === 'multipart/form-data',
					fields: [...form.elements]
						.filter((e): e is HTMLInputElement => e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement)
						// Every box ticked, as one ticks a consent: the form then gets past its checks to the database.
						.filter((e) => e.name !== '' && (e.type !== 'radio' || (e as HTMLInputElement).checked))
						.map((e) => ({
							name: e.name,
							// A list with nothing chosen yet: its first choice.
							value: e instanceof HTMLSelectElement && e.value === '' ? ([...e.options].find((o) => o.value !== '')?.value ?? '') : e.type === 'file' ? '' : e.value,
							type: e.type,
						})),
				})),
		)
		for (const form of found) {
			if (/^\/(logg-ut|logg-inn)/.test(form.action)) continue
			forms.set(`${form.action.replace(/\d+/g, 'N')} ${form.fields.map((f) => f.name).join(',')}`, form)
		}
		const links = await page.locator('a[href^="/n/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('#')[0]!))
		queue.push(...links.filter((href) => !/\.(ics|csv|pdf)$|\/pdf$|\/filer\/|\/eksport/.test(href)))
	}
	return { pages, forms: [...forms.values()] }
}

/** The names the portal reads from a page's query (its search, page, view, filters, tokens). */
const QUERY = ['q', 'side', 'vis', 'bedrift', 'person', 'aktivitet', 'fra', 'til', 'format', 'token', 'redirectTo']

/**
 * Loads each page with every query name set to each nonsense at once, and with
 * its ids past any record's; returns what answered 5xx.
 */
async function loadNonsense(base: string, cookie: string, pages: string[]) {
	const failures: string[] = []
	for (const path of pages) {
		if (/\d/.test(path)) {
			const response = await fetch(base + path.replace(/\d+/g, '2147483648'), { headers: { Cookie: cookie }, redirect: 'manual' })
			await response.arrayBuffer()
			if (response.status >= 500) failures.push(`${response.status} ${path} with its ids past any record's`)
		}
		for (const nonsense of NONSENSE) {
			const url = new URL(base + path)
			for (const name of QUERY) url.searchParams.set(name, nonsense)
			const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
			await response.arrayBuffer()
			if (response.status >= 500) failures.push(`${response.status} ${path}: ${JSON.stringify(nonsense.slice(0, 12))}`)
		}
	}
	return failures
}

/** Sends each form with nonsense in one field at a time, each field left out, and an unknown intent; returns what answered 5xx. */
async function sendNonsense(base: string, cookie: string, forms: Form[]) {
	const failures: string[] = []
	const send = async (form: Form, values: [string, string | Blob][], what: string) => {
		let body: FormData | URLSearchParams
		if (form.multipart) {
			body = new FormData()
			for (const [name, value] of values) body.append(name, value)
		} else body = new URLSearchParams(values.map(([name, value]) => [name, String(value)]))
		const response = await fetch(base + form.action, { method: 'POST', headers: { Origin: base, Cookie: cookie }, body, redirect: 'manual' })
		await response.arrayBuffer()
		if (response.status >= 500) failures.push(`${response.status} ${form.action}: ${what}`)
	}
	for (const form of forms) {
		// Filled afresh for each sending: an e-mail address already registered would stop the form before the field tried.
		const values = () => form.fields.map((f): [string, string | Blob] => [f.name, f.type === 'file' ? new Blob(['ikke en fil \u0000'], { type: 'image/png' }) : plausible(f)])
		for (const [i, { name }] of form.fields.entries()) {
			if (name === 'intent') continue
			for (const nonsense of NONSENSE) await send(form, values().map((pair, j) => (j === i ? [name, nonsense] : pair)), `${name}=${JSON.stringify(nonsense.slice(0, 12))}`)
			await send(form, values().filter((_, j) => j !== i), `without ${name}`)
		}
		if (form.fields.some(({ name }) => name === 'intent')) await send(form, values().map(([name, value]) => [name, name === 'intent' ? 'tull' : value]), 'intent=tull')
	}
	return failures
}

for (const dialect of DIALECTS) {
	describe(`typed nonsense in every form and query, in Chromium on ${dialect}`, () => {
		const env = e2e(dialect)
		const test = env.test
		beforeAll(env.setup)
		afterAll(env.teardown)

		const people = [
			{ who: 'the project leader', email: 'kari.nordby@knute.example', start: ['/n/ikt-lillehammer/ideer', '/n/ikt-lillehammer', '/n/ikt-lillehammer/admin'], least: 30 },
			{ who: 'a company contact', email: 'ingrid.bakken@fjellkode.example', start: ['/n/ikt-lillehammer/ideer', '/n/ikt-lillehammer'], least: 8 },
			{ who: 'a visitor', email: null, start: ['/n/ikt-lillehammer'], least: 2 },
		]
		for (const { who, email, start, least } of people) {
			test(`${who}: a message or a redirect, never a server error`, { timeout: 240_000 }, async ({ page, login }) => {
				const base = env.server.url
				if (email) await login(email)
				const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
				// An idea of one's own, proposed, so that an idea's forms (its evaluation among them) are among them.
				if (email) {
					const post = (path: string, fields: Record<string, string>) =>
						fetch(base + path, { method: 'POST', headers: { Origin: base, Cookie: cookie }, body: new URLSearchParams(fields), redirect: 'manual' })
					const proposed = await post('/n/ikt-lillehammer/ideer/ny', { title: 'Felles sikkerhetssenter', problem: 'Ingen døgnovervåking', solution: 'Et delt SOC', beneficiaries: 'Alle', audience: 'members' })
					expect(proposed.status).toBe(302)
					expect((await post(proposed.headers.get('location')!, { intent: 'move', to: 'proposed', reason: 'Klar for vurdering' })).status).toBe(200)
				}
				const { pages, forms } = await findForms(page, base, start)
				expect(forms.length, `forms found on ${pages.length} pages`).toBeGreaterThanOrEqual(least)
				expect(await loadNonsense(base, cookie, pages)).toEqual([])
				expect(await sendNonsense(base, cookie, forms)).toEqual([])
			})
		}
	})
}
