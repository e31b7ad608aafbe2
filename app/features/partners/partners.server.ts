import type { Kysely } from 'kysely'
import type { DB, PartnerStage } from '#db/schema.ts'
import { createOrganisation } from '#app/features/directory/directory.server.ts'
import { visibleTo, type Viewer } from '#app/features/ideas/ideas.server.ts'
import { audit } from '#app/platform/audit.server.ts'
import { compareNorwegian } from '#app/platform/i18n.ts'
import { now } from '#app/platform/time.ts'
import { HOME } from './countries.ts'
import type { ActivityInput, PartnerInput } from './schemas.ts'

type Actor = { networkId: number; actorId: number | null }

/**
 * The network's knowledge partners by name, each with the day of its latest
 * activity, and how many are abroad and at each stage (goal 4 at a glance).
 */
export async function listPartners(db: Kysely<DB>, networkId: number) {
	const partners = await db
		.selectFrom('knowledge_partner as kp')
		.innerJoin('organisation as o', 'o.id', 'kp.organisation_id')
		.select(['o.id', 'o.name', 'o.kind', 'o.town', 'kp.country', 'kp.stage', 'kp.focus', 'kp.added_stage', 'kp.created_at'])
		.select((eb) =>
			eb
				.selectFrom('partner_activity as a')
				.select((a) => a.fn.max('a.occurred_on').as('latest'))
				.whereRef('a.network_id', '=', 'kp.network_id')
				.whereRef('a.organisation_id', '=', 'kp.organisation_id')
				.as('latest_activity'),
		)
		.where('kp.network_id', '=', networkId)
		.execute()
	partners.sort((a, b) => compareNorwegian(a.name, b.name))
	const stages: Record<PartnerStage, number> = { identified: 0, contacted: 0, met: 0, agreement: 0 }
	for (const p of partners) stages[p.stage]++
	return { partners, abroad: partners.filter((p) => p.country !== HOME).length, stages }
}

/**
 * One partner with its people in the network, its activities (newest first),
 * the competence initiatives it holds and the project ideas it is part of that
 * the viewer may see; undefined if it is not in the network's register.
 */
export async function getPartner(db: Kysely<DB>, { networkId, organisationId, viewer }: { networkId: number; organisationId: number; viewer: Viewer }) {
	const [partner, people, activities, initiatives, ideas] = await Promise.all([
		db
			.selectFrom('knowledge_partner as kp')
			.innerJoin('organisation as o', 'o.id', 'kp.organisation_id')
			.select(['o.id', 'o.name', 'o.kind', 'o.town', 'o.website', 'kp.country', 'kp.stage', 'kp.focus'])
			.where('kp.network_id', '=', networkId)
			.where('kp.organisation_id', '=', organisationId)
			.executeTakeFirst(),
		db
			.selectFrom('person as p')
			.select(['p.id', 'p.name', 'p.title'])
			.where('p.organisation_id', '=', organisationId)
			.where((eb) => eb.exists(eb.selectFrom('membership as m').select('m.person_id').whereRef('m.person_id', '=', 'p.id').where('m.network_id', '=', networkId)))
			.orderBy('p.name')
			.execute(),
		db
			.selectFrom('partner_activity as a')
			.leftJoin('person as p', 'p.id', 'a.person_id')
			.select(['a.id', 'a.occurred_on', 'a.summary', 'a.stage', 'p.name as author'])
			.where('a.network_id', '=', networkId)
			.where('a.organisation_id', '=', organisationId)
			.orderBy('a.occurred_on', 'desc')
			.orderBy('a.id', 'desc')
			.execute(),
		db
			.selectFrom('competence_initiative')
			.select(['id', 'title', 'kind', 'starts_on'])
			.where('network_id', '=', networkId)
			.where('partner_id', '=', organisationId)
			.orderBy('starts_on')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('idea_knowledge_partner as ikp')
			.innerJoin('idea', 'idea.id', 'ikp.idea_id')
			.select(['idea.id', 'idea.title', 'idea.stage'])
			.where('ikp.network_id', '=', networkId)
			.where('ikp.organisation_id', '=', organisationId)
			.where(visibleTo(viewer))
			.orderBy('idea.title')
			.execute(),
	])
	return partner && { ...partner, people, activities, initiatives, ideas }
}

