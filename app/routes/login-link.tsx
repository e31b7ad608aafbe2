import { data, Form, redirect } from 'react-router'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/login-link'
import { consumeLoginToken, safeRedirect, signIn } from '#app/platform/auth.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'

// Opening the link only shows a button: mail scanners that follow links must
// not use up the one-time token. The POST signs in.
export function loader({ request }: Route.LoaderArgs) {
	const url = new URL(request.url)
	return { token: url.searchParams.get('token') ?? '', redirectTo: safeRedirect(url.searchParams.get('redirectTo'), '') }
}

export async function action({ request, context }: Route.ActionArgs) {
	const db = getDb(context)
	const form = await request.formData()
	const token = String(form.get('token') ?? '')
	const result = await consumeLoginToken(db, token)
	if ('error' in result) return data({ error: result.error }, { status: result.error === 'invalid' ? 400 : 410 })
	const home = await db
		.selectFrom('membership')
		.innerJoin('network', 'network.id', 'membership.network_id')
		.select('network.slug')
		.where('membership.person_id', '=', result.personId)
		.orderBy('network.id')
		.executeTakeFirst()
	return redirect(safeRedirect(form.get('redirectTo'), home ? `/n/${home.slug}` : '/'), {
		headers: await signIn(db, request, result.personId),
	})
}

export default function LoginLink({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	if (actionData?.error) {
		return (
			<main id="main" className="page">
				<Heading level={1} data-size="lg">
					{t('login.link.title')}
				</Heading>
				<Alert data-color="danger">{t(`login.link.${actionData.error}`)}</Alert>
				<Paragraph>
					<AppLink to="/logg-inn">{t('login.newLink')}</AppLink>
				</Paragraph>
			</main>
		)
	}
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('login.link.title')}
			</Heading>
			<Paragraph>{t('login.link.intro')}</Paragraph>
			<Form method="post">
				<input type="hidden" name="token" value={loaderData.token} />
				<input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
				<Button type="submit">{t('login.link.submit')}</Button>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'login.link.title')
