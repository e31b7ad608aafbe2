import { Card, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/goals'
import { goalProgress } from '#app/features/goals/goals.server.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { formatNumber, langFromRequest } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

const STAGES = ['draft', 'proposed', 'maturing', 'qualified', 'main_project', 'parked'] as const

// The pre-project's four goals, each measured from the data: the page a steering group and a funder ask for.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	return { network: networkName(network, langFromRequest(request)), ...(await goalProgress(getDb(context), { networkId: network.id, viewer })) }
}

export default function Goals({ loaderData: d, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}`
	const number = (n: number) => formatNumber(lang, n)
	const signed = (n: number) => (n > 0 ? '+' : '') + formatNumber(lang, n)
	const { acquaintance: a } = d
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('goals.title')}
			</Heading>
			<Paragraph>{t('goals.intro', { network: d.network })}</Paragraph>
			<ol className="grid plain-list">
				<li>
					<Card>
						<Heading level={2} data-size="sm">
							{t('goals.acquaintance')}
						</Heading>
						<Paragraph>{t('goals.metPairs', { met: a.metPairs, pairs: a.pairs, share: a.pairs === 0 ? 0 : Math.round((100 * a.metPairs) / a.pairs) })}</Paragraph>
						<Paragraph>{a.trust ? t('goals.trust', { title: a.trust.title, knows: number(a.trust.knows), trusts: number(a.trust.trusts), answers: a.trust.answers }) : t('goals.noTrust')}</Paragraph>
						{a.change ? <Paragraph>{t('goals.trustChange', { knows: signed(a.change.knows), trusts: signed(a.change.trusts) })}</Paragraph> : null}
						<Paragraph>
							<AppLink to={`${base}/kart`}>{t('nav.map')}</AppLink> · <AppLink to={`${base}/tillit`}>{t('nav.trust')}</AppLink>
						</Paragraph>
					</Card>
				</li>
				<li>
					<Card>
						<Heading level={2} data-size="sm">
							{t('goals.ideas')}
						</Heading>
						<Paragraph>{t('goals.ideasReady', { count: d.ideas.ready })}</Paragraph>
						<ul className="plain-list">
							{STAGES.map((s) => (
								<li key={s}>
									{t(`ideas.stage.${s}`)}: {d.ideas.stages[s]}
								</li>
							))}
						</ul>
						<Paragraph>
							<AppLink to={`${base}/ideer`}>{t('nav.ideas')}</AppLink>
						</Paragraph>
					</Card>
				</li>
				<li>
					<Card>
						<Heading level={2} data-size="sm">
							{t('competence.title')}
						</Heading>
						<Paragraph>{t('goals.competence', d.competence)}</Paragraph>
						<Paragraph>
							<AppLink to={`${base}/kompetanse`}>{t('competence.title')}</AppLink>
						</Paragraph>
					</Card>
				</li>
				<li>
					<Card>
						<Heading level={2} data-size="sm">
							{t('partners.title')}
						</Heading>
						<Paragraph>{t('goals.partners', d.partners)}</Paragraph>
						<Paragraph>
							<AppLink to={`${base}/fagmiljoer`}>{t('partners.title')}</AppLink>
						</Paragraph>
					</Card>
				</li>
			</ol>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'goals.title')
