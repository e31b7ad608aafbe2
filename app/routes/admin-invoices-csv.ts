import type { Route } from './+types/admin-invoices-csv'
import { listInvoices } from '#app/features/commitment/invoices.server.ts'
import { toCsv } from '#app/features/gatherings/csv.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest, translator } from '#app/platform/i18n.ts'
import { osloDate } from '#app/platform/time.ts'

// For the accountant: every invoice record with its dates.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const t = translator(langFromRequest(request))
	const invoices = await listInvoices(getDb(context), { networkId: network.id })
	const csv = toCsv([
		[t('invoices.company'), t('organisation.orgNumber'), t('invoices.period'), t('invoices.amount'), t('invoices.due'), t('invoices.sent'), t('invoices.paid')],
		...invoices.map((i) => [i.company, i.org_number, i.period, i.amount_nok, i.due_date, i.sent_at ? osloDate(i.sent_at) : '', i.paid_at ? osloDate(i.paid_at) : '']),
	])
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="egenandel.csv"' } })
}
