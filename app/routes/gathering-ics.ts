import type { Route } from './+types/gathering-ics'
import { calendarFor } from '#app/features/gatherings/calendar.ts'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'

// One gathering as a calendar file: open gatherings for anyone, members-only ones for participants.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: false })
	if (gathering.audience === 'members') requirePermission(context, request, 'read:directory', { networkId: network.id })
	const origin = new URL(request.url).origin
	const ics = calendarFor({ name: networkName(network, langFromRequest(request)), gatherings: [gathering], urlFor: (id) => `${origin}/n/${network.slug}/samlinger/${id}` })
	return new Response(ics, {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="samling-${gathering.id}.ics"` },
	})
}
