// Starts the portal: `node server.ts` after `react-router build`, or with
// NODE_ENV=development for Vite's dev server with hot reload.
import express from 'express'
import { readEnv } from './app/platform/env.server.ts'

const started = performance.now()
const env = readEnv()
const app = express()
app.disable('x-powered-by')
app.set('trust proxy', env.TRUST_PROXY)

let serverApp: Awaited<ReturnType<typeof import('./app/server.ts').createServerApp>>
if (env.NODE_ENV === 'development') {
	const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
	app.use(vite.middlewares)
	const module = (await vite.ssrLoadModule('./app/server.ts')) as typeof import('./app/server.ts')
	serverApp = await module.createServerApp(env)
} else {
	app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y', index: false }))
	app.use(express.static('build/client', { maxAge: '1h', index: false }))
	// @ts-ignore the build exists once `react-router build` has run
	const module = (await import('./build/server/index.js')) as typeof import('./app/server.ts')
	serverApp = await module.createServerApp(env)
}
app.use(serverApp.app)

const server = app.listen(env.PORT, env.HOST, () => {
	const ms = Math.round(performance.now() - started)
	console.log(`Knute on http://localhost:${env.PORT} (${serverApp.dialect}, ${env.NODE_ENV}, ready in ${ms} ms)`)
})

function shutdown() {
	server.close(() => void serverApp.close().then(() => process.exit(0)))
	server.closeAllConnections()
	setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
