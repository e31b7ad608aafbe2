import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { getComposition } from '#app/features/commitment/agreements.server.ts'
import { audit } from '#app/platform/audit.server.ts'
import type { MainProjectInput } from './main-project.ts'

/**
 * Whether the network may go on from its pre-project to a main project: its
 * member organisations meet Innovasjon Norge's composition rules, and at
 * least one project idea is qualified or taken on (goal 2 aims at three) —
 * a main project is built on them.
 */
export async function mainProjectReadiness(db: Kysely<DB>, networkId: number) {
	const [composition, ideas] = await Promise.all([
		getComposition(db, networkId),
		// Counted, not listed: a number tells nothing of an idea shown to a few.
		db
			.selectFrom('idea')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('network_id', '=', networkId)
			.where('stage', 'in', ['qualified', 'main_project'])
			.executeTakeFirstOrThrow(),
	])
	const compositionOk = composition.smes.ok && composition.share.ok && composition.ties.ok
	const ideasReady = Number(ideas.count)
	return { composition, compositionOk, ideasReady, ready: compositionOk && ideasReady > 0 }
}

/** The network's phase, and its main project as decided, if it has one. */
export function getMainProject(db: Kysely<DB>, networkId: number) {
	return db
		.selectFrom('network')
		.select(['phase', 'main_project_decided_on as decided_on', 'main_project_starts_on as starts_on', 'main_project_ends_on as ends_on', 'main_project_decision as decision'])
		.where('id', '=', networkId)
		.executeTakeFirstOrThrow()
}

/**
 * Moves the network from its pre-project to its main project, as the
 * steering group decided: refused if it is there already or not ready
 * (`mainProjectReadiness`), checked in the transaction that makes the move.
 */
export async function moveToMainProject(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number }, input: MainProjectInput): Promise<{ ok: true } | { error: 'phase' | 'notReady' }> {
	const { phase } = await getMainProject(trx, networkId)
	if (phase !== 'pre_project') return { error: 'phase' }
	if (!(await mainProjectReadiness(trx, networkId)).ready) return { error: 'notReady' }
	await trx
		.updateTable('network')
		.set({ phase: 'main_project', main_project_decided_on: input.decided_on, main_project_starts_on: input.starts_on, main_project_ends_on: input.ends_on, main_project_decision: input.decision })
		.where('id', '=', networkId)
		.execute()
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'network.mainProject', entity_type: 'network', entity_id: networkId, summary: `${input.starts_on} – ${input.ends_on}` })
	return { ok: true }
}
