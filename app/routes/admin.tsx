import { Card, Heading, List, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin'
import { getAdminOverview } from '#app/features/members/members.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:admin', { networkId: network.id })
	return { network: network.name, overview: await getAdminOverview(getDb(context), network.id) }
}

export default function Admin({ loaderData: { network, overview }, params }: Route.ComponentProps) {
	const t = useT()
	const base = `/n/${params.network}`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('admin.title')}
			</Heading>
			<Paragraph>{t('admin.intro', { network })}</Paragraph>
			<Paragraph>{t('admin.counts', { organisations: overview.organisations, people: overview.people })}</Paragraph>
			<nav aria-label={t('admin.title')}>
				<ul className="row plain-list">
					<li>
						<AppLink to={`${base}/admin/samlinger`}>{t('nav.gatherings')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/forpliktelse`}>{t('admin.commitment')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/kriterier`}>{t('criteria.title')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/avtale`}>{t('admin.agreement')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/egenandel`}>{t('admin.invoices')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/innsats`}>{t('admin.ledger')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/bedrifter/ny`}>{t('organisation.new')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/personer`}>{t('admin.people')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/import`}>{t('admin.import')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/logg`}>{t('admin.audit')}</AppLink>
					</li>
				</ul>
			</nav>
			<div className="grid">
				<Card>
					<Heading level={2} data-size="sm">
						{t('admin.withoutContact')}
					</Heading>
					{overview.withoutContact.length === 0 ? (
						<Paragraph>{t('admin.allHaveContact')}</Paragraph>
					) : (
						<List.Unordered>
							{overview.withoutContact.map((o) => (
								<List.Item key={o.id}>
									<AppLink to={`${base}/bedrifter/${o.id}`}>{o.name}</AppLink>
								</List.Item>
							))}
						</List.Unordered>
					)}
				</Card>
				<Card>
					<Heading level={2} data-size="sm">
						{t('admin.prospects')}
					</Heading>
					{overview.prospects.length === 0 ? (
						<Paragraph>{t('admin.noProspects')}</Paragraph>
					) : (
						<List.Unordered>
							{overview.prospects.map((o) => (
								<List.Item key={o.id}>
									<AppLink to={`${base}/bedrifter/${o.id}`}>{o.name}</AppLink>
								</List.Item>
							))}
						</List.Unordered>
					)}
				</Card>
			</div>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'admin.title')
