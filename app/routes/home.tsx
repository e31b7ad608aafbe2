import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/home'
import { listNetworks } from '#app/features/networks/networks.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { AppLink } from '#app/ui/link.tsx'
import { documentTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { ListSearch, Pager, searchAndPage } from '#app/ui/pager.tsx'

// Every network on the installation: a card each, and with more than a page
// of them (a national installation has 300) a search by name or region and
// pages of PAGE.
export async function loader({ context, request }: Route.LoaderArgs) {
	const networks = await listNetworks(getDb(context))
	const { items, ...list } = searchAndPage(networks, (n) => [n.name, n.name_en, n.region], new URL(request.url), PAGE)
	return { networks: items, searchable: networks.length > PAGE, ...list }
}

const PAGE = 24

export default function Home({ loaderData: d }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="xl">
				{t('home.title')}
			</Heading>
			<Paragraph>{t('home.intro')}</Paragraph>
			{d.total === 0 ? <Paragraph>{t('home.empty')}</Paragraph> : null}
			{d.searchable ? (
				<ListSearch id="q" label={t('home.search')} q={d.q} />
			) : null}
			{d.q ? <Paragraph role="status">{d.found === 0 ? t('home.none', { q: d.q }) : t('home.found', { count: d.found, total: d.total })}</Paragraph> : null}
			{d.networks.length ? (
				<ul className="grid plain-list">
					{d.networks.map((n) => (
						<li key={n.slug}>
							<Card>
								<Heading level={2} data-size="sm">
									<AppLink to={`/n/${n.slug}`}>{lang === 'en' ? n.name_en : n.name}</AppLink>
								</Heading>
								<Paragraph>{n.region}</Paragraph>
								<Tag data-color="info">{t(`network.phase.${n.phase}`)}</Tag>
							</Card>
						</li>
					))}
				</ul>
			) : null}
			<Pager label={t('home.pages')} page={d.page} more={d.more} />
		</main>
	)
}

export const meta: Route.MetaFunction = () => [{ title: documentTitle() }]
