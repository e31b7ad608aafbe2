import type { Route } from './+types/admin-survey-csv'
import { getSurvey, responsesCsv } from '#app/features/surveys/surveys.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest, translator } from '#app/platform/i18n.ts'

// A survey's answers for a spreadsheet: one row an answer, one column a question.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:survey', { networkId: network.id })
	const db = getDb(context)
	const found = await getSurvey(db, network.id, requireId(params.surveyId))
	invariantResponse(found, 'error.notFound.title', { status: 404 })
	const lang = langFromRequest(request)
	const t = translator(lang)
	const csv = await responsesCsv(db, found.survey, found.questions, {
		header: [t('surveyAdmin.column.answeredAt'), t('registration.name'), t('registration.email'), t('registration.company')],
		when: (iso) => formatDateTime(lang, iso),
	})
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="undersokelse-${found.survey.id}.csv"`, 'Cache-Control': 'private, no-store' } })
}
