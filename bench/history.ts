// `npm run bench:history [-- --last 20] [-- --db sqlite|postgres]`
// Every run of `npm run bench` kept in bench/results/, oldest first, a line
// each: how it stood against the targets (README), its slowest page and what
// that page cost the server a request, and the bare `node:http` server's rate
// in the same run — both swing with the shared machine's spells. Written from
// the result files alone; it starts nothing.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { targetsOf } from './measure.ts'

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
		const { fewest, slowest, targets } = targetsOf({ pages: run.pages, searchP99: run.search.p99, memoryMb: run.peakMemoryMb, startupMs: run.startupMs })
		return {
			'run (UTC)': run.date.slice(0, 16).replace('T', ' '),
			database: run.database,
			'targets met': `${targets.filter((t) => t.met).length} of ${targets.length}`,
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
console.log('Targets met: by the rules `npm run bench` prints them with (`targetsOf` in bench/measure.ts; README, "Benchmark").')
