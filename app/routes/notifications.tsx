import { Heading, List, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/notifications'
import { listNotifications } from '#app/features/ideas/ideas.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
	return { notifications: await listNotifications(getDb(context), { networkId: network.id, personId: actor.personId }) }
}

export default function Notifications({ loaderData: { notifications } }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('notifications.title')}
			</Heading>
			{notifications.length === 0 ? <Paragraph>{t('notifications.none')}</Paragraph> : null}
			<List.Unordered>
				{notifications.map((n) => (
					<List.Item key={n.id}>
						<AppLink to={n.link}>{n.text}</AppLink> · {formatDateTime(lang, n.created_at)}
					</List.Item>
				))}
			</List.Unordered>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title')