/**
 * Puts an organisation in the network's register. One the network already
 * has by that name (a partner from the start, say) is the one added; its
 * profile stays as its own people wrote it. Otherwise a new partner
 * organisation is made. Refused if the register has it already.
 */
export async function addPartner(trx: Kysely<DB>, actor: Actor, input: PartnerInput): Promise<{ id: number } | { error: 'taken' }> {
	// Compared here, not in SQL: SQLite's lower() leaves Æ, Ø and Å as they are.
	const same = (name: string) => name.toLocaleLowerCase('nb') === input.name.toLocaleLowerCase('nb')
	const inNetwork = await trx
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.leftJoin('knowledge_partner as kp', (join) => join.onRef('kp.organisation_id', '=', 'o.id').on('kp.network_id', '=', actor.networkId))
		.select(['o.id', 'o.name', 'kp.organisation_id as registered'])
		.where('no.network_id', '=', actor.networkId)
		.execute()
	const existing = inNetwork.find((o) => same(o.name))
	if (existing?.registered) return { error: 'taken' }
	const id =
		existing?.id ??
		(await createOrganisation(
			trx,
			actor,
			{ org_number: null, name: input.name, kind: input.kind, description: '', website: input.website, employees: null, town: input.town, competences_offered: '', competences_wanted: '', technologies: '' },
			'partner',
		))
	await trx
		.insertInto('knowledge_partner')
		.values({ network_id: actor.networkId, organisation_id: id, country: input.country, stage: input.stage, added_stage: input.stage, focus: input.focus, created_at: now(), updated_at: now() })
		.execute()
	await audit(trx, { network_id: actor.networkId, actor_id: actor.actorId, action: 'partner.added', entity_type: 'organisation', entity_id: id, summary: input.name })
	return { id }
}

/** What the register itself says of a partner (also whether it is in the register at all); undefined if it is not in the network's register. */
export function getPartnerDetails(db: Kysely<DB>, { networkId, organisationId }: { networkId: number; organisationId: number }) {
	return db
		.selectFrom('knowledge_partner as kp')
		.innerJoin('organisation as o', 'o.id', 'kp.organisation_id')
		.select(['kp.organisation_id', 'o.name', 'kp.country', 'kp.focus'])
		.where('kp.network_id', '=', networkId)
		.where('kp.organisation_id', '=', organisationId)
		.executeTakeFirst()
}

/**
 * Takes a partner out of the register, with its activity log and its place
 * in ideas; the initiatives it held stay, as the network's own. The
 * organisation stays one of the network's partners.
 */
export async function removePartner(trx: Kysely<DB>, actor: Actor, organisationId: number) {
	await trx.updateTable('competence_initiative').set({ partner_id: null }).where('network_id', '=', actor.networkId).where('partner_id', '=', organisationId).execute()
	await trx.deleteFrom('idea_knowledge_partner').where('network_id', '=', actor.networkId).where('organisation_id', '=', organisationId).execute()
	await trx.deleteFrom('partner_activity').where('network_id', '=', actor.networkId).where('organisation_id', '=', organisationId).execute()
	const removed = await trx
		.deleteFrom('knowledge_partner')
		.where('network_id', '=', actor.networkId)
		.where('organisation_id', '=', organisationId)
		.returning((eb) => eb.selectFrom('organisation').select('organisation.name').whereRef('organisation.id', '=', 'knowledge_partner.organisation_id').as('name'))
		.executeTakeFirst()
	if (removed) await audit(trx, { network_id: actor.networkId, actor_id: actor.actorId, action: 'partner.removed', entity_type: 'organisation', entity_id: organisationId, summary: removed.name ?? '' })
}

