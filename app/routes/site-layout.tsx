import { Form, Outlet, useLocation } from 'react-router'
import { Button } from '@digdir/designsystemet-react'
import { AppLink } from '#app/ui/link.tsx'
import { useRouteLoaderData } from 'react-router'
import type { loader as rootLoader } from '#app/root.tsx'
import { useT } from '#app/ui/i18n.tsx'

export default function SiteLayout() {
	const t = useT()
	const root = useRouteLoaderData<typeof rootLoader>('root')
	const location = useLocation()
	const here = location.pathname + location.search
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
					<div className="site-header__tools">
						<Form method="post" action="/sprak">
							<input type="hidden" name="redirectTo" value={here} />
							<Button type="submit" variant="tertiary" data-size="sm" name="lang" value={t('lang.switch') === 'English' ? 'en' : 'nb'} aria-label={t('lang.switchLabel')}>
								{t('lang.switch')}
							</Button>
						</Form>
						{root?.mailboxPage ? <AppLink to="/utvikling/epost">{t('mailbox.title')}</AppLink> : null}
						{root?.actor ? (
							<Form method="post" action="/logg-ut">
								<Button type="submit" variant="secondary" data-size="sm">
									{t('nav.logout')}
								</Button>
							</Form>
						) : (
							<AppLink to={`/logg-inn?redirectTo=${encodeURIComponent(here)}`}>{t('nav.login')}</AppLink>
						)}
					</div>
				</div>
			</header>
			<Outlet />
		</>
	)
}
