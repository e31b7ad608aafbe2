import { Paragraph, Tag } from '@digdir/designsystemet-react'
import { formatNumber } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import type { QuestionResult } from './surveys.server.ts'

/**
 * What the answers to one question say: a scale's mean and its count for
 * each of 1–5, each choice's count and share, the texts with the company
 * that wrote each, the competences named against what the members offer,
 * with a way to an initiative for each.
 */
export function QuestionResultView({ result: r, network, addInitiatives }: { result: QuestionResult; network: string; addInitiatives: boolean }) {
	const t = useT()
	const lang = useLang()
	const n = (x: number) => formatNumber(lang, x)
	const share = (count: number) => (r.answered === 0 ? '–' : `${n(Math.round((count / r.answered) * 100))} %`)
	const answered = <Paragraph data-size="sm">{t('surveyAdmin.answered', { count: r.answered })}</Paragraph>
	switch (r.kind) {
		case 'scale':
		case 'choice':
		case 'multi': {
			const rows = r.kind === 'scale' ? r.counts.map((count, i) => ({ option: String(i + 1), count })) : r.counts
			return (
				<>
					{answered}
					{r.kind === 'scale' && r.mean !== null ? <Paragraph>{t('surveyAdmin.mean', { mean: n(Math.round(r.mean * 10) / 10) })}</Paragraph> : null}
					<Table data-size="sm">
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('surveyAdmin.answer')}</Table.HeaderCell>
								<Table.HeaderCell>{t('surveyAdmin.count')}</Table.HeaderCell>
								<Table.HeaderCell>{t('surveyAdmin.share')}</Table.HeaderCell>
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{rows.map((row) => (
								<Table.Row key={row.option}>
									<Table.HeaderCell scope="row">{row.option}</Table.HeaderCell>
									<Table.Cell>{n(row.count)}</Table.Cell>
									<Table.Cell>{share(row.count)}</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				</>
			)
		}
		case 'text':
			return (
				<>
					{answered}
					<ul className="stack">
						{r.texts.map((x, i) => (
							<li key={i}>
								<q>{x.text}</q> <span className="muted">– {x.company}</span>
							</li>
						))}
					</ul>
				</>
			)
		case 'competences':
			return (
				<>
					{answered}
					{r.competences.length === 0 ? null : (
						<Table data-size="sm">
							<Table.Head>
								<Table.Row>
									<Table.HeaderCell>{t('competence.column.competence')}</Table.HeaderCell>
									<Table.HeaderCell>{t('surveyAdmin.namedBy')}</Table.HeaderCell>
									<Table.HeaderCell>{t('surveyAdmin.offeredBy')}</Table.HeaderCell>
									{addInitiatives ? <Table.HeaderCell>{t('surveyAdmin.initiative')}</Table.HeaderCell> : null}
								</Table.Row>
							</Table.Head>
							<Table.Body>
								{r.competences.map((c) => (
									<Table.Row key={c.competence}>
										<Table.HeaderCell scope="row">{c.competence}</Table.HeaderCell>
										<Table.Cell>{n(c.count)}</Table.Cell>
										<Table.Cell>{c.offeredBy.length === 0 ? <Tag data-color="warning">{t('competence.gap')}</Tag> : c.offeredBy.map((o) => o.name).join(', ')}</Table.Cell>
										{addInitiatives ? (
											<Table.Cell>
												<AppLink to={`/n/${network}/kompetanse/nytt-tiltak?kompetanse=${encodeURIComponent(c.competence)}`} aria-label={t('initiative.addFor', { competence: c.competence })}>
													{t('initiative.add')}
												</AppLink>
											</Table.Cell>
										) : null}
									</Table.Row>
								))}
							</Table.Body>
						</Table>
					)}
				</>
			)
	}
}
