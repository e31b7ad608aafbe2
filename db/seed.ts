import type { Kysely } from 'kysely'
import type { DB, Role } from './schema.ts'
import { addPerson, createOrganisation, type OrganisationInput } from '#app/features/directory/directory.server.ts'
import { publishAgreement } from '#app/features/commitment/agreements.server.ts'
import { evaluateIdea, getCriteria, joinIdea, moveIdea, proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { addInitiative } from '#app/features/competence/competence.server.ts'
import { addPartner, logPartnerActivity } from '#app/features/partners/partners.server.ts'
import { addQuestion, answerSurvey, createSurvey, endSurvey, getSurvey, publishSurvey, type Respondent } from '#app/features/surveys/surveys.server.ts'

// The demo network: the ICT business network of the Lillehammer region in its
// pre-project phase. The network, its goals and partners follow the public
// facts; every company and person here is made up.

type DemoCompany = Omit<OrganisationInput, 'kind' | 'description' | 'website'> & {
	about: string
	people: { name: string; title: string; roles: Role[]; competences?: string }[]
}

const companies: DemoCompany[] = [
	{ org_number: '915279198', name: 'Fjellkode AS', town: 'Lillehammer', employees: 12, about: 'Skreddersydd programvare og nettløsninger for reiseliv og handel i innlandet.', competences_offered: 'Webutvikling, Universell utforming, Smidig prosjektledelse', competences_wanted: 'Informasjonssikkerhet, Maskinlæring', technologies: 'React, TypeScript, Node.js, PostgreSQL', people: [{ name: 'Ingrid Bakken', title: 'Daglig leder', roles: ['company_contact', 'steering_group'] }, { name: 'Ola Haugen', title: 'Utvikler', roles: ['member'], competences: 'TypeScript, React, Tilgjengelighet' }] },
	{ org_number: '915358381', name: 'Mjøsdata AS', town: 'Gjøvik', employees: 45, about: 'Drift av servere og skytjenester for kommuner og næringsliv rundt Mjøsa.', competences_offered: 'Drift, Skytjenester, Nettverk', competences_wanted: 'Kunstig intelligens, Salg og markedsføring', technologies: 'Azure, Kubernetes, Linux, Terraform', people: [{ name: 'Per Strand', title: 'Teknisk direktør', roles: ['company_contact'] }, { name: 'Silje Moe', title: 'Driftsingeniør', roles: ['member'], competences: 'Kubernetes, Linux, Overvåking' }] },
	{ org_number: '915437575', name: 'Lågen Sikkerhet AS', town: 'Lillehammer', employees: 8, about: 'Rådgivning innen informasjonssikkerhet, risikoanalyser og beredskapsøvelser.', competences_offered: 'Informasjonssikkerhet, Risikoanalyse, Beredskap', competences_wanted: 'Programvareutvikling, Skytjenester', technologies: 'ISO 27001, SIEM, Penetrasjonstesting', people: [{ name: 'Hanne Lund', title: 'Sikkerhetsrådgiver', roles: ['company_contact', 'steering_group'] }] },
	{ org_number: '915516769', name: 'Gudbrandsdal Geodata AS', town: 'Ringebu', employees: 6, about: 'Kart, geodata og stedsbaserte tjenester for landbruk, skog og friluftsliv.', competences_offered: 'Geografiske informasjonssystemer, Dataanalyse', competences_wanted: 'Mobilutvikling, Skytjenester', technologies: 'QGIS, PostGIS, Python', people: [{ name: 'Even Kvam', title: 'Daglig leder', roles: ['company_contact'] }] },
	{ org_number: '915595952', name: 'Nordlys Interaktiv AS', town: 'Lillehammer', employees: 15, about: 'Spill, interaktive fortellinger og digitale opplevelser for museer og festivaler.', competences_offered: 'Spillutvikling, 3D-grafikk, Interaksjonsdesign', competences_wanted: 'Forretningsutvikling, Finansiering', technologies: 'Unity, Unreal Engine, C#', people: [{ name: 'Marte Solberg', title: 'Kreativ leder', roles: ['company_contact'] }, { name: 'Jonas Berg', title: 'Spillutvikler', roles: ['member'], competences: 'Unity, C#, Spilldesign' }] },
	{ org_number: '915754333', name: 'Øyer Analyse AS', town: 'Øyer', employees: 4, about: 'Dataanalyse og beslutningsstøtte for små og mellomstore bedrifter.', competences_offered: 'Dataanalyse, Maskinlæring, Statistikk', competences_wanted: 'Webutvikling, Informasjonssikkerhet', technologies: 'Python, Power BI, SQL', people: [{ name: 'Anders Nyhus', title: 'Dataforsker', roles: ['company_contact'] }] },
	{ org_number: '915833527', name: 'Innlandet Nettverk AS', town: 'Brumunddal', employees: 30, about: 'Fiber, trådløse nett og IT-drift for bedrifter i innlandet.', competences_offered: 'Nettverk, Fiber, IT-drift', competences_wanted: 'Informasjonssikkerhet, Automatisering', technologies: 'Cisco, Ubiquiti, Ansible', people: [{ name: 'Torunn Aas', title: 'Salgssjef', roles: ['company_contact'] }] },
	{ org_number: '915912710', name: 'Hafjell Apputvikling AS', town: 'Øyer', employees: 9, about: 'Mobilapper for reiseliv, booking og arrangementer.', competences_offered: 'Mobilutvikling, Brukeropplevelse', competences_wanted: 'Dataanalyse, Skytjenester', technologies: 'Kotlin, Swift, Flutter', people: [{ name: 'Lars Rønning', title: 'Daglig leder', roles: ['company_contact'] }] },
	{ org_number: '915991904', name: 'Skarvet Systemer AS', town: 'Lillehammer', employees: 22, about: 'Fagsystemer for helse og omsorg i kommunene.', competences_offered: 'Programvareutvikling, Integrasjon, Personvern', competences_wanted: 'Kunstig intelligens, Universell utforming', technologies: 'Java, Spring, HL7 FHIR', people: [{ name: 'Kristin Dahl', title: 'Produktsjef', roles: ['company_contact'] }, { name: 'Eivind Lie', title: 'Arkitekt', roles: ['member'], competences: 'Integrasjon, Java, Personvern' }] },
	{ org_number: '916071094', name: 'Gausdal Robotikk AS', town: 'Gausdal', employees: 5, about: 'Automatisering og sensorløsninger for industri og landbruk.', competences_offered: 'Automatisering, Tingenes internett, Elektronikk', competences_wanted: 'Skytjenester, Dataanalyse', technologies: 'Raspberry Pi, Rust, MQTT', people: [{ name: 'Sindre Opheim', title: 'Utviklingsleder', roles: ['company_contact'] }] },
	{ org_number: '916150288', name: 'Vinstra Webbyrå AS', town: 'Vinstra', employees: 3, about: 'Nettsider og nettbutikker for lokale bedrifter.', competences_offered: 'Webdesign, Nettbutikk, Søkemotoroptimalisering', competences_wanted: 'Informasjonssikkerhet, Tilgjengelighet', technologies: 'WordPress, PHP, Shopify', people: [{ name: 'Guro Sæther', title: 'Designer', roles: ['company_contact'] }] },
	{ org_number: '916308663', name: 'Mesna Læring AS', town: 'Lillehammer', employees: 11, about: 'Digitale læringsressurser og kurs for skole og arbeidsliv.', competences_offered: 'E-læring, Pedagogikk, Videoproduksjon', competences_wanted: 'Kunstig intelligens, Spillutvikling', technologies: 'Moodle, H5P, React', people: [{ name: 'Tone Vik', title: 'Daglig leder', roles: ['company_contact'] }] },
	{ org_number: '916387857', name: 'Troll IT-tjenester AS', town: 'Fåberg', employees: 18, about: 'IT-støtte, brukerstøtte og innkjøp for små bedrifter.', competences_offered: 'Brukerstøtte, IT-drift, Lisensforvaltning', competences_wanted: 'Informasjonssikkerhet, Skytjenester', technologies: 'Microsoft 365, Intune, Windows', people: [{ name: 'Bjørn Hov', title: 'Driftssjef', roles: ['company_contact'] }] },
	{ org_number: '916467044', name: 'Birkebeiner Betaling AS', town: 'Lillehammer', employees: 7, about: 'Betalingsløsninger og påmeldingssystemer for idrettsarrangementer.', competences_offered: 'Betalingsløsninger, Programvareutvikling', competences_wanted: 'Informasjonssikkerhet, Mobilutvikling', technologies: 'Go, PostgreSQL, Vipps', people: [{ name: 'Camilla Fosse', title: 'Teknologidirektør', roles: ['company_contact'] }] },
	{ org_number: '916546238', name: 'Dokka Digital AS', town: 'Dokka', employees: 2, about: 'Digitalisering av arkiv og dokumenthåndtering.', competences_offered: 'Dokumenthåndtering, Skanning, Arkiv', competences_wanted: 'Maskinlæring, Programvareutvikling', technologies: 'OCR, SharePoint, Python', people: [{ name: 'Rune Engen', title: 'Daglig leder', roles: ['company_contact'] }] },
]

const partners: { name: string; kind: OrganisationInput['kind']; town: string; about: string }[] = [
	{ name: 'Lillehammer kommune', kind: 'municipality', town: 'Lillehammer', about: 'Kommunen koordinerer arbeidet med nettverket gjennom næringssjefen.' },
	{ name: 'Cyberforsvaret', kind: 'public_body', town: 'Jørstadmoen', about: 'Forsvarets fagmiljø for IKT og cyberforsvar på Jørstadmoen, med i den midlertidige styringsgruppen.' },
	{ name: 'NTNU i Gjøvik', kind: 'research', town: 'Gjøvik', about: 'Sterkt fagmiljø innen IKT og informasjonssikkerhet.' },
	{ name: 'Innovasjon Norge', kind: 'funder', town: 'Lillehammer', about: 'Støtter nettverket i forprosjektfasen.' },
]

/** The next 6 December at 09:00 in Oslo (08:00 UTC: Norway keeps winter time then). */
function nextSixthOfDecember(from = new Date()) {
	const year = from.getUTCMonth() === 11 && from.getUTCDate() > 6 ? from.getUTCFullYear() + 1 : from.getUTCFullYear()
	return { starts: `${year}-12-06T08:00:00.000Z`, ends: `${year}-12-06T14:00:00.000Z` }
}

function emailFor(name: string, domain: string) {
	const local = name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.replace(/[^a-z]+/g, '.')
	return `${local}@${domain}`
}

/** Fills an empty database with the demo network; does nothing if any network exists. */
export async function seedDemo(db: Kysely<DB>) {
	if (await db.selectFrom('network').select('id').limit(1).executeTakeFirst()) return
	await db.transaction().execute(async (trx) => {
		const created = new Date().toISOString()
		const network = await trx
			.insertInto('network')
			.values({
				slug: 'ikt-lillehammer',
				name: 'IKT-nettverket i Lillehammerregionen',
				name_en: 'The ICT Business Network of the Lillehammer Region',
				region: 'Lillehammerregionen',
				phase: 'pre_project',
				about_nb:
					'Et bedriftsnettverk for IKT-næringen i Lillehammerregionen, støttet av Innovasjon Norge. Bedriftene møtes på samlinger, blir kjent, finner prosjekter de kan gjøre sammen og knytter kontakt med fagmiljøer.\n\nLillehammer kommune koordinerer arbeidet sammen med en midlertidig styringsgruppe med folk fra næringslivet og Cyberforsvaret. En prosjektleder holder framdriften.',
				about_en:
					'A business network for the ICT industry of the Lillehammer region, supported by Innovation Norway. The companies meet at gatherings, get to know each other, find projects to do together and build contacts with research communities.\n\nLillehammer municipality coordinates the work with a temporary steering group of people from industry and the Norwegian Cyber Defence. A project leader keeps it moving.',
				created_at: created,
			})
			.returning(['id', 'slug', 'name', 'name_en'])
			.executeTakeFirstOrThrow()
		const networkId = network.id

		const goals = [
			['Bedriftene kjenner hverandre godt og har tillit til hverandre', 'The companies know each other well and trust each other'],
			['Minst tre ideer til utviklingsprosjekter som kan tas videre i et hovedprosjekt', 'At least three development project ideas to take into a main project'],
			['Behovet for kompetanseheving er kartlagt', 'The need for raising competence is mapped'],
			['Gode kontakter med relevante fagmiljøer i inn- og utland', 'Good contacts with relevant research communities at home and abroad'],
		]
		await trx
			.insertInto('network_goal')
			.values(goals.map(([nb, en], i) => ({ network_id: networkId, position: i + 1, title_nb: nb!, title_en: en! })))
			.execute()

		const actor = { networkId, actorId: null }
		const partnerIds: Record<string, number> = {}
		for (const p of partners) {
			partnerIds[p.name] = await createOrganisation(
				trx,
				actor,
				{ org_number: null, name: p.name, kind: p.kind, description: p.about, website: '', employees: null, town: p.town, competences_offered: '', competences_wanted: '', technologies: '' },
				'partner',
			)
		}
		// Who is who, by name, for the ideas below.
		const byName: Record<string, { personId: number; organisationId: number; roles: Role[] }> = {}
		const leaderId = await addPerson(trx, actor, {
			email: 'kari.nordby@knute.example',
			name: 'Kari Nordby',
			title: 'Prosjektleder',
			organisation_id: partnerIds['Lillehammer kommune']!,
			roles: ['project_leader'],
		})
		byName['Geir Tollefsen'] = {
			personId: await addPerson(trx, actor, {
				email: 'geir.tollefsen@knute.example',
				name: 'Geir Tollefsen',
				title: 'Næringssjef',
				organisation_id: partnerIds['Lillehammer kommune']!,
				roles: ['steering_group'],
			}),
			organisationId: partnerIds['Lillehammer kommune']!,
			roles: ['steering_group'],
		}
		await addPerson(trx, actor, {
			email: 'major.lien@knute.example',
			name: 'Astrid Lien',
			title: 'Major',
			organisation_id: partnerIds['Cyberforsvaret']!,
			roles: ['steering_group', 'partner_observer'],
		})
		await addPerson(trx, actor, {
			email: 'nils.brekke@knute.example',
			name: 'Nils Brekke',
			title: 'Førsteamanuensis',
			organisation_id: partnerIds['NTNU i Gjøvik']!,
			roles: ['partner_observer'],
		})

		// Eleven have committed; the last four came to the first meeting and are still prospects.
		const companyIds: Record<string, number> = {}
		const contactIds: Record<string, number> = {}
		const firstPeople: Respondent[] = []
		for (const [index, c] of companies.entries()) {
			const { people, about, ...fields } = c
			const domain = `${c.name.toLowerCase().replace(/ as$/, '').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[^a-z]+/g, '')}.example`
			const organisationId = await createOrganisation(
				trx,
				actor,
				{ ...fields, kind: 'company', description: about, website: `https://${domain}` },
				index < 11 ? 'member' : 'prospect',
			)
			companyIds[c.name] = organisationId
			for (const p of people) {
				const personId = await addPerson(trx, actor, { email: emailFor(p.name, domain), name: p.name, title: p.title, organisation_id: organisationId, roles: p.roles })
				if (p.competences) await trx.updateTable('person').set({ competences: p.competences }).where('id', '=', personId).execute()
				if (p.roles.includes('company_contact')) contactIds[c.name] ??= personId
				byName[p.name] = { personId, organisationId, roles: p.roles }
				if (p === people[0]) firstPeople.push({ personId: null, name: p.name, email: emailFor(p.name, domain), company: c.name })
			}
		}
		await seedAcquaintance(trx, networkId, companyIds, contactIds, created)
		await seedIdeas(trx, networkId, companyIds, byName)
		await seedPartners(trx, { networkId, actorId: leaderId })
		await seedSurvey(trx, { networkId, actorId: leaderId }, network, firstPeople)

		const { starts, ends } = nextSixthOfDecember()
		const { id: gatheringId } = await trx
			.insertInto('gathering')
			.values({
				network_id: networkId,
				title: 'Første samling i IKT-nettverket',
				starts_at: starts,
				ends_at: ends,
				location: 'Lillehammer, Kulturhuset Banken',
				description: 'Åpen samling for alle IKT-bedrifter i regionen: hva nettverket skal gjøre, hvordan bedriftene kan bli med, og bli-kjent-runder.',
				audience: 'open',
				capacity: 80,
				status: 'published',
				created_at: created,
				updated_at: created,
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await trx
			.insertInto('agenda_item')
			.values([
				{ gathering_id: gatheringId, time: '09:00', title: 'Velkommen og kaffe', speaker: 'Geir Tollefsen, næringssjef' },
				{ gathering_id: gatheringId, time: '09:30', title: 'Nettverket, målene og veien videre', speaker: 'Kari Nordby, prosjektleder' },
				{ gathering_id: gatheringId, time: '10:15', title: 'IKT-kompetanse i regionen: Cyberforsvaret og NTNU i Gjøvik', speaker: '' },
				{ gathering_id: gatheringId, time: '11:00', title: 'Bli-kjent-runder: én til én', speaker: '' },
				{ gathering_id: gatheringId, time: '12:00', title: 'Lunsj', speaker: '' },
				{ gathering_id: gatheringId, time: '13:00', title: 'Prosjektideer og kompetansebehov: gruppearbeid', speaker: '' },
				{ gathering_id: gatheringId, time: '14:30', title: 'Hvordan bli med videre: egenandel og innsats', speaker: 'Kari Nordby' },
			])
			.execute()
		const year = Number(starts.slice(0, 4)) + 1
		await publishAgreement(trx, { networkId, actorId: leaderId }, {
			title: 'Deltakeravtale for IKT-nettverket i Lillehammerregionen',
			body: 'Bedriften blir med i nettverket for perioden under og deltar på samlingene så langt det er mulig.\n\nBedriften betaler en egenandel og legger inn egen innsats: tid til samlinger, prosjektideer og kompetansearbeid. Timene føres i Knute og godkjennes av bedriftens kontaktperson; de inngår i prosjektregnskapet som revisor kontrollerer.\n\nBedriftene deler ideer i tillit. Det som blir sagt og skrevet i nettverket, brukes ikke mot andre deltakere.\n\nBedriften kan melde seg ut med en måneds varsel.',
			period_start: `${year}-01-01T00:00:00.000Z`,
			period_end: `${year}-12-31T00:00:00.000Z`,
			egenandel_nok: 10_000,
			hours_per_year: 40,
			gatherings_per_year: 4,
		})
		await trx
			.insertInto('news')
			.values({
				network_id: networkId,
				title: 'Nettverket har fått støtte fra Innovasjon Norge',
				body: 'IKT-nettverket er i gang med forprosjektet. Første samling er åpen for alle IKT-bedrifter i regionen; etter samlingen kan bedriftene forplikte seg til å være med videre.',
				published_at: created,
			})
			.execute()
	})
}

/**
 * Who already knew whom before the network started (a few meetings, one
 * pair that has worked together), one company that does not want to be paired
 * with its nearest competitor, and the trust survey from the start of the
 * pre-project, answered by four companies.
 */
async function seedAcquaintance(trx: Kysely<DB>, networkId: number, ids: Record<string, number>, contacts: Record<string, number>, at: string) {
	const pair = (a: string, b: string) => [Math.min(ids[a]!, ids[b]!), Math.max(ids[a]!, ids[b]!)] as const
	const known: [string, string, 'met' | 'worked'][] = [
		['Fjellkode AS', 'Lågen Sikkerhet AS', 'worked'],
		['Fjellkode AS', 'Hafjell Apputvikling AS', 'met'],
		['Mjøsdata AS', 'Troll IT-tjenester AS', 'met'],
		['Nordlys Interaktiv AS', 'Mesna Læring AS', 'met'],
		['Skarvet Systemer AS', 'Øyer Analyse AS', 'met'],
	]
	await trx
		.insertInto('company_contact')
		.values(known.map(([a, b, kind]) => { const [x, y] = pair(a, b); return { network_id: networkId, organisation_a: x, organisation_b: y, kind, gathering_id: null, recorded_by: null, created_at: at } }))
		.execute()
	await trx.insertInto('company_wish').values({ network_id: networkId, organisation_id: ids['Mjøsdata AS']!, other_id: ids['Innlandet Nettverk AS']!, kind: 'avoid', created_at: at }).execute()
	const { id: surveyId } = await trx.insertInto('trust_survey').values({ network_id: networkId, title: 'Oppstart av forprosjektet', opened_at: at, closed_at: at }).returning('id').executeTakeFirstOrThrow()
	const members = Object.keys(ids).slice(0, 11)
	for (const [i, from] of ['Fjellkode AS', 'Mjøsdata AS', 'Lågen Sikkerhet AS', 'Skarvet Systemer AS'].entries()) {
		const { id: responseId } = await trx
			.insertInto('trust_response')
			.values({ survey_id: surveyId, organisation_id: ids[from]!, answered_by: contacts[from] ?? null, created_at: at })
			.returning('id')
			.executeTakeFirstOrThrow()
		await trx
			.insertInto('trust_answer')
			.values(members.filter((m) => m !== from).map((m, j) => ({ response_id: responseId, target_id: ids[m]!, knows: 1 + ((i + j) % 3), trusts: 2 + ((i + 2 * j) % 3) })))
			.execute()
	}
}

/**
 * Two project ideas from the start-up survey, so that the idea board has
 * something on it: one proposed to the network with two partners and a
 * comment, one the steering group has moved on to mature, with a consortium
 * of three and one member's scores. No comment names anyone: nobody is sent
 * a notice.
 */
async function seedIdeas(trx: Kysely<DB>, networkId: number, companies: Record<string, number>, people: Record<string, { personId: number; organisationId: number; roles: Role[] }>) {
	const as = (name: string) => ({ networkId, viewer: people[name]! })
	// The demo goes through the rules a user meets: a step they would refuse stops the seed.
	const must = (done: boolean | { ok: true } | { error: string }) => {
		if (done !== true && !(typeof done === 'object' && 'ok' in done)) throw new Error(`The demo's ideas broke a rule: ${JSON.stringify(done)}`)
	}
	const comment = (ideaId: number, author: string, body: string) =>
		trx.insertInto('idea_comment').values({ idea_id: ideaId, author_id: people[author]!.personId, body, created_at: new Date().toISOString() }).execute()

	const places = await proposeIdea(trx, as('Even Kvam'), {
		title: 'Stedsdata for reiselivet i dalen',
		problem: 'Reiselivsbedriftene vet lite om hvor gjestene ferdes, og når løyper, stier og parkeringer blir fulle.',
		solution: 'En felles tjeneste som samler anonyme stedsdata og viser dem som kart og prognoser i appene bedriftene alt bruker.',
		beneficiaries: 'Reiselivsbedriftene, destinasjonsselskapet og kommunene.',
		competences: 'Geografiske informasjonssystemer, Mobilutvikling, Personvern',
		audience: 'members',
		named: [],
	})
	must(await joinIdea(trx, { ...as('Even Kvam'), ideaId: places }, { organisationId: companies['Gudbrandsdal Geodata AS']!, role: 'lead' }))
	must(await moveIdea(trx, { ...as('Even Kvam'), ideaId: places }, { to: 'proposed', reason: 'Klar til å deles med nettverket' }))
	must(await joinIdea(trx, { ...as('Lars Rønning'), ideaId: places }, { organisationId: companies['Hafjell Apputvikling AS']!, role: 'partner' }))
	await comment(places, 'Lars Rønning', 'Vi kan prøve dette i bookingappen vår neste vinter, hvis gjestene får si ja eller nei til å dele.')

	const drill = await proposeIdea(trx, as('Hanne Lund'), {
		title: 'Felles beredskapsøvelse mot dataangrep',
		problem: 'De fleste små bedriftene har aldri øvd på hva de gjør når systemene blir angrepet.',
		solution: 'En årlig øvelse for medlemsbedriftene med scenarioer, rollespill og en gjennomgang etterpå.',
		beneficiaries: 'Medlemsbedriftene og kundene deres.',
		competences: 'Informasjonssikkerhet, Beredskap, IT-drift',
		audience: 'members',
		named: [],
	})
	must(await joinIdea(trx, { ...as('Hanne Lund'), ideaId: drill }, { organisationId: companies['Lågen Sikkerhet AS']!, role: 'lead' }))
	must(await moveIdea(trx, { ...as('Hanne Lund'), ideaId: drill }, { to: 'proposed', reason: 'Til nettverket' }))
	must(await joinIdea(trx, { ...as('Kristin Dahl'), ideaId: drill }, { organisationId: companies['Skarvet Systemer AS']!, role: 'partner' }))
	must(await joinIdea(trx, { ...as('Bjørn Hov'), ideaId: drill }, { organisationId: companies['Troll IT-tjenester AS']!, role: 'partner' }))
	await comment(drill, 'Bjørn Hov', 'Vi kan stille med et testmiljø som ligner kundenes.')
	must(await moveIdea(trx, { ...as('Geir Tollefsen'), ideaId: drill }, { to: 'maturing', reason: 'Mange bedrifter trenger dette; bør gjøres konkret sammen med Cyberforsvaret.' }))
	const criteria = await getCriteria(trx, networkId)
	must(await evaluateIdea(trx, { ...as('Geir Tollefsen'), ideaId: drill }, criteria.map((c, i) => ({ criterion_id: c.id, score: [8, 6, 7, 8, 7][i] ?? 7, comment: '' }))))
}

/**
 * The register of knowledge partners (goal 4): the two communities the
 * article names, at home, and one abroad the network has only found so far;
 * and a first competence initiative (goal 3) with one of them.
 * Made through the register's own functions; the activities are dated in the
 * year before the first gathering.
 */
async function seedPartners(trx: Kysely<DB>, actor: { networkId: number; actorId: number }) {
	const add = async (input: Parameters<typeof addPartner>[2]) => {
		const outcome = await addPartner(trx, actor, input)
		if ('error' in outcome) throw new Error(`The demo partner ${input.name} could not be added: ${outcome.error}`)
		return outcome.id
	}
	const common = { website: '', town: '', kind: 'research' as const }
	const defence = await add({ ...common, name: 'Cyberforsvaret', kind: 'public_body', country: 'NO', stage: 'identified', focus: 'Kompetanse på digital sikkerhet, øvelser og rekruttering av IT-folk til regionen.' })
	await logPartnerActivity(trx, actor, defence, { occurred_on: '2026-03-18', stage: 'met', summary: 'Innspillsmøte på Lillehammer om et IKT-bedriftsnettverk, holdt sammen med kommunen.' })
	await logPartnerActivity(trx, actor, defence, { occurred_on: '2026-09-02', stage: 'met', summary: 'Cyberforsvaret stiller med en representant i den midlertidige styringsgruppen.' })
	const gjovik = await add({ ...common, name: 'NTNU i Gjøvik', country: 'NO', stage: 'identified', focus: 'Informasjonssikkerhet og studenter til sommerjobb, oppgaver og praksis.' })
	await logPartnerActivity(trx, actor, gjovik, { occurred_on: '2026-10-14', stage: 'contacted', summary: 'E-post til instituttet om et innlegg på første samling.' })
	// The competence most members seek, raised with the partner that has it.
	await addInitiative(trx, actor, { title: 'Frokostseminar om informasjonssikkerhet', competence: 'Informasjonssikkerhet', kind: 'seminar', partner_id: gjovik, starts_on: '2027-01-21', description: 'Trusselbildet for små IT-bedrifter, og hva de kan gjøre selv.' })
	await add({ ...common, name: 'Tallinns tekniske universitet (TalTech)', town: 'Tallinn', country: 'EE', stage: 'identified', focus: 'Forskning på cybersikkerhet; mulig partner for et felles prosjekt i hovedprosjektet.' })
}

/**
 * The survey sent to the region's ICT companies after the first input
 * meeting, open to anyone with the link and closed: whether they want more
 * collaboration, on what, and the competence they lack. Answered by one
 * person from each company, members and prospects alike.
 */
async function seedSurvey(trx: Kysely<DB>, actor: { networkId: number; actorId: number }, network: { id: number; slug: string; name: string; name_en: string }, respondents: Respondent[]) {
	const id = await createSurvey(trx, actor, {
		title: 'Undersøkelse etter innspillsmøtet',
		intro: 'Takk for sist! Vi vil gjerne vite hva IKT-bedriftene i regionen ønsker av et nettverk. Det tar fem minutter.',
		audience: 'open',
	})
	const draft = (await getSurvey(trx, actor.networkId, id))!.survey
	const themes = ['Felles utviklingsprosjekter', 'Rekruttering', 'Kompetanseheving', 'Kontakt med forskningsmiljøer', 'Felles markedsføring']
	await addQuestion(trx, draft, { text: 'Hvor stort behov ser dere for mer samarbeid mellom IKT-bedriftene i regionen?', kind: 'scale', options: [], required: true })
	await addQuestion(trx, draft, { text: 'Hva vil dere samarbeide om?', kind: 'multi', options: themes, required: false })
	await addQuestion(trx, draft, { text: 'Hvilken kompetanse mangler dere i dag?', kind: 'competences', options: [], required: false })
	await addQuestion(trx, draft, { text: 'Andre innspill til nettverket', kind: 'text', options: [], required: false })
	await publishSurvey(trx, { network, actorId: actor.actorId, origin: '' }, draft)
	const { survey, questions } = (await getSurvey(trx, actor.networkId, id))!
	const [need, on, lack, other] = questions.map((q) => q.id) as [number, number, number, number]
	const lacking = ['Kunstig intelligens', 'Informasjonssikkerhet', 'Universell utforming', 'Skytjenester', 'Kunstig intelligens, Personvern', 'Prosjektledelse']
	const remarks: Record<number, string> = {
		0: 'Gjerne samlinger på ettermiddagen, så vi får med utviklerne.',
		2: 'Vi trenger hjelp til å rekruttere folk med sikkerhetskompetanse.',
		5: 'Del gjerne hva de andre bedriftene jobber med før første samling.',
		8: 'Vi er små og kan ikke sette av mye tid, men vil gjerne være med.',
		11: 'Kontakt med høgskolen i Gjøvik om studentoppgaver hadde vært nyttig.',
	}
	for (const [i, who] of respondents.entries()) {
		await answerSurvey(trx, survey, who, {
			[need]: [String([5, 4, 5, 3, 4][i % 5])],
			[on]: themes.filter((_, k) => (i + 1) % (6 - k) !== 0),
			[lack]: lacking[i % lacking.length]!.split(', '),
			[other]: remarks[i] ? [remarks[i]] : [],
		})
	}
	await endSurvey(trx, actor, survey)
}
