import { Outlet, useLocation } from 'react-router'
import { Heading, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/network-layout'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { can, rolesIn } from '#app/platform/policy.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { NavLink } from '#app/ui/link.tsx'
import { useT } from '#app/ui/i18n.tsx'

// The network's name and menu. It guards nothing: each page checks its own permission.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = context.get(actorContext)
	const lang = langFromRequest(request)
	return {
		network: { slug: network.slug, name: networkName(network, lang), phase: network.phase },
		menu: {
			directory: rolesIn(actor, network.id).length > 0,
			admin: can(actor, 'read:admin', { networkId: network.id }),
			profile: actor && rolesIn(actor, network.id).length > 0 ? actor.personId : null,
		},
	}
}

export default function NetworkLayout({ loaderData: { network, menu } }: Route.ComponentProps) {
	const t = useT()
	const base = `/n/${network.slug}`
	const { pathname } = useLocation()
	const links = (
		<ul className="network-links">
			<li>
				<NavLink to={base} end>
					{t('nav.home')}
				</NavLink>
			</li>
			<li>
				<NavLink to={`${base}/samlinger`}>{t('nav.gatherings')}</NavLink>
			</li>
			{menu.directory ? (
				<>
					<li>
						<NavLink to={`${base}/katalog`}>{t('nav.directory')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/ideer`}>{t('nav.ideas')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/kart`}>{t('nav.map')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/tillit`}>{t('nav.trust')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/undersokelser`}>{t('nav.surveys')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/kompetanse`}>{t('nav.competence')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/fagmiljoer`}>{t('nav.partners')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/avtale`}>{t('nav.agreement')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/innsats`}>{t('nav.effort')}</NavLink>
					</li>
				</>
			) : null}
			{menu.profile ? (
				<>
					<li>
						<NavLink to={`${base}/varsler`}>{t('nav.notifications')}</NavLink>
					</li>
					<li>
						<NavLink to={`${base}/personer/${menu.profile}`}>{t('nav.profile')}</NavLink>
					</li>
				</>
			) : null}
			{menu.admin ? (
				<li>
					<NavLink to={`${base}/admin`}>{t('nav.admin')}</NavLink>
				</li>
			) : null}
		</ul>
	)
	// A visitor's two links fit on a phone's line; a member's ten do not.
	const folded = menu.directory
	return (
		<>
			<div className="network-bar">
				<div className="network-bar__inner">
					<Heading level={2} data-size="xs">
						{network.name}
					</Heading>
					<Tag data-color="info" data-size="sm">
						{t(`network.phase.${network.phase}`)}
					</Tag>
					<nav aria-label={t('nav.main')}>
						{folded ? (
							// On a phone a long menu folds behind a button; on a wider screen the button is
							// hidden and the list always shown (app.css). A new page closes it again.
							<details className="network-menu" key={pathname}>
								<summary className="ds-button" data-variant="secondary" data-size="sm">
									{t('nav.menu')}
								</summary>
								{links}
							</details>
						) : (
							links
						)}
					</nav>
				</div>
			</div>
			<Outlet />
		</>
	)
}
