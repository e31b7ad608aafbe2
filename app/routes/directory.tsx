import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/directory'
import { listOrganisations, listPeople, searchDirectory } from '#app/features/directory/directory.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { dbContext } from '#app/platform/context.ts'
import { requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { TagList } from '#app/ui/tags.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { ListSearch, Pager, pageOf, queryOf } from '#app/ui/pager.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const { db, dialect } = context.get(dbContext)
	const url = new URL(request.url)
	const name = networkName(network, langFromRequest(request))
	const q = queryOf(url)
	const view: View = url.searchParams.get('vis') === 'personer' ? 'people' : 'organisations'
	// Pages of PAGE cards; one row more says whether another page follows.
	const page = pageOf(url)
	const offset = (page - 1) * PAGE
	if (!q) {
		// The companies or the people, each list with its own pages.
		const list = { networkId: network.id, limit: PAGE + 1, offset }
		const organisations = view === 'organisations' ? await listOrganisations(db, list) : []
		const people = view === 'people' ? await listPeople(db, list) : []
		const more = organisations.length > PAGE || people.length > PAGE
		return { network: name, q, view, organisations: organisations.slice(0, PAGE), people: people.slice(0, PAGE), hits: null, page, more }
	}
	const found = await searchDirectory(db, dialect, { networkId: network.id, query: q, limit: PAGE + 1, offset })
	const more = found.length > PAGE
	const hits = found.slice(0, PAGE)
	const organisations = hits.flatMap((h) => (h.kind === 'organisation' ? [h.organisation] : []))
	const people = hits.flatMap((h) => (h.kind === 'person' ? [h.person] : []))
	return { network: name, q, view: null, organisations, people, hits: hits.length, page, more }
}

type View = 'organisations' | 'people'
// Twelve cards fill two, three or four columns and a phone's screen a few times over; 24 made
// this the slowest page in the portal, about twice the others' server time (decision 038).
const PAGE = 12

export default function Directory({ loaderData: d, params }: Route.ComponentProps) {
	const t = useT()
	const base = `/n/${params.network}`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('directory.title')}
			</Heading>
			<Paragraph>{t('directory.intro', { network: d.network })}</Paragraph>
			<ListSearch id="q" label={t('directory.search')} q={d.q} hint={t('directory.searchHint')} />
			{/* Browsing (no search) shows one list at a time; a search shows its hits of both kinds. */}
			<nav aria-label={t('directory.views')}>
				<ul className="row plain-list">
					<li>
						<AppLink to={`${base}/katalog`} aria-current={d.view === 'organisations' ? 'page' : undefined}>
							{t('directory.organisations')}
						</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/katalog?vis=personer`} aria-current={d.view === 'people' ? 'page' : undefined}>
							{t('directory.people')}
						</AppLink>
					</li>
				</ul>
			</nav>
			{d.hits !== null && d.page === 1 && !d.more ? (
				<Paragraph role="status">{d.hits === 0 ? t('directory.noResults', { q: d.q }) : t('directory.resultCount', { count: d.hits, q: d.q })}</Paragraph>
			) : null}
			{d.organisations.length > 0 ? (
				<section className="stack" aria-labelledby="organisations">
					<Heading level={2} data-size="md" id="organisations">
						{t('directory.organisations')}
					</Heading>
					<ul className="grid plain-list">
						{d.organisations.map((o) => (
							<li key={o.id}>
								<Card>
									<Heading level={3} data-size="xs">
										<AppLink to={`${base}/bedrifter/${o.id}`}>{o.name}</AppLink>
									</Heading>
									<Paragraph data-size="sm">
										{[t(`organisation.kind.${o.kind}`), o.town, o.employees !== null ? t('directory.employees', { count: o.employees }) : null]
											.filter(Boolean)
											.join(' · ')}
									</Paragraph>
									{o.status === 'prospect' ? <Tag data-color="warning">{t('organisation.status.prospect')}</Tag> : null}
									<TagList value={[o.competences_offered, o.technologies].filter(Boolean).join(', ')} label={t('organisation.offered')} />
								</Card>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{d.people.length > 0 ? (
				<section className="stack" aria-labelledby="people">
					<Heading level={2} data-size="md" id="people">
						{t('directory.people')}
					</Heading>
					<ul className="grid plain-list">
						{d.people.map((p) => (
							<li key={p.id}>
								<Card>
									<Heading level={3} data-size="xs">
										<AppLink to={`${base}/personer/${p.id}`}>{p.name}</AppLink>
									</Heading>
									<Paragraph data-size="sm">{[p.title, p.organisation, p.town].filter(Boolean).join(' · ')}</Paragraph>
									<TagList value={p.competences} label={t('person.competences')} />
								</Card>
							</li>
						))}
					</ul>
				</section>
			) : null}
			<Pager label={t('directory.pages')} page={d.page} more={d.more} />
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'directory.title')
