import '@fontsource/inter/400.css'
import '@fontsource/inter/500.css'
import '@fontsource/inter/600.css'
import '@digdir/designsystemet-css/theme'
import '@digdir/designsystemet-css'
import './app.css'
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration } from 'react-router'
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/root'
import { getActor } from '#app/platform/auth.server.ts'
import { actorContext, dbContext, requestContext } from '#app/platform/context.ts'
import { isMessageKey, langFromRequest, type MessageKey } from '#app/platform/i18n.ts'
import { useNonce } from '#app/ui/nonce.tsx'
import { useLang, useT } from '#app/ui/i18n.tsx'

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

export default function App() {
	return <Outlet />
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
			<title>{`${title} – Knute`}</title>
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
