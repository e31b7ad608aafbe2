// Security headers, the sign-in rate limit and the Host header, over HTTP against the built portal.
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createNetwork, createPerson } from './support/factories.ts'

let server: TestServer
beforeAll(async () => {
	server = await startTestServer('sqlite')
	await createPerson(server.db, await createNetwork(server.db), { email: 'kari@bedrift.no' })
})
afterAll(() => server?.close())

test('pages carry a content security policy whose nonce is on every script, and the other security headers', async () => {
	const response = await fetch(`${server.url}/logg-inn`)
	const csp = response.headers.get('Content-Security-Policy')!
	const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
	expect(nonce).toBeTruthy()
	expect(csp).toContain("frame-ancestors 'none'")
	expect(csp).not.toContain("'unsafe-inline' 'nonce")
	expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
	expect(response.headers.get('Referrer-Policy')).toBe('same-origin')
	const html = await response.text()
	const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
	expect(scripts.length).toBeGreaterThan(0)
	for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
	// A new nonce for every response.
	const again = (await fetch(`${server.url}/logg-inn`)).headers.get('Content-Security-Policy')!
	expect(again).not.toBe(csp)
})

test("a signed-in person's pages and data are kept by no cache; a visitor's page says nothing of caching", async () => {
	const person = await server.db.selectFrom('person').select('id').where('email', '=', 'kari@bedrift.no').executeTakeFirstOrThrow()
	const cookie = await server.cookieFor(person.id)
	const network = await server.db.selectFrom('network').select(['id', 'slug']).executeTakeFirstOrThrow()
	for (const path of [`/n/${network.slug}/katalog`, `/n/${network.slug}/katalog.data`, `/n/${network.slug}`]) {
		const response = await fetch(`${server.url}${path}`, { headers: { Cookie: `lang=nb; ${cookie}` } })
		await response.arrayBuffer()
		expect(response.status, path).toBe(200)
		expect(response.headers.get('Cache-Control'), path).toBe('private, no-store')
	}
	const visitor = await fetch(`${server.url}/n/${network.slug}`)
	await visitor.arrayBuffer()
	expect(visitor.status).toBe(200)
	expect(visitor.headers.get('Cache-Control')).toBeNull()
	// A route's own rule stands: a company's logo may be kept an hour by the browser that asked for it.
	const { id: logo } = await server.db
		.insertInto('file')
		.values({ network_id: network.id, name: 'logo.png', content_type: 'image/png', size: 4, data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), created_at: new Date().toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow()
	const file = await fetch(`${server.url}/n/${network.slug}/filer/${logo}`, { headers: { Cookie: cookie } })
	await file.arrayBuffer()
	expect(file.status).toBe(200)
	expect(file.headers.get('Cache-Control')).toBe('private, max-age=3600')
})

test('asking for sign-in links is limited per address, and the limit is said in words', async () => {
	const ask = () =>
		fetch(`${server.url}/logg-inn`, {
			method: 'POST',
			headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ intent: 'link', email: 'kari@bedrift.no' }),
		})
	const statuses = []
	for (let i = 0; i < 6; i++) statuses.push((await ask()).status)
	expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
	expect(await (await ask()).text()).toContain('Du har prøvd for mange ganger')
	expect(await server.db.selectFrom('outbox').select('id').execute()).toHaveLength(5)
})

/** A request as any client can make it, whatever Host header it names (fetch will not set one). */
function rawRequest(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string }) {
	return new Promise<{ status: number; text: string }>((resolve, reject) => {
		const outgoing = httpRequest(url, { method, headers }, (incoming) => {
			let text = ''
			incoming.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
			incoming.on('end', () => resolve({ status: incoming.statusCode!, text }))
		})
		outgoing.on('error', reject).end(body)
	})
}

test('a Host header that cannot be part of an address is answered like any other', async () => {
	for (const host of ['exa mple', 'a@b/c', '[::1']) {
		const response = await rawRequest(`${server.url}/logg-inn`, { headers: { Host: host } })
		expect(response.status, host).toBe(200)
		expect(response.text).toContain('Logg inn')
	}
})

test("with the portal's address set, a sign-in link goes to it, whatever Host the request for it named", async () => {
	const portal = await startTestServer('sqlite', { publicUrl: 'https://knute.example' })
	try {
		await createPerson(portal.db, await createNetwork(portal.db), { email: 'ola@bedrift.no' })
		const response = await rawRequest(`${portal.url}/logg-inn`, {
			method: 'POST',
			headers: { Host: 'innbruddstyv.example', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ intent: 'link', email: 'ola@bedrift.no' }).toString(),
		})
		expect(response.status).toBe(200)
		const mail = await portal.db.selectFrom('outbox').select('body_text').where('recipient', '=', 'ola@bedrift.no').executeTakeFirstOrThrow()
		expect(mail.body_text).toContain('https://knute.example/logg-inn/lenke')
		expect(mail.body_text).not.toContain('innbruddstyv')
	} finally {
		await portal.close()
	}
})
