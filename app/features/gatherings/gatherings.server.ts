import { randomBytes } from 'node:crypto'
import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { prepared } from '#db/prepared.ts'
import { createOrganisation } from '#app/features/directory/directory.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { hashToken } from '#app/platform/auth.server.ts'
import { compareNorwegian, formatDateTime, translator, type Lang } from '#app/platform/i18n.ts'
import { enqueueMail } from '#app/platform/mail.server.ts'
import { inMinutes, now } from '#app/platform/time.ts'
import { calendarFor } from './calendar.ts'

export type GatheringInput = {
	title: string
	description: string
	location: string
	starts_at: string
	ends_at: string
	audience: 'open' | 'members'
	capacity: number | null
	registration_deadline: string | null
}

export type Network = { id: number; slug: string; name: string; name_en: string }

const gatheringColumns = [
	'g.id',
	'g.network_id',
	'g.title',
	'g.description',
	'g.location',
	'g.starts_at',
	'g.ends_at',
	'g.audience',
	'g.capacity',
	'g.registration_deadline',
	'g.status',
	'g.sequence',
	'g.minutes',
	'g.created_at',
	'g.updated_at',
] as const

/** A gathering's registrations counted, as columns of a query on `gathering as g` (one round trip, not one more). */
function registrationCounts(eb: ExpressionBuilder<DB & { g: DB['gathering'] }, 'g'>) {
	const count = () => eb.selectFrom('registration as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.gathering_id', '=', 'g.id')
	return [
		count().where('r.status', '=', 'registered').as('registered'),
		count().where('r.status', '=', 'waitlisted').as('waitlisted'),
		count().where('r.checked_in_at', 'is not', null).as('attended'),
	]
}

/**
 * A network's gatherings with their counts, soonest first; drafts only for those who plan them.
 * @example await listGatherings(db, { networkId: 1, includeDrafts: false })
 */
export function listGatherings(db: Kysely<DB>, { networkId, includeDrafts }: { networkId: number; includeDrafts: boolean }) {
	let query = db
		.selectFrom('gathering as g')
		.select(gatheringColumns)
		.select(registrationCounts)
		.where('g.network_id', '=', networkId)
	if (!includeDrafts) query = query.where('g.status', '!=', 'draft')
	return query.orderBy('g.starts_at', 'desc').execute()
}

const upcoming = prepared((db, p: { networkId: number; from: string }) =>
	db
		.selectFrom('gathering as g')
		.select(['g.id', 'g.title', 'g.starts_at', 'g.capacity'])
		.select(registrationCounts)
		.where('g.network_id', '=', p.networkId)
		.where('g.status', '=', 'published')
		.where('g.ends_at', '>', p.from)
		.orderBy('g.starts_at')
		.limit(1),
)

/** The network's next published gathering, or the one under way, with its registrations counted; undefined if there is none. */
export async function nextGathering(db: Kysely<DB>, networkId: number) {
	const [row] = await upcoming(db, { networkId, from: now() })
	return row && { id: row.id, title: row.title, starts_at: row.starts_at, capacity: row.capacity, registered: Number(row.registered), waitlisted: Number(row.waitlisted) }
}

type GatheringValues = { networkId: number; gatheringId: number }
const gatheringWithCounts = prepared((db, p: GatheringValues) =>
	db
		.selectFrom('gathering as g')
		.select(gatheringColumns)
		.select(registrationCounts)
		// Only here, not in the list: who had a seat and came, for the no-shows; whether get-to-know rounds are planned.
		.select((eb) => [
			eb.selectFrom('registration as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.gathering_id', '=', 'g.id').where('r.status', '=', 'registered').where('r.checked_in_at', 'is not', null).as('registered_attended'),
			eb.exists(eb.selectFrom('meeting_plan as mp').select('mp.id').whereRef('mp.gathering_id', '=', 'g.id')).as('has_rounds'),
		])
		.where('g.network_id', '=', p.networkId)
		.where('g.id', '=', p.gatheringId),
)
const agendaOf = prepared((db, p: GatheringValues) =>
	db.selectFrom('agenda_item').select(['id', 'time', 'title', 'speaker']).where('gathering_id', '=', p.gatheringId).orderBy('time').orderBy('id'),
)

