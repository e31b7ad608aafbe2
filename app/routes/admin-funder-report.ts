import type { Route } from './+types/admin-funder-report'
import { funderReport } from '#app/features/goals/funder-report.server.ts'
import { goalSummaries } from '#app/features/goals/summary.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, formatNumber, langFromRequest, translator } from '#app/platform/i18n.ts'
import { renderPdf } from '#app/platform/pdf.server.ts'

// The report to the funder: the agreement's plan against what is done, and the goals. Company by company hours and money: the project leader's.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const viewer = requireViewer(context, request, network.id)
	const report = await funderReport(getDb(context), { network, viewer })
	const lang = langFromRequest(request)
	const t = translator(lang)
	const name = networkName(network, lang)
	const day = (value: string) => formatDateTime(lang, value, 'date')
	const number = (n: number) => formatNumber(lang, Math.round(n * 10) / 10)
	const summaries = goalSummaries(t, lang, report.goals.progress)
	const pdf = await renderPdf(`${t('funderReport.title')}: ${name}`, (doc) => {
		doc.fontSize(10).fillColor('#555').text(`${name} · ${t('goals.asOf', { date: day(report.asOf) })}`)
		doc.moveDown(0.5).fontSize(20).fillColor('#000').text(t('funderReport.title'))
		const part = (heading: string, lines: string[]) => {
			doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(heading)
			for (const line of lines) doc.font('Helvetica').fontSize(10).text(line)
		}
		if (report.plan === null) {
			part(t('funderReport.planned'), [t('funderReport.noAgreement')])
		} else {
			const { plan, done, companies } = report
			part(t('funderReport.planned'), [
				t('funderReport.agreement', { version: plan.version, from: day(plan.from), to: day(plan.to) }),
				t('funderReport.companies', { count: plan.companies }),
				t('funderReport.gatherings', { done: done.gatherings.length, planned: plan.gatherings, present: done.present }),
				t('funderReport.hours', { done: number(done.hours), planned: number(plan.hours), value: number(done.valueNok) }),
				t('funderReport.contribution', { invoiced: number(done.invoiced), paid: number(done.paid), planned: number(plan.contribution) }),
			])
			part(t('funderReport.byCompany'), companies.length === 0 ? ['–'] : companies.map((c) => t('funderReport.company', { name: c.name, done: number(c.hours), planned: number(c.planned) })))
			part(t('funderReport.heldGatherings'), done.gatherings.length === 0 ? ['–'] : done.gatherings.map((g) => t('funderReport.gathering', { date: day(g.starts_at), title: g.title, present: g.present })))
		}
		part(t('goals.acquaintance'), summaries.acquaintance)
		part(t('goals.ideas'), summaries.ideas)
		part(t('competence.title'), summaries.competence)
		part(t('partners.title'), summaries.partners)
		part(
			t('funderReport.surveys'),
			report.surveys.length === 0
				? [t('funderReport.noSurveys')]
				: report.surveys.map((r) => t('funderReport.scale', { survey: r.survey, date: day(r.opened_at), question: r.question, mean: r.mean === null ? '–' : number(r.mean), count: r.answers })),
		)
	})
	return new Response(new Uint8Array(pdf), {
		headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="rapport-innovasjon-norge-${report.asOf}.pdf"`, 'Cache-Control': 'private, no-store' },
	})
}
