import { data, Form, redirect, useNavigation } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Details, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/login'
import { hitRateLimit, safeRedirect, sendLoginLink, signIn, verifyPassword } from '#app/platform/auth.server.ts'
import { requestContext } from '#app/platform/context.ts'
import { email } from '#app/platform/fields.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { langFromRequest, translator } from '#app/platform/i18n.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const schema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('link'), email, redirectTo: z.string().optional() }),
	z.object({ intent: z.literal('password'), email, password: z.string({ error: 'field.required' }), redirectTo: z.string().optional() }),
])

export function loader({ request }: Route.LoaderArgs) {
	return { redirectTo: safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '') }
}

export async function action({ request, context }: Route.ActionArgs) {
	const db = getDb(context)
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sentTo: null }, { status: 400 })
	const { value } = submission
	const t = translator(langFromRequest(request))
	const { clientIp } = context.get(requestContext)
	// Per address and per client, shared across processes through the database.
	const allowed =
		(await hitRateLimit(db, `login:${value.intent}:email:${value.email}`, value.intent === 'link' ? 5 : 10, 15)) &&
		(await hitRateLimit(db, `login:${value.intent}:ip:${clientIp}`, 30, 15))
	if (!allowed) {
		return data({ result: submission.reply({ formErrors: [t('error.tooMany.body')] }), sentTo: null }, { status: 429 })
	}
	if (value.intent === 'link') {
		await sendLoginLink(db, {
			email: value.email,
			origin: new URL(request.url).origin,
			lang: langFromRequest(request),
			redirectTo: safeRedirect(value.redirectTo, '') || undefined,
		})
		return { result: submission.reply({ resetForm: true }), sentTo: value.email }
	}
	const personId = await verifyPassword(db, value.email, value.password)
	if (!personId) {
		return data(
			{ result: submission.reply({ formErrors: [t('login.passwordWrong')], hideFields: ['password'] }), sentTo: null },
			{ status: 400 },
		)
	}
	return redirect(safeRedirect(value.redirectTo), { headers: await signIn(db, request, personId) })
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const navigation = useNavigation()
	const result = actionData?.result
	const intent = result?.initialValue?.intent
	const [linkForm, linkFields] = useSchemaForm(schema, {
		id: 'login-link',
		lastResult: intent === 'link' ? result : undefined,
	})
	const [passwordForm, passwordFields] = useSchemaForm(schema, {
		id: 'login-password',
		lastResult: intent === 'password' ? result : undefined,
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('login.title')}
			</Heading>
			{actionData?.sentTo ? (
				<Alert data-color="success" role="status">
					{t('login.sent', { email: actionData.sentTo })}
				</Alert>
			) : null}
			<Paragraph>{t('login.intro')}</Paragraph>
			<Form method="post" className="form" {...getFormProps(linkForm)}>
				<input type="hidden" name="intent" value="link" />
				<input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
				{linkForm.errors ? <Alert data-color="danger">{linkForm.errors.join(' ')}</Alert> : null}
				<FormField field={linkFields.email} label={t('login.email')} type="email" autoComplete="email" />
				<div>
					<Button type="submit" disabled={navigation.state === 'submitting'}>
						{t('login.send')}
					</Button>
				</div>
			</Form>
			<Details defaultOpen={intent === 'password'}>
				<Details.Summary>{t('login.passwordTitle')}</Details.Summary>
				<Details.Content>
					<Form method="post" className="form" {...getFormProps(passwordForm)}>
						<input type="hidden" name="intent" value="password" />
						<input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
						{passwordForm.errors ? <Alert data-color="danger">{passwordForm.errors.join(' ')}</Alert> : null}
						<FormField field={passwordFields.email} label={t('login.email')} type="email" autoComplete="username" />
						<FormField field={passwordFields.password} label={t('login.password')} type="password" autoComplete="current-password" />
						<div>
							<Button type="submit">{t('login.passwordSubmit')}</Button>
						</div>
					</Form>
				</Details.Content>
			</Details>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')