/** One gathering of the network with its agenda, or undefined. */
export async function getGathering(db: Kysely<DB>, values: GatheringValues) {
	const [row] = await gatheringWithCounts(db, values)
	if (!row) return undefined
	const agenda = await agendaOf(db, values)
	const { registered_attended, has_rounds, ...gathering } = row
	const registered = Number(row.registered)
	return {
		...gathering,
		agenda,
		registered,
		waitlisted: Number(row.waitlisted),
		attended: Number(row.attended),
		noShow: Math.max(0, registered - Number(registered_attended)),
		meetingRounds: Boolean(has_rounds),
	}
}

export async function createGathering(trx: Kysely<DB>, networkId: number, input: GatheringInput, agenda: AgendaInput[]) {
	const { id } = await trx
		.insertInto('gathering')
		.values({ ...input, network_id: networkId, status: 'draft', created_at: now(), updated_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow()
	await setAgenda(trx, id, agenda)
	return id
}

export type AgendaInput = { time: string; title: string; speaker: string }

/** Saves changes and raises SEQUENCE, so calendars that have the gathering take the new version. */
export async function updateGathering(trx: Kysely<DB>, gatheringId: number, input: Partial<GatheringInput> & { status?: 'draft' | 'published' | 'cancelled'; minutes?: string }, agenda?: AgendaInput[]) {
	await trx
		.updateTable('gathering')
		.set((eb) => ({ ...input, sequence: eb('sequence', '+', 1), updated_at: now() }))
		.where('id', '=', gatheringId)
		.execute()
	if (agenda) await setAgenda(trx, gatheringId, agenda)
}

async function setAgenda(trx: Kysely<DB>, gatheringId: number, agenda: AgendaInput[]) {
	await trx.deleteFrom('agenda_item').where('gathering_id', '=', gatheringId).execute()
	if (agenda.length) await trx.insertInto('agenda_item').values(agenda.map((a) => ({ ...a, gathering_id: gatheringId }))).execute()
}

/**
 * Serialises changes to one gathering (registrations, its rounds) until the
 * transaction ends — the row's lock on PostgreSQL, the database's write lock on
 * SQLite — so the last seat cannot be given twice, not even across processes.
 */
export async function lockGathering(trx: Kysely<DB>, gatheringId: number) {
	await trx.updateTable('gathering').set({ sequence: sql`sequence` }).where('id', '=', gatheringId).execute()
}

async function seatsTaken(trx: Kysely<DB>, gatheringId: number) {
	const row = await trx.selectFrom('registration').select((eb) => eb.fn.countAll<number>().as('n')).where('gathering_id', '=', gatheringId).where('status', '=', 'registered').executeTakeFirstOrThrow()
	return Number(row.n)
}

export type RegistrationInput = {
	name: string
	email: string
	phone: string
	company: string
	org_number: string | null
	job_title: string
	dietary: string
	show_in_attendance: boolean
	person_id: number | null
	organisation_id: number | null
}

export type RegistrationResult = { outcome: 'registered' | 'waitlisted' | 'already'; status: 'registered' | 'waitlisted' }

type Gathering = NonNullable<Awaited<ReturnType<typeof getGathering>>>

function manageUrl(origin: string, network: { slug: string }, gatheringId: number, token: string) {
	return `${origin}/n/${network.slug}/samlinger/${gatheringId}/pamelding?token=${token}`
}

function gatheringUrl(origin: string, network: { slug: string }, gatheringId: number) {
	return `${origin}/n/${network.slug}/samlinger/${gatheringId}`
}

/** The invitation that goes with a confirmation: the gathering as a calendar event. */
function invitation(origin: string, network: Network, gathering: Gathering, lang: Lang) {
	return calendarFor({ name: networkName(network, lang), gatherings: [gathering], urlFor: (id) => gatheringUrl(origin, network, id), method: 'REQUEST' })
}

/**
 * Registers someone for a gathering, or puts them on its waitlist when it is
 * full. Registering again with the same e-mail changes nothing. A company
 * named by an organisation number the network does not know is added as a
 * prospect. The confirmation, with a calendar invitation and a link to change
 * or cancel, is queued in the same transaction, in the page's language, which
 * the registration keeps for the mail that follows (reminder, a freed seat).
 */
export async function registerForGathering(
	db: Kysely<DB>,
	{ network, gathering, origin, lang }: { network: Network; gathering: Gathering; origin: string; lang: Lang },
	input: RegistrationInput,
): Promise<RegistrationResult> {
	const t = translator(lang)
	return db.transaction().execute(async (trx) => {
		await lockGathering(trx, gathering.id)
		const existing = await trx.selectFrom('registration').select(['id', 'status']).where('gathering_id', '=', gathering.id).where('email', '=', input.email).executeTakeFirst()
		if (existing && existing.status !== 'cancelled') return { outcome: 'already', status: existing.status }

		let organisationId = input.organisation_id
		if (!organisationId && input.org_number) organisationId = await prospectFor(trx, network.id, input.org_number, input.company)
		const status: 'registered' | 'waitlisted' = gathering.capacity === null || (await seatsTaken(trx, gathering.id)) < gathering.capacity ? 'registered' : 'waitlisted'
		const token = randomBytes(24).toString('base64url')
		const values = {
			...input,
			organisation_id: organisationId,
			show_in_attendance: input.show_in_attendance ? 1 : 0,
			status,
			manage_token_hash: hashToken(token),
			consent_at: now(),
			created_at: now(),
			cancelled_at: null,
			checked_in_at: null,
			reminder_sent_at: null,
			lang,
		}
		if (existing) await trx.updateTable('registration').set(values).where('id', '=', existing.id).execute()
		else await trx.insertInto('registration').values({ ...values, gathering_id: gathering.id }).execute()

		const when = formatDateTime(lang, gathering.starts_at)
		await enqueueMail(trx, {
			to: input.email,
			subject: t(status === 'registered' ? 'mail.registered.subject' : 'mail.waitlisted.subject', { title: gathering.title }),
			text: t(status === 'registered' ? 'mail.registered.body' : 'mail.waitlisted.body', {
				name: input.name,
				title: gathering.title,
				when,
				location: gathering.location,
				url: gatheringUrl(origin, network, gathering.id),
				manage: manageUrl(origin, network, gathering.id, token),
			}),
			ics: status === 'registered' ? invitation(origin, network, gathering, lang) : undefined,
		})
		return { outcome: status, status }
	})
}

/** The organisation with this number in the network, added as a prospect if the network does not have it. */
async function prospectFor(trx: Kysely<DB>, networkId: number, orgNumber: string, company: string) {
	const known = await trx
		.selectFrom('organisation as o')
		.leftJoin('network_organisation as no', (join) => join.onRef('no.organisation_id', '=', 'o.id').on('no.network_id', '=', networkId))
		.select(['o.id', 'no.network_id'])
		.where('o.org_number', '=', orgNumber)
		.executeTakeFirst()
	if (known?.network_id != null) return known.id
	return createOrganisation(
		trx,
		{ networkId, actorId: null },
		{ org_number: orgNumber, name: company || orgNumber, kind: 'company', description: '', website: '', employees: null, town: '', competences_offered: '', competences_wanted: '', technologies: '' },
		'prospect',
	)
}

/** The registration a change-or-cancel link points to, if the token is right. */
export function getRegistrationByToken(db: Kysely<DB>, { gatheringId, token }: { gatheringId: number; token: string }) {
	return db
		.selectFrom('registration')
		.select(['id', 'name', 'email', 'company', 'dietary', 'show_in_attendance', 'status'])
		.where('gathering_id', '=', gatheringId)
		.where('manage_token_hash', '=', hashToken(token))
		.executeTakeFirst()
}

const ownRegistration = prepared((db, p: { gatheringId: number; email: string }) =>
	db.selectFrom('registration').select(['id', 'status']).where('gathering_id', '=', p.gatheringId).where('email', '=', p.email).where('status', '!=', 'cancelled'),
)

/** The signed-in person's registration for the gathering, if any. */
export async function getOwnRegistration(db: Kysely<DB>, values: { gatheringId: number; email: string }) {
	const [own] = await ownRegistration(db, values)
	return own
}

export async function updateRegistration(db: Kysely<DB>, registrationId: number, input: { dietary: string; show_in_attendance: boolean }) {
	await db.updateTable('registration').set({ dietary: input.dietary, show_in_attendance: input.show_in_attendance ? 1 : 0 }).where('id', '=', registrationId).execute()
}

/**
 * Cancels a registration. If that frees a seat, the first on the waitlist
 * moves up and is told by e-mail, in the language they registered in.
 * Returns false if it was already cancelled.
 */
export async function cancelRegistration(
	db: Kysely<DB>,
	{ network, gathering, origin }: { network: Network; gathering: Gathering; origin: string },
	registrationId: number,
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		await lockGathering(trx, gathering.id)
		const result = await trx
			.updateTable('registration')
			.set({ status: 'cancelled', cancelled_at: now() })
			.where('id', '=', registrationId)
			.where('status', '!=', 'cancelled')
			.executeTakeFirst()
		if (Number(result.numUpdatedRows) !== 1) return false
		if (gathering.capacity !== null && (await seatsTaken(trx, gathering.id)) < gathering.capacity) {
			const next = await trx.selectFrom('registration').select(['id', 'name', 'email', 'lang']).where('gathering_id', '=', gathering.id).where('status', '=', 'waitlisted').orderBy('created_at').orderBy('id').executeTakeFirst()
			if (next) {
				const { lang } = next
				const t = translator(lang)
				const token = randomBytes(24).toString('base64url')
				await trx.updateTable('registration').set({ status: 'registered', manage_token_hash: hashToken(token) }).where('id', '=', next.id).execute()
				await enqueueMail(trx, {
					to: next.email,
					subject: t('mail.promoted.subject', { title: gathering.title }),
					text: t('mail.promoted.body', {
						name: next.name,
						title: gathering.title,
						when: formatDateTime(lang, gathering.starts_at),
						location: gathering.location,
						url: gatheringUrl(origin, network, gathering.id),
						manage: manageUrl(origin, network, gathering.id, token),
					}),
					ics: invitation(origin, network, gathering, lang),
				})
			}
		}
		return true
	})
}

