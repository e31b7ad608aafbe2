import type { Route } from './+types/admin-effort-export'
import { listEffort } from '#app/features/commitment/effort.server.ts'
import { ledgerFilterFrom } from '#app/features/commitment/ledger-filter.ts'
import { ledgerPdf } from '#app/features/commitment/pdf.server.ts'
import { toCsv } from '#app/features/gatherings/csv.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest, translator } from '#app/platform/i18n.ts'

// The effort ledger for the project accounts and the auditor: the same rows as the page.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const url = new URL(request.url)
	const lang = langFromRequest(request)
	const t = translator(lang)
	const rows = await listEffort(getDb(context), network.id, ledgerFilterFrom(url.searchParams))
	const ledger = rows.map((r) => ({ ...r, activity: r.activity, description: r.gathering ?? r.description }))
	if (url.searchParams.get('format') === 'pdf') {
		const pdf = await ledgerPdf({ network: networkName(network, lang), rows: ledger, lang, heading: t('ledger.title') })
		return new Response(new Uint8Array(pdf), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="egeninnsats.pdf"' } })
	}
	const csv = toCsv([
		[t('effort.date'), t('effort.person'), t('effort.company'), t('effort.activity'), t('effort.description'), t('effort.hours'), t('effort.rate'), t('effort.value'), 'Status'],
		...ledger.map((r) => [r.date, r.person, r.company, t(`effort.activity.${r.activity}`), r.description, r.hours, r.rate_nok, r.value_nok, t(`effort.status.${r.status}`)]),
	])
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="egeninnsats.csv"' } })
}
