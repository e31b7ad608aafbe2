// `npm run db:generate -- --scale national|regional [--seed 1] [--db URL]`
// Builds a benchmark data set through the application's own data functions:
// seeded and reproducible, into an empty database only. The set is marked as
// generated, and the benchmark runs only against a marked database.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql, type Kysely } from 'kysely'
import { createDatabase, migrateToLatest, type DB } from './index.ts'
import { addPerson, createOrganisation } from '../app/features/directory/directory.server.ts'
import { createGathering, getGathering, registerForGathering, setCheckedIn, updateGathering } from '../app/features/gatherings/gatherings.server.ts'
import type { IdeaStage, Role } from './schema.ts'
import { evaluateIdea, getCriteria, joinIdea, proposeIdea } from '../app/features/ideas/ideas.server.ts'
import { approveEffort, logEffort } from '../app/features/commitment/effort.server.ts'
import { addPartner, linkIdea, logPartnerActivity } from '../app/features/partners/partners.server.ts'
import { addInitiative } from '../app/features/competence/competence.server.ts'

export const SCALES = {
	national: { networks: 300, organisationsPerNetwork: 20, peoplePerOrganisation: 10, gatheringsPerNetwork: 10, registrationsPerGathering: 50, ideasPerNetwork: 20, effortPerNetwork: 334, initiativesPerNetwork: 2 },
	regional: { networks: 1, organisationsPerNetwork: 20, peoplePerOrganisation: 10, gatheringsPerNetwork: 10, registrationsPerGathering: 50, ideasPerNetwork: 20, effortPerNetwork: 334, initiativesPerNetwork: 2 },
} as const
export type Scale = keyof typeof SCALES

/** A small seeded generator (mulberry32): the same seed gives the same data set. */
function random(seed: number) {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const FIRST = ['Kari', 'Ola', 'Ingrid', 'Per', 'Silje', 'Lars', 'Hanne', 'Even', 'Marte', 'Jonas', 'Tone', 'Rune', 'Guro', 'Sindre', 'Camilla', 'Bjørn', 'Astrid', 'Nils', 'Vilde', 'Håkon', 'Solveig', 'Øystein', 'Åse', 'Trond', 'Ragnhild', 'Eirik', 'Maja', 'Sander', 'Live', 'Tor']
const LAST = ['Bakken', 'Haugen', 'Strand', 'Moe', 'Lund', 'Kvam', 'Solberg', 'Berg', 'Nyhus', 'Aas', 'Rønning', 'Dahl', 'Lie', 'Opheim', 'Sæther', 'Vik', 'Hov', 'Fosse', 'Engen', 'Nordby', 'Brekke', 'Lien', 'Tollefsen', 'Østby', 'Åsheim']
const WORDS = ['Fjell', 'Fjord', 'Nord', 'Vest', 'Lys', 'Elv', 'Skog', 'Stein', 'Bre', 'Vind', 'Havn', 'Tind', 'Myr', 'Dal', 'Sol', 'Kyst', 'Foss', 'Vidde', 'Holm', 'Li']
const SUFFIX = ['data', 'kode', 'tech', 'systemer', 'analyse', 'nett', 'sikkerhet', 'digital', 'soft', 'IT']
const COMPETENCES = ['Webutvikling', 'Mobilutvikling', 'Skytjenester', 'Informasjonssikkerhet', 'Maskinlæring', 'Kunstig intelligens', 'Dataanalyse', 'Drift', 'Nettverk', 'Universell utforming', 'Spillutvikling', 'Integrasjon', 'Automatisering', 'Tingenes internett', 'E-læring', 'Geografiske informasjonssystemer', 'Betalingsløsninger', 'Personvern', 'Smidig prosjektledelse', 'Brukeropplevelse', 'Forretningsutvikling', 'Salg og markedsføring', 'Risikoanalyse', 'Databaser']
const TECHNOLOGIES = ['React', 'TypeScript', 'Node.js', 'PostgreSQL', 'Kotlin', 'Swift', 'Python', 'Java', 'Go', 'Rust', 'Azure', 'AWS', 'Kubernetes', 'Linux', 'Unity', 'C#', '.NET', 'PHP', 'Terraform', 'Power BI']
const TOWNS = ['Lillehammer', 'Gjøvik', 'Hamar', 'Elverum', 'Kongsvinger', 'Tromsø', 'Bodø', 'Trondheim', 'Ålesund', 'Bergen', 'Stavanger', 'Kristiansand', 'Drammen', 'Fredrikstad', 'Tønsberg', 'Skien', 'Molde', 'Harstad', 'Alta', 'Steinkjer']
const REGIONS = ['Innlandet', 'Troms', 'Nordland', 'Trøndelag', 'Møre og Romsdal', 'Vestland', 'Rogaland', 'Agder', 'Buskerud', 'Østfold', 'Vestfold', 'Telemark', 'Finnmark', 'Akershus', 'Oslo']
// Knowledge partners (goal 4): the country's universities and institutes, each one organisation shared by the networks it works with, and one abroad for every other network.
const INSTITUTIONS = [['NTNU', 'Trondheim'], ['Universitetet i Oslo', 'Oslo'], ['Universitetet i Bergen', 'Bergen'], ['UiT Norges arktiske universitet', 'Tromsø'], ['Universitetet i Innlandet', 'Lillehammer'], ['Universitetet i Sørøst-Norge', 'Kongsberg'], ['Universitetet i Stavanger', 'Stavanger'], ['Universitetet i Agder', 'Kristiansand'], ['Nord universitet', 'Bodø'], ['SINTEF', 'Trondheim'], ['NORCE', 'Bergen'], ['Høgskolen i Molde', 'Molde']] as const
const ABROAD = [['Tallinn University of Technology', 'Tallinn', 'EE'], ['Chalmers tekniska högskola', 'Göteborg', 'SE'], ['Danmarks Tekniske Universitet', 'Kongens Lyngby', 'DK'], ['Aalto-yliopisto', 'Espoo', 'FI'], ['Fraunhofer FOKUS', 'Berlin', 'DE'], ['TU Delft', 'Delft', 'NL'], ['University of Edinburgh', 'Edinburgh', 'GB'], ['KTH Kungliga Tekniska högskolan', 'Stockholm', 'SE']] as const
const INDUSTRIES = ['IKT', 'Reiseliv', 'Industri', 'Havbruk', 'Energi', 'Helse', 'Bygg', 'Landbruk', 'Kreativ næring', 'Logistikk']

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2]
/** The n-th valid organisation number after 800 000 000 (the generator's own range). */
function orgNumberFor(n: number) {
	for (let base = 80_000_000 + n * 11; ; base++) {
		const digits = String(base)
		const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0)
		const check = (11 - (sum % 11)) % 11
		if (check !== 10) return digits + check
	}
}

