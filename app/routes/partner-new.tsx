import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/partner-new'
import { countryOptions, HOME } from '#app/features/partners/countries.ts'
import { addPartner } from '#app/features/partners/partners.server.ts'
import { partnerSchema as schema } from '#app/features/partners/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { PARTNER_STAGES } from '#db/schema.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// A new knowledge partner in the register: a page of its own, so that the register stays light to read.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:partner', { networkId: network.id })
	// Countries are named here, not in the browser, whose names for some differ from the server's.
	return { countries: countryOptions(langFromRequest(request)) }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:partner', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const outcome = await getDb(context)
		.transaction()
		.execute((trx) => addPartner(trx, { networkId: network.id, actorId: actor.personId }, submission.value))
	if ('error' in outcome) return data({ result: submission.reply({ fieldErrors: { name: ['partners.taken'] } }) }, { status: 400 })
	return redirect(`/n/${network.slug}/fagmiljoer/${outcome.id}`)
}

export default function NewPartner({ loaderData: { countries }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id: 'add-partner', lastResult: actionData?.result, defaultValue: { kind: 'research', country: HOME, stage: 'identified' } })
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('partners.add')}
			</Heading>
			<Paragraph>
				<AppLink to={`/n/${params.network}/fagmiljoer`}>{t('partners.title')}</AppLink>
			</Paragraph>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.name} label={t('organisation.name')} description={t('partners.addHint')} />
				<SelectField field={fields.kind} label={t('organisation.kind')} options={(['research', 'public_body', 'company', 'municipality', 'funder'] as const).map((k) => ({ value: k, label: t(`organisation.kind.${k}`) }))} />
				<FormField field={fields.town} label={t('organisation.town')} />
				<SelectField field={fields.country} label={t('partner.country')} options={countries} />
				<FormField field={fields.website} label={t('organisation.website')} type="url" />
				<SelectField field={fields.stage} label={t('partner.stage')} options={PARTNER_STAGES.map((s) => ({ value: s, label: t(`partner.stage.${s}`) }))} />
				<FormField field={fields.focus} label={t('partner.focus')} multiline />
				<div>
					<Button type="submit">{t('partners.add')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'partners.add')
