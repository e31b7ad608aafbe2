import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/organisation-person-new'
import { getOrganisation } from '#app/features/directory/directory.server.ts'
import { invitePerson } from '#app/features/members/members.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { email, optionalText, requiredText } from '#app/platform/fields.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// A company's contact (or the project leader) adds a colleague; they get an invitation by e-mail.
const schema = z.object({
	name: requiredText(120),
	email,
	title: optionalText(120),
	role: z.enum(['member', 'company_contact'], { error: 'field.role' }),
})

async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const organisationId = requireId(params.organisationId)
	const actor = requirePermission(context, request, 'invite:person', { networkId: network.id, personOrganisationId: organisationId })
	const organisation = await getOrganisation(getDb(context), { networkId: network.id, organisationId })
	invariantResponse(organisation, 'error.notFound.title', { status: 404 })
	return { network, organisation, actor }
}

export async function loader(args: Route.LoaderArgs) {
	const { organisation } = await load(args)
	return { organisation: { id: organisation.id, name: organisation.name } }
}

export async function action(args: Route.ActionArgs) {
	const { network, organisation, actor } = await load(args)
	const submission = parseWithZod(await args.request.formData(), { schema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const db = getDb(args.context)
	const other = await db.selectFrom('person').select('organisation_id').where('email', '=', submission.value.email).executeTakeFirst()
	// Someone who works elsewhere is not moved by another company's contact.
	if (other && other.organisation_id !== null && other.organisation_id !== organisation.id) {
		return data(submission.reply({ fieldErrors: { email: ['field.emailTaken'] } }), { status: 400 })
	}
	await invitePerson(
		db,
		{ network, inviter: actor, origin: new URL(args.request.url).origin, lang: langFromRequest(args.request) },
		{ name: submission.value.name, email: submission.value.email, organisation_id: organisation.id, role: submission.value.role },
	)
	if (submission.value.title) await db.updateTable('person').set({ title: submission.value.title }).where('email', '=', submission.value.email).execute()
	return redirect(`/n/${network.slug}/bedrifter/${organisation.id}`)
}

export default function NewCompanyPerson({ loaderData: { organisation }, actionData }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, {
		lastResult: actionData,
		defaultValue: { role: 'member' },
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('organisation.addPerson')}
			</Heading>
			<Paragraph>{organisation.name}</Paragraph>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.name} label={t('person.name')} />
				<FormField field={fields.email} label={t('person.email')} type="email" />
				<FormField field={fields.title} label={t('person.title')} />
				<SelectField field={fields.role} label={t('admin.role')} options={(['member', 'company_contact'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
				<div>
					<Button type="submit">{t('admin.inviteSubmit')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'organisation.addPerson')
