import { data, Form, redirect } from 'react-router'
import { Fragment } from 'react'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/partners'
import { countryName, countryOptions, HOME } from '#app/features/partners/countries.ts'
import { addPartner, listPartners } from '#app/features/partners/partners.server.ts'
import { partnerSchema as schema } from '#app/features/partners/schemas.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { PARTNER_STAGES } from '#db/schema.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { Table } from '#app/ui/table.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// The register of knowledge partners (goal 4): who the network is in touch with, at home and abroad, and how far each has come.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const lang = langFromRequest(request)
	const { partners, ...counts } = await listPartners(getDb(context), network.id)
	const canManage = can(context.get(actorContext), 'manage:partner', { networkId: network.id })
	// Countries are named here, not in the browser, whose names for some differ from the server's.
	return {
		network: networkName(network, lang),
		...counts,
		partners: partners.map((p) => ({ ...p, place: [p.town, countryName(lang, p.country)].filter(Boolean).join(', ') })),
		countries: canManage ? countryOptions(lang) : null,
	}
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

function AddPartner({ countries, lastResult }: { countries: { value: string; label: string }[]; lastResult: SubmissionResult<string[]> | null }) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id: 'add-partner', lastResult, defaultValue: { kind: 'research', country: HOME, stage: 'identified' } })
	return (
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
	)
}

export default function Partners({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}/fagmiljoer`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('partners.title')}
			</Heading>
			<Paragraph>{t('partners.intro', { network: d.network })}</Paragraph>
			{d.partners.length === 0 ? (
				<Paragraph>{t('partners.empty')}</Paragraph>
			) : (
				<>
					<Paragraph>
						{t('partners.count', { count: d.partners.length })} · {t('partners.abroad', { count: d.abroad })}
					</Paragraph>
					<section className="stack" aria-labelledby="stages">
						<Heading level={2} data-size="sm" id="stages">
							{t('partners.stages')}
						</Heading>
						<dl className="facts">
							{PARTNER_STAGES.map((s) => (
								<Fragment key={s}>
									<dt>{t(`partner.stage.${s}`)}</dt>
									<dd>{d.stages[s]}</dd>
								</Fragment>
							))}
						</dl>
					</section>
					<section className="stack" aria-labelledby="list">
						<Heading level={2} data-size="sm" id="list">
							{t('partners.list')}
						</Heading>
						<Table>
							<Table.Head>
								<Table.Row>
									<Table.HeaderCell>{t('partners.column.name')}</Table.HeaderCell>
									<Table.HeaderCell>{t('organisation.kind')}</Table.HeaderCell>
									<Table.HeaderCell>{t('partners.column.place')}</Table.HeaderCell>
									<Table.HeaderCell>{t('partner.stage')}</Table.HeaderCell>
									<Table.HeaderCell>{t('partners.column.latest')}</Table.HeaderCell>
								</Table.Row>
							</Table.Head>
							<Table.Body>
								{d.partners.map((p) => (
									<Table.Row key={p.id}>
										<Table.Cell>
											<AppLink to={`${base}/${p.id}`}>{p.name}</AppLink>
										</Table.Cell>
										<Table.Cell>{t(`organisation.kind.${p.kind}`)}</Table.Cell>
										<Table.Cell>{p.place}</Table.Cell>
										<Table.Cell>
											<Tag data-color={p.stage === 'agreement' ? 'success' : 'neutral'}>{t(`partner.stage.${p.stage}`)}</Tag>
										</Table.Cell>
										<Table.Cell>{p.latest_activity ? <time dateTime={p.latest_activity}>{formatDateTime(lang, p.latest_activity, 'date')}</time> : t('partners.noActivity')}</Table.Cell>
									</Table.Row>
								))}
							</Table.Body>
						</Table>
					</section>
				</>
			)}
			{d.countries ? (
				<section className="stack" aria-labelledby="add">
					<Heading level={2} data-size="sm" id="add">
						{t('partners.add')}
					</Heading>
					<AddPartner countries={d.countries} lastResult={actionData?.result ?? null} />
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'partners.title')
