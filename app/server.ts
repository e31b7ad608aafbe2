// The application inside the server build: the database, its workers, and the
// React Router handler behind security headers. Bundled with the routes, so
// the contexts set here are the very ones the loaders read.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import express from 'express'
import { RouterContextProvider, type ServerBuild } from 'react-router'
import { openDatabase, prepareDatabase } from '#db/prepare.ts'
import type { Env } from '#app/platform/env.server.ts'
import { hasSessionCookie } from '#app/platform/auth.server.ts'
import { dbContext, requestContext } from '#app/platform/context.ts'
import { createRequestHandler } from '#app/platform/fetch-bridge.server.ts'
import { createTransport, deliverDueMail } from '#app/platform/mail.server.ts'
import { runQueuedImports } from '#app/features/import/import.server.ts'
import { sendDueReminders } from '#app/features/gatherings/gatherings.server.ts'
import { sendCommitmentReminders } from '#app/features/commitment/agreements.server.ts'

/**
 * The application for one process. With several processes the primary
 * prepares the database first (`prepared: true` here), so they do not race.
 */
export async function createServerApp(env: Env, { prepared = false } = {}) {
	const development = env.NODE_ENV === 'development'
	if (!prepared) await prepareDatabase(env)
	const { db, dialect } = openDatabase(env)

	const mailboxPage = !env.SMTP_URL
	const transport = createTransport({ smtpUrl: env.SMTP_URL, outboxDir: path.join(env.DATA_DIR, 'outbox') })

	const app = express.Router()
	app.use((req, res, next) => {
		// 122 random bits; randomUUID draws from a buffered pool, randomBytes asks the system each time.
		const nonce = randomUUID()
		res.locals.nonce = nonce
		res.set({
			'Content-Security-Policy': [
				"default-src 'self'",
				`script-src 'self' 'nonce-${nonce}'`,
				// Designsystemet sets a few custom properties in style attributes.
				"style-src 'self' 'unsafe-inline'",
				"img-src 'self' data:",
				"font-src 'self'",
				`connect-src 'self'${development ? ' ws:' : ''}`,
				"form-action 'self'",
				"frame-ancestors 'none'",
				"base-uri 'none'",
				"object-src 'none'",
			].join('; '),
			'X-Content-Type-Options': 'nosniff',
			'Referrer-Policy': 'same-origin',
			'Cross-Origin-Opener-Policy': 'same-origin',
			'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
			...(req.secure ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
			// What a signed-in person is sent is theirs alone: no cache on the way keeps
			// it, nor the browser once it is left. A route may say otherwise (a file).
			...(hasSessionCookie(req.headers.cookie) ? { 'Cache-Control': 'private, no-store' } : {}),
		})
		next()
	})

	// Cross-site form posts are refused: the browser says where a request comes
	// from (Sec-Fetch-Site, else Origin), and only same-origin writes pass.
	app.use((req, res, next) => {
		if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
		const site = req.get('Sec-Fetch-Site')
		const origin = req.get('Origin')
		const crossSite = site ? site !== 'same-origin' && site !== 'none' : origin ? new URL(origin).host !== req.get('Host') : false
		if (crossSite) {
			res.status(403).type('text/plain; charset=utf-8').send('Skjemaet ble sendt fra et annet nettsted og er avvist. / Cross-site request refused.')
			return
		}
		next()
	})

	// In production the build is handed over once, so React Router prepares its
	// route tables once; a function (for hot reload in development) makes it
	// prepare them again for every request, a third of the CPU a page costs.
	const build = () => import('virtual:react-router/server-build') as Promise<ServerBuild>
	app.use(
		createRequestHandler({
			build: development ? build : await build(),
			mode: development ? 'development' : 'production',
			publicUrl: env.PUBLIC_URL,
			getLoadContext(req, res) {
				const context = new RouterContextProvider()
				context.set(dbContext, { db, dialect })
				context.set(requestContext, { nonce: res.locals.nonce as string, clientIp: req.ip ?? '', mailboxPage, registerUrl: env.BRREG_URL })
				return context
			},
		}),
	)

	// Background work in every process: due mail, queued imports, reminders.
	// Each claims its work in the database, so nothing is done twice.
	const origin = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`
	let ticks = 0
	const workers = setInterval(() => {
		deliverDueMail(db, transport, env.MAIL_FROM).catch((e) => console.error('mail', e))
		runQueuedImports(db).catch((e) => console.error('import', e))
		if (ticks++ % 60 === 0) {
			sendDueReminders(db, { origin }).catch((e) => console.error('reminders', e))
			sendCommitmentReminders(db, { origin }).catch((e) => console.error('reminders', e))
		}
	}, 1000)

	return {
		app,
		dialect,
		async close() {
			clearInterval(workers)
			await db.destroy()
		},
	}
}
