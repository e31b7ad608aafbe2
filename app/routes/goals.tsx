import type { ReactNode } from 'react'
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/goals'
import { goalReport } from '#app/features/goals/goals.server.ts'
import { goalSummaries, HISTORY_COLUMNS, IDEA_STAGES, monthName } from '#app/features/goals/summary.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { Table } from '#app/ui/table.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

// The pre-project's four goals, each measured from the data: the page a steering group and a funder ask for.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	const lang = langFromRequest(request)
	const db = getDb(context)
	const { progress, history } = await goalReport(db, { network, viewer })
	// Months are named here, in the reader's language, as the server says them.
	return { network: networkName(network, lang), progress, history: history.map((h) => ({ ...h, label: monthName(lang, h.month) })) }
}

function Goal({ heading, lines, children }: { heading: string; lines: string[]; children: ReactNode }) {
	return (
		<li>
			<Card>
				<Heading level={2} data-size="sm">
					{heading}
				</Heading>
				{lines.map((line) => (
					<Paragraph key={line}>{line}</Paragraph>
				))}
				{children}
			</Card>
		</li>
	)
}

export default function Goals({ loaderData: { network, progress, history }, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}`
	const summaries = goalSummaries(t, lang, progress)
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('goals.title')}
			</Heading>
			<Paragraph>{t('goals.intro', { network })}</Paragraph>
			<Paragraph>
				<Link href={`${base}/maal/rapport.pdf`} download>
					{t('goals.report')}
				</Link>
				{' · '}
				<Link href={`${base}/maal/utvikling.csv`} download>
					{t('goals.csv')}
				</Link>
			</Paragraph>
			<ol className="grid plain-list">
				<Goal heading={t('goals.acquaintance')} lines={summaries.acquaintance}>
					<Paragraph>
						<AppLink to={`${base}/kart`}>{t('nav.map')}</AppLink> · <AppLink to={`${base}/tillit`}>{t('nav.trust')}</AppLink>
					</Paragraph>
				</Goal>
				<Goal heading={t('goals.ideas')} lines={summaries.ideas}>
					<ul className="plain-list">
						{IDEA_STAGES.map((s) => (
							<li key={s}>
								{t(`ideas.stage.${s}`)}: {progress.ideas.stages[s]}
							</li>
						))}
					</ul>
					<Paragraph>
						<AppLink to={`${base}/ideer`}>{t('nav.ideas')}</AppLink>
					</Paragraph>
				</Goal>
				<Goal heading={t('competence.title')} lines={summaries.competence}>
					<Paragraph>
						<AppLink to={`${base}/kompetanse`}>{t('competence.title')}</AppLink>
					</Paragraph>
				</Goal>
				<Goal heading={t('partners.title')} lines={summaries.partners}>
					<Paragraph>
						<AppLink to={`${base}/fagmiljoer`}>{t('partners.title')}</AppLink>
					</Paragraph>
				</Goal>
			</ol>
			<section className="stack" aria-labelledby="history">
				<Heading level={2} data-size="md" id="history">
					{t('goals.history')}
				</Heading>
				<Paragraph>{t('goals.historyIntro')}</Paragraph>
				<Table>
					<Table.Head>
						<Table.Row>
							<Table.HeaderCell>{t('goals.column.month')}</Table.HeaderCell>
							{HISTORY_COLUMNS.map((c) => (
								<Table.HeaderCell key={c}>{t(`goals.column.${c}`)}</Table.HeaderCell>
							))}
						</Table.Row>
					</Table.Head>
					<Table.Body>
						{history.map((h) => (
							<Table.Row key={h.month}>
								<Table.HeaderCell scope="row">{h.label}</Table.HeaderCell>
								{HISTORY_COLUMNS.map((c) => (
									<Table.Cell key={c}>{h[c]}</Table.Cell>
								))}
							</Table.Row>
						))}
					</Table.Body>
				</Table>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'goals.title')
