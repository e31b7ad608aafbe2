import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/gatherings'
import { getCalendarToken, listGatherings } from '#app/features/gatherings/gatherings.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { formatDateTime } from '#app/platform/i18n.ts'
import { rolesIn } from '#app/platform/policy.ts'
import { now } from '#app/platform/time.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

// Public: published gatherings; members also get their personal calendar feed.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const db = getDb(context)
	const actor = context.get(actorContext)
	const gatherings = await listGatherings(db, { networkId: network.id, includeDrafts: false })
	const origin = new URL(request.url).origin
	const member = actor && rolesIn(actor, network.id).length > 0
	const feed = member ? `${origin}/n/${network.slug}/kalender.ics?token=${await getCalendarToken(db, actor.personId)}` : null
	const at = now()
	return {
		upcoming: gatherings.filter((g) => g.ends_at >= at).reverse(),
		past: gatherings.filter((g) => g.ends_at < at),
		feed,
		publicFeed: `${origin}/n/${network.slug}/kalender.ics`,
	}
}

export default function Gatherings({ loaderData: d, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const list = (items: typeof d.upcoming) => (
		<ul className="grid plain-list">
			{items.map((g) => (
				<li key={g.id}>
					<Card>
						<Heading level={3} data-size="xs">
							<AppLink to={`/n/${params.network}/samlinger/${g.id}`}>{g.title}</AppLink>
						</Heading>
						<Paragraph data-size="sm">
							<time dateTime={g.starts_at}>{formatDateTime(lang, g.starts_at)}</time>, {g.location}
						</Paragraph>
						<div className="row">
							<Tag data-color={g.audience === 'open' ? 'success' : 'neutral'}>{t(`gathering.audience.${g.audience}`)}</Tag>
							{g.status === 'cancelled' ? <Tag data-color="danger">{t('gatheringAdmin.status.cancelled')}</Tag> : null}
						</div>
					</Card>
				</li>
			))}
		</ul>
	)
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('gatherings.title')}
			</Heading>
			<section className="stack" aria-labelledby="upcoming">
				<Heading level={2} data-size="md" id="upcoming">
					{t('gatherings.upcoming')}
				</Heading>
				{d.upcoming.length ? list(d.upcoming) : <Paragraph>{t('gatherings.none')}</Paragraph>}
			</section>
			{d.past.length ? (
				<section className="stack" aria-labelledby="past">
					<Heading level={2} data-size="md" id="past">
						{t('gatherings.past')}
					</Heading>
					{list(d.past)}
				</section>
			) : null}
			<section className="stack" aria-labelledby="feed">
				<Heading level={2} data-size="sm" id="feed">
					{t('gatherings.subscribe')}
				</Heading>
				{d.feed ? (
					<>
						<Paragraph>{t('gatherings.subscribeHint')}</Paragraph>
						<code className="feed">{d.feed}</code>
					</>
				) : (
					<Paragraph>
						<Link href={d.publicFeed}>{t('gatherings.publicFeed')}</Link>
					</Paragraph>
				)}
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'gatherings.title')
