// `npm run bench [-- --db postgres] [--scale national|regional] [--processes 2] [--duration 8] [--connections 50]`
// Builds the portal, generates (or reuses) the data set, starts the server on
// 127.0.0.1, measures the pages that matter and a bare node:http server with
// autocannon, prints the figures, writes them to bench/results/, and stops
// everything it started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { createDatabase, migrateToLatest } from '../db/index.ts'
import { assertGenerated, generate, SCALES, type Scale } from '../db/generate.ts'
import { searchDirectory } from '../app/features/directory/directory.server.ts'
import { startPostgres } from '../tests/support/postgres.ts'
import { assetBytes, benchPages, childPids, cpuMs, targetsOf, waitFor } from './measure.ts'
import { freePort } from '../tests/support/free-port.ts'
import { benchPlanner, printPlanner } from './planner.ts'

const { values } = parseArgs({
	options: {
		db: { type: 'string', default: 'sqlite' },
		scale: { type: 'string', default: 'national' },
		duration: { type: 'string', default: '8' },
		connections: { type: 'string', default: '50' },
		processes: { type: 'string' },
	},
})
const scale = values.scale as Scale
if (!(scale in SCALES) || !['sqlite', 'postgres'].includes(values.db!)) {
	console.error('Usage: npm run bench -- [--db sqlite|postgres] [--scale national|regional]')
	process.exit(2)
}
const dialect = values.db as 'sqlite' | 'postgres'
const duration = Number(values.duration)
const connections = Number(values.connections)
const processes = Number(values.processes ?? 2)
const warmUpSeconds = 4 // every page, before any is measured
const started: ChildProcess[] = []
let stopPostgres: (() => void) | undefined
let postgresPid: number | undefined

function stopAll() {
	for (const child of started) if (child.exitCode === null) child.kill('SIGTERM')
	stopPostgres?.()
}
process.on('SIGINT', () => (stopAll(), process.exit(130)))

function peakMemoryMb(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8')
		return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
	} catch {
		return 0
	}
}

/**
 * Loads one URL with autocannon: 2 s to warm up, then `duration` seconds
 * measured, on the same 50 connections. Opening them is not measured: the
 * primary hands new connections to the workers one a turn, and the last of 50
 * opened at once waited 110–290 ms for its first answer (docs/performance-history.md).
 * Beside the rates, what a request costs in CPU: the server's processes, the
 * database server's (PostgreSQL), and autocannon's own, which runs here on the
 * same cores.
 */
async function load(url: string, { headers = {}, server, database }: { headers?: Record<string, string>; server: number; database?: number }) {
	const warmUp = 2
	const latencies: number[] = []
	let before: { server: number; database: number; generator: NodeJS.CpuUsage } | undefined
	const measuring = setTimeout(() => (before = { server: cpuMs(server), database: database ? cpuMs(database) : 0, generator: process.cpuUsage() }), warmUp * 1000)
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const run = autocannon({ url, connections, duration: warmUp + duration, headers }, (error, result) => (error ? reject(error) : resolve(result)))
		run.on('response', (_client, _status, _bytes, ms) => before && latencies.push(ms))
	})
	clearTimeout(measuring)
	if (!before || latencies.length === 0) throw new Error(`${url} did not answer in the seconds measured`)
	const generator = process.cpuUsage(before.generator)
	const perRequest = (ms: number) => +(ms / latencies.length).toFixed(2)
	latencies.sort((a, b) => a - b)
	const percentile = (p: number) => +latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1)
	return {
		rps: Math.round(latencies.length / duration),
		p50: percentile(0.5),
		p99: percentile(0.99),
		errors: result.errors + result.non2xx,
		cpuMs: {
			server: perRequest(cpuMs(server) - before.server),
			database: database ? perRequest(cpuMs(database) - before.database) : undefined,
			loadGenerator: perRequest((generator.user + generator.system) / 1000),
		},
	}
}

