import type { RouterContextProvider } from 'react-router'
import { getDb, invariantResponse } from '#app/platform/guard.server.ts'
import { getNetworkBySlug } from './networks.server.ts'

/** The network a route's `:network` names, or a 404. */
export async function requireNetwork(context: Readonly<RouterContextProvider>, slug: string) {
	const network = await getNetworkBySlug(getDb(context), slug)
	invariantResponse(network, 'error.notFound.title', { status: 404 })
	return network
}

/** A route's numeric id parameter, or a 404 for anything else. */
export function requireId(value: string | undefined): number {
	const id = Number(value)
	invariantResponse(Number.isSafeInteger(id) && id > 0, 'error.notFound.title', { status: 404 })
	return id
}