export async function generate(db: Kysely<DB>, { scale, seed, log = () => {} }: { scale: Scale; seed: number; log?: (line: string) => void }) {
	if (await db.selectFrom('network').select('id').limit(1).executeTakeFirst()) {
		throw new Error('The database is not empty. The generator fills only a new, empty database.')
	}
	const shape = SCALES[scale]
	const rand = random(seed)
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
	const some = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(list)))]
	const origin = 'http://localhost:3000'
	const partnerRand = random(seed ^ 0x5eed)
	const started = Date.now()
	let organisationNo = 0
	let personNo = 0
	for (let n = 0; n < shape.networks; n++) {
		const region = REGIONS[n % REGIONS.length]!
		const industry = INDUSTRIES[Math.floor(n / REGIONS.length) % INDUSTRIES.length]!
		const slug = n === 0 && scale === 'regional' ? 'bench' : `nettverk-${n + 1}`
		const names = { name: `${industry}-nettverket ${region} ${n + 1}`, name_en: `${industry} network ${region} ${n + 1}` }
		const network = await db.transaction().execute(async (trx) => {
			const { id } = await trx
				.insertInto('network')
				.values({ slug, ...names, region, phase: n % 3 === 0 ? 'main_project' : 'pre_project', about_nb: `Et bedriftsnettverk for ${industry.toLowerCase()} i ${region}.`, about_en: `A business network for ${industry} in ${region}.`, created_at: new Date().toISOString() })
				.returning('id')
				.executeTakeFirstOrThrow()
			await trx
				.insertInto('network_goal')
				.values(['Bedriftene kjenner hverandre', 'Minst tre prosjektideer', 'Kompetansebehov kartlagt', 'Kontakt med fagmiljøer'].map((title, i) => ({ network_id: id, position: i + 1, title_nb: title, title_en: title })))
				.execute()
			const by = { networkId: id, actorId: null }
			const people: { id: number; name: string; email: string; organisation: number; company: string; org_number: string; roles: Role[] }[] = []
			for (let o = 0; o < shape.organisationsPerNetwork; o++) {
				const name = `${pick(WORDS)}${pick(SUFFIX)} ${++organisationNo} AS`
				const org_number = orgNumberFor(organisationNo)
				const organisation = await createOrganisation(
					trx,
					by,
					{ org_number, name, kind: 'company', description: `${name} leverer ${pick(COMPETENCES).toLowerCase()} og ${pick(COMPETENCES).toLowerCase()} til kunder i ${region}.`, website: '', employees: 1 + Math.floor(rand() * 300), town: pick(TOWNS), competences_offered: some(COMPETENCES, 3).join(', '), competences_wanted: some(COMPETENCES, 2).join(', '), technologies: some(TECHNOLOGIES, 4).join(', ') },
					'member',
				)
				for (let p = 0; p < shape.peoplePerOrganisation; p++) {
					const personName = `${pick(FIRST)} ${pick(LAST)}`
					const email = `person${++personNo}@bench.example`
					const roles: Role[] = n === 0 && o === 0 && p === 0 ? ['project_leader'] : p === 0 ? ['company_contact'] : o === 0 && p === 1 ? ['steering_group'] : ['member']
					const id = await addPerson(trx, by, { email, name: personName, title: pick(['Utvikler', 'Daglig leder', 'Rådgiver', 'Arkitekt', 'Designer', 'Konsulent']), organisation_id: organisation, roles })
					people.push({ id, name: personName, email, organisation, company: name, org_number, roles })
				}
			}
			return { id, slug, ...names, people }
		})
		for (let g = 0; g < shape.gatheringsPerNetwork; g++) {
			// Spread over 2026 and 2027 from fixed dates, so the set is the same every time.
			const day = Date.UTC(2026, 0, 15) + (g * 73 + n) * 86_400_000
			const gatheringId = await db.transaction().execute(async (trx) => {
				const id = await createGathering(
					trx,
					network.id,
					{ title: `Samling ${g + 1}: ${pick(COMPETENCES)}`, description: 'Bli kjent, prosjektideer og kompetanse.', location: pick(TOWNS), starts_at: new Date(day + 8 * 3_600_000).toISOString(), ends_at: new Date(day + 14 * 3_600_000).toISOString(), audience: g === 0 ? 'open' : 'members', capacity: null, registration_deadline: null },
					[{ time: '09:00', title: 'Velkommen', speaker: '' }, { time: '10:00', title: 'Bli-kjent-runder', speaker: '' }],
				)
				await updateGathering(trx, id, { status: 'published' })
				return id
			})
			const gathering = (await getGathering(db, { networkId: network.id, gatheringId }))!
			const attendees = [...network.people].sort(() => rand() - 0.5).slice(0, shape.registrationsPerGathering)
			for (const person of attendees) {
				await registerForGathering(db, { network, gathering, origin, lang: 'nb' }, { name: person.name, email: person.email, phone: '', company: person.company, org_number: person.org_number, job_title: '', dietary: '', show_in_attendance: rand() < 0.7, person_id: person.id, organisation_id: person.organisation })
			}
			if (gathering.starts_at < new Date().toISOString()) {
				const registrations = await db.selectFrom('registration').select('id').where('gathering_id', '=', gatheringId).execute()
				for (const r of registrations) if (rand() < 0.8) await setCheckedIn(db, { gatheringId, registrationId: r.id, present: true })
			}
		}
		// Ideas with partners, comments and the steering group's scores; own effort, most of it approved.
		const steering = network.people.find((p) => p.roles.includes('steering_group'))!
		const criteria = await getCriteria(db, network.id)
		const stages: IdeaStage[] = ['draft', 'proposed', 'maturing', 'qualified', 'main_project', 'parked']
		for (let i = 0; i < shape.ideasPerNetwork; i++) {
			const author = pick(network.people)
			const viewer = { personId: author.id, organisationId: author.organisation, roles: author.roles }
			await db.transaction().execute(async (trx) => {
				const ideaId = await proposeIdea(trx, { networkId: network.id, viewer }, {
					title: `${pick(COMPETENCES)} for ${pick(INDUSTRIES).toLowerCase()}`,
					problem: `Bedriftene mangler ${pick(COMPETENCES).toLowerCase()}.`,
					solution: `En felles løsning med ${pick(TECHNOLOGIES)}.`,
					beneficiaries: 'Medlemsbedriftene',
					competences: some(COMPETENCES, 2).join(', '),
					audience: i % 10 === 0 ? 'steering' : i % 10 === 1 ? 'named' : 'members',
					named: [],
				})
				for (const [k, partner] of some(network.people, 3).entries()) {
					await joinIdea(trx, { networkId: network.id, viewer, ideaId }, { organisationId: partner.organisation, role: k === 0 ? 'lead' : 'partner' })
				}
				await trx.updateTable('idea').set({ stage: stages[i % stages.length]! }).where('id', '=', ideaId).execute()
				for (let c = 0; c < 2; c++) await trx.insertInto('idea_comment').values({ idea_id: ideaId, author_id: pick(network.people).id, body: 'Dette bør vi se nærmere på.', created_at: new Date().toISOString() }).execute()
				await evaluateIdea(trx, { networkId: network.id, viewer: { personId: steering.id, organisationId: steering.organisation, roles: steering.roles }, ideaId }, criteria.map((c) => ({ criterion_id: c.id, score: 1 + Math.floor(rand() * 10), comment: '' })))
			})
		}
		for (let e = 0; e < shape.effortPerNetwork; e++) {
			const person = pick(network.people)
			const entry = await logEffort(db, { networkId: network.id, person: { id: person.id, organisationId: person.organisation } }, { date: `2026-${String(1 + (e % 12)).padStart(2, '0')}-${String(1 + (e % 28)).padStart(2, '0')}`, minutes: 30 * (1 + Math.floor(rand() * 8)), activity: 'workshop', gathering_id: null, description: 'Arbeid i nettverket' })
			const contact = network.people.find((p) => p.organisation === person.organisation && p.roles.includes('company_contact'))
			if ('id' in entry && contact && contact.id !== person.id && rand() < 0.8) {
				await approveEffort(db, { networkId: network.id, approver: { id: contact.id, organisationId: contact.organisation, isContact: true } }, entry.id)
			}
		}
		// From a random stream of their own, so that the rest of the set stays as it was before partners were generated.
		const leader = network.people.find((p) => p.roles.includes('project_leader')) ?? steering
		await db.transaction().execute((trx) => generatePartners(trx, { network, leader, n, shape, rand: partnerRand }))
		log(`${n + 1}/${shape.networks} networks, ${organisationNo} organisations, ${personNo} people (${Math.round((Date.now() - started) / 1000)} s)`)
	}
	// Generated confirmations and reminders are not real mail: none of it may be sent.
	await db.deleteFrom('outbox').execute()
	await db.updateTable('registration').set({ reminder_sent_at: new Date().toISOString() }).execute()
	await sql`create table generated_dataset (scale text not null, seed integer not null, created_at text not null)`.execute(db)
	await sql`insert into generated_dataset (scale, seed, created_at) values (${scale}, ${seed}, ${new Date().toISOString()})`.execute(db)
	await sql`vacuum`.execute(db)
}

