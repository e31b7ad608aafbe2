import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { DIALECTS, createTestDatabase } from '#tests/support/databases.ts'
import { createNetwork } from '#tests/support/factories.ts'
import { saveFile } from '#app/platform/files.server.ts'
import { inMinutes } from '#app/platform/time.ts'
import {
	addDocument,
	addWalkIn,
	cancelRegistration,
	createGathering,
	getAttendance,
	getGathering,
	getOwnRegistration,
	listDocuments,
	nextGathering,
	registerForGathering,
	sendDueReminders,
	setCheckedIn,
	updateGathering,
	type RegistrationInput,
} from './gatherings.server.ts'

const origin = 'http://localhost:3000'
const visitor = (n: number, overrides: Partial<RegistrationInput> = {}): RegistrationInput => ({
	name: `Besøkende ${n}`,
	email: `besok${n}@bedrift.no`,
	phone: '',
	company: `Bedrift ${n} AS`,
	org_number: null,
	job_title: '',
	dietary: '',
	show_in_attendance: false,
	person_id: null,
	organisation_id: null,
	...overrides,
})

for (const dialect of DIALECTS) {
	describe(`gatherings on ${dialect}`, () => {
		let db: Kysely<DB>
		let drop: () => Promise<void>
		let network: { id: number; slug: string; name: string; name_en: string }
		beforeEach(async () => {
			;({ db, drop } = await createTestDatabase(dialect))
			network = { id: await createNetwork(db, { slug: 'ikt' }), slug: 'ikt', name: 'IKT-nettverket', name_en: 'The ICT network' }
		})
		afterEach(() => drop())

		async function gathering(capacity: number | null, startsInHours = 24 * 10) {
			const id = await createGathering(
				db,
				network.id,
				{ title: 'Første samling', description: '', location: 'Lillehammer', starts_at: inMinutes(startsInHours * 60), ends_at: inMinutes(startsInHours * 60 + 240), audience: 'open', capacity, registration_deadline: null },
				[{ time: '09:00', title: 'Velkommen', speaker: 'Kari' }],
			)
			await updateGathering(db, id, { status: 'published' })
			return (await getGathering(db, { networkId: network.id, gatheringId: id }))!
		}
		const register = async (g: Awaited<ReturnType<typeof gathering>>, input: RegistrationInput) => registerForGathering(db, { network, gathering: g, origin, lang: 'nb' }, input)
		const statuses = async (gatheringId: number) =>
			(await db.selectFrom('registration').select(['email', 'status']).where('gathering_id', '=', gatheringId).orderBy('id').execute()).map((r) => `${r.email}:${r.status}`)

		test('people racing for the last seats: exactly the capacity gets seats, the rest the waitlist', async () => {
			const g = await gathering(3)
			const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => register(g, visitor(n))))
			expect(results.filter((r) => r.outcome === 'registered')).toHaveLength(3)
			expect(results.filter((r) => r.outcome === 'waitlisted')).toHaveLength(3)
			const counts = await getGathering(db, { networkId: network.id, gatheringId: g.id })
			expect([counts!.registered, counts!.waitlisted]).toEqual([3, 3])
			// Every registration got its e-mail; seated people got a calendar invitation.
			const mails = await db.selectFrom('outbox').select(['subject', 'ics']).execute()
			expect(mails.filter((m) => m.subject.startsWith('Påmeldt') && m.ics?.includes('UID:gathering-')).length).toBe(3)
			expect(mails.filter((m) => m.subject.startsWith('Venteliste') && m.ics === null).length).toBe(3)
		})

		test("the project leader's next gathering: the soonest published one not yet over, with its seats counted", async () => {
			expect(await nextGathering(db, network.id)).toBeUndefined()
			const later = await gathering(2, 24 * 30)
			const sooner = await gathering(2, 24 * 5)
			await gathering(2, -24) // ended yesterday
			// A draft, sooner than all of them.
			await createGathering(db, network.id, { title: 'Utkast', description: '', location: '', starts_at: inMinutes(60), ends_at: inMinutes(120), audience: 'open', capacity: null, registration_deadline: null }, [])
			for (const n of [1, 2, 3]) await register(sooner, visitor(n))
			expect(await nextGathering(db, network.id)).toEqual({ id: sooner.id, title: 'Første samling', starts_at: sooner.starts_at, capacity: 2, registered: 2, waitlisted: 1 })
			await updateGathering(db, sooner.id, { status: 'cancelled' })
			expect((await nextGathering(db, network.id))?.id).toBe(later.id)
		})

		test('registering twice does nothing new', async () => {
			const g = await gathering(null)
			expect(await register(g, visitor(1))).toEqual({ outcome: 'registered', status: 'registered' })
			expect(await register(g, visitor(1, { name: 'Et annet navn' }))).toEqual({ outcome: 'already', status: 'registered' })
			expect(await statuses(g.id)).toEqual(['besok1@bedrift.no:registered'])
			expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(1)
		})

		test('a registration keeps the language it was made in: its waitlist mail, the freed seat and the reminder are written in it', async () => {
			const g = await gathering(1, 40)
			await register(g, visitor(1))
			await registerForGathering(db, { network, gathering: g, origin, lang: 'en' }, visitor(2))
			const first = await db.selectFrom('registration').select('id').where('email', '=', 'besok1@bedrift.no').executeTakeFirstOrThrow()
			// Cancelled through a page read in bokmål; the seat goes to someone who reads English.
			expect(await cancelRegistration(db, { network, gathering: g, origin }, first.id)).toBe(true)
			expect(await sendDueReminders(db, { origin })).toBe(1)
			const mails = await db.selectFrom('outbox').select(['recipient', 'subject', 'ics']).where('recipient', '=', 'besok2@bedrift.no').orderBy('id').execute()
			expect(mails.map((m) => m.subject)).toEqual(['Waitlist: Første samling', 'You have a seat: Første samling', 'Reminder: Første samling'])
			// The calendar invitation with the seat is named by the network's English name.
			expect(mails[1]!.ics).toContain('X-WR-CALNAME:The ICT network\r\n')
		})

		test('a cancellation moves the first on the waitlist up, with an e-mail', async () => {
			const g = await gathering(1)
			await register(g, visitor(1))
			await register(g, visitor(2))
			await register(g, visitor(3))
			const first = await db.selectFrom('registration').select('id').where('email', '=', 'besok1@bedrift.no').executeTakeFirstOrThrow()
			expect(await cancelRegistration(db, { network, gathering: g, origin }, first.id)).toBe(true)
			expect(await cancelRegistration(db, { network, gathering: g, origin }, first.id)).toBe(false)
			expect(await statuses(g.id)).toEqual(['besok1@bedrift.no:cancelled', 'besok2@bedrift.no:registered', 'besok3@bedrift.no:waitlisted'])
			const promoted = await db.selectFrom('outbox').select(['recipient', 'subject']).where('subject', 'like', 'Du har fått plass%').execute()
			expect(promoted).toEqual([{ recipient: 'besok2@bedrift.no', subject: 'Du har fått plass: Første samling' }])
		})

		test('a company the network does not know is added as a prospect', async () => {
			const g = await gathering(null)
			await register(g, visitor(1, { company: 'Fjellkode AS', org_number: '923609016' }))
			await register(g, visitor(2, { company: 'Fjellkode AS', org_number: '923609016' }))
			const prospects = await db
				.selectFrom('network_organisation as no')
				.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
				.select(['o.name', 'no.status'])
				.where('no.network_id', '=', network.id)
				.execute()
			expect(prospects).toEqual([{ name: 'Fjellkode AS', status: 'prospect' }])
		})

		test('reminders go out once, two days before, however many workers run', async () => {
			const soon = await gathering(null, 40)
			const later = await gathering(null, 24 * 5)
			await register(soon, visitor(1))
			await register(soon, visitor(2))
			await register(later, visitor(3))
			const sent = await Promise.all([1, 2, 3].map(() => sendDueReminders(db, { origin })))
			expect(sent.reduce((a, b) => a + b, 0)).toBe(2)
			expect(await sendDueReminders(db, { origin })).toBe(0)
			const reminders = await db.selectFrom('outbox').select('recipient').where('subject', 'like', 'Påminnelse%').orderBy('recipient').execute()
			expect(reminders.map((r) => r.recipient)).toEqual(['besok1@bedrift.no', 'besok2@bedrift.no'])
		})

		test('check-in and walk-ins make the attendance; only those who agreed are named; a participant sees their own registration and the documents', async () => {
			const g = await gathering(2)
			await register(g, visitor(1, { show_in_attendance: true }))
			await register(g, visitor(2))
			const [one, two] = await db.selectFrom('registration').select('id').where('gathering_id', '=', g.id).orderBy('id').execute()
			expect(await setCheckedIn(db, { gatheringId: g.id, registrationId: one!.id, present: true })).toBe(true)
			expect(await setCheckedIn(db, { gatheringId: g.id + 1, registrationId: two!.id, present: true })).toBe(false)
			await addWalkIn(db, { network, gatheringId: g.id }, { name: 'Walk In', email: 'walk@in.no', company: 'Åsen AS', org_number: null })
			await addWalkIn(db, { network, gatheringId: g.id }, { name: 'Walk Inn', email: 'walk@inn.no', company: 'Ørnen AS', org_number: null })
			const slides = await saveFile(db, { networkId: network.id, name: 'Lysark.pdf', contentType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) })
			const minutes = await saveFile(db, { networkId: network.id, name: 'Referat.pdf', contentType: 'application/pdf', bytes: new Uint8Array([37, 80]) })
			await addDocument(db, g.id, slides)
			await addDocument(db, g.id, minutes)
			const attendance = await getAttendance(db, g.id)
			// In Norwegian order, Ø before Å.
			expect(attendance.companies).toEqual(['Bedrift 1 AS', 'Ørnen AS', 'Åsen AS'])
			expect(attendance.people).toEqual([{ id: one!.id, name: 'Besøkende 1', company: 'Bedrift 1 AS' }])
			expect(await listDocuments(db, { gatheringId: g.id })).toEqual([
				{ id: slides, name: 'Lysark.pdf', size: 4, content_type: 'application/pdf' },
				{ id: minutes, name: 'Referat.pdf', size: 2, content_type: 'application/pdf' },
			])
			expect(await getOwnRegistration(db, { gatheringId: g.id, email: visitor(2).email })).toEqual({ id: two!.id, status: 'registered' })
			expect(await getOwnRegistration(db, { gatheringId: g.id, email: 'ikke@meldt.no' })).toBeUndefined()
			const counts = await getGathering(db, { networkId: network.id, gatheringId: g.id })
			expect({ registered: counts!.registered, attended: counts!.attended, noShow: counts!.noShow }).toEqual({ registered: 4, attended: 3, noShow: 1 })
		})

		test('a change raises the sequence that calendars go by', async () => {
			const g = await gathering(null)
			await updateGathering(db, g.id, { status: 'cancelled' })
			const after = await getGathering(db, { networkId: network.id, gatheringId: g.id })
			expect(after!.sequence).toBe(g.sequence + 1)
			expect(after!.status).toBe('cancelled')
		})
	})
}
