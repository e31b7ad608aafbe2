import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-agreement'
import { getCurrentAgreement, publishAgreement } from '#app/features/commitment/agreements.server.ts'
import { agreementSchema as schema } from '#app/features/commitment/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	return { current: (await getCurrentAgreement(getDb(context), network.id)) ?? null }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), version: null }, { status: 400 })
	const { period_start, period_end, ...terms } = submission.value
	const { version } = await getDb(context)
		.transaction()
		.execute((trx) => publishAgreement(trx, { networkId: network.id, actorId: actor.personId }, { ...terms, period_start: `${period_start}T00:00:00.000Z`, period_end: `${period_end}T00:00:00.000Z` }))
	return { result: submission.reply(), version }
}

export default function AdminAgreement({ loaderData: { current }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, {
		lastResult: actionData?.result,
		defaultValue: current
			? { ...current, period_start: current.period_start.slice(0, 10), period_end: current.period_end.slice(0, 10), egenandel_nok: String(current.egenandel_nok), hours_per_year: String(current.hours_per_year), gatherings_per_year: String(current.gatherings_per_year) }
			: { title: 'Deltakeravtale', hours_per_year: '40', gatherings_per_year: '4' },
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('agreementAdmin.title')}
			</Heading>
			{actionData?.version ? (
				<Alert data-color="success" role="status">
					{t('agreementAdmin.published', { version: actionData.version })}
				</Alert>
			) : null}
			{current ? (
				<Paragraph>
					{t('agreement.versionOf', { version: current.version })} · <AppLink to={`/n/${params.network}/avtale`}>{t('agreement.title')}</AppLink>
				</Paragraph>
			) : (
				<Paragraph>{t('agreement.none')}</Paragraph>
			)}
			<Heading level={2} data-size="md">
				{t('agreementAdmin.newVersion')}
			</Heading>
			<Paragraph>{t('agreementAdmin.intro')}</Paragraph>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.title} label={t('gatheringAdmin.title')} />
				<FormField field={fields.period_start} label={t('agreementAdmin.periodStart')} type="date" />
				<FormField field={fields.period_end} label={t('agreementAdmin.periodEnd')} type="date" />
				<FormField field={fields.egenandel_nok} label={t('agreementAdmin.egenandel')} type="number" />
				<FormField field={fields.hours_per_year} label={t('agreementAdmin.hours')} type="number" />
				<FormField field={fields.gatherings_per_year} label={t('agreementAdmin.gatherings')} type="number" />
				<FormField field={fields.body} label={t('agreementAdmin.body')} multiline />
				<div>
					<Button type="submit">{t('agreementAdmin.publish')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'agreementAdmin.title')
