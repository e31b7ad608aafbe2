// `npm run bench:pair -- <revision> [--rounds 2] [--duration 8] [--connections 25] [--install]`
// Compares this working tree with another revision (e.g. `main`, `HEAD~3`) the
// way that holds on a noisy machine: both built, both started (one process
// each, each on its own copy of the national SQLite data set), and each page
// loaded on both at the same time, so that both meet the same noise. Prints the
// server CPU time a request on each side, which varies far less than requests
// a second do, and stops and removes everything it started. Both sides use
// this tree's `node_modules` unless `--install` gives the revision its own
// (`npm ci` from its lock file), to compare a new version of a dependency.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { createDatabase } from '../db/index.ts'
import { assertGenerated } from '../db/generate.ts'
import { benchPages, cpuMs, waitFor } from './measure.ts'
import { freePort } from '../tests/support/free-port.ts'

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { rounds: { type: 'string', default: '2' }, duration: { type: 'string', default: '8' }, connections: { type: 'string', default: '25' }, install: { type: 'boolean', default: false } },
})
const [revision] = positionals
if (!revision) {
	console.error('Usage: npm run bench:pair -- <revision> [--rounds 2] [--duration 8] [--connections 25] [--install]')
	process.exit(2)
}
const rounds = Number(values.rounds)
const duration = Number(values.duration)
const connections = Number(values.connections)
const data = path.join('data', 'bench', 'national.sqlite')
const root = process.cwd()
const work = mkdtempSync(path.join(tmpdir(), 'knute-pair-'))
const other = path.join(work, 'other')
const started: ChildProcess[] = []

function run(command: string, args: string[], cwd = root) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.trim()}`)
	return result.stdout.trim()
}

function stopAll() {
	for (const child of started) if (child.exitCode === null) child.kill('SIGTERM')
	spawnSync('git', ['worktree', 'remove', '--force', other], { cwd: root })
	rmSync(work, { recursive: true, force: true })
}
process.on('SIGINT', () => (stopAll(), process.exit(130)))

/**
 * Loads a URL from a process of its own: two load generators in one process
 * share its event loop, and the one started first gets the larger share.
 */
function load(url: string, headers: Record<string, string>, seconds: number): Promise<{ total: number; rps: number; bad: number }> {
	const args = [path.join(root, 'node_modules', 'autocannon', 'autocannon.js'), '-j', '-c', String(connections), '-d', String(seconds)]
	for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`)
	const child = spawn(process.execPath, [...args, url], { stdio: ['ignore', 'pipe', 'ignore'] })
	started.push(child)
	let out = ''
	child.stdout.on('data', (chunk) => (out += chunk))
	return new Promise((resolve, reject) =>
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`autocannon ended with ${code} on ${url}`))
			const result = JSON.parse(out)
			resolve({ total: result.requests.total, rps: Math.round(result.requests.average), bad: result.errors + result.non2xx })
		}),
	)
}

/** A server of one build on its own copy of the data set; resolves once it answers. */
async function startServer(key: 'this' | 'other', cwd: string, file: string) {
	const port = await freePort()
	const server = spawn(process.execPath, ['server.ts'], {
		cwd,
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: file, SEED_DEMO: 'false', WEB_CONCURRENCY: '1', DATA_DIR: path.join(work, `runtime-${key}`) },
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	started.push(server)
	const base = `http://127.0.0.1:${port}`
	// A server that stops says why above (an older revision cannot open a data set a newer one has migrated).
	const stopped = new Promise<never>((_, reject) => server.on('exit', (code) => reject(new Error(`the ${key === 'this' ? 'working tree' : revision} server stopped (exit code ${code}) before it answered`))))
	await Promise.race([waitFor(`${base}/healthz`), stopped])
	return { base, pid: server.pid! }
}

try {
	if (!existsSync(data)) throw new Error(`${data} is missing: run \`npm run bench\` once to generate it.`)
	const sha = run('git', ['rev-parse', '--verify', `${revision}^{commit}`])
	console.log(`Building ${revision} (${sha.slice(0, 7)}) and this working tree …`)
	run('git', ['worktree', 'add', '--detach', other, sha])
	if (values.install) run('npm', ['ci', '--no-audit', '--no-fund'], other)
	else symlinkSync(path.join(root, 'node_modules'), path.join(other, 'node_modules'))
	run('npx', ['react-router', 'build'], other)
	run('npx', ['react-router', 'build'])

	// Each side its own consistent copy (a write-ahead log included), with a session of the project leader in it.
	console.log('Copying the national data set for each side …')
	type Side = Awaited<ReturnType<typeof startServer>> & { label: string } & Awaited<ReturnType<typeof benchPages>>
	const sides: Side[] = []
	const source = createDatabase(data).db
	await assertGenerated(source, 'national', data)
	for (const { label, key, cwd } of [
		{ label: revision, key: 'other' as const, cwd: other },
		{ label: 'this', key: 'this' as const, cwd: root },
	]) {
		const file = path.join(work, `${key}.sqlite`)
		await sql`vacuum into ${file}`.execute(source)
		const { db } = createDatabase(file)
		const bench = await benchPages(db)
		await db.destroy()
		sides.push({ ...(await startServer(key, cwd, file)), label, ...bench })
	}
	await source.destroy()

	const rows = []
	for (const [index, page] of sides[0]!.pages.entries()) {
		process.stdout.write(`Measuring ${page.name} …`)
		const figures = sides.map(() => ({ ms: [] as number[], rps: [] as number[] }))
		for (let round = 0; round < rounds; round++) {
			// Each round the other side starts first, in case starting first is worth something.
			const order = round % 2 === 0 ? [0, 1] : [1, 0]
			const loadBoth = (seconds: number) => {
				const runs: Promise<{ total: number; rps: number; bad: number }>[] = []
				for (const i of order) runs[i] = load(sides[i]!.base + sides[i]!.pages[index]!.path, page.signedIn ? { Cookie: sides[i]!.cookie } : {}, seconds)
				return Promise.all(runs)
			}
			await loadBoth(2) // warm both: JIT, caches
			const before = sides.map((side) => cpuMs(side.pid))
			const results = await loadBoth(duration)
			results.forEach((result, i) => {
				if (result.bad) throw new Error(`${page.path} on ${sides[i]!.label}: ${result.bad} errors or answers other than 2xx`)
				figures[i]!.ms.push(+((cpuMs(sides[i]!.pid) - before[i]!) / result.total).toFixed(2))
				figures[i]!.rps.push(result.rps)
			})
		}
		const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length
		const change = Math.round((100 * (mean(figures[1]!.ms) - mean(figures[0]!.ms))) / mean(figures[0]!.ms))
		console.log(` ${change > 0 ? '+' : ''}${change} %`)
		rows.push({
			page: page.name,
			[`${revision} CPU ms/req`]: figures[0]!.ms.join(' / '),
			'this CPU ms/req': figures[1]!.ms.join(' / '),
			change: `${change > 0 ? '+' : ''}${change} %`,
			[`${revision} req/s`]: figures[0]!.rps.join(' / '),
			'this req/s': figures[1]!.rps.join(' / '),
		})
	}
	console.log(`\n${revision} (${sha.slice(0, 7)}) against this working tree: one process each, ${connections} connections each, ${rounds} × ${duration} s a page, both at once.`)
	console.table(rows)
	console.log('Server CPU time a request is the figure to compare; within ±6 % is noise (two copies of one build differ by up to that much).')
} catch (error) {
	console.error(String(error instanceof Error ? error.message : error))
	process.exitCode = 1
} finally {
	stopAll()
}
