// What `npm run bench` and `npm run bench:pair` share: the pages they load,
// waiting for a server, and the CPU time a process has used.
import { readFileSync } from 'node:fs'
import type { Kysely } from 'kysely'
import type { DB } from '../db/index.ts'
import { createSession } from '../app/platform/auth.server.ts'

/** The pages that matter, in the data set's first network, and a session cookie of its project leader. */
export async function benchPages(db: Kysely<DB>) {
	const network = await db.selectFrom('network').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow()
	const company = await db.selectFrom('network_organisation').select('organisation_id').where('network_id', '=', network.id).orderBy('organisation_id').executeTakeFirstOrThrow()
	const gathering = await db.selectFrom('gathering').select('id').where('network_id', '=', network.id).orderBy('id').executeTakeFirstOrThrow()
	const leader = await db.selectFrom('membership').select('person_id').where('network_id', '=', network.id).where('role', '=', 'project_leader').executeTakeFirstOrThrow()
	const cookie = (await createSession(db, new Request('http://127.0.0.1'), leader.person_id)).split(';')[0]!
	const pages = [
		{ name: 'public network page', path: `/n/${network.slug}`, signedIn: false },
		{ name: 'directory, first page', path: `/n/${network.slug}/katalog`, signedIn: true },
		{ name: 'directory search "sky"', path: `/n/${network.slug}/katalog?q=sky`, signedIn: true },
		{ name: 'company page', path: `/n/${network.slug}/bedrifter/${company.organisation_id}`, signedIn: true },
		{ name: 'gathering page', path: `/n/${network.slug}/samlinger/${gathering.id}`, signedIn: true },
		{ name: "project leader's home", path: `/n/${network.slug}/admin`, signedIn: true },
		{ name: 'idea board', path: `/n/${network.slug}/ideer`, signedIn: true },
		// No page: the same stack (session, React Router, Express) without rendering, the floor under every page.
		{ name: 'health check', path: '/healthz', signedIn: true },
	]
	return { network, cookie, pages }
}

export async function waitFor(url: string, timeoutMs = 30_000) {
	const until = Date.now() + timeoutMs
	for (;;) {
		try {
			if ((await fetch(url)).ok) return
		} catch {}
		if (Date.now() > until) throw new Error(`${url} did not answer`)
		await new Promise((r) => setTimeout(r, 25))
	}
}

export function childPids(pid: number): number[] {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
	} catch {
		return []
	}
}

/** CPU time in ms that a process and those it started have used so far (Linux counts in 10 ms ticks). */
export function cpuMs(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
		return (Number(fields[11]) + Number(fields[12])) * 10 + childPids(pid).reduce((sum, child) => sum + cpuMs(child), 0)
	} catch {
		return 0
	}
}

type Measured = { name: string; path: string; rps: number; p99: number }

/**
 * The targets for a machine of two cores like this one (README), each met or
 * not in a run: `bench/run.ts` prints them, `bench/history.ts` counts them for
 * every kept run, also those from before the runs wrote them down.
 */
export function targetsOf<Page extends Measured>({ pages, searchP99, memoryMb, startupMs }: { pages: Page[]; searchP99: number; memoryMb: number; startupMs: number }) {
	const pagesOnly = pages.filter((page) => page.path !== '/healthz')
	const fewest = pagesOnly.reduce((a, b) => (b.rps < a.rps ? b : a))
	const slowest = pagesOnly.reduce((a, b) => (b.p99 > a.p99 ? b : a))
	return {
		fewest,
		slowest,
		targets: [
			{ target: 'every page 1,000 req/s or more', met: fewest.rps >= 1000, figure: `fewest ${fewest.rps}, ${fewest.name}` },
			{ target: 'p99 under 50 ms on every page', met: slowest.p99 < 50, figure: `highest ${slowest.p99} ms, ${slowest.name}` },
			{ target: 'the search by itself p99 under 20 ms', met: searchP99 < 20, figure: `${searchP99} ms` },
			{ target: 'memory under 300 MB a process', met: memoryMb < 300, figure: `${memoryMb} MB` },
			{ target: 'start-up under 2 s', met: startupMs < 2000, figure: `${startupMs} ms` },
		],
	}
}

/**
 * What a browser that has none of it cached fetches for a page beside the page
 * itself: the scripts React Router lists for it and the style sheet, in bytes
 * as sent to a browser that takes brotli (Chromium over HTTPS). The fonts,
 * fetched as the style sheet asks for them, are left out.
 */
export async function assetBytes(base: string, html: string) {
	const hrefs = [...html.matchAll(/<link (?:rel="modulepreload"|nonce="[^"]*" rel="stylesheet") href="([^"]+)"/g)].map((m) => m[1]!)
	const sizes = await Promise.all(
		hrefs.map(async (href) => {
			const response = await fetch(base + href, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
			await response.arrayBuffer()
			return Number(response.headers.get('Content-Length'))
		}),
	)
	return sizes.reduce((a, b) => a + b, 0)
}
