import type { Route } from './+types/goals-pdf'
import { goalReport } from '#app/features/goals/goals.server.ts'
import { goalSummaries, HISTORY_COLUMNS, IDEA_STAGES, monthName } from '#app/features/goals/summary.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { placeName } from '#app/features/partners/countries.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest, translator } from '#app/platform/i18n.ts'
import { renderPdf } from '#app/platform/pdf.server.ts'
import { now, osloDate } from '#app/platform/time.ts'

// The status report for the steering group and the funder: the goals page on paper, with the competence gaps and the partners named.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	const db = getDb(context)
	const { progress, history } = await goalReport(db, { network, viewer })
	const lang = langFromRequest(request)
	const t = translator(lang)
	const summaries = goalSummaries(t, lang, progress)
	const name = networkName(network, lang)
	const pdf = await renderPdf(`${t('goals.reportTitle')}: ${name}`, (doc) => {
		doc.fontSize(10).fillColor('#555').text(`${name} · ${t('goals.reportTitle')} ${t('goals.asOf', { date: formatDateTime(lang, now(), 'date') })}`)
		doc.moveDown(0.5).fontSize(20).fillColor('#000').text(t('goals.title'))
		const part = (heading: string, lines: string[]) => {
			doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(heading)
			for (const line of lines) doc.font('Helvetica').fontSize(10).text(line)
		}
		part(t('goals.acquaintance'), summaries.acquaintance)
		part(t('goals.ideas'), [...summaries.ideas, IDEA_STAGES.map((s) => `${t(`ideas.stage.${s}`)}: ${progress.ideas.stages[s]}`).join(' · ')])
		part(t('competence.title'), [...summaries.competence, `${t('goals.gapsList')}: ${progress.competence.gaps.join(', ') || '–'}`])
		part(
			t('partners.title'),
			[
				...summaries.partners,
				...progress.partners.list.map((p) =>
					[p.name, placeName(lang, p), t(`partner.stage.${p.stage}`), p.latest_activity ? t('goals.latest', { date: formatDateTime(lang, p.latest_activity, 'date') }) : null].filter(Boolean).join(' · '),
				),
			],
		)
		part(t('goals.history'), [t('goals.historyIntro'), ...history.map((h) => `${monthName(lang, h.month)}: ${HISTORY_COLUMNS.map((c) => `${t(`goals.column.${c}`)} ${h[c]}`).join(' · ')}`)])
	})
	return new Response(new Uint8Array(pdf), {
		headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="statusrapport-${osloDate()}.pdf"`, 'Cache-Control': 'private, no-store' },
	})
}
