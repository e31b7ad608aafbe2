import { Link as DsLink } from '@digdir/designsystemet-react'
import { Link as RouterLink, NavLink as RouterNavLink, type LinkProps, type NavLinkProps } from 'react-router'

/** Designsystemet's look, React Router's navigation. */
export function AppLink(props: LinkProps) {
	return (
		<DsLink asChild>
			<RouterLink {...props} />
		</DsLink>
	)
}

export function NavLink(props: NavLinkProps) {
	return (
		<DsLink asChild>
			<RouterNavLink {...props} />
		</DsLink>
	)
}
