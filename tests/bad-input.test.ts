// Bad input over HTTP, on both databases: a clear message, a 4xx, nothing written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DIALECTS } from './support/databases.ts'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createCompany, createNetwork, createPerson } from './support/factories.ts'
import { createGathering, getGathering, registerForGathering, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { listMemberCompanies, openSurvey } from '#app/features/meetings/acquaintance.server.ts'
import { moveIdea, proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { inMinutes } from '#app/platform/time.ts'

for (const dialect of DIALECTS) {
	describe(`bad input on ${dialect}`, () => {
		let server: TestServer
		let leader: string
		let member: string
		let company: number
		let networkId: number
		let leaderId: number
		const gatherings: Record<string, number> = {}

		beforeAll(async () => {
			server = await startTestServer(dialect)
			const db = server.db
			networkId = await createNetwork(db, { slug: 'test' })
			company = await createCompany(db, networkId, { name: 'Bedrift AS', org_number: '974760673' })
			leaderId = await createPerson(db, networkId, { roles: ['project_leader'] })
			leader = await server.cookieFor(leaderId)
			member = await server.cookieFor(await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: company }))
			const make = async (name: string, overrides: { audience?: 'open' | 'members'; deadline?: string | null }) => {
				const id = await createGathering(
					db,
					networkId,
					{ title: name, description: '', location: 'Lillehammer', starts_at: inMinutes(60 * 24 * 7), ends_at: inMinutes(60 * 24 * 7 + 60), audience: overrides.audience ?? 'open', capacity: null, registration_deadline: overrides.deadline ?? null },
					[],
				)
				await updateGathering(db, id, { status: 'published' })
				gatherings[name] = id
			}
			await make('closed', { deadline: inMinutes(-60) })
			await make('open', {})
			await make('members', { audience: 'members' })
		})
		afterAll(() => server?.close())

		const post = (path: string, body: Record<string, string> | FormData, cookie?: string) =>
			fetch(server.url + path, {
				method: 'POST',
				headers: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
				body: body instanceof FormData ? body : new URLSearchParams(body),
				redirect: 'manual',
			})
		const visitor = { intent: 'register', name: 'Siv', email: 'siv@x.no', company: 'X AS', consent: 'on' }
		const registrations = async () => (await server.db.selectFrom('registration').select('id').execute()).length

		test('a return address a browser would read as another site goes home, not to an error', async () => {
			for (const redirectTo of ['/\t/evil.example', '/\n/evil.example', '/\\evil.example', '//evil.example']) {
				const response = await post('/sprak', { lang: 'en', redirectTo })
				expect(response.status, JSON.stringify(redirectTo)).toBe(302)
				expect(response.headers.get('Location'), JSON.stringify(redirectTo)).toBe('/')
			}
			const response = await post('/sprak', { lang: 'en', redirectTo: '/n/test' })
			expect(response.headers.get('Location')).toBe('/n/test')
		})

		test('registration after the deadline is refused with a message', async () => {
			const response = await post(`/n/test/samlinger/${gatherings.closed}`, visitor)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Påmeldingen er stengt.')
			expect(await registrations()).toBe(0)
		})

		test('a registration with a bad e-mail and no consent: each error beside its field, and what was typed and ticked kept', async () => {
			const response = await post(`/n/test/samlinger/${gatherings.open}`, { intent: 'register', name: 'Siv Å', email: 'siv-at-x.no', company: 'X AS', show_in_attendance: 'on' })
			expect(response.status).toBe(400)
			const html = await response.text()
			const tag = (id: string) => new RegExp(`<(input|textarea|select)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? ''
			expect(tag('register-name')).toContain('value="Siv Å"')
			expect(tag('register-company')).toContain('value="X AS"')
			expect(tag('register-email')).toContain('value="siv-at-x.no"')
			expect(tag('register-email')).toContain('aria-invalid="true"')
			expect(tag('register-email')).toContain('aria-describedby="register-email-error"')
			expect(html).toMatch(/id="register-email-error"[^>]*>Skriv en gyldig e-postadresse/)
			expect(tag('register-show_in_attendance')).toContain('checked=""')
			expect(tag('register-consent')).not.toContain('checked')
			expect(tag('register-consent')).toContain('aria-describedby="register-consent-error"')
			expect(html).toMatch(/id="register-consent-error"[^>]*>Du må samtykke for å melde deg på\./)
			expect(tag('register-name')).not.toContain('aria-invalid')
			expect(await registrations()).toBe(0)
		})

		test('a visitor cannot register for a members-only gathering', async () => {
			const response = await post(`/n/test/samlinger/${gatherings.members}`, visitor)
			expect(response.status).toBe(403)
			expect(await response.text()).toContain('bare for medlemmer')
			expect(await registrations()).toBe(0)
		})

		test('a duplicate organisation number is refused and the form keeps what was typed', async () => {
			const response = await post('/n/test/admin/bedrifter/ny', { org_number: '974 760 673', name: 'Kopi AS', kind: 'company', status: 'member' }, leader)
			expect(response.status).toBe(400)
			const html = await response.text()
			expect(html).toContain('En bedrift med dette organisasjonsnummeret er allerede registrert.')
			expect(html).toContain('value="Kopi AS"')
			expect(await server.db.selectFrom('organisation').select('id').where('name', '=', 'Kopi AS').execute()).toEqual([])
		})

		test('a logo that is too large gets a field message; a request far too large is refused unread', async () => {
			const form = new FormData()
			form.set('name', 'Bedrift AS')
			form.set('logo', new File([new Uint8Array(1024 * 1024 + 1)], 'stor.png', { type: 'image/png' }))
			const response = await post(`/n/test/bedrifter/${company}/rediger`, form, member)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Filen er for stor.')
			const huge = new FormData()
			huge.set('logo', new File([new Uint8Array(13 * 1024 * 1024)], 'enorm.png', { type: 'image/png' }))
			expect((await post(`/n/test/bedrifter/${company}/rediger`, huge, member)).status).toBe(413)
			expect(await server.db.selectFrom('file').select('id').execute()).toEqual([])
		})

		test('control characters typed into text are taken out, where PostgreSQL would refuse a NUL', async () => {
			const db = server.db
			const criteria = await post('/n/test/admin/kriterier', { name: 'Nytte\u0000 for\u0007 bedriftene', weight: '2' }, leader)
			expect(criteria.status).toBe(200)
			expect((await db.selectFrom('evaluation_criterion').select('name').where('network_id', '=', networkId).execute()).map((c) => c.name)).toEqual(['Nytte for bedriftene'])
			const minutes = await post(`/n/test/admin/samlinger/${gatherings.open}`, { intent: 'minutes', minutes: 'Referat\u0000\nfra\tmøtet' }, leader)
			expect(minutes.status).toBe(200)
			expect((await db.selectFrom('gathering').select('minutes').where('id', '=', gatherings.open!).executeTakeFirstOrThrow()).minutes).toBe('Referat\nfra\tmøtet')
			const checkIn = await fetch(`${server.url}/n/test/admin/samlinger/${gatherings.open}/innsjekk?q=%00`, { headers: { Cookie: leader } })
			expect(checkIn.status).toBe(200)
			expect((await fetch(`${server.url}/n/test/kalender.ics?token=%00`)).status).toBe(404)
		})

		test('a long form sent after the session ended gets the way to sign in, not a broken connection', async () => {
			// The redirect comes before the form is read; what is left of it is read and dropped.
			for (let i = 0; i < 10; i++) {
				const response = await post('/n/test/ideer/ny', { title: 'Idé', problem: 'x'.repeat(2_000_000) })
				expect(response.status).toBe(302)
				expect(response.headers.get('location')).toMatch(/^\/logg-inn\?redirectTo=/)
			}
		})

		test('an unknown or malformed record id is a 404, never a 500', async () => {
			for (const path of ['/n/test/bedrifter/999999', '/n/test/bedrifter/2147483648', '/n/test/bedrifter/abc', '/n/test/personer/-1', '/n/test/samlinger/1e3', '/n/ukjent']) {
				expect((await fetch(server.url + path, { headers: { Cookie: leader } })).status, path).toBe(404)
			}
			// A company asked for by a number no record can have: the map as if none was asked for.
			expect((await fetch(`${server.url}/n/test/kart?bedrift=2147483648`, { headers: { Cookie: leader } })).status).toBe(200)
			expect((await fetch(`${server.url}/n/test/admin/innsats?bedrift=2147483648&person=2147483648`, { headers: { Cookie: leader } })).status).toBe(200)
		})

		test('an expired or unknown sign-in link gets a message and a 4xx', async () => {
			const response = await post('/logg-inn/lenke', { token: 'ukjent' })
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Innloggingslenken er ugyldig')
		})

		test('get-to-know rounds: one company, someone in no company or too many rounds get a message; nothing is planned', async () => {
			const db = server.db
			const gathering = (await getGathering(db, { networkId, gatheringId: gatherings.members! }))!
			const by = { network: { id: networkId, slug: 'test', name: 'Test', name_en: 'Test' }, gathering, origin: server.url, lang: 'nb' as const }
			const entry = { phone: '', company: '', org_number: null, job_title: '', dietary: '', show_in_attendance: false, person_id: null }
			await registerForGathering(db, by, { ...entry, name: 'Med Bedrift', email: 'med@x.no', organisation_id: company })
			await registerForGathering(db, by, { ...entry, name: 'Uten Bedrift', email: 'uten@x.no', organisation_id: null })
			const [withCompany, without] = (await db.selectFrom('registration').select('id').where('gathering_id', '=', gathering.id).orderBy('id').execute()).map((r) => String(r.id))
			const plan = (participants: string[], rounds = '3') => {
				const form = new FormData()
				form.set('intent', 'plan')
				for (const p of participants) form.append('participants', p)
				form.set('rounds', rounds)
				form.set('minutes', '5')
				return post(`/n/test/admin/samlinger/${gathering.id}/motesrunder`, form, leader)
			}
			let response = await plan([withCompany!])
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Velg minst to deltakere.')
			response = await plan([withCompany!, without!])
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Uten Bedrift hører ikke til noen bedrift.')
			response = await plan([withCompany!, without!], '99')
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Velg fra 1 til 20 runder.')
			expect(await db.selectFrom('meeting_plan').select('id').execute()).toEqual([])
			// More rounds than the pairs allow: the possible ones are planned, and the page says how many.
			await db.updateTable('registration').set({ organisation_id: await createCompany(db, networkId, { name: 'Tredje AS' }) }).where('id', '=', Number(without)).execute()
			response = await plan([withCompany!, without!], '4')
			expect(response.status).toBe(200)
			expect(await response.text()).toContain('Blant disse deltakerne kan bare 1 bedriftspar møtes. Det holder til 1 av de 4 rundene')
			expect(await db.selectFrom('meeting_plan').select('rounds').execute()).toEqual([{ rounds: 1 }])
		})

		test('the trust survey: a score outside 1–5 and a second answer are refused; one answer is kept', async () => {
			const db = server.db
			const other = await createCompany(db, networkId, { name: 'Annen AS' })
			const survey = await openSurvey(db, { network: { id: networkId, slug: 'test', name: 'Test', name_en: 'Test' }, actorId: leaderId, origin: server.url }, 'Oppstart')
			// Every other member company is rated; a rating of the own company is not asked for and not kept.
			const others = (await listMemberCompanies(db, networkId)).map((c) => c.id).filter((id) => id !== company)
			const answer = (knows: string) =>
				post(
					`/n/test/tillit/${survey}`,
					Object.fromEntries([...others.flatMap((id) => [[`knows_${id}`, id === other ? knows : '2'], [`trusts_${id}`, '3']]), [`knows_${company}`, '5'], [`trusts_${company}`, '5']]),
					member,
				)
			let response = await answer('7')
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Velg et tall fra 1 til 5.')
			expect(await db.selectFrom('trust_response').select('id').execute()).toEqual([])
			expect((await answer('4')).status).toBe(302)
			response = await answer('2')
			expect(response.status).toBe(409)
			expect(await response.text()).toContain('Bedriften har allerede svart på denne undersøkelsen.')
			const kept = await db.selectFrom('trust_answer').select(['target_id', 'knows']).execute()
			expect(kept.map((a) => a.target_id).sort()).toEqual(others.sort())
			expect(kept.find((a) => a.target_id === other)?.knows).toBe(4)
		})
		test('the register of knowledge partners: a missing name, an unknown country, a name already there and a day to come get a message; nothing is written', async () => {
			const db = server.db
			const partners = async () => (await db.selectFrom('knowledge_partner').select('organisation_id').where('network_id', '=', networkId).execute()).length
			let response = await post('/n/test/fagmiljoer/ny', { name: '', kind: 'research', town: 'Gjøvik', country: 'XX', stage: 'identified', focus: 'Studenter' }, leader)
			expect(response.status).toBe(400)
			let page = await response.text()
			expect(page).toContain('Fyll ut feltet.')
			expect(page).toContain('value="Gjøvik"')
			expect(page).toContain('Studenter</textarea>')
			expect(await partners()).toBe(0)
			expect((await post('/n/test/fagmiljoer/ny', { name: 'Høgskolen', kind: 'research', country: 'NO', stage: 'identified' }, leader)).status).toBe(302)
			response = await post('/n/test/fagmiljoer/ny', { name: 'HØGSKOLEN', kind: 'research', country: 'SE', stage: 'met' }, leader)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Fagmiljøet er allerede i registeret.')
			expect(await partners()).toBe(1)
			const { organisation_id: id } = await db.selectFrom('knowledge_partner').select('organisation_id').where('network_id', '=', networkId).executeTakeFirstOrThrow()
			response = await post(`/n/test/fagmiljoer/${id}`, { occurred_on: '2999-01-01', summary: 'Møte om studentoppgaver', stage: 'met' }, leader)
			expect(response.status).toBe(400)
			page = await response.text()
			expect(page).toContain('Datoen kan ikke være fram i tid.')
			expect(page).toContain('Møte om studentoppgaver</textarea>')
			response = await post(`/n/test/fagmiljoer/${id}/rediger`, { country: 'XX', focus: 'Studentoppgaver' }, leader)
			expect(response.status).toBe(400)
			page = await response.text()
			expect(page).toContain('Fyll ut feltet.')
			expect(page).toContain('Studentoppgaver</textarea>')
			expect(await db.selectFrom('knowledge_partner').select(['country', 'focus']).execute()).toEqual([{ country: 'NO', focus: '' }])
			// An idea that is not there, or not a number, is a 404; nothing is linked.
			for (const ideaId of ['999999', 'x']) {
				expect((await post(`/n/test/fagmiljoer/${id}`, { intent: 'linkIdea', ideaId }, leader)).status, ideaId).toBe(404)
			}
			expect(await db.selectFrom('idea_knowledge_partner').select('idea_id').execute()).toEqual([])
			// A company of the network that is not in the register has no partner page to log on.
			expect((await post(`/n/test/fagmiljoer/${company}`, { occurred_on: '2026-01-05', summary: 'Møte', stage: 'met' }, leader)).status).toBe(404)
			expect(await db.selectFrom('partner_activity').select('id').execute()).toEqual([])
			expect(await db.selectFrom('knowledge_partner').select('stage').execute()).toEqual([{ stage: 'identified' }])
		})
		test('the main project: a period over three years, an end before the start, a decision to come get a message; a network not ready, or moved already, is refused', async () => {
			const db = server.db
			const path = '/n/test/admin/hovedprosjekt'
			const valid = { decided_on: '2026-11-20', starts_on: '2027-01-01', ends_on: '2029-12-31', decision: 'Styringsmøtet 20. november' }
			// The test network has one company and no idea taken on.
			let response = await post(path, valid, leader)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Nettverket kan gå videre til hovedprosjekt når begge kravene er oppfylt.')
			const ready = await createNetwork(db, { slug: 'klar' })
			const [a] = [await createCompany(db, ready), await createCompany(db, ready), await createCompany(db, ready)]
			const readyLeader = await createPerson(db, ready, { roles: ['project_leader'] })
			const idea = await proposeIdea(db, { networkId: ready, viewer: { personId: readyLeader, organisationId: a!, roles: ['project_leader'] } }, { title: 'Idé', problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience: 'members', named: [] })
			for (const to of ['proposed', 'maturing', 'qualified'] as const) await moveIdea(db, { networkId: ready, viewer: { personId: readyLeader, organisationId: null, roles: ['project_leader'] }, ideaId: idea }, { to, reason: 'videre' })
			const cookie = await server.cookieFor(readyLeader)
			for (const [input, message] of [
				[{ ends_on: '2030-06-30' }, 'Et hovedprosjekt kan vare i høyst tre år.'],
				[{ ends_on: '2026-12-31' }, 'Hovedprosjektet må slutte etter at det starter.'],
				[{ decided_on: '2999-01-01' }, 'Beslutningen kan ikke være tatt en dag som ikke har kommet ennå.'],
				[{ starts_on: '2027-02-30' }, 'Skriv en gyldig dato.'],
				[{ decision: '' }, 'Fyll ut feltet.'],
			] as const) {
				response = await post('/n/klar/admin/hovedprosjekt', { ...valid, ...input }, cookie)
				expect(response.status, message).toBe(400)
				const page = await response.text()
				expect(page, message).toContain(message)
				expect(page, message).toContain(`value="${{ ...valid, ...input }.starts_on}"`)
			}
			const phase = () => db.selectFrom('network').select(['slug', 'phase', 'main_project_ends_on']).where('slug', 'in', ['test', 'klar']).orderBy('slug').execute()
			expect(await phase()).toEqual([
				{ slug: 'klar', phase: 'pre_project', main_project_ends_on: null },
				{ slug: 'test', phase: 'pre_project', main_project_ends_on: null },
			])
			expect((await post('/n/klar/admin/hovedprosjekt', valid, cookie)).status).toBe(302)
			response = await post('/n/klar/admin/hovedprosjekt', { ...valid, ends_on: '2028-12-31' }, cookie)
			expect(response.status).toBe(409)
			expect(await phase()).toEqual([
				{ slug: 'klar', phase: 'main_project', main_project_ends_on: '2029-12-31' },
				{ slug: 'test', phase: 'pre_project', main_project_ends_on: null },
			])
		})

		test('competence terms: an empty word, one word twice, a chain get a message and keep the input; nothing half-written', async () => {
			const db = server.db
			const path = '/n/test/kompetanse/begreper'
			let response = await post(path, { alias: '', canonical: 'Universell utforming' }, leader)
			expect(response.status).toBe(400)
			let page = await response.text()
			expect(page).toContain('Fyll ut feltet.')
			expect(page).toContain('value="Universell utforming"')
			response = await post(path, { alias: 'UU', canonical: 'uu' }, leader)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Skriv to forskjellige ord.')
			expect((await post(path, { alias: 'Tilgjengelighet', canonical: 'Universell utforming' }, leader)).status).toBe(200)
			response = await post(path, { alias: 'Universell utforming', canonical: 'Brukeropplevelse' }, leader)
			expect(response.status).toBe(400)
			page = await response.text()
			expect(page).toContain('Ordet er selv slått sammen med et annet. Velg navnet det har.')
			expect(page).toContain('value="Brukeropplevelse"')
			response = await post(path, { alias: 'TILGJENGELIGHET', canonical: 'Brukeropplevelse' }, leader)
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Ordet er allerede slått sammen med et annet.')
			for (const alias_key of ['finnes-ikke', 'finnes-ikke\u0000']) expect((await post(path, { intent: 'remove', alias_key }, leader)).status, alias_key).toBe(404)
			expect(await db.selectFrom('competence_term').select(['alias', 'canonical']).execute()).toEqual([{ alias: 'Tilgjengelighet', canonical: 'Universell utforming' }])
			expect((await post(path, { intent: 'remove', alias_key: 'tilgjengelighet' }, leader)).status).toBe(200)
			expect(await db.selectFrom('competence_term').select('alias').execute()).toEqual([])
		})

		test('competence initiatives: no title, a day that does not exist and a partner outside the register get a message; nothing is written', async () => {
			const db = server.db
			let response = await post('/n/test/kompetanse/nytt-tiltak', { title: '', competence: 'Skytjenester', kind: 'course', partner_id: '', starts_on: '2027-02-30', description: 'To dager' }, leader)
			expect(response.status).toBe(400)
			let page = await response.text()
			expect(page).toContain('Fyll ut feltet.')
			expect(page).toContain('Skriv en gyldig dato.')
			expect(page).toContain('value="Skytjenester"')
			expect(page).toContain('To dager</textarea>')
			response = await post('/n/test/kompetanse/nytt-tiltak', { title: 'Kurs', competence: 'Skytjenester', kind: 'course', partner_id: String(company), starts_on: '' }, leader)
			expect(response.status).toBe(400)
			page = await response.text()
			expect(page).toContain('Velg et fagmiljø fra registeret.')
			expect(page).toContain('value="Kurs"')
			expect(await db.selectFrom('competence_initiative').select('id').execute()).toEqual([])
			for (const initiativeId of ['999999', 'x']) {
				expect((await post('/n/test/kompetanse', { intent: 'remove', initiativeId }, leader)).status, initiativeId).toBe(404)
			}
		})

		test('surveys: a survey without a title, a question with one choice, an answer missing or not among the choices get a message and keep the input; a second answer is refused', async () => {
			const db = server.db
			let response = await post('/n/test/undersokelser', { title: '', intro: 'Fem minutter', audience: 'open' }, leader)
			expect(response.status).toBe(400)
			let page = await response.text()
			expect(page).toContain('Fyll ut feltet.')
			expect(page).toContain('Fem minutter</textarea>')
			expect(await db.selectFrom('survey').select('id').execute()).toEqual([])
			response = await post('/n/test/undersokelser', { title: 'Oppstart', intro: '', audience: 'open' }, leader)
			expect(response.status).toBe(302)
			const admin = response.headers.get('Location')!
			const surveyId = Number(admin.split('/').at(-1))
			response = await post(admin, { intent: 'add', text: 'Hvilket tema?', kind: 'choice', options: 'Sikkerhet' }, leader)
			expect(response.status).toBe(400)
			page = await response.text()
			expect(page).toContain('Skriv mellom 2 og 12 svaralternativer, ett på hver linje.')
			expect(page).toContain('value="Hvilket tema?"')
			expect((await post(admin, { intent: 'add', text: 'Hvilket tema?', kind: 'quiz', options: '' }, leader)).status).toBe(400)
			// The draft's details: a title is needed, the introduction typed is kept.
			response = await post(admin, { intent: 'details', title: ' ', intro: 'Ti minutter', audience: 'open' }, leader)
			expect(response.status).toBe(400)
			page = await response.text()
			expect(page).toContain('Fyll ut feltet.')
			expect(page).toContain('Ti minutter</textarea>')
			expect((await post(admin, { intent: 'details', title: 'Oppstart', intro: '', audience: 'alle' }, leader)).status).toBe(400)
			expect(await db.selectFrom('survey').select(['title', 'intro', 'audience']).where('id', '=', surveyId).execute()).toEqual([{ title: 'Oppstart', intro: '', audience: 'open' }])
			expect((await post(admin, { intent: 'publish' }, leader)).status).toBe(409)
			for (const questionId of ['999999', '2147483648', 'x', '']) expect((await post(admin, { intent: 'remove', questionId }, leader)).status, questionId).toBe(400)
			expect((await post(admin, { intent: 'add', text: 'Behov?', kind: 'scale', options: '', required: 'on' }, leader)).status).toBe(200)
			expect((await post(admin, { intent: 'add', text: 'Hvilket tema?', kind: 'choice', options: 'Sikkerhet\nSky' }, leader)).status).toBe(200)
			expect((await post(admin, { intent: 'publish' }, leader)).status).toBe(302)
			// Open: its questions stay as they are.
			expect((await post(admin, { intent: 'details', title: 'Nytt navn', intro: '', audience: 'members' }, leader)).status).toBe(409)
			response = await post(admin, { intent: 'add', text: 'Mer?', kind: 'text', options: '' }, leader)
			expect(response.status).toBe(409)
			expect(await response.text()).toContain('Undersøkelsen er åpnet, og spørsmålene kan ikke lenger endres.')
			const [need, theme] = (await db.selectFrom('survey_question').select('id').where('survey_id', '=', surveyId).orderBy('position').execute()).map((q) => `q${q.id}`) as [string, string]

			// A visitor through the link: a required answer missing, a choice not among those given, no consent.
			const path = `/n/test/undersokelser/${surveyId}`
			const visitor = { name: 'Siri Dahl', email: 'siri@dahl.example', company: 'Dahl AS', consent: 'on' }
			response = await post(path, { [theme]: 'Sky', name: 'Siri Dahl', email: 'siri@', company: 'Dahl AS' })
			expect(response.status).toBe(400)
			page = await response.text()
			for (const message of ['Fyll ut feltet.', 'Skriv en gyldig e-postadresse', 'Du må samtykke for å sende svaret.']) expect(page).toContain(message)
			expect(page).toContain('value="Siri Dahl"')
			expect(page).toContain(`name="${theme}" checked="" value="Sky"`)
			response = await post(path, { ...visitor, [need]: '9', [theme]: 'Alt' })
			expect(response.status).toBe(400)
			expect(await response.text()).toContain('Velg et av svarene som står der.')
			expect(await db.selectFrom('survey_response').select('id').execute()).toEqual([])
			expect((await post(path, { ...visitor, [need]: '4', [theme]: 'Sky' })).status).toBe(200)
			response = await post(path, { ...visitor, email: 'SIRI@dahl.example', [need]: '2' })
			expect(response.status).toBe(409)
			expect(await response.text()).toContain('Denne e-postadressen har allerede svart på undersøkelsen.')
			expect(await db.selectFrom('survey_answer').select('value').orderBy('value').execute()).toEqual([{ value: '4' }, { value: 'Sky' }])
			// Closed: no more answers, and nothing written.
			expect((await post(admin, { intent: 'end' }, leader)).status).toBe(302)
			response = await post(path, { ...visitor, email: 'ny@dahl.example', [need]: '3' })
			expect(response.status).toBe(409)
			expect(await response.text()).toContain('Undersøkelsen tar ikke imot svar.')
			expect(await db.selectFrom('survey_response').select('email').execute()).toEqual([{ email: 'siri@dahl.example' }])
		})

		test('a survey reminder asked for again within the day is refused with a message, and nothing more is sent', async () => {
			const db = server.db
			const created = await post('/n/test/undersokelser', { title: 'Til medlemmene', intro: '', audience: 'members' }, leader)
			const admin = created.headers.get('Location')!
			expect((await post(admin, { intent: 'remind' }, leader)).status).toBe(409)
			await post(admin, { intent: 'add', text: 'Behov?', kind: 'scale', options: '' }, leader)
			expect((await post(admin, { intent: 'publish' }, leader)).status).toBe(302)
			const mails = async () => (await db.selectFrom('outbox').select('id').execute()).length
			const sent = await mails()
			let response = await post(admin, { intent: 'remind' }, leader)
			expect(response.status).toBe(200)
			expect(await response.text()).toContain('Påminnelse sendt til én som ikke har svart.')
			expect(await mails()).toBe(sent + 1)
			response = await post(admin, { intent: 'remind' }, leader)
			expect(response.status).toBe(409)
			expect(await response.text()).toContain('Det er sendt en påminnelse det siste døgnet. Vent litt før neste.')
			expect(await mails()).toBe(sent + 1)
		})
	})
}
