import type { Insertable, Kysely } from 'kysely'
import type { DB, Role } from '#db/schema.ts'
import { addPerson, createOrganisation, type OrganisationInput } from '#app/features/directory/directory.server.ts'

let sequence = 0
const next = () => ++sequence

export async function createNetwork(db: Kysely<DB>, overrides: Partial<Insertable<DB['network']>> = {}) {
	const n = next()
	const { id } = await db
		.insertInto('network')
		.values({
			slug: `nettverk-${n}`,
			name: `Nettverk ${n}`,
			name_en: `Network ${n}`,
			region: 'Innlandet',
			phase: 'pre_project',
			about_nb: 'Om nettverket.',
			about_en: 'About the network.',
			created_at: new Date().toISOString(),
			...overrides,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return id
}

export async function createCompany(db: Kysely<DB>, networkId: number, overrides: Partial<OrganisationInput> = {}) {
	const n = next()
	return createOrganisation(
		db,
		{ networkId, actorId: null },
		{
			org_number: null,
			name: `Bedrift ${n} AS`,
			kind: 'company',
			description: '',
			website: '',
			employees: 10,
			town: 'Lillehammer',
			competences_offered: '',
			competences_wanted: '',
			technologies: '',
			...overrides,
		},
		'member',
	)
}

export async function createPerson(
	db: Kysely<DB>,
	networkId: number,
	overrides: { email?: string; name?: string; organisation_id?: number | null; roles?: Role[] } = {},
) {
	const n = next()
	return addPerson(db, { networkId, actorId: null }, {
		email: overrides.email ?? `person${n}@test.example`,
		name: overrides.name ?? `Person ${n}`,
		organisation_id: overrides.organisation_id ?? null,
		roles: overrides.roles ?? ['member'],
	})
}
