import type { Route } from './+types/admin-gathering-csv'
import { toCsv } from '#app/features/gatherings/csv.ts'
import { listRegistrations } from '#app/features/gatherings/gatherings.server.ts'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest, translator } from '#app/platform/i18n.ts'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: true })
	const lang = langFromRequest(request)
	const t = translator(lang)
	const rows = await listRegistrations(getDb(context), { gatheringId: gathering.id })
	const csv = toCsv([
		[t('registration.name'), t('registration.email'), t('registration.phone'), t('registration.company'), t('registration.orgNumber'), t('registration.jobTitle'), t('registration.dietary'), 'Status', t('gatheringAdmin.attended'), t('gatheringAdmin.registered')],
		...rows.map((r) => [
			r.name,
			r.email,
			r.phone,
			r.organisation ?? r.company,
			r.org_number,
			r.job_title,
			r.dietary,
			t(`registration.status.${r.status}`),
			r.checked_in_at ? formatDateTime(lang, r.checked_in_at) : '',
			formatDateTime(lang, r.created_at),
		]),
	])
	return new Response(csv, {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="deltakere-samling-${gathering.id}.csv"` },
	})
}
