import type { ExpressionBuilder, Kysely } from 'kysely'
import type { DB, IdeaAudience, IdeaPartyRole, IdeaStage, Role } from '#db/schema.ts'
import { prepared } from '#db/prepared.ts'
import { checkComposition } from '#app/features/commitment/composition.ts'
import { audit } from '#app/platform/audit.server.ts'
import { translator } from '#app/platform/i18n.ts'
import { enqueueMail } from '#app/platform/mail.server.ts'
import { now } from '#app/platform/time.ts'
import { canMove } from './stages.ts'

/** Who is looking: their person, company and roles in the idea's network. */
export type Viewer = { personId: number; organisationId: number | null; roles: Role[] }

/**
 * The one rule for who sees an idea. Every query that touches ideas goes
 * through it — lists, counts, the page, comments, mentions, the PDF — so a
 * restricted idea never shows up outside its audience.
 *  - members: everyone in the network;
 *  - steering: the steering group, the project leader and the idea's partners;
 *  - named: the named companies only.
 * The author always sees their own idea.
 */
export function visibleTo(viewer: Viewer) {
	return visibility(seenAs(viewer))
}

// What the rule needs to know of the viewer, as values: the same SQL for every
// viewer, so the idea board's query can be built once (decision 018).
type Seen = { personId: number; company: number; steering: number }
function seenAs(viewer: Viewer): Seen {
	const steering = viewer.roles.includes('steering_group') || viewer.roles.includes('project_leader')
	return { personId: viewer.personId, company: viewer.organisationId ?? -1, steering: steering ? 1 : 0 }
}
function visibility(seen: Seen) {
	return (eb: ExpressionBuilder<DB, 'idea'>) =>
		eb.or([
			eb('idea.audience', '=', 'members'),
			eb('idea.author_id', '=', seen.personId),
			eb.and([
				eb('idea.audience', '=', 'steering'),
				eb.or([
					eb(eb.val(seen.steering), '=', 1),
					eb.exists(eb.selectFrom('idea_party').select('idea_party.idea_id').whereRef('idea_party.idea_id', '=', 'idea.id').where('idea_party.organisation_id', '=', seen.company)),
				]),
			]),
			eb.and([eb('idea.audience', '=', 'named'), eb.exists(eb.selectFrom('idea_access').select('idea_access.idea_id').whereRef('idea_access.idea_id', '=', 'idea.id').where('idea_access.organisation_id', '=', seen.company))]),
		])
}

export type IdeaInput = { title: string; problem: string; solution: string; beneficiaries: string; competences: string; audience: IdeaAudience; named: number[] }

