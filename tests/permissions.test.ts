// Every route × every role, on both databases: the permission matrix.
// A route added to app/routes.ts without a row here fails the first test.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import routes from '#app/routes.ts'
import type { Role } from '#db/schema.ts'
import { DIALECTS } from './support/databases.ts'
import { startTestServer, type TestServer } from './support/app-server.ts'
import { createCompany, createNetwork, createPerson } from './support/factories.ts'
import { queueImport } from '#app/features/import/import.server.ts'
import { createGathering, getGathering, registerForGathering, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { inMinutes } from '#app/platform/time.ts'
import { acceptAgreement, getCurrentAgreement, publishAgreement } from '#app/features/commitment/agreements.server.ts'
import { proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { planMeetings } from '#app/features/meetings/rounds.server.ts'
import { openSurvey } from '#app/features/meetings/acquaintance.server.ts'
import { addPartner } from '#app/features/partners/partners.server.ts'
import { addQuestion, createSurvey, getSurvey, publishSurvey } from '#app/features/surveys/surveys.server.ts'

type Who = 'visitor' | 'member' | 'contact' | 'otherContact' | 'steering' | 'observer' | 'leader' | 'outsider'
const EVERYONE: Who[] = ['visitor', 'member', 'contact', 'otherContact', 'steering', 'observer', 'leader', 'outsider']
const PARTICIPANTS: Who[] = ['member', 'contact', 'otherContact', 'steering', 'observer', 'leader']

// What each role gets: 200 (or 400 for an empty form: allowed, then validated),
// a redirect to sign in, 403, or 404 (a network the person has no part in).
type Expect = 'ok' | 'login' | 'forbidden' | 'notFound' | 'redirect'

function participantsOnly(allowed: Who[]): (who: Who) => Expect {
	return (who) => (who === 'visitor' ? 'login' : who === 'outsider' ? 'notFound' : allowed.includes(who) ? 'ok' : 'forbidden')
}
const publicPage = () => 'ok' as const
const directory = participantsOnly(PARTICIPANTS)
const leaderOnly = participantsOnly(['leader'])

type Ids = { company: number; member: number; logo: number; job: number; open: number; closed: number; token: string; acceptance: number; ideas: Record<'members' | 'steering' | 'named', number>; survey: number; partner: number; questionnaire: number; draft: number }
const matrix: Record<string, { path: (ids: Ids) => string; get: (who: Who) => Expect; post?: (who: Who) => Expect }> = {
	'routes/healthz.ts': { path: () => '/healthz', get: publicPage },
	'routes/language.ts': { path: () => '/sprak', get: () => 'redirect' },
	'routes/logout.ts': { path: () => '/logg-ut', get: () => 'redirect' },
	'routes/file.ts': { path: (i) => `/n/test/filer/${i.logo}`, get: directory },
	'routes/home.tsx': { path: () => '/', get: publicPage },
	'routes/login.tsx': { path: () => '/logg-inn', get: publicPage },
	'routes/login-link.tsx': { path: () => '/logg-inn/lenke?token=x', get: publicPage },
	'routes/dev-mailbox.tsx': { path: () => '/utvikling/epost', get: publicPage },
	'routes/network-layout.tsx': { path: () => '/n/test', get: publicPage },
	'routes/network.tsx': { path: () => '/n/test', get: publicPage },
	'routes/directory.tsx': { path: () => '/n/test/katalog?q=bedrift', get: directory },
	'routes/organisation.tsx': { path: (i) => `/n/test/bedrifter/${i.company}`, get: directory },
	'routes/organisation-edit.tsx': {
		path: (i) => `/n/test/bedrifter/${i.company}/rediger`,
		get: participantsOnly(['contact', 'leader']),
		post: participantsOnly(['contact', 'leader']),
	},
	'routes/organisation-person-new.tsx': {
		path: (i) => `/n/test/bedrifter/${i.company}/personer/ny`,
		get: participantsOnly(['contact', 'leader']),
		post: participantsOnly(['contact', 'leader']),
	},
	'routes/person.tsx': { path: (i) => `/n/test/personer/${i.member}`, get: directory },
	'routes/person-edit.tsx': {
		path: (i) => `/n/test/personer/${i.member}/rediger`,
		// The member themself, their company's contact, the project leader.
		get: participantsOnly(['member', 'contact', 'leader']),
		post: participantsOnly(['member', 'contact', 'leader']),
	},
	'routes/admin.tsx': { path: () => '/n/test/admin', get: leaderOnly },
	'routes/admin-organisation-new.tsx': { path: () => '/n/test/admin/bedrifter/ny', get: leaderOnly, post: leaderOnly },
	'routes/admin-people.tsx': { path: () => '/n/test/admin/personer', get: leaderOnly, post: leaderOnly },
	'routes/admin-import.tsx': { path: () => '/n/test/admin/import', get: leaderOnly, post: leaderOnly },
	'routes/admin-import-job.tsx': { path: (i) => `/n/test/admin/import/${i.job}`, get: leaderOnly },
	'routes/admin-audit.tsx': { path: () => '/n/test/admin/logg', get: leaderOnly },
	'routes/calendar-feed.ts': { path: () => '/n/test/kalender.ics', get: publicPage },
	'routes/gathering-ics.ts': { path: (i) => `/n/test/samlinger/${i.closed}/kalender.ics`, get: directory },
	'routes/gatherings.tsx': { path: () => '/n/test/samlinger', get: publicPage },
	// Visitors may register for an open gathering: their empty form gets a 400.
	'routes/gathering.tsx': { path: (i) => `/n/test/samlinger/${i.open}`, get: publicPage, post: publicPage },
	// The registration link's token is the key, whoever holds it.
	'routes/registration.tsx': { path: (i) => `/n/test/samlinger/${i.open}/pamelding?token=${i.token}`, get: publicPage },
	'routes/admin-gatherings.tsx': { path: () => '/n/test/admin/samlinger', get: leaderOnly },
	'routes/admin-gathering-new.tsx': { path: () => '/n/test/admin/samlinger/ny', get: leaderOnly, post: leaderOnly },
	'routes/admin-gathering.tsx': { path: (i) => `/n/test/admin/samlinger/${i.open}`, get: leaderOnly, post: leaderOnly },
	'routes/admin-checkin.tsx': { path: (i) => `/n/test/admin/samlinger/${i.open}/innsjekk`, get: leaderOnly, post: leaderOnly },
	'routes/agreement.tsx': { path: () => '/n/test/avtale', get: directory, post: participantsOnly(['contact', 'otherContact']) },
	// The signed agreement: the company's contact and the project leader; for others it does not exist.
	'routes/agreement-pdf.ts': {
		path: (i) => `/n/test/avtale/${i.acceptance}/pdf`,
		get: (who) => (who === 'visitor' ? 'login' : who === 'contact' || who === 'leader' ? 'ok' : 'notFound'),
	},
	'routes/effort.tsx': { path: () => '/n/test/innsats', get: directory, post: directory },
	'routes/admin-commitment.tsx': { path: () => '/n/test/admin/forpliktelse', get: leaderOnly, post: leaderOnly },
	'routes/admin-agreement.tsx': { path: () => '/n/test/admin/avtale', get: leaderOnly, post: leaderOnly },
	'routes/admin-invoices.tsx': { path: () => '/n/test/admin/egenandel', get: leaderOnly, post: leaderOnly },
	'routes/admin-invoices-csv.ts': { path: () => '/n/test/admin/egenandel.csv', get: leaderOnly },
	'routes/admin-effort.tsx': { path: () => '/n/test/admin/innsats', get: leaderOnly, post: leaderOnly },
	'routes/admin-effort-export.ts': { path: () => '/n/test/admin/innsats/eksport?format=pdf', get: leaderOnly },
	'routes/ideas.tsx': { path: () => '/n/test/ideer', get: directory },
	'routes/idea-new.tsx': { path: () => '/n/test/ideer/ny', get: directory, post: directory },
	'routes/idea.tsx': { path: (i) => `/n/test/ideer/${i.ideas.members}`, get: directory, post: directory },
	// A named idea: only the named company (bedrift A, the author's) sees it, in the page and in its PDF.
	'routes/idea-pdf.ts': { path: (i) => `/n/test/ideer/${i.ideas.named}/pdf`, get: (who) => (who === 'visitor' ? 'login' : who === 'contact' || who === 'member' ? 'ok' : 'notFound') },
	'routes/admin-criteria.tsx': { path: () => '/n/test/admin/kriterier', get: leaderOnly, post: leaderOnly },
	'routes/notifications.tsx': { path: () => '/n/test/varsler', get: directory },
	'routes/admin-gathering-csv.ts': { path: (i) => `/n/test/admin/samlinger/${i.open}/deltakere.csv`, get: leaderOnly },
	'routes/admin-meetings.tsx': { path: (i) => `/n/test/admin/samlinger/${i.open}/motesrunder`, get: leaderOnly, post: leaderOnly },
	'routes/meeting-screen.tsx': { path: (i) => `/n/test/admin/samlinger/${i.open}/motesrunder/skjerm`, get: leaderOnly },
	'routes/my-meetings.tsx': { path: (i) => `/n/test/samlinger/${i.open}/mine-moter`, get: directory },
	// Contacts are recorded for one's own company: only people who work for a member company.
	'routes/network-map.tsx': { path: () => '/n/test/kart', get: directory, post: participantsOnly(['member', 'contact', 'otherContact']) },
	'routes/trust.tsx': { path: () => '/n/test/tillit', get: directory, post: leaderOnly },
	// A company answers the trust survey through its contact.
	'routes/goals.tsx': { path: () => '/n/test/maal', get: directory },
	'routes/goals-pdf.ts': { path: () => '/n/test/maal/rapport.pdf', get: directory },
	'routes/goals-csv.ts': { path: () => '/n/test/maal/utvikling.csv', get: directory },
	// Competence initiatives are planned by the project leader and the steering group.
	'routes/competence.tsx': { path: () => '/n/test/kompetanse', get: directory, post: participantsOnly(['steering', 'leader']) },
	// The move to a main project is recorded by the project leader.
	// The funder's report holds each company's hours and money.
	'routes/admin-funder-report.ts': { path: () => '/n/test/admin/rapport.pdf', get: leaderOnly },
	'routes/admin-main-project.tsx': { path: () => '/n/test/admin/hovedprosjekt', get: leaderOnly, post: leaderOnly },
	'routes/competence-terms.tsx': { path: () => '/n/test/kompetanse/begreper', get: participantsOnly(['steering', 'leader']), post: participantsOnly(['steering', 'leader']) },
	'routes/competence-new.tsx': { path: () => '/n/test/kompetanse/nytt-tiltak', get: participantsOnly(['steering', 'leader']), post: participantsOnly(['steering', 'leader']) },
	// The register of knowledge partners: read by every participant, kept by the project leader and the steering group.
	'routes/partners.tsx': { path: () => '/n/test/fagmiljoer', get: directory },
	'routes/partner-new.tsx': { path: () => '/n/test/fagmiljoer/ny', get: participantsOnly(['steering', 'leader']), post: participantsOnly(['steering', 'leader']) },
	'routes/partner-edit.tsx': { path: (i) => `/n/test/fagmiljoer/${i.partner}/rediger`, get: participantsOnly(['steering', 'leader']), post: participantsOnly(['steering', 'leader']) },
	'routes/partner.tsx': { path: (i) => `/n/test/fagmiljoer/${i.partner}`, get: directory, post: participantsOnly(['steering', 'leader']) },
	// Surveys are written by the project leader; one for the network's people is answered by any of them, signed in.
	'routes/surveys.tsx': { path: () => '/n/test/undersokelser', get: directory, post: leaderOnly },
	'routes/survey.tsx': { path: (i) => `/n/test/undersokelser/${i.questionnaire}`, get: directory, post: directory },
	// The steering group reads a survey sent out and its results; the answers' names and addresses (the CSV) are the project leader's.
	'routes/admin-survey.tsx': { path: (i) => `/n/test/admin/undersokelser/${i.questionnaire}`, get: participantsOnly(['steering', 'leader']), post: leaderOnly },
	'routes/admin-survey-csv.ts': { path: (i) => `/n/test/admin/undersokelser/${i.questionnaire}/svar.csv`, get: leaderOnly },
	'routes/trust-answer.tsx': { path: (i) => `/n/test/tillit/${i.survey}`, get: participantsOnly(['contact', 'otherContact']), post: participantsOnly(['contact', 'otherContact']) },
}

function routeFiles(config: typeof routes): string[] {
	return config.flatMap((r) => [r.file, ...routeFiles((r.children ?? []) as typeof routes)])
}

test('the matrix covers every route', () => {
	expect(routeFiles(routes).sort()).toEqual(Object.keys(matrix).sort())
})

function classify(response: Response): Expect {
	const location = response.headers.get('Location') ?? ''
	if (response.status === 302 && location.startsWith('/logg-inn')) return 'login'
	if (response.status === 302) return 'redirect'
	if (response.status === 200 || response.status === 400) return 'ok'
	if (response.status === 403) return 'forbidden'
	if (response.status === 404) return 'notFound'
	return `status ${response.status}` as Expect
}

for (const dialect of DIALECTS) {
	describe(`permissions on ${dialect}`, () => {
		let server: TestServer
		let ids: Ids
		let openQuestionnaire: number
		const cookies: Partial<Record<Who, string>> = {}

		beforeAll(async () => {
			server = await startTestServer(dialect)
			const db = server.db
			const networkId = await createNetwork(db, { slug: 'test' })
			const company = await createCompany(db, networkId, { name: 'Bedrift A AS' })
			const other = await createCompany(db, networkId, { name: 'Bedrift B AS' })
			const person = (roles: Role[], organisation_id: number | null = null, network = networkId) => createPerson(db, network, { roles, organisation_id })
			const people: Record<Exclude<Who, 'visitor'>, number> = {
				member: await person(['member'], company),
				contact: await person(['company_contact'], company),
				otherContact: await person(['company_contact'], other),
				steering: await person(['steering_group']),
				observer: await person(['partner_observer']),
				leader: await person(['project_leader']),
				outsider: await person(['project_leader'], null, await createNetwork(db)),
			}
			for (const [who, id] of Object.entries(people)) cookies[who as Who] = await server.cookieFor(id)
			const { id: logo } = await db
				.insertInto('file')
				.values({ network_id: networkId, name: 'logo.png', content_type: 'image/png', size: 4, data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), created_at: new Date().toISOString() })
				.returning('id')
				.executeTakeFirstOrThrow()
			const job = await queueImport(db, { networkId, actorId: people.leader, rows: [] })
			const gathering = async (audience: 'open' | 'members') => {
				const id = await createGathering(db, networkId, { title: audience, description: '', location: 'Lillehammer', starts_at: inMinutes(60 * 24 * 7), ends_at: inMinutes(60 * 24 * 7 + 60), audience, capacity: null, registration_deadline: null }, [])
				await updateGathering(db, id, { status: 'published' })
				return (await getGathering(db, { networkId, gatheringId: id }))!
			}
			const open = await gathering('open')
			const closed = await gathering('members')
			await registerForGathering(db, { network: { id: networkId, slug: 'test', name: 'Test', name_en: 'Test' }, gathering: open, origin: server.url, lang: 'nb' }, {
				name: 'Besøkende', email: 'besok@x.no', phone: '', company: '', org_number: null, job_title: '', dietary: '', show_in_attendance: false, person_id: null, organisation_id: null,
			})
			const mail = await db.selectFrom('outbox').select('body_text').where('recipient', '=', 'besok@x.no').executeTakeFirstOrThrow()
			const token = new URL(/http\S+pamelding\S+/.exec(mail.body_text)![0]).searchParams.get('token')!
			await publishAgreement(db, { networkId, actorId: people.leader }, { title: 'Avtale', body: 'Tekst', period_start: '2027-01-01T00:00:00.000Z', period_end: '2027-12-31T00:00:00.000Z', egenandel_nok: 10000, hours_per_year: 40, gatherings_per_year: 4 })
			const agreement = (await getCurrentAgreement(db, networkId))!
			const accepted = await acceptAgreement(db, { networkId, person: { id: people.contact, organisationId: company, isContact: true } }, { agreementId: agreement.id, hash: agreement.hash, signer_name: 'Kontakt', signer_title: 'Leder' })
			const acceptance = (accepted as { acceptanceId: number }).acceptanceId
			const ideaBy = { networkId, viewer: { personId: people.contact, organisationId: company, roles: ['company_contact' as Role] } }
			const idea = (audience: 'members' | 'steering' | 'named') =>
				proposeIdea(db, ideaBy, { title: audience, problem: 'p', solution: 's', beneficiaries: 'b', competences: '', audience, named: [] })
			const ideas = { members: await idea('members'), steering: await idea('steering'), named: await idea('named') }
			// Two companies at the open gathering, and their get-to-know rounds.
			for (const [who, organisation_id] of [['member', company], ['otherContact', other]] as const) {
				await registerForGathering(db, { network: { id: networkId, slug: 'test', name: 'Test', name_en: 'Test' }, gathering: open, origin: server.url, lang: 'nb' }, {
					name: who, email: `${who}@x.no`, phone: '', company: '', org_number: null, job_title: '', dietary: '', show_in_attendance: false, person_id: people[who], organisation_id,
				})
			}
			const registrations = await db.selectFrom('registration').select('id').where('gathering_id', '=', open.id).where('organisation_id', 'is not', null).execute()
			await planMeetings(db, { networkId, gatheringId: open.id, actorId: people.leader }, { registrationIds: registrations.map((r) => r.id), rounds: 1, minutes: 5 })
			const survey = await openSurvey(db, { network: { id: networkId, slug: 'test', name: 'Test', name_en: 'Test' }, actorId: people.leader, origin: server.url }, 'Oppstart')
			const partner = await addPartner(db, { networkId, actorId: people.leader }, { name: 'Høgskolen', kind: 'research', town: '', country: 'NO', website: '', focus: '', stage: 'identified' })
			if ('error' in partner) throw new Error(partner.error)
			const questionnaire = async (audience: 'members' | 'open', publish: boolean) => {
				const id = await createSurvey(db, { networkId, actorId: people.leader }, { title: audience, intro: '', audience })
				const draft = (await getSurvey(db, networkId, id))!.survey
				await addQuestion(db, draft, { text: 'Behov?', kind: 'scale', options: [], required: true })
				if (publish) await publishSurvey(db, { network: { id: networkId, slug: 'test', name: 'Test', name_en: 'Test' }, actorId: people.leader, origin: server.url }, draft)
				return id
			}
			ids = { company, member: people.member, logo, job, open: open.id, closed: closed.id, token, acceptance, ideas, survey, partner: partner.id, questionnaire: await questionnaire('members', true), draft: await questionnaire('open', false) }
			openQuestionnaire = await questionnaire('open', true)
		})
		afterAll(() => server?.close())

		for (const [file, row] of Object.entries(matrix)) {
			test(`GET ${file}`, async () => {
				const seen: Record<string, Expect> = {}
				const wanted: Record<string, Expect> = {}
				for (const who of EVERYONE) {
					const response = await fetch(server.url + row.path(ids), { headers: cookies[who] ? { Cookie: cookies[who] } : {}, redirect: 'manual' })
					seen[who] = classify(response)
					wanted[who] = row.get(who)
				}
				expect(seen).toEqual(wanted)
			})
			if (!row.post) continue
			test(`POST ${file}`, async () => {
				const seen: Record<string, Expect> = {}
				const wanted: Record<string, Expect> = {}
				for (const who of EVERYONE) {
					const response = await fetch(server.url + row.path(ids), {
						method: 'POST',
						headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, ...(cookies[who] ? { Cookie: cookies[who] } : {}) },
						body: 'intent=nothing',
						redirect: 'manual',
					})
					seen[who] = classify(response)
					wanted[who] = row.post!(who)
				}
				expect(seen).toEqual(wanted)
			})
		}

		// Each audience of an idea: who finds its page (and who finds nothing there).
		const audiences: Record<'members' | 'steering' | 'named', (who: Who) => Expect> = {
			members: directory,
			steering: (who) => (who === 'visitor' ? 'login' : ['contact', 'steering', 'leader'].includes(who) ? 'ok' : 'notFound'),
			named: (who) => (who === 'visitor' ? 'login' : ['contact', 'member'].includes(who) ? 'ok' : 'notFound'),
		}
		for (const [audience, expected] of Object.entries(audiences)) {
			test(`an idea for ${audience}`, async () => {
				const seen: Record<string, Expect> = {}
				const wanted: Record<string, Expect> = {}
				for (const who of EVERYONE) {
					const id = ids.ideas[audience as keyof Ids['ideas']]
					seen[who] = classify(await fetch(`${server.url}/n/test/ideer/${id}`, { headers: cookies[who] ? { Cookie: cookies[who] } : {}, redirect: 'manual' }))
					wanted[who] = expected(who)
				}
				expect(seen).toEqual(wanted)
				// The board and its counts show the idea to its audience only.
				const board = await (await fetch(`${server.url}/n/test/ideer`, { headers: { Cookie: cookies.observer! } })).text()
				expect(board.includes(`/n/test/ideer/${ids.ideas[audience as keyof Ids['ideas']]}"`)).toBe(audience === 'members')
			})
		}

		// A survey open to anyone with the link: everyone may answer, signed in or not; a draft is the project leader's preview alone.
		const surveyAudiences: [which: 'open' | 'draft', expected: (who: Who) => Expect][] = [
			['open', publicPage],
			['draft', (who) => (who === 'visitor' ? 'login' : who === 'leader' ? 'ok' : 'notFound')],
		]
		test("a draft's page is the project leader's alone, not yet the steering group's", async () => {
			const seen: Record<string, Expect> = {}
			for (const who of ['steering', 'leader'] as const) seen[who] = classify(await fetch(`${server.url}/n/test/admin/undersokelser/${ids.draft}`, { headers: { Cookie: cookies[who]! }, redirect: 'manual' }))
			expect(seen).toEqual({ steering: 'notFound', leader: 'ok' })
		})
		for (const [which, expected] of surveyAudiences) {
			test(`a survey ${which === 'open' ? 'open to anyone' : 'still a draft'}`, async () => {
				const id = which === 'open' ? openQuestionnaire : ids.draft
				const seen: Record<string, Expect> = {}
				const wanted: Record<string, Expect> = {}
				for (const who of EVERYONE) {
					seen[who] = classify(await fetch(`${server.url}/n/test/undersokelser/${id}`, { headers: cookies[who] ? { Cookie: cookies[who] } : {}, redirect: 'manual' }))
					wanted[who] = expected(who)
				}
				expect(seen).toEqual(wanted)
			})
		}

		test('a form posted from another site is refused before it reaches the route', async () => {
			const response = await fetch(`${server.url}/logg-ut`, {
				method: 'POST',
				headers: { Cookie: cookies.leader!, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
				redirect: 'manual',
			})
			expect(response.status).toBe(403)
			expect(await response.text()).toContain('avvist')
		})
	})
}
