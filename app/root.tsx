import '@fontsource/inter/400.css'
import '@fontsource/inter/500.css'
import '@fontsource/inter/600.css'
import '@digdir/designsystemet-css/theme'
import '@digdir/designsystemet-css'
import './app.css'
import { Form, isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation } from 'react-router'
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/root'
import { getActor } from '#app/platform/auth.server.ts'
import { actorContext, dbContext, requestContext } from '#app/platform/context.ts'
import { isMessageKey, langFromRequest, type MessageKey } from '#app/platform/i18n.ts'
import { useFocusOnNavigation } from '#app/ui/focus-on-navigation.ts'
import { AppLink } from '#app/ui/link.tsx'
import { useNonce } from '#app/ui/nonce.tsx'
import { documentTitle, useLang, useT } from '#app/ui/i18n.tsx'

export const middleware: Route.MiddlewareFunction[] = [
	async ({ request, context }) => {
		context.set(actorContext, await getActor(context.get(dbContext).db, request))
	},
]

export function loader({ request, context }: Route.LoaderArgs) {
	const actor = context.get(actorContext)
	return {
		lang: langFromRequest(request),
		actor: actor ? { personId: actor.personId, name: actor.name } : null,
		mailboxPage: context.get(requestContext).mailboxPage,
	}
}

export function Layout({ children }: { children: React.ReactNode }) {
	const nonce = useNonce()
	const lang = useLang()
	return (
		<html lang={lang === 'nb' ? 'nb' : 'en'} data-color-scheme="light">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

// Every page has the site's header; a resource route renders nothing, and an
// error shows the error boundary below in its place.
export default function App({ loaderData: root }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const location = useLocation()
	const here = location.pathname + location.search
	const signingIn = location.pathname.startsWith('/logg-inn')
	useFocusOnNavigation()
	return (
		<>
			<a className="skip-link" href="#main">
				{t('app.skip')}
			</a>
			<header className="site-header">
				<div className="site-header__inner">
					<a className="site-header__brand" href="/">
						{t('app.name')}
					</a>
					{/* The tools keep to the right; on a phone the development mailbox wraps to a line of its own. */}
					<Form method="post" action="/sprak" className="site-header__lang">
						<input type="hidden" name="redirectTo" value={here} />
						<Button type="submit" variant="tertiary" data-size="sm" name="lang" value={lang === 'nb' ? 'en' : 'nb'} aria-label={t('lang.switchLabel')}>
							{t('lang.switch')}
						</Button>
					</Form>
					{root.actor ? (
						<Form method="post" action="/logg-ut">
							<Button type="submit" variant="secondary" data-size="sm">
								{t('nav.logout')}
							</Button>
						</Form>
					) : (
						// On a sign-in page the link is that page itself: its redirectTo kept, not wrapped in another.
						<AppLink to={signingIn ? here : `/logg-inn?redirectTo=${encodeURIComponent(here)}`} aria-current={signingIn ? 'page' : undefined}>
							{t('nav.login')}
						</AppLink>
					)}
					{root.mailboxPage ? <AppLink to="/utvikling/epost">{t('mailbox.title')}</AppLink> : null}
				</div>
			</header>
			<Outlet />
		</>
	)
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
	const t = useT()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const [title, body] =
		status === 404
			? [t('error.notFound.title'), t('error.notFound.body')]
			: status === 403
				? [t('error.forbidden.title'), t('error.forbidden.body')]
				: status === 429
					? [t('error.tooMany.title'), t('error.tooMany.body')]
					: status < 500
						? [t('error.badRequest.title'), isRouteErrorResponse(error) && isMessageKey(String(error.data)) ? t(String(error.data) as MessageKey) : '']
						: [t('error.generic.title'), t('error.generic.body')]
	return (
		<main id="main" className="page">
			<title>{documentTitle(title)}</title>
			<Heading level={1} data-size="lg">
				{title}
			</Heading>
			<Paragraph>{body}</Paragraph>
			{import.meta.env.DEV && error instanceof Error ? <pre>{error.stack}</pre> : null}
			<Paragraph>
				<Link href="/">{t('nav.home')}</Link>
			</Paragraph>
		</main>
	)
}