/**
 * Sends the reminder two days before to everyone registered, once: each
 * registration is claimed by a conditional update in the transaction that
 * queues its e-mail, so restarts and several processes never send it twice.
 */
export async function sendDueReminders(db: Kysely<DB>, { origin }: { origin: string }) {
	const due = await db
		.selectFrom('gathering as g')
		.innerJoin('registration as r', 'r.gathering_id', 'g.id')
		.innerJoin('network as n', 'n.id', 'g.network_id')
		.select(['r.id', 'r.name', 'r.email', 'g.id as gathering_id', 'g.title', 'g.starts_at', 'g.location', 'n.slug', 'r.lang'])
		.where('r.status', '=', 'registered')
		.where('r.reminder_sent_at', 'is', null)
		.where('g.status', '=', 'published')
		.where('g.starts_at', '>', now())
		.where('g.starts_at', '<=', inMinutes(48 * 60))
		.limit(200)
		.execute()
	let sent = 0
	for (const r of due) {
		await db.transaction().execute(async (trx) => {
			const claimed = await trx.updateTable('registration').set({ reminder_sent_at: now() }).where('id', '=', r.id).where('reminder_sent_at', 'is', null).executeTakeFirst()
			if (Number(claimed.numUpdatedRows) !== 1) return
			const t = translator(r.lang)
			await enqueueMail(trx, {
				to: r.email,
				subject: t('mail.reminder.subject', { title: r.title }),
				text: t('mail.reminder.body', {
					name: r.name,
					title: r.title,
					when: formatDateTime(r.lang, r.starts_at),
					location: r.location,
					url: gatheringUrl(origin, r, r.gathering_id),
				}),
			})
			sent++
		})
	}
	return sent
}

