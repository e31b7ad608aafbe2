// The document a page is sent as, over HTTP on both databases: rendered whole
// in one pass, with the loader data for the browser inside it. The entry reads
// React Router's stream of that data to its end before rendering
// (app/entry.server.tsx); should React Router change how it reads it, the
// data would go missing from the page and this test says so.
// And the scripts it has the browser load: no form library where no form is,
// and compressed once at build time.
import fc from 'fast-check'
import { createStaticHandler, createStaticRouter } from 'react-router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DIALECTS } from './support/databases.ts'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createCompany, createNetwork, createPerson } from './support/factories.ts'

for (const dialect of DIALECTS) {
	describe(`the document on ${dialect}`, () => {
		let server: TestServer
		let member: { id: number; cookie: string; company: number }
		beforeAll(async () => {
			server = await startTestServer(dialect)
			const alesund = await createNetwork(server.db, { slug: 'alesund', name: 'Næringsnettverket i Ålesund', about_nb: 'Bedrifter som «løfter» hverandre & deler <kunnskap>.' })
			await createNetwork(server.db, { slug: 'hamar', name: 'IKT-nettverket på Hamar' })
			const company = await createCompany(server.db, alesund, { name: 'Sunnmøre Data AS', competences_offered: 'Skytjenester, Rust' })
			const id = await createPerson(server.db, alesund, { name: 'Mari Member', organisation_id: company })
			member = { id, company, cookie: await server.cookieFor(id) }
		})
		afterAll(() => server?.close())

		test('a page comes whole, its length known, with its loader data for the browser and nothing left to render there', async () => {
			const response = await fetch(`${server.url}/n/alesund`)
			expect(response.status).toBe(200)
			expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
			const bytes = new Uint8Array(await response.arrayBuffer())
			expect(Number(response.headers.get('Content-Length'))).toBe(bytes.length)
			const html = new TextDecoder().decode(bytes)
			expect(html.startsWith('<!DOCTYPE html><html lang="nb"')).toBe(true)
			expect(html).toContain('<h1 class="ds-heading" data-size="xl">Næringsnettverket i Ålesund</h1>')
			expect(html).toContain('Bedrifter som «løfter» hverandre &amp; deler &lt;kunnskap&gt;.')
			// Norwegian text is Latin-1, and so is everything the portal puts around it (the
			// title's separator): V8 then holds the page at one byte a character (decision 029).
			expect(html).toContain('<title>Næringsnettverket i Ålesund · Knute</title>')
			expect([...html].filter((c) => c.charCodeAt(0) > 0xff)).toEqual([])

			// The loader data goes in as script chunks, then the stream is closed.
			const chunks = [...html.matchAll(/streamController\.enqueue\(("(?:[^"\\]|\\.)*")\);<\/script>/g)].map((m) => JSON.parse(m[1]!) as string)
			expect(chunks.length).toBeGreaterThan(0)
			const data = chunks.join('')
			expect(data).toContain('"Næringsnettverket i Ålesund"')
			expect(data).toContain('"Bedrifter som «løfter» hverandre & deler <kunnskap>."')
			expect(html.indexOf('streamController.close()')).toBeGreaterThan(html.lastIndexOf('streamController.enqueue('))
			// No part of the page was left for the browser to render (React's mark for that is <!--$!-->).
			expect(html).not.toContain('<!--$!-->')
		})

		test('pages asked for at the same time each come with their own content', async () => {
			const urls = ['/n/alesund', '/n/hamar', '/n/alesund/samlinger', '/n/hamar', '/n/alesund']
			const pages = await Promise.all(urls.map((url) => fetch(`${server.url}${url}`).then((response) => response.text())))
			const headings = pages.map((html) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1])
			expect(headings[0]).toBe('Næringsnettverket i Ålesund')
			expect(headings[1]).toBe('IKT-nettverket på Hamar')
			expect(headings[2]).toBe('Samlinger')
			expect(headings[3]).toBe('IKT-nettverket på Hamar')
			expect(headings[4]).toBe('Næringsnettverket i Ålesund')
		})

		// What a page has the browser load: the module preloads React Router lists for
		// it (its scripts) and its style sheet. Zod, which the forms' schemas are
		// written in, is about 90 KB of the scripts.
		const assetsOf = async (path: string) => {
			const response = await fetch(`${server.url}${path}`, { headers: { Cookie: member.cookie } })
			expect(response.status).toBe(200)
			return [...(await response.text()).matchAll(/<link (?:rel="modulepreload"|nonce="[^"]*" rel="stylesheet") href="([^"]+)"/g)].map((m) => m[1]!)
		}
		const scriptsOf = async (path: string) => {
			const hrefs = (await assetsOf(path)).filter((href) => href.endsWith('.js'))
			expect(hrefs.length).toBeGreaterThan(3)
			return Promise.all(hrefs.map((href) => fetch(`${server.url}${href}`).then((script) => script.text())))
		}
		const loadsZod = (scripts: string[]) => scripts.some((script) => script.includes('ZodError'))

		test('pages that show no form do not load the form library in the browser; a form page does', async () => {
			expect(loadsZod(await scriptsOf('/n/alesund/katalog'))).toBe(false)
			expect(loadsZod(await scriptsOf('/n/alesund/katalog?q=sky'))).toBe(false)
			expect(loadsZod(await scriptsOf(`/n/alesund/bedrifter/${member.company}`))).toBe(false)
			expect(loadsZod(await scriptsOf(`/n/alesund/personer/${member.id}/rediger`))).toBe(true)
		})

		test("a page's scripts and style sheet come compressed, brotli first, to a browser that takes it, and whole to one that does not", async () => {
			const hrefs = await assetsOf('/n/alesund/katalog')
			expect(hrefs.filter((href) => href.endsWith('.css'))).toHaveLength(1)
			let [sentBytes, wholeBytes] = [0, 0]
			for (const href of hrefs) {
				const as = async (acceptEncoding: string) => {
					const response = await fetch(`${server.url}${href}`, { headers: { 'Accept-Encoding': acceptEncoding } })
					expect(response.status).toBe(200)
					expect(response.headers.get('Content-Type')).toBe(href.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8')
					expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
					expect(response.headers.get('Vary')).toBe('Accept-Encoding')
					return { encoding: response.headers.get('Content-Encoding'), length: Number(response.headers.get('Content-Length')), text: await response.text() }
				}
				// Chromium lists gzip first; brotli is smaller.
				const [br, gzip, whole, notBr] = [await as('gzip, deflate, br, zstd'), await as('gzip, deflate'), await as('identity'), await as('br;q=0, gzip')]
				expect([br.encoding, gzip.encoding, whole.encoding, notBr.encoding]).toEqual(['br', 'gzip', null, 'gzip'])
				expect(br.text).toBe(whole.text)
				expect(gzip.text).toBe(whole.text)
				// A small chunk of dense code compresses least (one of 10 KB to 36 %); the page's files together to 23 %.
				if (whole.length > 10_000) expect(br.length).toBeLessThan(whole.length / 2)
				sentBytes += br.length
				wholeBytes += whole.length
			}
			expect(sentBytes).toBeLessThan(wholeBytes / 3)
		})
	})
}

// React Router's static router, which every page renders with, came as an
// object with getters; V8 then kept each request's routes and loader data
// alive until the next full collection (patches/react-router+8.5.3.patch,
// docs/decisions/020). Without the patch (an install that skipped
// `postinstall`, or a new React Router) this fails.
test('the router a page renders with holds its state in plain properties', async () => {
	const handler = createStaticHandler([{ id: 'page', path: '/', loader: () => ({ name: 'Ålesund' }) }])
	const context = await handler.query(new Request('http://localhost/'))
	if (context instanceof Response) throw new Error('expected the loader data, not a response')
	const router = createStaticRouter(handler.dataRoutes, context)
	for (const key of ['basename', 'future', 'state', 'routes', 'manifest']) {
		expect(Object.getOwnPropertyDescriptor(router, key)?.get, key).toBeUndefined()
	}
	expect(router.state.loaderData).toEqual({ page: { name: 'Ålesund' } })
	expect(router.state.matches.map((match) => match.route.id)).toEqual(['page'])
})

// In the production build the route objects a page renders with are made once
// and shared by every request (the same patch, docs/decisions/022); what a
// request sees — its matches and its loader data — stays its own. (Tests load
// React Router's development build, which makes them anew, as upstream does.)
test('the static router shares its route objects between requests and keeps each request its own state', async () => {
	const { createStaticHandler, createStaticRouter } = await import('../node_modules/react-router/dist/production/index.js')
	const handler = createStaticHandler([
		{ id: 'home', path: '/', loader: () => ({ page: 'home' }) },
		{ id: 'network', path: '/n/:network', loader: ({ params }) => ({ page: params.network }) },
	])
	const route = async (url: string) => {
		const context = await handler.query(new Request(url))
		if (context instanceof Response) throw new Error('expected the loader data, not a response')
		return createStaticRouter(handler.dataRoutes, context)
	}
	const [first, second] = [await route('http://localhost/n/alesund'), await route('http://localhost/')]
	expect(second.routes).toBe(first.routes)
	expect(first.state.matches.map((match) => [match.route.id, match.params])).toEqual([['network', { network: 'alesund' }]])
	expect(first.state.loaderData).toEqual({ network: { page: 'alesund' } })
	expect(second.state.matches.map((match) => match.route.id)).toEqual(['home'])
	expect(second.state.loaderData).toEqual({ home: { page: 'home' } })
})

// The loader data's encoding for the browser is React Router's turbo-stream,
// made faster by the same patch file (docs/decisions/028): a value met again is
// written as the index of its first appearance. Whatever goes in — strings and
// objects met more than once, keys that look like its own references, text
// that must be escaped — React Router's own decoder gives back.
test('the loader data for the browser decodes to what the loaders returned', async () => {
	type TurboStream = {
		encode: (value: unknown) => ReadableStream<Uint8Array>
		decode: (stream: ReadableStream<Uint8Array>) => Promise<{ value: unknown; done: Promise<void> }>
	}
	// @ts-expect-error React Router ships its vendored turbo-stream without types.
	const { encode, decode } = (await import('../node_modules/react-router/dist/production/vendor/turbo-stream-v2/turbo-stream.js')) as TurboStream
	const word = fc.constantFrom('Ålesund', 'Hamar', '', 'id', '_1', '"', '</script>', 'Bedrift · Tønsberg')
	const { value } = fc.letrec((tie) => ({
		value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, word, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 6 }), fc.dictionary(word, tie('value'), { maxKeys: 5 })),
	}))
	// The same object twice in one answer, as a loader can return it.
	const shared = fc.tuple(value, value).map(([a, b]) => ({ a, b, again: a, list: [b, a, b] }))
	await fc.assert(
		fc.asyncProperty(shared, async (data) => {
			const decoded = await decode(encode(data))
			expect(decoded.value).toEqual(data)
			await decoded.done
		}),
		{ numRuns: 300 },
	)
})
