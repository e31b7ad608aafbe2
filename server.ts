// Starts the portal: `node server.ts` after `react-router build`, or with
// NODE_ENV=development for Vite's dev server with hot reload. With
// WEB_CONCURRENCY above 1, that many processes share the port.
import cluster, { type Worker } from 'node:cluster'
import { createServer as createHttpServer } from 'node:http'
import { enableCompileCache } from 'node:module'
import { createServer, type Socket } from 'node:net'
import type { Env } from './app/platform/env.server.ts'

const started = performance.now()
// Node keeps the compiled code of the modules loaded from here on in its cache
// directory, so later starts skip most of the compiling: everything beyond
// Node's own modules is imported below, not above (zod's 97 modules took 234
// ms to load without it, 88 with it).
enableCompileCache()
const { readEnv, SettingsError } = await import('./app/platform/env.server.ts')
const { inArrivalOrder } = await import('./app/platform/arrival-order.server.ts')
let env: Env
try {
	env = readEnv()
} catch (error) {
	cannotStart(error)
}
type ServerModule = typeof import('./app/server.ts')

if (env.WEB_CONCURRENCY > 1 && env.NODE_ENV !== 'development' && cluster.isPrimary) {
	// The primary only prepares the database and watches the workers: it loads no pages.
	await (await import('./db/prepare.ts')).prepareDatabase(env).catch(cannotStart)
	// Page servers allocate fast and keep little: V8's young generation would grow
	// to 2 × 64 MB and its old generation far past what is live, about 400 MB a
	// process at full load. These limits keep a process near 240 MB for about a
	// tenth of its speed. Within them the old generation may grow by half of
	// what a full collection found live: by all of it, a collection that came
	// while a worker was still starting set a limit that let some workers reach
	// 275–327 MB (decision 015, docs/performance.md).
	cluster.setupPrimary({ execArgv: [...process.execArgv, '--max-semi-space-size=32', '--max-old-space-size=384', '--heap-growing-percent=50'] })
	// The primary accepts the connections and hands them to the workers in
	// turn. Node's own round-robin gives the next connection to whichever
	// worker acknowledged its last one first, and a burst of new connections
	// could leave one process with two thirds of them, its answers twice as
	// slow as the other's (docs/performance.md).
	const ready: Worker[] = []
	let turn = 0
	let stopping = false
	const stop = () => {
		stopping = true
		balancer.close()
		for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM')
	}
	const balancer = createServer({ pauseOnConnect: true }, (socket) => {
		const worker = ready[turn++ % ready.length]
		if (!worker) return socket.destroy()
		worker.send('connection', socket, undefined, (error) => error && socket.destroy())
	})
	balancer.on('error', (error) => {
		if (balancer.listening) return console.error(`Knute could not accept a connection: ${error.message}`)
		console.error(`Knute cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`)
		stop()
		process.exitCode = 1
	})
	for (let i = 0; i < env.WEB_CONCURRENCY; i++) cluster.fork({ KNUTE_PREPARED: '1' })
	// A worker that fails after it has served is started again; one that could
	// not start would fail again, so the portal stops.
	const served = new Set<number>()
	cluster.on('message', (worker, message: { ready?: string }) => {
		if (!message.ready || stopping) return
		served.add(worker.id)
		ready.push(worker)
		// Open to connections with the first worker ready; the others take their turns as they come.
		if (!balancer.listening) balancer.listen(env.PORT, env.HOST, () => announce(message.ready!))
	})
	cluster.on('exit', (worker, code) => {
		if (ready.includes(worker)) ready.splice(ready.indexOf(worker), 1)
		if (stopping || code === 0) return
		if (served.has(worker.id)) cluster.fork({ KNUTE_PREPARED: '1' })
		else {
			stop()
			process.exitCode = 1
		}
	})
	process.on('SIGTERM', stop)
	process.on('SIGINT', stop)
} else {
	await serve().catch(cannotStart)
}

/** The one line that says the portal is up, from the process that opened the port. */
function announce(dialect: string) {
	const ms = Math.round(performance.now() - started)
	console.log(`Knute on http://localhost:${env.PORT} (${dialect}, ${env.NODE_ENV}, ${env.WEB_CONCURRENCY} process(es), ready in ${ms} ms)`)
}

/**
 * What stops the start — a wrong setting, a database out of reach — in one
 * line; the stack trace too for anything else, which may be a bug.
 */
function cannotStart(error: unknown): never {
	console.error(`Knute cannot start: ${error instanceof Error ? error.message : String(error)}`)
	const expected = error instanceof SettingsError || typeof (error as { code?: unknown } | null)?.code === 'string'
	if (!expected && error instanceof Error) console.error(error.stack)
	process.exit(1)
}

async function serve() {
	const { default: express } = await import('express')
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', env.TRUST_PROXY)

	let serverApp: Awaited<ReturnType<ServerModule['createServerApp']>>
	if (env.NODE_ENV === 'development') {
		const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
		app.use(vite.middlewares)
		const module = (await vite.ssrLoadModule('./app/server.ts')) as ServerModule
		serverApp = await module.createServerApp(env)
	} else {
		const { staticFiles } = await import('./app/platform/static-files.server.ts')
		app.use(staticFiles(express))
		// @ts-ignore the build exists once `react-router build` has run
		const build = (await import('./build/server/index.js')) as ServerModule
		serverApp = await build.createServerApp(env, { prepared: process.env.KNUTE_PREPARED === '1' })
	}
	app.use(serverApp.app)

	const server = createHttpServer(inArrivalOrder(app))
	const open = new Set<Socket>()
	server.on('connection', (socket: Socket) => {
		open.add(socket)
		socket.once('close', () => open.delete(socket))
	})
	let stopping = false
	if (cluster.isWorker) {
		// The primary hands over each connection it accepts (above). Node's HTTP
		// server starts its watch over slow or idle connections when it listens.
		server.emit('listening')
		process.on('message', (message, socket?: Socket) => {
			if (message !== 'connection' || !socket) return
			if (stopping) return socket.destroy()
			server.emit('connection', socket)
			socket.resume()
		})
		process.send!({ ready: serverApp.dialect })
	} else {
		server.once('error', (error) => {
			console.error(`Knute cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`)
			process.exit(1)
		})
		server.listen(env.PORT, env.HOST, () => announce(serverApp.dialect))
	}

	// On SIGTERM (a restart, a deploy) the portal takes no new connections and
	// answers the requests under way, closing each connection as it falls idle;
	// after ten seconds it stops regardless.
	function shutdown() {
		if (stopping) return
		stopping = true
		server.close()
		const closeIdle = () => {
			server.closeIdleConnections()
			if (open.size > 0) return
			clearInterval(closing)
			void serverApp.close().then(() => process.exit(0))
		}
		const closing = setInterval(closeIdle, 100)
		closeIdle()
		setTimeout(() => process.exit(0), 10_000).unref()
	}
	process.on('SIGTERM', shutdown)
	process.on('SIGINT', shutdown)
}
