import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createNetwork, createPerson } from '#tests/support/factories.ts'
import { consumeLoginToken, createSession, destroySession, getActor, hashPassword, hitRateLimit, safeRedirect, sendLoginLink, signIn, verifyPassword } from './auth.server.ts'

const origin = 'http://localhost:3000'

for (const dialect of DIALECTS) {
	describe(`sign-in on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let networkId: number
		let personId: number
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			networkId = await createNetwork(db)
			personId = await createPerson(db, networkId, { email: 'kari@bedrift.no', name: 'Kari', roles: ['member', 'company_contact'] })
		})
		afterEach(() => drop())

		async function tokenFromOutbox() {
			const mail = await db.selectFrom('outbox').select(['recipient', 'body_text']).orderBy('id', 'desc').executeTakeFirstOrThrow()
			return { recipient: mail.recipient, token: new URL(/http\S+/.exec(mail.body_text)![0]).searchParams.get('token')! }
		}

		test('a link is mailed to a known address, works once, and signs the person in', async () => {
			await sendLoginLink(db, { email: 'KARI@bedrift.no', origin, lang: 'nb' })
			const { recipient, token } = await tokenFromOutbox()
			expect(recipient).toBe('kari@bedrift.no')
			expect(await consumeLoginToken(db, token)).toEqual({ personId })
			expect(await consumeLoginToken(db, token)).toEqual({ error: 'used' })
			expect(await consumeLoginToken(db, 'made-up')).toEqual({ error: 'invalid' })

			const cookie = (await createSession(db, new Request(origin), personId)).split(';')[0]!
			const request = new Request(origin, { headers: { Cookie: cookie } })
			const actor = await getActor(db, request)
			expect(actor?.personId).toBe(personId)
			expect(actor?.roles[networkId]?.sort()).toEqual(['company_contact', 'member'])
			await destroySession(db, request)
			expect(await getActor(db, request)).toBeNull()
		})

		test('a session past its expiry signs no one in', async () => {
			const cookie = (await createSession(db, new Request(origin), personId)).split(';')[0]!
			const request = new Request(origin, { headers: { Cookie: cookie } })
			expect((await getActor(db, request))?.personId).toBe(personId)
			await db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute()
			expect(await getActor(db, request)).toBeNull()
		})

		test('an unknown address gets no mail and no different answer', async () => {
			await expect(sendLoginLink(db, { email: 'nobody@nowhere.no', origin, lang: 'nb' })).resolves.toBeUndefined()
			expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([])
		})

		test("a language chosen before signing in becomes the person's; a browser without one gets theirs", async () => {
			const lang = async () => (await db.selectFrom('person').select('lang').where('id', '=', personId).executeTakeFirstOrThrow()).lang
			const cookies = (headers: Headers) => headers.getSetCookie().map((c) => c.split(';')[0]!.split('=')[0])
			// Bokmål, the default, needs no cookie.
			expect(cookies(await signIn(db, new Request(origin), personId))).toEqual(['knute_session'])
			expect(cookies(await signIn(db, new Request(origin, { headers: { Cookie: 'lang=en' } }), personId))).toEqual(['knute_session'])
			expect(await lang()).toBe('en')
			// On another device, signing in brings the person's language along.
			const elsewhere = await signIn(db, new Request('https://knute.no'), personId)
			expect(elsewhere.getSetCookie()[1]).toBe('lang=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure')
			expect(await lang()).toBe('en')
			// Switched back to bokmål in a browser, it is bokmål from then on.
			await signIn(db, new Request(origin, { headers: { Cookie: 'lang=nb' } }), personId)
			expect(await lang()).toBe('nb')
		})

		test('an expired link is refused', async () => {
			await sendLoginLink(db, { email: 'kari@bedrift.no', origin, lang: 'en' })
			const { token } = await tokenFromOutbox()
			await db.updateTable('login_token').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute()
			expect(await consumeLoginToken(db, token)).toEqual({ error: 'expired' })
		})

		test('the session cookie is Secure only over HTTPS, and always HttpOnly and SameSite', async () => {
			const plain = await createSession(db, new Request('http://localhost'), personId)
			const secure = await createSession(db, new Request('https://knute.no'), personId)
			expect(plain).toMatch(/HttpOnly/)
			expect(plain).toMatch(/SameSite=Lax/)
			expect(plain).not.toMatch(/Secure/)
			expect(secure).toMatch(/Secure/)
		})

		test('a password, once set, signs in; a wrong one does not', async () => {
			await db.updateTable('person').set({ password_hash: await hashPassword('korrekt hest batteri') }).where('id', '=', personId).execute()
			expect(await verifyPassword(db, 'Kari@bedrift.no', 'korrekt hest batteri')).toBe(personId)
			expect(await verifyPassword(db, 'kari@bedrift.no', 'feil passord')).toBeUndefined()
			expect(await verifyPassword(db, 'nobody@nowhere.no', 'korrekt hest batteri')).toBeUndefined()
		})

		test('the rate limit counts per key within its window', async () => {
			const results = []
			for (let i = 0; i < 4; i++) results.push(await hitRateLimit(db, 'login:test', 3, 15))
			expect(results).toEqual([true, true, true, false])
			expect(await hitRateLimit(db, 'login:other', 3, 15)).toBe(true)
		})
	})
}

test('only same-site paths are followed after sign-in', () => {
	expect(safeRedirect('/n/ikt/katalog?q=1')).toBe('/n/ikt/katalog?q=1')
	expect(safeRedirect('//evil.example')).toBe('/')
	expect(safeRedirect('https://evil.example')).toBe('/')
	expect(safeRedirect('/\\evil.example')).toBe('/')
	for (const sneaky of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\u0000/evil.example', '/n/x\\..\\/evil.example']) expect(safeRedirect(sneaky)).toBe('/')
	expect(safeRedirect(null, '/n/x')).toBe('/n/x')
})
