// A PostgreSQL server of our own on 127.0.0.1: for a test run made with initdb
// in a temporary folder, stopped and deleted afterwards; for the benchmark in a
// folder it keeps, so that the next run finds its data again.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './free-port.ts'

function binDir(): string {
	const root = '/usr/lib/postgresql'
	const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined
	if (!version) throw new Error('PostgreSQL is not installed (Debian: apt-get install -y postgresql)')
	return path.join(root, version, 'bin')
}

/** Runs a PostgreSQL command as the `postgres` user when we are root (initdb refuses root). */
function run(command: string, args: string[]) {
	const asRoot = process.getuid?.() === 0
	const file = asRoot ? 'runuser' : command
	const argv = asRoot ? ['-u', 'postgres', '--', command, ...args] : args
	const result = spawnSync(file, argv, { encoding: 'utf8' })
	if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`)
}

/**
 * Starts a server; `pid` is its postmaster, the parent of every connection's
 * process. Without `keep` the server is made in a temporary folder and deleted
 * when stopped; with `keep` it lives in that folder and outlasts `stop()`.
 */
export async function startPostgres({ keep }: { keep?: string } = {}): Promise<{ url: string; pid: number; fresh: boolean; stop: () => void }> {
	const bin = binDir()
	const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'knute-pg-'))
	const data = path.join(dir, 'data')
	const fresh = !existsSync(path.join(data, 'PG_VERSION'))
	mkdirSync(dir, { recursive: true })
	if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()))
	const port = await freePort()
	if (fresh) run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8'])
	run(path.join(bin, 'pg_ctl'), [
		'-D', data, '-w', '-l', path.join(dir, 'log'),
		'-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
		'start',
	])
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		pid: Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
		fresh,
		stop() {
			try {
				// A kept server stops cleanly, so that it starts again without recovery.
				run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', keep ? 'fast' : 'immediate', 'stop'])
			} finally {
				if (!keep) rmSync(dir, { recursive: true, force: true })
			}
		},
	}
}
