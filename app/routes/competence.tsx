import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/competence'
import { competenceNeeds } from '#app/features/competence/competence.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { Table } from '#app/ui/table.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'

// The competence the member companies seek, rolled up to the network (goal 3), against what its members offer.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	return { network: networkName(network, langFromRequest(request)), ...(await competenceNeeds(getDb(context), network.id)) }
}

function Companies({ list, base }: { list: { id: number; name: string }[]; base: string }) {
	return (
		<ul className="plain-list">
			{list.map((c) => (
				<li key={c.id}>
					<AppLink to={`${base}/bedrifter/${c.id}`}>{c.name}</AppLink>
				</li>
			))}
		</ul>
	)
}

export default function Competence({ loaderData: d, params }: Route.ComponentProps) {
	const t = useT()
	const base = `/n/${params.network}`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('competence.title')}
			</Heading>
			<Paragraph>{t('competence.intro', { network: d.network })}</Paragraph>
			{d.needs.length === 0 ? (
				<Paragraph>{t('competence.empty')}</Paragraph>
			) : (
				<>
					<Paragraph>{t('competence.summary', { seeking: d.seeking, companies: d.companies, needs: d.needs.length, gaps: d.needs.filter((n) => n.offeredBy.length === 0).length })}</Paragraph>
					<Table>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('competence.column.competence')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.wanted')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.offered')}</Table.HeaderCell>
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{d.needs.map((n) => (
								<Table.Row key={n.competence}>
									<Table.HeaderCell scope="row">
										{n.competence}
										{n.offeredBy.length === 0 ? (
											<>
												{' '}
												<Tag data-color="warning" data-size="sm">
													{t('competence.gap')}
												</Tag>
											</>
										) : null}
									</Table.HeaderCell>
									<Table.Cell>
										<Companies list={n.wantedBy} base={base} />
									</Table.Cell>
									<Table.Cell>{n.offeredBy.length === 0 ? t('competence.nobody') : <Companies list={n.offeredBy} base={base} />}</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				</>
			)}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'competence.title')
