import type { Route } from './+types/idea-pdf'
import { getBudget, getIdea } from '#app/features/ideas/ideas.server.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse } from '#app/platform/guard.server.ts'
import { formatNumber, langFromRequest, translator } from '#app/platform/i18n.ts'
import { renderPdf } from '#app/platform/pdf.server.ts'

// One page to start a main-project application from; only for the idea's audience.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	const db = getDb(context)
	const idea = await getIdea(db, { networkId: network.id, viewer, ideaId: requireId(params.ideaId) })
	invariantResponse(idea, 'error.notFound.title', { status: 404 })
	const { totals } = await getBudget(db, idea.id)
	const lang = langFromRequest(request)
	const t = translator(lang)
	const nok = (n: number) => `${formatNumber(lang, n)} kr`
	const pdf = await renderPdf(idea.title, (doc) => {
		doc.fontSize(10).fillColor('#555').text(`${networkName(network, lang)} · ${t(`ideas.stage.${idea.stage}`)}`)
		doc.moveDown(0.5).fontSize(20).fillColor('#000').text(idea.title)
		const part = (heading: string, text: string) => {
			doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).text(heading)
			doc.font('Helvetica').fontSize(10).text(text || '–')
		}
		part(t('ideas.field.problem'), idea.problem)
		part(t('ideas.field.solution'), idea.solution)
		part(t('ideas.field.beneficiaries'), idea.beneficiaries)
		part(t('ideas.field.competences'), idea.competences)
		part(t('ideas.consortium'), idea.parties.map((p) => `${p.name} (${t(`ideas.role.${p.role}`)})`).join(', '))
		part(t('ideas.budget'), `${t('ideas.budget.cost')}: ${nok(totals.costs)}. ${t('ideas.budget.own_hours')}: ${nok(totals.ownHours)}. ${t('ideas.budget.cash')}: ${nok(totals.cash)}. ${t('ideas.budget.funding')}: ${nok(totals.funding)}.`)
		if (idea.decisions.length) part(t('ideas.decisions'), idea.decisions.map((d) => `${d.decided_on}: ${d.decision}`).join('\n'))
	})
	return new Response(new Uint8Array(pdf), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="prosjektide-${idea.id}.pdf"`, 'Cache-Control': 'private, no-store' } })
}