/** Corrects where a partner is and what the network wants from it. */
export async function updatePartner(trx: Kysely<DB>, actor: Actor, organisationId: number, input: Pick<PartnerInput, 'country' | 'focus'>) {
	await trx
		.updateTable('knowledge_partner')
		.set({ ...input, updated_at: now() })
		.where('network_id', '=', actor.networkId)
		.where('organisation_id', '=', organisationId)
		.execute()
	await audit(trx, { network_id: actor.networkId, actor_id: actor.actorId, action: 'partner.updated', entity_type: 'organisation', entity_id: organisationId, summary: `${input.country}: ${input.focus}`.slice(0, 200) })
}

/** Logs what happened with a partner; a stage other than the partner's moves it there. */
export async function logPartnerActivity(trx: Kysely<DB>, actor: Actor, organisationId: number, input: ActivityInput) {
	const partner = await trx
		.selectFrom('knowledge_partner')
		.select('stage')
		.where('network_id', '=', actor.networkId)
		.where('organisation_id', '=', organisationId)
		.executeTakeFirstOrThrow()
	const moved = input.stage !== partner.stage
	if (moved) {
		await trx
			.updateTable('knowledge_partner')
			.set({ stage: input.stage, updated_at: now() })
			.where('network_id', '=', actor.networkId)
			.where('organisation_id', '=', organisationId)
			.execute()
	}
	await trx
		.insertInto('partner_activity')
		.values({
			network_id: actor.networkId,
			organisation_id: organisationId,
			occurred_on: input.occurred_on,
			summary: input.summary,
			stage: moved ? input.stage : null,
			person_id: actor.actorId,
			created_at: now(),
		})
		.execute()
	if (moved) {
		await audit(trx, { network_id: actor.networkId, actor_id: actor.actorId, action: 'partner.stage', entity_type: 'organisation', entity_id: organisationId, summary: `${partner.stage} → ${input.stage}` })
	}
}

/** Makes a partner part of a project idea the viewer may see; false if the network has no such idea for them. */
export async function linkIdea(trx: Kysely<DB>, actor: Actor & { viewer: Viewer }, organisationId: number, ideaId: number) {
	const idea = await trx.selectFrom('idea').select(['idea.id', 'idea.title']).where('idea.network_id', '=', actor.networkId).where('idea.id', '=', ideaId).where(visibleTo(actor.viewer)).executeTakeFirst()
	if (!idea) return false
	await trx
		.insertInto('idea_knowledge_partner')
		.values({ idea_id: ideaId, network_id: actor.networkId, organisation_id: organisationId, created_at: now() })
		.onConflict((oc) => oc.columns(['idea_id', 'organisation_id']).doNothing())
		.execute()
	await audit(trx, { network_id: actor.networkId, actor_id: actor.actorId, action: 'partner.idea', entity_type: 'idea', entity_id: ideaId, summary: idea.title })
	return true
}

/** Takes a partner out of an idea; false if it was not in it. */
export async function unlinkIdea(trx: Kysely<DB>, actor: Actor, organisationId: number, ideaId: number) {
	const removed = await trx
		.deleteFrom('idea_knowledge_partner')
		.where('network_id', '=', actor.networkId)
		.where('organisation_id', '=', organisationId)
		.where('idea_id', '=', ideaId)
		.returning((eb) => eb.selectFrom('idea').select('idea.title').whereRef('idea.id', '=', 'idea_knowledge_partner.idea_id').as('title'))
		.executeTakeFirst()
	if (!removed) return false
	await audit(trx, { network_id: actor.networkId, actor_id: actor.actorId, action: 'partner.ideaRemoved', entity_type: 'idea', entity_id: ideaId, summary: removed.title ?? '' })
	return true
}