type Person = { id: number; organisation: number; roles: Role[] }
const STAGES = ['identified', 'contacted', 'met', 'agreement'] as const

/**
 * A network's register of knowledge partners: two of the country's
 * institutions (each one organisation, a partner of every network that
 * registers it) and, for every other network, one abroad; a log that moves
 * each some way through the stages during 2026, a project idea with one of
 * them, and competence initiatives for what the members seek.
 */
async function generatePartners(trx: Kysely<DB>, { network, leader, n, shape, rand }: { network: { id: number; people: Person[] }; leader: Person; n: number; shape: (typeof SCALES)[Scale]; rand: () => number }) {
	const actor = { networkId: network.id, actorId: leader.id }
	const partners: number[] = []
	for (const k of [n % INSTITUTIONS.length, (n + 5) % INSTITUTIONS.length]) {
		const [name, town] = INSTITUTIONS[k]!
		// The organisation number makes it the same organisation in every network.
		await createOrganisation(trx, actor, { org_number: orgNumberFor(1_000_000 + k), name, kind: 'research', description: `${name} er et universitet eller forskningsinstitutt i ${town}.`, website: '', employees: null, town, competences_offered: '', competences_wanted: '', technologies: '' }, 'partner')
		partners.push(await registered(addPartner(trx, actor, { name, kind: 'research', town, country: 'NO', website: '', focus: `Studentprosjekter og forskning på ${COMPETENCES[(n + k) % COMPETENCES.length]!.toLowerCase()}.`, stage: 'identified' })))
	}
	if (n % 2 === 0) {
		const [name, town, country] = ABROAD[(n / 2) % ABROAD.length]!
		partners.push(await registered(addPartner(trx, actor, { name, kind: 'research', town, country, website: '', focus: 'Internasjonalt samarbeid og søknader til EU-programmer.', stage: 'identified' })))
	}
	for (const [k, id] of partners.entries()) {
		const reached = Math.floor(rand() * STAGES.length)
		for (let s = 1; s <= reached; s++) {
			await logPartnerActivity(trx, actor, id, { occurred_on: `2026-${String(2 + 3 * s).padStart(2, '0')}-${String(1 + ((n + k) % 28)).padStart(2, '0')}`, summary: ['Første e-post om samarbeid.', 'Møte med instituttet.', 'Avtale om studentprosjekter signert.'][s - 1]!, stage: STAGES[s]! })
		}
	}
	const idea = await trx.selectFrom('idea').select('id').where('network_id', '=', network.id).where('audience', '=', 'members').orderBy('id').executeTakeFirst()
	if (idea) await linkIdea(trx, { ...actor, viewer: { personId: leader.id, organisationId: leader.organisation, roles: leader.roles } }, partners[0]!, idea.id)
	for (let i = 0; i < shape.initiativesPerNetwork; i++) {
		const competence = COMPETENCES[Math.floor(rand() * COMPETENCES.length)]!
		await addInitiative(trx, actor, { title: `Kurs i ${competence.toLowerCase()}`, competence, kind: i % 2 === 0 ? 'course' : 'seminar', partner_id: partners[i % partners.length], starts_on: `2027-0${1 + i}-${String(10 + (n % 18)).padStart(2, '0')}`, description: '' })
	}
}

