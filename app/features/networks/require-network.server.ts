import { createContext, type RouterContextProvider } from 'react-router'
import { recordId } from '#app/platform/fields.ts'
import { getDb, invariantResponse } from '#app/platform/guard.server.ts'
import { getNetworkBySlug } from './networks.server.ts'

// The network layout and the page below it both need the network; their loaders
// run side by side, so the first to ask starts the lookup and the other awaits it.
// One query a request instead of two (on PostgreSQL a round trip, ~0.2 ms of CPU).
const networkLookups = createContext<Map<string, ReturnType<typeof getNetworkBySlug>> | null>(null)

/**
 * The network a route's `:network` names, or a 404; looked up once a request.
 * The fields it returns (name, phase, texts) are not changed by any action,
 * but for the phase, whose action answers with a redirect (admin-main-project.tsx).
 */
export async function requireNetwork(context: Readonly<RouterContextProvider>, slug: string) {
	let lookups = context.get(networkLookups)
	if (!lookups) context.set(networkLookups, (lookups = new Map()))
	let lookup = lookups.get(slug)
	if (!lookup) lookups.set(slug, (lookup = getNetworkBySlug(getDb(context), slug)))
	const network = await lookup
	invariantResponse(network, 'error.notFound.title', { status: 404 })
	return network
}

/** A route's numeric id parameter (or a form's, read by hand), or a 404 for anything else. */
export function requireId(value: string | undefined): number {
	const id = recordId.safeParse(value).data
	invariantResponse(id, 'error.notFound.title', { status: 404 })
	return id
}