/** A new idea, a draft; with the audience "named", the author's own company is always among the named. */
export async function proposeIdea(trx: Kysely<DB>, { networkId, viewer }: { networkId: number; viewer: Viewer }, input: IdeaInput) {
	const { named, ...fields } = input
	const { id } = await trx
		.insertInto('idea')
		.values({ ...fields, network_id: networkId, author_id: viewer.personId, stage: 'draft', created_at: now(), updated_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow()
	if (input.audience === 'named') {
		const companies = [...new Set([...named, ...(viewer.organisationId ? [viewer.organisationId] : [])])]
		if (companies.length) await trx.insertInto('idea_access').values(companies.map((organisation_id) => ({ idea_id: id, organisation_id }))).execute()
	}
	await trx.insertInto('idea_stage_event').values({ idea_id: id, actor_id: viewer.personId, from_stage: null, to_stage: 'draft', reason: '', created_at: now() }).execute()
	await audit(trx, { network_id: networkId, actor_id: viewer.personId, action: 'idea.created', entity_type: 'idea', entity_id: id, summary: input.title })
	return id
}

const ideaBoard = prepared((db, p: Seen & { networkId: number }) =>
	db
		.selectFrom('idea')
		.select(['idea.id', 'idea.title', 'idea.stage', 'idea.audience', 'idea.updated_at'])
		.select((eb) => eb.selectFrom('idea_party').select(eb.fn.countAll<number>().as('n')).whereRef('idea_party.idea_id', '=', 'idea.id').where('idea_party.role', '!=', 'interested').as('parties'))
		.where('idea.network_id', '=', p.networkId)
		.where(visibility(p))
		.orderBy('idea.updated_at', 'desc'),
)

/** The ideas the viewer may see, with their stage and consortium size, for the board. */
export function listIdeas(db: Kysely<DB>, { networkId, viewer }: { networkId: number; viewer: Viewer }) {
	return ideaBoard(db, { networkId, ...seenAs(viewer) })
}

const proposed = prepared((db, p: Seen & { networkId: number }) =>
	db
		.selectFrom('idea')
		.select(['idea.id', 'idea.title'])
		.where('idea.network_id', '=', p.networkId)
		.where('idea.stage', '=', 'proposed')
		.where(visibility(p))
		.orderBy('idea.updated_at', 'desc'),
)

/** The proposed ideas the viewer may see, waiting for the steering group's or the project leader's decision, latest change first. */
export function listProposedIdeas(db: Kysely<DB>, { networkId, viewer }: { networkId: number; viewer: Viewer }) {
	return proposed(db, { networkId, ...seenAs(viewer) })
}

/** One idea, if the viewer may see it, with its consortium, history, comments and decisions. */
export async function getIdea(db: Kysely<DB>, { networkId, viewer, ideaId }: { networkId: number; viewer: Viewer; ideaId: number }) {
	const idea = await db
		.selectFrom('idea')
		.leftJoin('person as author', 'author.id', 'idea.author_id')
		.select(['idea.id', 'idea.title', 'idea.problem', 'idea.solution', 'idea.beneficiaries', 'idea.competences', 'idea.audience', 'idea.stage', 'idea.author_id', 'idea.created_at', 'idea.updated_at', 'author.name as author'])
		.where('idea.network_id', '=', networkId)
		.where('idea.id', '=', ideaId)
		.where(visibleTo(viewer))
		.executeTakeFirst()
	if (!idea) return undefined
	const [parties, named, history, comments, decisions, knowledgePartners] = await Promise.all([
		db
			.selectFrom('idea_party as ip')
			.innerJoin('organisation as o', 'o.id', 'ip.organisation_id')
			.select(['o.id', 'o.name', 'o.kind', 'o.employees', 'o.org_number', 'o.parent_org_number', 'ip.role'])
			.where('ip.idea_id', '=', ideaId)
			.orderBy('ip.role')
			.orderBy('o.name')
			.execute(),
		db.selectFrom('idea_access as a').innerJoin('organisation as o', 'o.id', 'a.organisation_id').select(['o.id', 'o.name']).where('a.idea_id', '=', ideaId).orderBy('o.name').execute(),
		db.selectFrom('idea_stage_event as e').leftJoin('person as p', 'p.id', 'e.actor_id').select(['e.id', 'e.from_stage', 'e.to_stage', 'e.reason', 'e.created_at', 'p.name as actor']).where('e.idea_id', '=', ideaId).orderBy('e.id').execute(),
		db.selectFrom('idea_comment as c').leftJoin('person as p', 'p.id', 'c.author_id').select(['c.id', 'c.body', 'c.created_at', 'p.name as author']).where('c.idea_id', '=', ideaId).orderBy('c.id').execute(),
		db.selectFrom('idea_decision as d').leftJoin('person as p', 'p.id', 'd.recorded_by').select(['d.id', 'd.decided_on', 'd.decision', 'd.reasons', 'p.name as recorded_by']).where('d.idea_id', '=', ideaId).orderBy('d.id').execute(),
		db.selectFrom('idea_knowledge_partner as k').innerJoin('organisation as o', 'o.id', 'k.organisation_id').select(['o.id', 'o.name']).where('k.idea_id', '=', ideaId).orderBy('o.name').execute(),
	])
	const consortium = parties.filter((p) => p.role !== 'interested')
	return { ...idea, parties, named, history, comments, decisions, knowledgePartners, composition: checkComposition(consortium) }
}

/** Adds (or changes) an organisation's part in an idea the viewer can see. */
export async function joinIdea(trx: Kysely<DB>, { networkId, viewer, ideaId }: { networkId: number; viewer: Viewer; ideaId: number }, input: { organisationId: number; role: IdeaPartyRole }) {
	const idea = await trx.selectFrom('idea').select(['id', 'title']).where('network_id', '=', networkId).where('id', '=', ideaId).where(visibleTo(viewer)).executeTakeFirst()
	if (!idea) return false
	await trx.deleteFrom('idea_party').where('idea_id', '=', ideaId).where('organisation_id', '=', input.organisationId).execute()
	await trx.insertInto('idea_party').values({ idea_id: ideaId, organisation_id: input.organisationId, role: input.role, created_at: now() }).execute()
	await trx.updateTable('idea').set({ updated_at: now() }).where('id', '=', ideaId).execute()
	await audit(trx, { network_id: networkId, actor_id: viewer.personId, action: 'idea.joined', entity_type: 'idea', entity_id: ideaId, summary: `${input.organisationId}: ${input.role}` })
	return true
}

export type MoveResult = { ok: true } | { error: 'notFound' | 'notAllowed' }

/** Moves an idea to another stage, if the rules allow this person to; the reason is kept in the history. */
export async function moveIdea(trx: Kysely<DB>, { networkId, viewer, ideaId }: { networkId: number; viewer: Viewer; ideaId: number }, input: { to: IdeaStage; reason: string }): Promise<MoveResult> {
	const idea = await trx.selectFrom('idea').select(['id', 'stage', 'author_id', 'title']).where('network_id', '=', networkId).where('id', '=', ideaId).where(visibleTo(viewer)).executeTakeFirst()
	if (!idea) return { error: 'notFound' }
	if (!canMove(viewer, idea, input.to)) return { error: 'notAllowed' }
	const moved = await trx.updateTable('idea').set({ stage: input.to, updated_at: now() }).where('id', '=', ideaId).where('stage', '=', idea.stage).executeTakeFirst()
	if (Number(moved.numUpdatedRows) !== 1) return { error: 'notAllowed' }
	await trx.insertInto('idea_stage_event').values({ idea_id: ideaId, actor_id: viewer.personId, from_stage: idea.stage, to_stage: input.to, reason: input.reason, created_at: now() }).execute()
	await audit(trx, { network_id: networkId, actor_id: viewer.personId, action: 'idea.moved', entity_type: 'idea', entity_id: ideaId, summary: `${idea.stage} → ${input.to}` })
	return { ok: true }
}

/**
 * A comment on an idea. People named as "@First Last" who can see the idea are
 * notified in the portal and by e-mail, in their own language; nobody else is,
 * even if named.
 */
export async function commentOnIdea(
	db: Kysely<DB>,
	{ network, viewer, ideaId, origin }: { network: { id: number; slug: string }; viewer: Viewer & { name: string }; ideaId: number; origin: string },
	body: string,
) {
	return db.transaction().execute(async (trx) => {
		const idea = await trx.selectFrom('idea').select(['id', 'title']).where('network_id', '=', network.id).where('id', '=', ideaId).where(visibleTo(viewer)).executeTakeFirst()
		if (!idea) return false
		await trx.insertInto('idea_comment').values({ idea_id: ideaId, author_id: viewer.personId, body, created_at: now() }).execute()
		await trx.updateTable('idea').set({ updated_at: now() }).where('id', '=', ideaId).execute()
		const people = await trx
			.selectFrom('person as p')
			.select(['p.id', 'p.name', 'p.email', 'p.organisation_id', 'p.lang'])
			.where('p.id', '!=', viewer.personId)
			.where('p.id', 'in', (eb) => eb.selectFrom('membership as m').select('m.person_id').where('m.network_id', '=', network.id))
			.execute()
		const link = `/n/${network.slug}/ideer/${ideaId}`
		for (const person of people.filter((p) => body.includes(`@${p.name}`))) {
			const roles = (await trx.selectFrom('membership').select('role').where('network_id', '=', network.id).where('person_id', '=', person.id).execute()).map((r) => r.role)
			const sees = await trx.selectFrom('idea').select('id').where('id', '=', ideaId).where(visibleTo({ personId: person.id, organisationId: person.organisation_id, roles })).executeTakeFirst()
			if (!sees) continue
			const t = translator(person.lang)
			const text = t('ideas.mentioned', { name: viewer.name, title: idea.title })
			await trx.insertInto('notification').values({ network_id: network.id, person_id: person.id, text, link, created_at: now() }).execute()
			await enqueueMail(trx, { to: person.email, subject: text, text: t('mail.mentioned.body', { name: person.name, who: viewer.name, title: idea.title, comment: body, url: origin + link }) })
		}
		return true
	})
}

/** The network's evaluation criteria; the default set is made the first time. */
export async function getCriteria(db: Kysely<DB>, networkId: number) {
	const existing = await db.selectFrom('evaluation_criterion').select(['id', 'name', 'weight']).where('network_id', '=', networkId).orderBy('position').execute()
	if (existing.length) return existing
	const defaults: [string, number][] = [
		['Relevans for nettverket', 3],
		['Markedspotensial', 3],
		['Partnernes forpliktelse', 2],
		['Gjennomførbarhet', 2],
		['Kompetanse', 1],
	]
	await db
		.insertInto('evaluation_criterion')
		.values(defaults.map(([name, weight], i) => ({ network_id: networkId, name, weight, position: i + 1 })))
		.onConflict((oc) => oc.doNothing())
		.execute()
	return db.selectFrom('evaluation_criterion').select(['id', 'name', 'weight']).where('network_id', '=', networkId).orderBy('position').execute()
}

/** A steering group member's scores for an idea (1–10 on each criterion, with comments); given again, they replace the earlier ones. */
export async function evaluateIdea(trx: Kysely<DB>, { networkId, viewer, ideaId }: { networkId: number; viewer: Viewer; ideaId: number }, scores: { criterion_id: number; score: number; comment: string }[]) {
	const idea = await trx.selectFrom('idea').select('id').where('network_id', '=', networkId).where('id', '=', ideaId).where(visibleTo(viewer)).executeTakeFirst()
	if (!idea) return false
	const criteria = new Set((await trx.selectFrom('evaluation_criterion').select('id').where('network_id', '=', networkId).execute()).map((c) => c.id))
	if (!scores.every((s) => criteria.has(s.criterion_id))) return false
	await trx.deleteFrom('idea_score').where('idea_id', '=', ideaId).where('evaluator_id', '=', viewer.personId).execute()
	if (scores.length) await trx.insertInto('idea_score').values(scores.map((s) => ({ ...s, idea_id: ideaId, evaluator_id: viewer.personId, created_at: now() }))).execute()
	await audit(trx, { network_id: networkId, actor_id: viewer.personId, action: 'idea.evaluated', entity_type: 'idea', entity_id: ideaId, summary: scores.map((s) => s.score).join(', ') })
	return true
}

export function listScores(db: Kysely<DB>, ideaId: number) {
	return db
		.selectFrom('idea_score as s')
		.innerJoin('person as p', 'p.id', 's.evaluator_id')
		.select(['s.criterion_id', 's.score', 's.comment', 's.evaluator_id', 'p.name as evaluator'])
		.where('s.idea_id', '=', ideaId)
		.orderBy('p.name')
		.execute()
}

export async function recordDecision(trx: Kysely<DB>, { networkId, viewer, ideaId }: { networkId: number; viewer: Viewer; ideaId: number }, input: { decided_on: string; decision: string; reasons: string }) {
	const idea = await trx.selectFrom('idea').select('id').where('network_id', '=', networkId).where('id', '=', ideaId).where(visibleTo(viewer)).executeTakeFirst()
	if (!idea) return false
	await trx.insertInto('idea_decision').values({ ...input, idea_id: ideaId, recorded_by: viewer.personId, created_at: now() }).execute()
	await audit(trx, { network_id: networkId, actor_id: viewer.personId, action: 'idea.decision', entity_type: 'idea', entity_id: ideaId, summary: input.decision })
	return true
}

/** Budget lines and totals: costs, and financing by kind; financing may not exceed costs. */
export async function getBudget(db: Kysely<DB>, ideaId: number) {
	const lines = await db
		.selectFrom('idea_budget_line as b')
		.leftJoin('organisation as o', 'o.id', 'b.organisation_id')
		.select(['b.id', 'b.kind', 'b.label', 'b.amount_nok', 'b.organisation_id', 'o.name as organisation'])
		.where('b.idea_id', '=', ideaId)
		.orderBy('b.kind')
		.orderBy('b.id')
		.execute()
	return { lines, totals: budgetTotals(lines) }
}

export function budgetTotals(lines: { kind: string; amount_nok: number }[]) {
	const sum = (kind: string) => lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amount_nok, 0)
	const costs = sum('cost')
	const financing = sum('own_hours') + sum('cash') + sum('funding')
	return { costs, ownHours: sum('own_hours'), cash: sum('cash'), funding: sum('funding'), financing, gap: costs - financing }
}

/** Adds a budget line unless it would make the financing exceed the costs. */
export async function addBudgetLine(trx: Kysely<DB>, { networkId, viewer, ideaId }: { networkId: number; viewer: Viewer; ideaId: number }, line: { kind: 'cost' | 'own_hours' | 'cash' | 'funding'; label: string; organisation_id: number | null; amount_nok: number }): Promise<{ ok: true } | { error: 'notFound' | 'exceeds' }> {
	const idea = await trx.selectFrom('idea').select('id').where('network_id', '=', networkId).where('id', '=', ideaId).where(visibleTo(viewer)).executeTakeFirst()
	if (!idea) return { error: 'notFound' }
	const { totals } = await getBudget(trx, ideaId)
	const after = line.kind === 'cost' ? totals.financing <= totals.costs + line.amount_nok : totals.financing + line.amount_nok <= totals.costs
	if (!after) return { error: 'exceeds' }
	await trx.insertInto('idea_budget_line').values({ ...line, idea_id: ideaId }).execute()
	return { ok: true }
}

export async function removeBudgetLine(trx: Kysely<DB>, { networkId, viewer, ideaId }: { networkId: number; viewer: Viewer; ideaId: number }, lineId: number): Promise<{ ok: true } | { error: 'notFound' | 'exceeds' }> {
	const idea = await trx.selectFrom('idea').select('id').where('network_id', '=', networkId).where('id', '=', ideaId).where(visibleTo(viewer)).executeTakeFirst()
	if (!idea) return { error: 'notFound' }
	const { lines } = await getBudget(trx, ideaId)
	const line = lines.find((l) => l.id === lineId)
	if (!line) return { error: 'notFound' }
	const rest = budgetTotals(lines.filter((l) => l.id !== lineId))
	if (rest.financing > rest.costs) return { error: 'exceeds' }
	await trx.deleteFrom('idea_budget_line').where('id', '=', lineId).execute()
	return { ok: true }
}

export function listNotifications(db: Kysely<DB>, { networkId, personId }: { networkId: number; personId: number }) {
	return db.selectFrom('notification').select(['id', 'text', 'link', 'read_at', 'created_at']).where('network_id', '=', networkId).where('person_id', '=', personId).orderBy('id', 'desc').limit(50).execute()
}

/** Replaces the network's criteria: kept by id where given, new ones added, missing ones removed with their scores. */
export async function saveCriteria(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number }, criteria: { id?: number; name: string; weight: number }[]) {
	const existing = (await trx.selectFrom('evaluation_criterion').select('id').where('network_id', '=', networkId).execute()).map((c) => c.id)
	const kept = criteria.filter((c) => c.id && existing.includes(c.id))
	const removed = existing.filter((id) => !kept.some((c) => c.id === id))
	if (removed.length) await trx.deleteFrom('evaluation_criterion').where('network_id', '=', networkId).where('id', 'in', removed).execute()
	for (const [position, c] of criteria.entries()) {
		if (c.id && existing.includes(c.id)) {
			await trx.updateTable('evaluation_criterion').set({ name: c.name, weight: c.weight, position }).where('id', '=', c.id).where('network_id', '=', networkId).execute()
		} else {
			await trx.insertInto('evaluation_criterion').values({ network_id: networkId, name: c.name, weight: c.weight, position }).execute()
		}
	}
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'idea.criteria', entity_type: 'idea', entity_id: 0, summary: criteria.map((c) => `${c.name} ×${c.weight}`).join(', ') })
}
