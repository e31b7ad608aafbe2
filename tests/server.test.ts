// `node server.ts` as an operator starts it: it serves, stops cleanly, and says
// in one line why when it cannot start, with one process and with several.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'

let dataDir: string
const started: ChildProcess[] = []
beforeEach(() => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'knute-server-'))
})
afterEach(() => {
	// A portal that did not stop by itself is stopped here, with its workers.
	for (const child of started.splice(0)) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
	rmSync(dataDir, { recursive: true, force: true })
})

function start(port: number, processes: number, settings: Record<string, string> = {}) {
	const child = spawn(process.execPath, ['server.ts'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			WEB_CONCURRENCY: String(processes),
			DATA_DIR: dataDir,
			DATABASE_URL: path.join(dataDir, 'knute.sqlite'),
			SEED_DEMO: 'false',
			...settings,
		},
		detached: true,
	})
	started.push(child)
	let output = ''
	child.stdout.on('data', (chunk) => (output += chunk))
	child.stderr.on('data', (chunk) => (output += chunk))
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
	return { child, exited, output: () => output }
}

async function freePort() {
	const server = createServer().listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	const { port } = server.address() as AddressInfo
	await new Promise((resolve) => server.close(resolve))
	return port
}

for (const processes of [1, 2]) {
	test(`with ${processes} process(es) it answers, and stops cleanly on SIGTERM`, async () => {
		const port = await freePort()
		const portal = start(port, processes)
		// Ready when it says so (the first worker, with several) and answers.
		const announced = () => portal.output().includes(`Knute on http://localhost:${port}`)
		let health = 0
		for (let i = 0; i < 200 && (health !== 200 || !announced()); i++) {
			health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
				(r) => r.status,
				() => 0,
			)
			if (health !== 200 || !announced()) await new Promise((resolve) => setTimeout(resolve, 100))
		}
		expect(health).toBe(200)
		expect(announced()).toBe(true)
		portal.child.kill('SIGTERM')
		expect(await portal.exited).toBe(0)
	}, 30_000)

	test(`with ${processes} process(es) on a port that is taken it says so and stops`, async () => {
		const taken = createServer().listen(0, '127.0.0.1')
		await new Promise((resolve) => taken.once('listening', resolve))
		const { port } = taken.address() as AddressInfo
		try {
			const portal = start(port, processes)
			expect(await portal.exited).toBe(1)
			expect(portal.output()).toContain(`Knute cannot listen on 127.0.0.1:${port}`)
			expect(portal.output()).not.toContain('Knute on http')
		} finally {
			await new Promise((resolve) => taken.close(resolve))
		}
	}, 30_000)
}

for (const processes of [1, 2]) {
	test(`with ${processes} process(es) a request under way on SIGTERM is still answered`, async () => {
		const port = await freePort()
		const portal = start(port, processes)
		for (let i = 0; i < 200 && !portal.output().includes('Knute on http'); i++) await new Promise((resolve) => setTimeout(resolve, 100))
		// A form post whose body is still on its way when the portal is told to
		// stop. "100 Continue" says a process has read the request's head.
		const socket = connect(port, '127.0.0.1')
		await new Promise((resolve) => socket.once('connect', resolve))
		let answer = ''
		socket.on('data', (chunk) => (answer += chunk))
		const closed = new Promise((resolve) => socket.once('close', resolve))
		const body = 'lang=en&redirectTo=%2F'
		socket.write(`POST /sprak HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`)
		for (let i = 0; i < 200 && !answer.includes('100 Continue'); i++) await new Promise((resolve) => setTimeout(resolve, 25))
		expect(answer).toBe('HTTP/1.1 100 Continue\r\n\r\n')
		portal.child.kill('SIGTERM')
		await new Promise((resolve) => setTimeout(resolve, 300))
		socket.write(body)
		await closed
		expect(answer.split('\r\n\r\n')[1]!.split('\r\n')[0]).toBe('HTTP/1.1 302 Found')
		expect(answer).toMatch(/^set-cookie: lang=en/im)
		expect(await portal.exited).toBe(0)
	}, 30_000)
}

test.each([
	['a wrong setting', { PORT: 'abc' }, 'Knute cannot start: a setting is wrong:\n✖ Invalid input: expected number, received NaN\n  → at PORT'],
	['a database out of reach', { DATABASE_URL: 'postgres://knute@127.0.0.1:1/knute' }, 'Knute cannot start: connect ECONNREFUSED 127.0.0.1:1'],
	['a database file it cannot open', { DATABASE_URL: '/proc/knute.sqlite' }, 'Knute cannot start: unable to open database file'],
])('%s: says why in one line, no stack trace, and stops', async (_, settings, message) => {
	const portal = start(await freePort(), 2, settings)
	expect(await portal.exited).toBe(1)
	expect(portal.output().trim()).toBe(message)
}, 30_000)
