import type { ReactNode } from 'react'
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/goals'
import { goalProgress } from '#app/features/goals/goals.server.ts'
import { goalSummaries, IDEA_STAGES } from '#app/features/goals/summary.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

// The pre-project's four goals, each measured from the data: the page a steering group and a funder ask for.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	return { network: networkName(network, langFromRequest(request)), progress: await goalProgress(getDb(context), { networkId: network.id, viewer }) }
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

export default function Goals({ loaderData: { network, progress }, params }: Route.ComponentProps) {
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
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'goals.title')
