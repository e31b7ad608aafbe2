import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/person-edit'
import { getPerson, isEmailTaken, updatePerson } from '#app/features/directory/directory.server.ts'
import { personProfileSchema } from '#app/features/directory/schemas.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { hashPassword } from '#app/platform/auth.server.ts'
import { password } from '#app/platform/fields.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const schema = z.discriminatedUnion('intent', [
	personProfileSchema.extend({ intent: z.literal('profile') }),
	z.object({ intent: z.literal('password'), password }),
])

// Each language by its own name, as a reader looks for it (marked as that language for screen readers).
const LANGUAGES = [
	{ value: 'nb', label: 'Norsk (bokmål)', lang: 'nb' },
	{ value: 'en', label: 'English', lang: 'en' },
]

async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const personId = requireId(params.personId)
	const db = getDb(context)
	const person = await getPerson(db, { networkId: network.id, personId })
	// Check permission before telling whether the person exists.
	const actor = requirePermission(context, request, 'update:person', { networkId: network.id, personId, personOrganisationId: person?.organisation_id ?? null })
	invariantResponse(person, 'error.notFound.title', { status: 404 })
	return { network, person, actor, db }
}

export async function loader(args: Route.LoaderArgs) {
	const { person, actor } = await load(args)
	return { person, isSelf: actor.personId === person.id }
}

export async function action(args: Route.ActionArgs) {
	const { network, person, actor, db } = await load(args)
	const submission = parseWithZod(await args.request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: null }, { status: 400 })
	const value = submission.value
	const by = { networkId: network.id, actorId: actor.personId }
	if (value.intent === 'password') {
		// Only the person themself sets their password.
		invariantResponse(actor.personId === person.id, 'error.forbidden.title', { status: 403 })
		const password_hash = await hashPassword(value.password)
		await db.transaction().execute((trx) => updatePerson(trx, by, person.id, { password_hash }))
		return { result: submission.reply({ resetForm: true }), saved: 'password' as const }
	}
	const { intent, ...profile } = value
	if (await isEmailTaken(db, profile.email, person.id)) {
		return data({ result: submission.reply({ fieldErrors: { email: ['field.emailTaken'] } }), saved: null }, { status: 400 })
	}
	await db.transaction().execute((trx) => updatePerson(trx, by, person.id, { ...profile, hourly_rate: profile.hourly_rate ?? null }))
	return redirect(`/n/${network.slug}/personer/${person.id}`)
}

export default function PersonEdit({ loaderData: { person: p, isSelf }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const result = actionData?.result
	const [form, fields] = useSchemaForm(schema, {
		id: 'profile',
		lastResult: result?.initialValue?.intent === 'profile' ? result : undefined,
		defaultValue: { name: p.name, email: p.email, title: p.title, phone: p.phone, town: p.town, bio: p.bio, competences: p.competences, lang: p.lang, hourly_rate: p.hourly_rate === null ? '' : String(p.hourly_rate) },
	})
	const [passwordForm, passwordFields] = useSchemaForm(schema, {
		id: 'password',
		lastResult: result?.initialValue?.intent === 'password' ? result : undefined,
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('person.editTitle', { name: p.name })}
			</Heading>
			<Form method="post" className="form" {...getFormProps(form)}>
				<input type="hidden" name="intent" value="profile" />
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.name} label={t('person.name')} autoComplete="name" />
				<FormField field={fields.email} label={t('person.email')} type="email" autoComplete="email" />
				<FormField field={fields.title} label={t('person.title')} autoComplete="organization-title" />
				<FormField field={fields.phone} label={t('person.phone')} type="tel" autoComplete="tel" />
				<FormField field={fields.town} label={t('person.town')} />
				<FormField field={fields.competences} label={t('person.competences')} description={t('organisation.listHint')} />
				<FormField field={fields.bio} label={t('person.bio')} multiline />
				<SelectField field={fields.lang} label={t('person.lang')} options={LANGUAGES} />
				<FormField field={fields.hourly_rate} label={t('person.hourlyRate')} description={t('person.hourlyRateHint')} type="number" />
				<div className="row">
					<Button type="submit">{t('common.save')}</Button>
					<AppLink to={`/n/${params.network}/personer/${p.id}`}>{t('common.cancel')}</AppLink>
				</div>
			</Form>
			{isSelf ? (
				<section className="stack" aria-labelledby="password-heading">
					<Heading level={2} data-size="sm" id="password-heading">
						{t('person.passwordTitle')}
					</Heading>
					<Paragraph>{t('person.passwordIntro')}</Paragraph>
					{actionData?.saved === 'password' ? (
						<Alert data-color="success" role="status">
							{t('person.passwordSaved')}
						</Alert>
					) : null}
					<Form method="post" className="form" {...getFormProps(passwordForm)}>
						<input type="hidden" name="intent" value="password" />
						<input type="text" name="username" autoComplete="username" value={p.email} readOnly hidden />
						<FormField field={passwordFields.password} label={t('person.password')} type="password" autoComplete="new-password" />
						<div>
							<Button type="submit" variant="secondary">
								{t('person.passwordSave')}
							</Button>
						</div>
					</Form>
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'person.editTitle', { name: loaderData.person.name }) : [{ title: documentTitle() }])
