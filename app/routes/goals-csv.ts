import type { Route } from './+types/goals-csv'
import { goalReport } from '#app/features/goals/goals.server.ts'
import { HISTORY_COLUMNS } from '#app/features/goals/summary.ts'
import { toCsv } from '#app/features/gatherings/csv.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { langFromRequest, translator } from '#app/platform/i18n.ts'

// The goals month by month for a spreadsheet: the table of the goals page.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	const { history } = await goalReport(getDb(context), { network, viewer })
	const t = translator(langFromRequest(request))
	const csv = toCsv([[t('goals.column.month'), ...HISTORY_COLUMNS.map((c) => t(`goals.column.${c}`))], ...history.map((h) => [h.month, ...HISTORY_COLUMNS.map((c) => h[c])])])
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="maaloppnaaelse.csv"', 'Cache-Control': 'private, no-store' } })
}
