import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { createCookie, redirect } from 'react-router'
import type { Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { prepared } from '#db/prepared.ts'
import type { Actor } from './policy.ts'
import { enqueueMail } from './mail.server.ts'
import { inMinutes, now } from './time.ts'
import { chosenLang, langCookie, translator, type Lang } from './i18n.ts'

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>

const SESSION_DAYS = 30
export const LINK_MINUTES = 20

// The cookie holds a random id; the database holds only its hash, so a leaked
// backup cannot be turned into live sessions.
const sessionCookie = createCookie('knute_session', {
	httpOnly: true,
	sameSite: 'lax',
	path: '/',
	maxAge: SESSION_DAYS * 24 * 3600,
})

const sessionCookieSet = new RegExp(`(?:^|;\\s*)${sessionCookie.name}=`)
/** Whether a request's Cookie header carries a session (signed in, or was). */
export const hasSessionCookie = (cookieHeader: string | undefined) => sessionCookieSet.test(cookieHeader ?? '')

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')
const newToken = () => randomBytes(32).toString('base64url')

function isHttps(request: Request) {
	return new URL(request.url).protocol === 'https:'
}

// One query on every request: the session's person with each membership (or none).
const sessionPerson = prepared((db, p: { idHash: string; now: string }) =>
	db
		.selectFrom('session')
		.innerJoin('person', 'person.id', 'session.person_id')
		.leftJoin('membership', 'membership.person_id', 'person.id')
		.select(['person.id', 'person.name', 'person.email', 'person.organisation_id', 'membership.network_id', 'membership.role'])
		.where('session.id_hash', '=', p.idHash)
		.where('session.expires_at', '>', p.now),
)

/** Loads the signed-in person from the session cookie, or null. */
export async function getActor(db: Kysely<DB>, request: Request): Promise<Actor | null> {
	const token = await sessionCookie.parse(request.headers.get('Cookie'))
	if (typeof token !== 'string') return null
	const rows = await sessionPerson(db, { idHash: hashToken(token), now: now() })
	const person = rows[0]
	if (!person) return null
	const roles: Record<number, Role[]> = {}
	for (const m of rows) if (m.network_id !== null && m.role !== null) (roles[m.network_id] ??= []).push(m.role)
	return { personId: person.id, name: person.name, email: person.email, organisationId: person.organisation_id, roles }
}

/**
 * Signs a person in: a session, and one language for the person and this
 * browser — the one chosen here before signing in, kept on the person (mail
 * and notices to them are written in it), or else the person's own, set on
 * the browser. Returns the headers for the answer.
 */
export async function signIn(db: Kysely<DB>, request: Request, personId: number): Promise<Headers> {
	const headers = new Headers({ 'Set-Cookie': await createSession(db, request, personId) })
	const chosen = chosenLang(request)
	if (chosen) await setPersonLang(db, personId, chosen)
	else {
		const { lang } = await db.selectFrom('person').select('lang').where('id', '=', personId).executeTakeFirstOrThrow()
		if (lang !== 'nb') headers.append('Set-Cookie', langCookie(lang, request))
	}
	return headers
}

/** Starts a session and returns the Set-Cookie header for it. */
export async function createSession(db: Kysely<DB>, request: Request, personId: number): Promise<string> {
	const token = newToken()
	await db
		.insertInto('session')
		.values({ id_hash: hashToken(token), person_id: personId, created_at: now(), expires_at: inMinutes(SESSION_DAYS * 24 * 60) })
		.execute()
	return sessionCookie.serialize(token, { secure: isHttps(request) })
}

/** The language mail and notices to the person are written in. */
export async function setPersonLang(db: Kysely<DB>, personId: number, lang: Lang) {
	await db.updateTable('person').set({ lang }).where('id', '=', personId).where('lang', '!=', lang).execute()
}

export async function destroySession(db: Kysely<DB>, request: Request): Promise<string> {
	const token = await sessionCookie.parse(request.headers.get('Cookie'))
	if (typeof token === 'string') await db.deleteFrom('session').where('id_hash', '=', hashToken(token)).execute()
	return sessionCookie.serialize('', { maxAge: 0, secure: isHttps(request) })
}

/**
 * Sends a one-time sign-in link if the address belongs to someone; says
 * nothing either way, so the form cannot be used to find out who is a member.
 */
export async function sendLoginLink(
	db: Kysely<DB>,
	{ email, origin, lang, redirectTo }: { email: string; origin: string; lang: Lang; redirectTo?: string },
) {
	const person = await db.selectFrom('person').select(['id', 'name']).where('email', '=', email.toLowerCase()).executeTakeFirst()
	if (!person) return
	const t = translator(lang)
	await db.transaction().execute(async (trx) => {
		const link = await createLoginLink(trx, { personId: person.id, origin, redirectTo })
		await enqueueMail(trx, {
			to: email.toLowerCase(),
			subject: t('mail.login.subject'),
			text: t('mail.login.body', { name: person.name, link, minutes: LINK_MINUTES }),
		})
	})
}

/** A one-time sign-in link for the person, valid for LINK_MINUTES; only its hash is stored. */
export async function createLoginLink(
	trx: Kysely<DB>,
	{ personId, origin, redirectTo }: { personId: number; origin: string; redirectTo?: string },
): Promise<string> {
	const token = newToken()
	await trx
		.insertInto('login_token')
		.values({ token_hash: hashToken(token), person_id: personId, created_at: now(), expires_at: inMinutes(LINK_MINUTES) })
		.execute()
	const link = new URL('/logg-inn/lenke', origin)
	link.searchParams.set('token', token)
	if (redirectTo) link.searchParams.set('redirectTo', redirectTo)
	return link.href
}

/**
 * Uses up a sign-in link. Returns the person's id, or why it cannot be used.
 * The update is conditional, so two clicks racing each other cannot both win.
 */
export async function consumeLoginToken(
	db: Kysely<DB>,
	token: string,
): Promise<{ personId: number } | { error: 'invalid' | 'expired' | 'used' }> {
	const row = await db
		.selectFrom('login_token')
		.select(['person_id', 'expires_at', 'used_at'])
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst()
	if (!row) return { error: 'invalid' }
	if (row.used_at) return { error: 'used' }
	if (row.expires_at <= now()) return { error: 'expired' }
	const result = await db
		.updateTable('login_token')
		.set({ used_at: now() })
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.executeTakeFirst()
	if (Number(result.numUpdatedRows) !== 1) return { error: 'used' }
	return { personId: row.person_id }
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16)
	const key = await scrypt(password, salt, 64)
	return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/** The person's id if the password is theirs. */
export async function verifyPassword(db: Kysely<DB>, email: string, password: string): Promise<number | undefined> {
	const person = await db
		.selectFrom('person')
		.select(['id', 'password_hash'])
		.where('email', '=', email.toLowerCase())
		.executeTakeFirst()
	// Hash anyway when there is no such person, so timing does not tell.
	const [, salt = '', expected = ''] = (person?.password_hash ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$').split('$')
	const key = await scrypt(password, Buffer.from(salt, 'base64url'), 64)
	const wanted = Buffer.from(expected, 'base64url')
	return person?.password_hash && wanted.length === key.length && timingSafeEqual(key, wanted) ? person.id : undefined
}

/** Counts a hit against a key in a fixed window; true while under the limit. Shared by all processes. */
export async function hitRateLimit(db: Kysely<DB>, key: string, limit: number, windowMinutes: number): Promise<boolean> {
	const windowStart = inMinutes(-windowMinutes)
	return db.transaction().execute(async (trx) => {
		const row = await trx.selectFrom('rate_limit').select(['window_start', 'hits']).where('key', '=', key).executeTakeFirst()
		if (!row || row.window_start < windowStart) {
			await trx
				.insertInto('rate_limit')
				.values({ key, window_start: now(), hits: 1 })
				.onConflict((oc) => oc.column('key').doUpdateSet({ window_start: now(), hits: 1 }))
				.execute()
			return true
		}
		await trx.updateTable('rate_limit').set((eb) => ({ hits: eb('hits', '+', 1) })).where('key', '=', key).execute()
		return row.hits + 1 <= limit
	})
}

/**
 * A same-site path to return to after signing in; anything else goes home.
 * A browser drops tabs and line breaks from an address and reads a backslash
 * as a slash, so `/<tab>/evil.example` would be another site: a path with
 * either is not followed.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(to)) return fallback
	return to
}

export function redirectToLogin(request: Request): never {
	const url = new URL(request.url)
	throw redirect(`/logg-inn?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}
