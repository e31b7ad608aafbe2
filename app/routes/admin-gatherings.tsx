import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-gatherings'
import { listGatherings } from '#app/features/gatherings/gatherings.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	return { gatherings: await listGatherings(getDb(context), { networkId: network.id, includeDrafts: true }) }
}

export default function AdminGatherings({ loaderData: { gatherings }, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}/admin/samlinger`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('gatherings.title')}
			</Heading>
			<Paragraph>
				<AppLink to={`${base}/ny`}>{t('gatheringAdmin.new')}</AppLink>
			</Paragraph>
			{gatherings.length === 0 ? (
				<Paragraph>{t('gatherings.none')}</Paragraph>
			) : (
				<Table>
					<Table.Head>
						<Table.Row>
							<Table.HeaderCell>{t('gatheringAdmin.title')}</Table.HeaderCell>
							<Table.HeaderCell>{t('gathering.when')}</Table.HeaderCell>
							<Table.HeaderCell>Status</Table.HeaderCell>
							<Table.HeaderCell>{t('gatheringAdmin.registered')}</Table.HeaderCell>
							<Table.HeaderCell>{t('gatheringAdmin.waitlisted')}</Table.HeaderCell>
							<Table.HeaderCell>{t('gatheringAdmin.attended')}</Table.HeaderCell>
							<Table.HeaderCell>{t('gatheringAdmin.noShow')}</Table.HeaderCell>
						</Table.Row>
					</Table.Head>
					<Table.Body>
						{gatherings.map((g) => {
							const attended = Number(g.attended)
							return (
								<Table.Row key={g.id}>
									<Table.Cell>
										<AppLink to={`${base}/${g.id}`}>{g.title}</AppLink>
									</Table.Cell>
									<Table.Cell>
										<time dateTime={g.starts_at}>{formatDateTime(lang, g.starts_at)}</time>
									</Table.Cell>
									<Table.Cell>
										<Tag data-color={g.status === 'published' ? 'success' : g.status === 'cancelled' ? 'danger' : 'warning'}>{t(`gatheringAdmin.status.${g.status}`)}</Tag>
									</Table.Cell>
									<Table.Cell>{Number(g.registered)}</Table.Cell>
									<Table.Cell>{Number(g.waitlisted)}</Table.Cell>
									<Table.Cell>{attended}</Table.Cell>
									<Table.Cell>{g.ends_at < new Date().toISOString() ? Math.max(0, Number(g.registered) - attended) : '–'}</Table.Cell>
								</Table.Row>
							)
						})}
					</Table.Body>
				</Table>
			)}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'gatherings.title')