async function registered(outcome: Promise<{ id: number } | { error: string }>) {
	const result = await outcome
	if ('error' in result) throw new Error(`A generated knowledge partner could not be added: ${result.error}`)
	return result.id
}

/** The generated set's scale, if this database holds one. */
async function generatedScale(db: Kysely<DB>): Promise<string | undefined> {
	try {
		const { rows } = await sql<{ scale: string }>`select scale from generated_dataset`.execute(db)
		return rows[0]?.scale
	} catch {
		return undefined
	}
}

/** Refuses, with a message that says why, any database but a generated set of the scale: the benchmark never touches someone's data. */
export async function assertGenerated(db: Kysely<DB>, scale: Scale, where: string) {
	if ((await generatedScale(db)) !== scale) throw new Error(`${where} is not a generated ${scale} data set; the benchmark runs only against its own data.`)
}

if (import.meta.main) {
	const { values } = parseArgs({ options: { scale: { type: 'string', default: 'national' }, seed: { type: 'string', default: '1' }, db: { type: 'string' } } })
	const scale = values.scale as Scale
	if (!(scale in SCALES)) {
		console.error(`Unknown scale "${values.scale}". Use one of: ${Object.keys(SCALES).join(', ')}.`)
		process.exit(2)
	}
	const url = values.db ?? path.join('data', 'bench', `${scale}.sqlite`)
	if (!url.startsWith('postgres')) mkdirSync(path.dirname(url), { recursive: true })
	const { db } = createDatabase(url)
	await migrateToLatest(db)
	try {
		await generate(db, { scale, seed: Number(values.seed), log: (line) => process.stderr.write(`\r${line}   `) })
		process.stderr.write('\n')
		console.log(`Generated the ${scale} data set in ${url}.`)
	} catch (error) {
		console.error(String(error instanceof Error ? error.message : error))
		process.exitCode = 1
	} finally {
		await db.destroy()
	}
}
