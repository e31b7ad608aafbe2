import type { Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { prepared } from '#db/prepared.ts'
import { addPerson } from '#app/features/directory/directory.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { createLoginLink, LINK_MINUTES } from '#app/platform/auth.server.ts'
import { translator, type Lang } from '#app/platform/i18n.ts'
import { enqueueMail } from '#app/platform/mail.server.ts'

/**
 * Adds a person to the network with a role and e-mails them a sign-in link,
 * in one transaction: no invitation without its person, no person without the
 * mail. Someone new reads the language they were invited in (`lang`, the
 * inviter's page); someone already in Knute reads their own.
 */
export async function invitePerson(
	db: Kysely<DB>,
	{ network, inviter, origin, lang }: { network: { id: number; slug: string; name: string; name_en: string }; inviter: { personId: number; name: string }; origin: string; lang: Lang },
	input: { name: string; email: string; organisation_id: number | null; role: Role },
) {
	return db.transaction().execute(async (trx) => {
		const existingRoles = await trx
			.selectFrom('membership')
			.innerJoin('person', 'person.id', 'membership.person_id')
			.select('membership.role')
			.where('person.email', '=', input.email)
			.where('membership.network_id', '=', network.id)
			.execute()
		const roles = [...new Set([...existingRoles.map((r) => r.role), input.role])]
		const personId = await addPerson(trx, { networkId: network.id, actorId: inviter.personId }, { ...input, roles, lang })
		const reads = (await trx.selectFrom('person').select('lang').where('id', '=', personId).executeTakeFirstOrThrow()).lang
		const t = translator(reads)
		const link = await createLoginLink(trx, { personId, origin, redirectTo: `/n/${network.slug}` })
		await enqueueMail(trx, {
			to: input.email,
			subject: t('mail.invite.subject', { network: networkName(network, reads) }),
			text: t('mail.invite.body', {
				name: input.name,
				inviter: inviter.name,
				network: networkName(network, reads),
				link,
				minutes: LINK_MINUTES,
				login: new URL('/logg-inn', origin).href,
			}),
		})
		return personId
	})
}

/** Everyone with a role in the network, with their roles and employer. */
export async function listPeopleWithRoles(db: Kysely<DB>, networkId: number) {
	const rows = await db
		.selectFrom('membership as m')
		.innerJoin('person as p', 'p.id', 'm.person_id')
		.leftJoin('organisation as o', 'o.id', 'p.organisation_id')
		.select(['p.id', 'p.name', 'p.email', 'o.name as organisation', 'm.role'])
		.where('m.network_id', '=', networkId)
		.orderBy('p.name')
		.orderBy('p.id')
		.execute()
	const people = new Map<number, { id: number; name: string; email: string; organisation: string | null; roles: Role[] }>()
	for (const { role, ...person } of rows) {
		const entry = people.get(person.id) ?? { ...person, roles: [] }
		entry.roles.push(role)
		people.set(person.id, entry)
	}
	return [...people.values()]
}

const networkCounts = prepared((db, p: { networkId: number }) =>
	db.selectNoFrom((eb) => [
		eb.selectFrom('network_organisation').select((sub) => sub.fn.countAll<number>().as('n')).where('network_id', '=', p.networkId).as('organisations'),
		eb.selectFrom('membership').select((sub) => sub.fn.count<number>('person_id').distinct().as('n')).where('network_id', '=', p.networkId).as('people'),
	]),
)
// Members and prospects, each member with whether it has a company contact:
// "one of the company's people has the role", asked per person, so that SQLite
// reads a company's few people and not the whole network's memberships for
// every company (170 → 45 µs at national scale).
const membersAndProspects = prepared((db, p: { networkId: number }) =>
	db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select((eb) => [
			'o.id',
			'o.name',
			'no.status',
			eb
				.exists(
					eb
						.selectFrom('person as p')
						.select('p.id')
						.whereRef('p.organisation_id', '=', 'o.id')
						.where((eb) =>
							eb.exists(
								eb
									.selectFrom('membership as m')
									.select('m.person_id')
									.whereRef('m.person_id', '=', 'p.id')
									.where('m.network_id', '=', p.networkId)
									.where('m.role', '=', 'company_contact'),
							),
						),
				)
				.as('has_contact'),
		])
		.where('no.network_id', '=', p.networkId)
		.where('no.status', 'in', ['member', 'prospect'])
		.orderBy('o.name'),
)

/** What the project leader's home page shows: counts and what needs doing, in two queries. */
export async function getAdminOverview(db: Kysely<DB>, networkId: number) {
	const [[counts], organisations] = await Promise.all([networkCounts(db, { networkId }), membersAndProspects(db, { networkId })])
	const list = (rows: typeof organisations) => rows.map(({ id, name }) => ({ id, name }))
	return {
		organisations: Number(counts!.organisations),
		people: Number(counts!.people),
		withoutContact: list(organisations.filter((o) => o.status === 'member' && !o.has_contact)),
		prospects: list(organisations.filter((o) => o.status === 'prospect')),
	}
}
