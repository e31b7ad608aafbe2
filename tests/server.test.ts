// `node server.ts` as an operator starts it: it serves, stops cleanly, and says
// in one line why when it cannot start, with one process and with several.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import { connect, createServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { freePort } from './support/free-port.ts'

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

for (const processes of [1, 2]) {
	test(`with ${processes} process(es) a connection left open and idle does not hold up the stop`, async () => {
		const port = await freePort()
		const portal = start(port, processes)
		for (let i = 0; i < 200 && !portal.output().includes('Knute on http'); i++) await new Promise((resolve) => setTimeout(resolve, 100))
		const socket = connect(port, '127.0.0.1')
		const closed = new Promise((resolve) => socket.once('close', resolve))
		socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)
		await new Promise((resolve) => socket.once('data', resolve))
		const stopping = performance.now()
		portal.child.kill('SIGTERM')
		await closed
		expect(await portal.exited).toBe(0)
		// Closed by the portal as idle, not dropped when it gives up waiting after ten seconds.
		expect(performance.now() - stopping).toBeLessThan(5_000)
	}, 30_000)
}

/** How many of the given client sockets each of the portal's workers holds (Linux: /proc). */
function connectionsByWorker(primary: number, port: number, sockets: Socket[]) {
	const workers = readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim().split(/\s+/).map(Number)
	const ours = new Set(sockets.map((socket) => socket.localPort))
	const portHex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`
	// The server's side of each connection: its inode, for the client's port.
	const inodes = new Set<string>()
	for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
		const [, local, remote, , , , , , , inode] = line.trim().split(/\s+/)
		if (local?.endsWith(portHex) && ours.has(parseInt(remote!.split(':')[1]!, 16))) inodes.add(inode!)
	}
	// A descriptor may close between the listing and the look at it.
	const target = (link: string) => {
		try {
			return readlinkSync(link)
		} catch {
			return ''
		}
	}
	return workers.map((worker) => readdirSync(`/proc/${worker}/fd`).filter((fd) => inodes.has(/^socket:\[(\d+)\]$/.exec(target(`/proc/${worker}/fd/${fd}`))?.[1] ?? '')).length)
}

async function openConnections(port: number, count: number) {
	const sockets = Array.from({ length: count }, () => connect(port, '127.0.0.1'))
	await Promise.all(
		sockets.map(
			(socket) =>
				new Promise((resolve) => {
					socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)
					socket.once('data', resolve)
				}),
		),
	)
	return sockets
}

test('with 2 processes, connections opened at once are shared evenly between them', async () => {
	const port = await freePort()
	const portal = start(port, 2)
	for (let i = 0; i < 200 && !portal.output().includes('Knute on http'); i++) await new Promise((resolve) => setTimeout(resolve, 100))
	// The portal opens with its first process ready; the second takes its turns once it is.
	const probes: Socket[] = []
	for (let i = 0; i < 100 && !connectionsByWorker(portal.child.pid!, port, probes).every((n) => n > 0); i++) probes.push(...(await openConnections(port, 1)))
	const sockets = await openConnections(port, 40)
	try {
		expect(connectionsByWorker(portal.child.pid!, port, sockets)).toEqual([20, 20])
	} finally {
		for (const socket of [...probes, ...sockets]) socket.destroy()
	}
}, 30_000)
