import { Fragment } from 'react'
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/partners'
import { placeName } from '#app/features/partners/countries.ts'
import { listPartners } from '#app/features/partners/partners.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { PARTNER_STAGES } from '#db/schema.ts'
import { AppLink } from '#app/ui/link.tsx'
import { Table } from '#app/ui/table.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

// The register of knowledge partners (goal 4): who the network is in touch with, at home and abroad, and how far each has come.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const lang = langFromRequest(request)
	const { partners, ...counts } = await listPartners(getDb(context), network.id)
	// Countries are named here, as the server says them.
	return {
		network: networkName(network, lang),
		...counts,
		partners: partners.map((p) => ({ ...p, place: placeName(lang, p) })),
		canManage: can(context.get(actorContext), 'manage:partner', { networkId: network.id }),
	}
}

export default function Partners({ loaderData: d, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}/fagmiljoer`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('partners.title')}
			</Heading>
			<Paragraph>{t('partners.intro', { network: d.network })}</Paragraph>
			{d.partners.length === 0 ? (
				<Paragraph>{t('partners.empty')}</Paragraph>
			) : (
				<>
					<Paragraph>
						{t('partners.count', { count: d.partners.length })} · {t('partners.abroad', { count: d.abroad })}
					</Paragraph>
					<section className="stack" aria-labelledby="stages">
						<Heading level={2} data-size="sm" id="stages">
							{t('partners.stages')}
						</Heading>
						<dl className="facts">
							{PARTNER_STAGES.map((s) => (
								<Fragment key={s}>
									<dt>{t(`partner.stage.${s}`)}</dt>
									<dd>{d.stages[s]}</dd>
								</Fragment>
							))}
						</dl>
					</section>
					<section className="stack" aria-labelledby="list">
						<Heading level={2} data-size="sm" id="list">
							{t('partners.list')}
						</Heading>
						<Table>
							<Table.Head>
								<Table.Row>
									<Table.HeaderCell>{t('partners.column.name')}</Table.HeaderCell>
									<Table.HeaderCell>{t('organisation.kind')}</Table.HeaderCell>
									<Table.HeaderCell>{t('partners.column.place')}</Table.HeaderCell>
									<Table.HeaderCell>{t('partner.stage')}</Table.HeaderCell>
									<Table.HeaderCell>{t('partners.column.latest')}</Table.HeaderCell>
								</Table.Row>
							</Table.Head>
							<Table.Body>
								{d.partners.map((p) => (
									<Table.Row key={p.id}>
										<Table.Cell>
											<AppLink to={`${base}/${p.id}`}>{p.name}</AppLink>
										</Table.Cell>
										<Table.Cell>{t(`organisation.kind.${p.kind}`)}</Table.Cell>
										<Table.Cell>{p.place}</Table.Cell>
										<Table.Cell>
											<Tag data-color={p.stage === 'agreement' ? 'success' : 'neutral'}>{t(`partner.stage.${p.stage}`)}</Tag>
										</Table.Cell>
										<Table.Cell>{p.latest_activity ? <time dateTime={p.latest_activity}>{formatDateTime(lang, p.latest_activity, 'date')}</time> : t('partners.noActivity')}</Table.Cell>
									</Table.Row>
								))}
							</Table.Body>
						</Table>
					</section>
				</>
			)}
			{d.canManage ? (
				<Paragraph>
					<AppLink to={`${base}/ny`}>{t('partners.add')}</AppLink>
				</Paragraph>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'partners.title')