/** Registrations for check-in and export, filtered by name, e-mail or company. */
export function listRegistrations(db: Kysely<DB>, { gatheringId, q }: { gatheringId: number; q?: string }) {
	let query = db
		.selectFrom('registration as r')
		.leftJoin('organisation as o', 'o.id', 'r.organisation_id')
		.select(['r.id', 'r.name', 'r.email', 'r.phone', 'r.company', 'r.org_number', 'r.job_title', 'r.dietary', 'r.status', 'r.walk_in', 'r.checked_in_at', 'r.created_at', 'o.name as organisation'])
		.where('r.gathering_id', '=', gatheringId)
	if (q) {
		const like = `%${q.toLowerCase()}%`
		query = query.where((eb) => eb.or([eb(eb.fn('lower', ['r.name']), 'like', like), eb(eb.fn('lower', ['r.email']), 'like', like), eb(eb.fn('lower', ['r.company']), 'like', like)]))
	}
	return query.orderBy('r.name').orderBy('r.id').execute()
}

/** Marks someone as present (or not). */
export async function setCheckedIn(db: Kysely<DB>, { gatheringId, registrationId, present }: { gatheringId: number; registrationId: number; present: boolean }) {
	const result = await db
		.updateTable('registration')
		.set({ checked_in_at: present ? now() : null })
		.where('id', '=', registrationId)
		.where('gathering_id', '=', gatheringId)
		.where('status', '!=', 'cancelled')
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}

