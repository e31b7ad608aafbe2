// `npm run bench:history [-- --last 20] [-- --db sqlite|postgres]`
// Every run of `npm run bench` kept in bench/results/, oldest first, a line
// each: how it stood against the targets (README), its slowest page and what
// that page cost the server a request, and the bare `node:http` server's rate
// in the same run — both swing with the shared machine's spells. Written from
// the result files alone; it starts nothing.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

type Page = { name: string; path: string; rps: number; p99: number; bare?: { rps: number }; cpuMs?: { server: number } }
type Run = { date: string; database: string; processes: number; scale: string; startupMs: number; peakMemoryMb: number; search: { p99: number }; pages: Page[] }

const { values } = parseArgs({ options: { last: { type: 'string', default: '30' }, db: { type: 'string' } } })
const dir = path.join('bench', 'results')
const runs = readdirSync(dir)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Run)
	.filter((run) => run.scale === 'national' && (!values.db || run.database === values.db))
	.slice(-Number(values.last))

const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0
console.table(
	runs.map((run) => {
		// The same rules as bench/run.ts applies, so that runs from before it wrote them compare too.
		const pages = run.pages.filter((page) => page.path !== '/healthz')
		const fewest = pages.reduce((a, b) => (b.rps < a.rps ? b : a))
		const slowest = pages.reduce((a, b) => (b.p99 > a.p99 ? b : a))
		const met = [fewest.rps >= 1000, slowest.p99 < 50, run.search.p99 < 20, run.peakMemoryMb < 300, run.startupMs < 2000]
		return {
			'run (UTC)': run.date.slice(0, 16).replace('T', ' '),
			database: run.database,
			'targets met': `${met.filter(Boolean).length} of ${met.length}`,
			'fewest req/s': `${fewest.rps} ${fewest.name}`,
			'highest p99 ms': `${slowest.p99} ${slowest.name}`,
			// What that page cost the server a request: it follows the machine's spells, and the p99 follows it.
			'its CPU ms/req': slowest.cpuMs?.server ?? '',
			'memory MB': run.peakMemoryMb,
			'start-up ms': run.startupMs,
			'bare server req/s': median(run.pages.flatMap((page) => (page.bare ? [page.bare.rps] : []))),
		}
	}),
)
console.log('Targets (SQLite, two cores): every page 1,000 req/s or more and p99 under 50 ms, the search by itself p99 under 20 ms, memory under 300 MB a process, start-up under 2 s.')
