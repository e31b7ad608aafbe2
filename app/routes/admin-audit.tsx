import { Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-audit'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { listAuditLog } from '#app/platform/audit.server.ts'
import { listIdeas } from '#app/features/ideas/ideas.server.ts'
import { rolesIn } from '#app/platform/policy.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime } from '#app/platform/i18n.ts'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'read:audit', { networkId: network.id })
	const db = getDb(context)
	// An idea outside the reader's audience is left out here too.
	const [entries, visible] = await Promise.all([
		listAuditLog(db, { networkId: network.id }),
		listIdeas(db, { networkId: network.id, viewer: { personId: actor.personId, organisationId: actor.organisationId, roles: rolesIn(actor, network.id) } }),
	])
	const seen = new Set(visible.map((i) => i.id))
	return { entries: entries.filter((e) => e.entity_type !== 'idea' || seen.has(e.entity_id)) }
}

export default function AdminAudit({ loaderData: { entries } }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('audit.title')}
			</Heading>
			{entries.length === 0 ? (
				<Paragraph>{t('audit.empty')}</Paragraph>
			) : (
				<Table>
					<Table.Head>
						<Table.Row>
							<Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
							<Table.HeaderCell>{t('audit.who')}</Table.HeaderCell>
							<Table.HeaderCell>{t('audit.what')}</Table.HeaderCell>
						</Table.Row>
					</Table.Head>
					<Table.Body>
						{entries.map((e) => (
							<Table.Row key={e.id}>
								<Table.Cell>
									<time dateTime={e.created_at}>{formatDateTime(lang, e.created_at)}</time>
								</Table.Cell>
								<Table.Cell>{e.actor_name ?? t('audit.system')}</Table.Cell>
								<Table.Cell>
									{t(`audit.action.${e.action}` as 'audit.action.organisation.added')}: {e.summary}
								</Table.Cell>
							</Table.Row>
						))}
					</Table.Body>
				</Table>
			)}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title')
