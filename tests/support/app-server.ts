import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import express from 'express'
import type { Kysely } from 'kysely'
import type { DB, Dialect } from '#db/index.ts'
import { createSession } from '#app/platform/auth.server.ts'
import { readEnv } from '#app/platform/env.server.ts'
import { staticFiles } from '#app/platform/static-files.server.ts'
import { createTestDatabase } from './databases.ts'
import { startRegisterReplay } from './brreg-replay.ts'

type ServerModule = typeof import('#app/server.ts')

/**
 * The built portal (run `npm run build` first) on a fresh database of the
 * dialect, listening on a free port of 127.0.0.1, as `npm start` serves it.
 */
export async function startTestServer(dialect: Dialect, { seedDemo = false, publicUrl }: { seedDemo?: boolean; publicUrl?: string } = {}) {
	const database = await createTestDatabase(dialect)
	const dataDir = mkdtempSync(path.join(tmpdir(), 'knute-data-'))
	// @ts-ignore the build exists once `react-router build` has run
	const { createServerApp } = (await import('../../build/server/index.js')) as ServerModule
	// The company register is outside our reach: a local server replays its answers.
	const register = await startRegisterReplay()
	const serverApp = await createServerApp(
		readEnv({ NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: database.url, SEED_DEMO: seedDemo ? 'true' : 'false', BRREG_URL: register.url, PUBLIC_URL: publicUrl }),
	)
	const app = express()
	app.use(staticFiles(express))
	app.use(serverApp.app)
	const server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	return {
		url,
		db: database.db,
		dataDir,
		/** A Cookie header that signs the person in. */
		async cookieFor(personId: number) {
			const setCookie = await createSession(database.db, new Request(url), personId)
			return setCookie.split(';')[0]!
		},
		async close() {
			server.closeAllConnections()
			await new Promise((resolve) => server.close(resolve))
			await serverApp.close()
			await register.close()
			await database.drop().catch(() => {})
			rmSync(dataDir, { recursive: true, force: true })
		},
	}
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>
export type { Kysely, DB }
