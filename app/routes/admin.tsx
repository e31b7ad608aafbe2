import { Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin'
import { nextGathering } from '#app/features/gatherings/gatherings.server.ts'
import { listProposedIdeas } from '#app/features/ideas/ideas.server.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { getAdminOverview } from '#app/features/members/members.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

// What needs doing next: the coming gathering, the ideas waiting for a decision, the companies to follow up.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:admin', { networkId: network.id })
	const viewer = requireViewer(context, request, network.id)
	const db = getDb(context)
	const [overview, gathering, proposed] = await Promise.all([getAdminOverview(db, network.id), nextGathering(db, network.id), listProposedIdeas(db, { networkId: network.id, viewer })])
	return { network: networkName(network, langFromRequest(request)), overview, gathering, proposed }
}

export default function Admin({ loaderData: { network, overview, gathering, proposed }, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
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
						<AppLink to={`${base}/maal`}>{t('goals.title')}</AppLink>
					</li>
					<li>
						<AppLink to={`${base}/admin/hovedprosjekt`}>{t('mainProject.title')}</AppLink>
					</li>
					<li>
						<Link href={`${base}/admin/rapport.pdf`} download>
							{t('funderReport.download')}
						</Link>
					</li>
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
						{t('admin.nextGathering')}
					</Heading>
					{gathering ? (
						<>
							<Paragraph>
								<AppLink to={`${base}/admin/samlinger/${gathering.id}`}>{gathering.title}</AppLink>
								<br />
								<time dateTime={gathering.starts_at}>{formatDateTime(lang, gathering.starts_at)}</time>
							</Paragraph>
							<Paragraph>
								{gathering.capacity === null
									? t('admin.registered', { count: gathering.registered })
									: t('admin.registeredOf', { count: gathering.registered, capacity: gathering.capacity })}
								{gathering.waitlisted > 0 ? `, ${t('admin.waitlisted', { count: gathering.waitlisted })}` : null}
							</Paragraph>
						</>
					) : (
						<Paragraph>
							{t('admin.noNextGathering')} <AppLink to={`${base}/admin/samlinger/ny`}>{t('gatheringAdmin.new')}</AppLink>
						</Paragraph>
					)}
				</Card>
				<Card>
					<Heading level={2} data-size="sm">
						{t('admin.ideasProposed')}
					</Heading>
					{proposed.length === 0 ? (
						<Paragraph>{t('admin.noIdeasProposed')}</Paragraph>
					) : (
						<>
							<Paragraph>{t('admin.ideasProposedIntro')}</Paragraph>
							<List.Unordered>
								{proposed.map((idea) => (
									<List.Item key={idea.id}>
										<AppLink to={`${base}/ideer/${idea.id}`}>{idea.title}</AppLink>
									</List.Item>
								))}
							</List.Unordered>
						</>
					)}
				</Card>
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
