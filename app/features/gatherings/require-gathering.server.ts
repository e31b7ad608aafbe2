import type { RouterContextProvider } from 'react-router'
import { requireId } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse } from '#app/platform/guard.server.ts'
import { getGathering } from './gatherings.server.ts'

/** The gathering a route names, or a 404; drafts exist only for those who plan them. */
export async function requireGathering(context: Readonly<RouterContextProvider>, networkId: number, param: string | undefined, { drafts }: { drafts: boolean }) {
	const gathering = await getGathering(getDb(context), { networkId, gatheringId: requireId(param) })
	invariantResponse(gathering && (drafts || gathering.status !== 'draft'), 'error.notFound.title', { status: 404 })
	return gathering
}

/** Whether registration is closed: the gathering is cancelled, has started, or its deadline has passed. */
export function registrationClosed(gathering: { status: string; starts_at: string; registration_deadline: string | null }, at = new Date().toISOString()) {
	return gathering.status !== 'published' || gathering.starts_at <= at || (gathering.registration_deadline !== null && gathering.registration_deadline <= at)
}
