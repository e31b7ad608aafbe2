import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Link as DsLink } from '@digdir/designsystemet-react'

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'children'> & {
	children: ReactNode
	/** A path from the root (`/n/…`) or a new query for this page (`?side=2`). */
	to: string
}

/**
 * Designsystemet's link that navigates inside the portal without a full page
 * load. React Router's own Link resolves its path against the route tree three
 * times a render, a tenth of a page's server time with the menu's dozen links;
 * our paths never need that resolving (docs/decisions/016-links.md).
 */
export function AppLink({ to, onClick, ...rest }: LinkProps) {
	const navigate = useNavigate()
	const location = useLocation()
	function handleClick(event: MouseEvent<HTMLAnchorElement>) {
		onClick?.(event)
		const modified = event.metaKey || event.altKey || event.ctrlKey || event.shiftKey
		if (event.defaultPrevented || event.button !== 0 || modified || (rest.target && rest.target !== '_self')) return
		event.preventDefault()
		// A link to the page you are on replaces it in the history, as the browser does.
		void navigate(to, { replace: to === location.pathname + location.search })
	}
	return <DsLink {...rest} href={to} onClick={handleClick} />
}

/** A menu link, marked as the current page where you are: on `to` itself, or below it unless `end`. */
export function NavLink({ end = false, ...props }: LinkProps & { end?: boolean }) {
	const { pathname } = useLocation()
	const current = pathname === props.to || (!end && pathname.startsWith(`${props.to}/`))
	return <AppLink {...props} aria-current={current ? 'page' : undefined} />
}
