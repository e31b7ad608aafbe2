import { formatNumber, type Lang, type Translate } from '#app/platform/i18n.ts'
import type { GoalProgress } from './goals.server.ts'

export const IDEA_STAGES = ['draft', 'proposed', 'maturing', 'qualified', 'main_project', 'parked'] as const

/** The four goals' progress in sentences, the same on the page and in the status report. */
export function goalSummaries(t: Translate, lang: Lang, p: GoalProgress) {
	const { acquaintance: a } = p
	const number = (n: number) => formatNumber(lang, n)
	const signed = (n: number) => (n > 0 ? '+' : '') + formatNumber(lang, n)
	return {
		acquaintance: [
			t('goals.metPairs', { met: a.metPairs, pairs: a.pairs, share: a.pairs === 0 ? 0 : Math.round((100 * a.metPairs) / a.pairs) }),
			a.trust ? t('goals.trust', { title: a.trust.title, knows: number(a.trust.knows), trusts: number(a.trust.trusts), answers: a.trust.answers }) : t('goals.noTrust'),
			...(a.change ? [t('goals.trustChange', { knows: signed(a.change.knows), trusts: signed(a.change.trusts) })] : []),
		],
		ideas: [t('goals.ideasReady', { count: p.ideas.ready })],
		competence: [
			t('goals.competence', { seeking: p.competence.seeking, companies: p.competence.companies, needs: p.competence.needs, gaps: p.competence.gaps.length }),
			p.competence.survey ? t('goals.survey', { title: p.competence.survey.title, count: p.competence.survey.responses }) : t('goals.noSurvey'),
			t('goals.initiatives', { count: p.competence.initiatives }),
		],
		partners: [t('goals.partners', { count: p.partners.count, abroad: p.partners.abroad, met: p.partners.met, agreements: p.partners.agreements })],
	}
}

/** The columns of the goals' progress over time, the same on the page, in the report and in the CSV file. */
export const HISTORY_COLUMNS = ['pairsMet', 'ideasReady', 'partnersReached', 'initiativesHeld'] as const

const monthFormats = { nb: new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) }

/** A month (YYYY-MM) as the reader says it: "mars 2026" / "March 2026". */
export function monthName(lang: Lang, month: string) {
	return monthFormats[lang].format(new Date(`${month}-15T12:00:00Z`))
}
