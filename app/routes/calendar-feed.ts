import type { Route } from './+types/calendar-feed'
import { calendarFor } from '#app/features/gatherings/calendar.ts'
import { listCalendarGatherings, personForCalendarToken } from '#app/features/gatherings/gatherings.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse } from '#app/platform/guard.server.ts'

// The network's calendar feed. Calendar programs send no cookies, so a
// member's feed address carries their personal token (and the feed is named
// in the member's language); without one the feed has the open gatherings
// only, named in bokmål.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const db = getDb(context)
	const url = new URL(request.url)
	const token = url.searchParams.get('token')
	const person = token ? await personForCalendarToken(db, { networkId: network.id, token }) : undefined
	invariantResponse(!token || person, 'error.notFound.title', { status: 404 })
	const gatherings = await listCalendarGatherings(db, { networkId: network.id, members: Boolean(person) })
	const ics = calendarFor({ name: networkName(network, person?.lang ?? 'nb'), gatherings, urlFor: (id) => `${url.origin}/n/${network.slug}/samlinger/${id}` })
	return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, max-age=300' } })
}
