import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/home'
import { listNetworks } from '#app/features/networks/networks.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { AppLink } from '#app/ui/link.tsx'
import { useLang, useT } from '#app/ui/i18n.tsx'

export async function loader({ context }: Route.LoaderArgs) {
	return { networks: await listNetworks(getDb(context)) }
}

export default function Home({ loaderData: { networks } }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="xl">
				{t('home.title')}
			</Heading>
			<Paragraph>{t('home.intro')}</Paragraph>
			{networks.length === 0 ? <Paragraph>{t('home.empty')}</Paragraph> : null}
			<ul className="grid plain-list">
				{networks.map((n) => (
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
		</main>
	)
}

export const meta: Route.MetaFunction = () => [{ title: 'Knute' }]
