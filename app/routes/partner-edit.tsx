import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/partner-edit'
import { countryOptions } from '#app/features/partners/countries.ts'
import { getPartnerDetails, removePartner, updatePartner } from '#app/features/partners/partners.server.ts'
import { partnerDetailsSchema as schema } from '#app/features/partners/schemas.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// What the register says of a partner — its country, what the network wants from it — corrected, or the partner taken out of the register.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:partner', { networkId: network.id })
	const partner = await getPartnerDetails(getDb(context), { networkId: network.id, organisationId: requireId(params.organisationId) })
	invariantResponse(partner, 'error.notFound.title', { status: 404 })
	// Countries are named here, not in the browser, whose names for some differ from the server's.
	return { partner, countries: countryOptions(langFromRequest(request)) }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:partner', { networkId: network.id })
	const organisationId = requireId(params.organisationId)
	const db = getDb(context)
	invariantResponse(await getPartnerDetails(db, { networkId: network.id, organisationId }), 'error.notFound.title', { status: 404 })
	const actorOf = { networkId: network.id, actorId: actor.personId }
	const form = await request.formData()
	if (form.get('intent') === 'remove') {
		await db.transaction().execute((trx) => removePartner(trx, actorOf, organisationId))
		return redirect(`/n/${network.slug}/fagmiljoer`)
	}
	const submission = parseWithZod(form, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	await db.transaction().execute((trx) => updatePartner(trx, actorOf, organisationId, submission.value))
	return redirect(`/n/${network.slug}/fagmiljoer/${organisationId}`)
}

export default function EditPartner({ loaderData: { partner: p, countries }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id: 'partner-details', lastResult: actionData?.result, defaultValue: { country: p.country, focus: p.focus } })
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('partner.edit', { name: p.name })}
			</Heading>
			<Paragraph>
				<AppLink to={`/n/${params.network}/fagmiljoer/${p.organisation_id}`}>{p.name}</AppLink>
			</Paragraph>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<SelectField field={fields.country} label={t('partner.country')} options={countries} />
				<FormField field={fields.focus} label={t('partner.focus')} multiline />
				<div>
					<Button type="submit">{t('common.save')}</Button>
				</div>
			</Form>
			<section className="stack" aria-labelledby="remove">
				<Heading level={2} data-size="sm" id="remove">
					{t('partner.remove')}
				</Heading>
				<Paragraph>{t('partner.removeHint')}</Paragraph>
				<Form method="post">
					<input type="hidden" name="intent" value="remove" />
					<Button type="submit" variant="secondary" data-color="danger">
						{t('partner.remove')}
					</Button>
				</Form>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'partners.title')
