import type { Route } from './+types/agreement-pdf'
import { getAcceptance } from '#app/features/commitment/agreements.server.ts'
import { signedAgreementPdf } from '#app/features/commitment/pdf.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'

// The signed agreement, for the company that signed it and the project leader.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const acceptance = await getAcceptance(getDb(context), { networkId: network.id, acceptanceId: requireId(params.acceptanceId) })
	const actor = context.get(actorContext)
	const allowed = acceptance && (can(actor, 'manage:commitment', { networkId: network.id }) || can(actor, 'accept:agreement', { networkId: network.id, organisationId: acceptance.organisation_id }))
	invariantResponse(allowed, 'error.notFound.title', { status: 404 })
	const pdf = await signedAgreementPdf(acceptance!, langFromRequest(request))
	return new Response(new Uint8Array(pdf), {
		headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="deltakeravtale-v${acceptance!.version}-${acceptance!.org_number ?? acceptance!.organisation_id}.pdf"` },
	})
}