try {
	console.log(`Planning get-to-know rounds …`)
	const planner = benchPlanner()
	console.log(`Building the portal …`)
	if (spawnSync('npx', ['react-router', 'build'], { stdio: 'ignore' }).status !== 0) throw new Error('The build failed.')

	// The data set stays in data/bench/ for the next run: an SQLite file, or a PostgreSQL server's folder.
	let url: string
	let where: string
	let fresh: boolean
	mkdirSync(path.join('data', 'bench'), { recursive: true })
	if (dialect === 'postgres') {
		where = path.join('data', 'bench', `postgres-${scale}`)
		const server = await startPostgres({ keep: where })
		stopPostgres = server.stop
		postgresPid = server.pid
		url = server.url
		fresh = server.fresh
	} else {
		url = where = path.join('data', 'bench', `${scale}.sqlite`)
		fresh = !existsSync(url)
	}
	const { db } = createDatabase(url)
	// Never against someone's own data: only a database the generator made, checked before anything is written.
	if (!fresh) {
		await assertGenerated(db, scale, where).catch((error: Error) => {
			throw new Error(`${error.message} If a run was stopped while it generated the data, delete ${where} and run again.`)
		})
	}
	await migrateToLatest(db)
	if (fresh) {
		console.log(`Generating the ${scale} data set into ${dialect} …`)
		const t = Date.now()
		await generate(db, { scale, seed: 1, log: (line) => process.stdout.write(`\r  ${line}   `) })
		console.log(`\n  done in ${Math.round((Date.now() - t) / 1000)} s`)
	}

	const { network, cookie, pages } = await benchPages(db)
	const counts = {
		networks: Number((await db.selectFrom('network').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
		organisations: Number((await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
		people: Number((await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
		gatherings: Number((await db.selectFrom('gathering').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
		registrations: Number((await db.selectFrom('registration').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
		ideas: Number((await db.selectFrom('idea').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
		effortEntries: Number((await db.selectFrom('effort_entry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
	}

	// The search by itself, server-side: short prefixes that match thousands, and whole words.
	const queries = ['sky', 'dat', 'sik', 'utv', 'web', 'mas', 'rea', 'lil', 'gjo', 'kar', 'informasjonssikkerhet', 'skytjenester drift', 'maskinlæring python', 'Bakken', 'Gjøvik']
	const searchTimes: number[] = []
	for (let i = 0; i < 300; i++) {
		const t = performance.now()
		await searchDirectory(db, dialect, { networkId: network.id, query: queries[i % queries.length]! })
		searchTimes.push(performance.now() - t)
	}
	searchTimes.sort((a, b) => a - b)
	const search = { p50: +searchTimes[Math.floor(searchTimes.length * 0.5)]!.toFixed(2), p99: +searchTimes[Math.floor(searchTimes.length * 0.99)]!.toFixed(2) }
	await db.destroy()

	const port = await freePort()
	const t0 = performance.now()
	const server = spawn(process.execPath, ['server.ts'], {
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, SEED_DEMO: 'false', WEB_CONCURRENCY: String(processes), DATA_DIR: path.join('data', 'bench', 'runtime') },
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	started.push(server)
	const base = `http://127.0.0.1:${port}`
	await waitFor(`${base}/healthz`)
	const startupMs = Math.round(performance.now() - t0)
	// Each process's memory peak so far, the primary first.
	const peaksMb = () => [server.pid!, ...childPids(server.pid!)].map(peakMemoryMb)
	// Every page for a few seconds before any is measured, as a server that has run for a
	// while: in its first minute V8 is still optimising the code, and with one second a
	// page the pages measured first cost up to a sixth more CPU and had the highest
	// p99 of their run, whichever pages they were (the run of 4 December 2026, 18:55,
	// in docs/performance-history.md).
	for (const page of pages) await autocannon({ url: base + page.path, connections, duration: warmUpSeconds, headers: page.signedIn ? { Cookie: cookie } : {} })
	const warmedUpMemoryMb = peaksMb()

	const results = []
	for (const page of pages) {
		const headers: Record<string, string> = page.signedIn ? { Cookie: cookie } : {}
		const response = await fetch(base + page.path, { headers })
		if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`)
		const body = new Uint8Array(await response.arrayBuffer())
		const bytes = body.byteLength
		const assets = await assetBytes(base, new TextDecoder().decode(body))
		process.stdout.write(`Measuring ${page.name} (${bytes} bytes) …`)
		const measured = await load(base + page.path, { headers, server: server.pid!, database: postgresPid })
		// So that a run over the memory target shows when and where.
		const memoryMb = peaksMb()
		const bare = spawn(process.execPath, ['bench/bare-server.ts', String(bytes)], { stdio: ['ignore', 'pipe', 'inherit'] })
		started.push(bare)
		const barePort = await new Promise<string>((resolve) => bare.stdout!.once('data', (d) => resolve(String(d).trim())))
		const yardstick = await load(`http://127.0.0.1:${barePort}/`, { server: bare.pid! })
		bare.kill('SIGTERM')
		results.push({ ...page, bytes, assetBytes: assets, ...measured, peakMemoryMb: memoryMb, bare: yardstick, ratio: +(measured.rps / yardstick.rps).toFixed(3) })
		console.log(` ${measured.rps} req/s`)
	}
	// The largest process, and all of them together (their peaks added, shared pages counted in each).
	const peaks = peaksMb()
	const memoryMb = Math.max(...peaks)
	const totalMemoryMb = peaks.reduce((a, b) => a + b, 0)
	server.kill('SIGTERM')

	const { targets } = targetsOf({ pages: results, searchP99: search.p99, memoryMb, startupMs })

	const report = {
		date: new Date().toISOString(),
		machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
		database: dialect,
		processes,
		scale,
		data: counts,
		load: { connections, durationSeconds: duration },
		startupMs,
		peakMemoryMb: memoryMb,
		totalMemoryMb,
		// Each process's peak after the warm-up, before any page is measured (the primary first).
		warmedUpMemoryMb,
		search,
		pages: results,
		targets,
		planner,
	}
	mkdirSync('bench/results', { recursive: true })
	const file = path.join('bench', 'results', `${report.date.replace(/[:.]/g, '-')}-${dialect}.json`)
	writeFileSync(file, JSON.stringify(report, null, '\t') + '\n')

	console.log(`\n${dialect}, ${processes} process(es), ${scale}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`)
	console.log(`${connections} connections, ${duration} s a page. Start-up ${startupMs} ms, peak memory ${memoryMb} MB a process (${totalMemoryMb} MB all ${peaks.length}), search by itself p50 ${search.p50} ms / p99 ${search.p99} ms`)
	console.table(
		results.map((r) => ({
			page: r.name,
			'req/s': r.rps,
			'p50 ms': r.p50,
			'p99 ms': r.p99,
			errors: r.errors,
			'bare req/s': r.bare.rps,
			ratio: r.ratio,
			'server CPU ms/req': r.cpuMs.server,
			...(dialect === 'postgres' ? { 'PostgreSQL CPU ms/req': r.cpuMs.database } : {}),
			'autocannon CPU ms/req': r.cpuMs.loadGenerator,
			// The page and, on a first visit, its scripts and style sheet (compressed).
			'first visit KB': Math.round((r.bytes + r.assetBytes) / 1024),
		})),
	)
	console.log(`Targets${dialect === 'postgres' ? ' (set for SQLite)' : ''}:`)
	for (const { target, met, figure } of targets) console.log(`  ${met ? 'met    ' : 'not met'}  ${target} (${figure})`)
	printPlanner(planner)
	console.log(`Figures written to ${file}`)
} catch (error) {
	console.error(String(error instanceof Error ? error.message : error))
	process.exitCode = 1
} finally {
	stopAll()
}
