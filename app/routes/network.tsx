import { Card, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/network'
import { getNetworkFrontPage, networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext, dbContext } from '#app/platform/context.ts'
import { formatDateTime, langFromRequest } from '#app/platform/i18n.ts'
import { rolesIn } from '#app/platform/policy.ts'
import { AppLink } from '#app/ui/link.tsx'
import { documentTitle, useLang, useT } from '#app/ui/i18n.tsx'

// Public: anyone may read a network's front page.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const { db, dialect } = context.get(dbContext)
	const network = await requireNetwork(context, params.network)
	const lang = langFromRequest(request)
	const page = await getNetworkFrontPage(db, dialect, network.id)
	return {
		name: networkName(network, lang),
		about: lang === 'en' ? network.about_en : network.about_nb,
		slug: network.slug,
		region: network.region,
		goals: page.goals.map((g) => (lang === 'en' ? g.title_en : g.title_nb)),
		gatherings: page.gatherings,
		news: page.news,
		partners: page.partners,
		memberCount: page.memberCount,
		// Participants may follow the goals' progress; the page is theirs.
		participant: rolesIn(context.get(actorContext), network.id).length > 0,
	}
}

export default function NetworkPage({ loaderData: d }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const slug = d.slug
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="xl">
				{d.name}
			</Heading>
			<section className="stack" aria-labelledby="about">
				<Heading level={2} data-size="md" id="about">
					{t('network.about')}
				</Heading>
				{d.about.split('\n\n').map((p, i) => (
					<Paragraph key={i}>{p}</Paragraph>
				))}
				<Paragraph className="muted">{t('network.members', { count: d.memberCount })}</Paragraph>
			</section>
			<section className="stack" aria-labelledby="goals">
				<Heading level={2} data-size="md" id="goals">
					{t('network.goals')}
				</Heading>
				<List.Ordered>
					{d.goals.map((goal) => (
						<List.Item key={goal}>{goal}</List.Item>
					))}
				</List.Ordered>
				{d.participant ? (
					<Paragraph>
						<AppLink to={`/n/${slug}/maal`}>{t('goals.link')}</AppLink>
					</Paragraph>
				) : null}
			</section>
			<section className="stack" aria-labelledby="gatherings">
				<Heading level={2} data-size="md" id="gatherings">
					{t('network.gatherings')}
				</Heading>
				{d.gatherings.length === 0 ? <Paragraph>{t('network.noGatherings')}</Paragraph> : null}
				<ul className="grid plain-list">
					{d.gatherings.map((g) => (
						<li key={g.id}>
							<Card>
								<Heading level={3} data-size="xs">
									<AppLink to={`/n/${slug}/samlinger/${g.id}`}>{g.title}</AppLink>
								</Heading>
								<Paragraph>
									<time dateTime={g.starts_at}>{formatDateTime(lang, g.starts_at)}</time>, {g.location}
								</Paragraph>
								<Tag data-color={g.audience === 'open' ? 'success' : 'neutral'}>{t(`gathering.audience.${g.audience}`)}</Tag>
							</Card>
						</li>
					))}
				</ul>
			</section>
			<section className="stack" aria-labelledby="news">
				<Heading level={2} data-size="md" id="news">
					{t('network.news')}
				</Heading>
				{d.news.length === 0 ? <Paragraph>{t('network.noNews')}</Paragraph> : null}
				{d.news.map((n) => (
					<article key={n.id} className="stack">
						<Heading level={3} data-size="xs">
							{n.title}
						</Heading>
						<Paragraph data-size="sm" className="muted">
							<time dateTime={n.published_at}>{formatDateTime(lang, n.published_at, 'date')}</time>
						</Paragraph>
						<Paragraph>{n.body}</Paragraph>
					</article>
				))}
			</section>
			<section className="stack" aria-labelledby="partners">
				<Heading level={2} data-size="md" id="partners">
					{t('network.partners')}
				</Heading>
				<ul className="tags">
					{d.partners.map((p) => (
						<li key={p.id}>
							<Tag data-color="neutral">
								{p.name} · {t(`organisation.kind.${p.kind}`)}
							</Tag>
						</li>
					))}
				</ul>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: documentTitle(loaderData?.name) }]
