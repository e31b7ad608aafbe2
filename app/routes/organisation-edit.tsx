import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading } from '@digdir/designsystemet-react'
import type { Route } from './+types/organisation-edit'
import { getOrganisation, updateOrganisation } from '#app/features/directory/directory.server.ts'
import { organisationProfileSchema } from '#app/features/directory/schemas.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { readFormData, readImage, saveFile } from '#app/platform/files.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const schema = organisationProfileSchema.extend({ logo: z.instanceof(File).optional() })

async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const organisationId = requireId(params.organisationId)
	const actor = requirePermission(context, request, 'update:organisation', { networkId: network.id, organisationId })
	const organisation = await getOrganisation(getDb(context), { networkId: network.id, organisationId })
	invariantResponse(organisation, 'error.notFound.title', { status: 404 })
	return { network, organisation, actor }
}

export async function loader(args: Route.LoaderArgs) {
	const { organisation } = await load(args)
	return { organisation }
}

export async function action(args: Route.ActionArgs) {
	const { network, organisation, actor } = await load(args)
	const submission = parseWithZod(await readFormData(args.request), { schema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const { logo, ...profile } = submission.value
	const image = logo && logo.size > 0 ? await readImage(logo) : undefined
	if (image && 'error' in image) return data(submission.reply({ fieldErrors: { logo: [image.error] } }), { status: 400 })
	const db = getDb(args.context)
	await db.transaction().execute(async (trx) => {
		const logo_file_id = image ? await saveFile(trx, { networkId: network.id, name: logo!.name, contentType: image.type, bytes: image.bytes }) : undefined
		await updateOrganisation(trx, { networkId: network.id, actorId: actor.personId }, organisation.id, {
			...profile,
			employees: profile.employees ?? null,
			parent_org_number: profile.parent_org_number ?? null,
			...(logo_file_id ? { logo_file_id } : {}),
		})
	})
	return redirect(`/n/${network.slug}/bedrifter/${organisation.id}`)
}

export default function OrganisationEdit({ loaderData: { organisation: o }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, {
		lastResult: actionData,
		defaultValue: {
			name: o.name,
			description: o.description,
			website: o.website ?? '',
			employees: o.employees === null ? '' : String(o.employees),
			town: o.town,
			competences_offered: o.competences_offered,
			competences_wanted: o.competences_wanted,
			technologies: o.technologies,
			parent_org_number: o.parent_org_number ?? '',
		},
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('organisation.editTitle', { name: o.name })}
			</Heading>
			<Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.name} label={t('organisation.name')} autoComplete="organization" />
				<FormField field={fields.description} label={t('organisation.description')} multiline />
				<FormField field={fields.website} label={t('organisation.website')} type="url" autoComplete="url" />
				<FormField field={fields.employees} label={t('organisation.employees')} type="number" />
				<FormField field={fields.town} label={t('organisation.town')} />
				<FormField field={fields.competences_offered} label={t('organisation.offered')} description={t('organisation.listHint')} />
				<FormField field={fields.competences_wanted} label={t('organisation.wanted')} description={t('organisation.listHint')} />
				<FormField field={fields.technologies} label={t('organisation.technologies')} description={t('organisation.listHint')} />
				<FormField field={fields.parent_org_number} label={t('organisation.parent')} description={t('organisation.parentHint')} />
				<FormField field={fields.logo} label={t('organisation.logo')} description={t('organisation.logoHint')} type="file" accept="image/png,image/jpeg,image/webp" />
				<div className="row">
					<Button type="submit">{t('common.save')}</Button>
					<AppLink to={`/n/${params.network}/bedrifter/${o.id}`}>{t('common.cancel')}</AppLink>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'organisation.editTitle', { name: loaderData.organisation.name }) : [{ title: documentTitle() }])