/** Someone who came without registering: registered and checked in at once (over capacity if need be). */
export async function addWalkIn(db: Kysely<DB>, { network, gatheringId }: { network: Network; gatheringId: number }, input: { name: string; email: string; company: string; org_number: string | null }) {
	return db.transaction().execute(async (trx) => {
		const existing = await trx.selectFrom('registration').select('id').where('gathering_id', '=', gatheringId).where('email', '=', input.email).executeTakeFirst()
		if (existing) {
			await trx.updateTable('registration').set({ status: 'registered', checked_in_at: now(), cancelled_at: null }).where('id', '=', existing.id).execute()
			return existing.id
		}
		const organisationId = input.org_number ? await prospectFor(trx, network.id, input.org_number, input.company) : null
		const { id } = await trx
			.insertInto('registration')
			.values({
				gathering_id: gatheringId,
				...input,
				organisation_id: organisationId,
				status: 'registered',
				walk_in: 1,
				manage_token_hash: hashToken(randomBytes(24).toString('base64url')),
				checked_in_at: now(),
				created_at: now(),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		return id
	})
}

const checkedIn = prepared((db, p: { gatheringId: number }) =>
	db
		.selectFrom('registration as r')
		.leftJoin('organisation as o', 'o.id', 'r.organisation_id')
		.select(['r.id', 'r.name', 'r.show_in_attendance', 'r.company', 'o.name as organisation'])
		.where('r.gathering_id', '=', p.gatheringId)
		.where('r.checked_in_at', 'is not', null)
		.orderBy('r.name'),
)

/** Who came: the companies, and the people who agreed to be shown. */
export async function getAttendance(db: Kysely<DB>, gatheringId: number) {
	const present = await checkedIn(db, { gatheringId })
	const companies = [...new Set(present.map((p) => p.organisation ?? p.company).filter(Boolean))].sort(compareNorwegian)
	return { companies, people: present.filter((p) => p.show_in_attendance === 1).map((p) => ({ id: p.id, name: p.name, company: p.organisation ?? p.company })) }
}

/** The gathering's documents (minutes, slides), by name. */
export const listDocuments = prepared((db, p: { gatheringId: number }) =>
	db
		.selectFrom('gathering_document as d')
		.innerJoin('file as f', 'f.id', 'd.file_id')
		.select(['f.id', 'f.name', 'f.size', 'f.content_type'])
		.where('d.gathering_id', '=', p.gatheringId)
		.orderBy('f.name'),
)

export async function addDocument(trx: Kysely<DB>, gatheringId: number, fileId: number) {
	await trx.insertInto('gathering_document').values({ gathering_id: gatheringId, file_id: fileId }).execute()
}

/** The person's calendar feed secret, made on first use. */
export async function getCalendarToken(db: Kysely<DB>, personId: number) {
	const person = await db.selectFrom('person').select('calendar_token').where('id', '=', personId).executeTakeFirstOrThrow()
	if (person.calendar_token) return person.calendar_token
	const token = randomBytes(24).toString('base64url')
	await db.updateTable('person').set({ calendar_token: token }).where('id', '=', personId).where('calendar_token', 'is', null).execute()
	return (await db.selectFrom('person').select('calendar_token').where('id', '=', personId).executeTakeFirstOrThrow()).calendar_token!
}

/** Whom a calendar feed token belongs to, if they take part in the network. */
export async function personForCalendarToken(db: Kysely<DB>, { networkId, token }: { networkId: number; token: string }) {
	// A token is base64url; anything else is nobody's (and a NUL would fail PostgreSQL's query).
	if (!/^[\w-]{1,64}$/.test(token)) return undefined
	return db
		.selectFrom('person as p')
		.select(['p.id', 'p.lang'])
		.where('p.calendar_token', '=', token)
		.where((eb) => eb.exists(eb.selectFrom('membership as m').select('m.person_id').whereRef('m.person_id', '=', 'p.id').where('m.network_id', '=', networkId)))
		.executeTakeFirst()
}

/** Published and cancelled gatherings for a calendar feed; members see members-only ones too. */
export function listCalendarGatherings(db: Kysely<DB>, { networkId, members }: { networkId: number; members: boolean }) {
	let query = db.selectFrom('gathering as g').select(gatheringColumns).where('g.network_id', '=', networkId).where('g.status', '!=', 'draft')
	if (!members) query = query.where('g.audience', '=', 'open')
	return query.orderBy('g.starts_at').execute()
}
