import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Details, Field, Heading, Input, Label, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/agreement'
import { acceptAgreement, getCurrentAgreement, listAcceptances, withdrawCompany } from '#app/features/commitment/agreements.server.ts'
import { acceptSchema as schema, day } from '#app/features/commitment/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, formatNumber } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { CheckboxField } from '#app/ui/checkbox-field.tsx'
import { FormField } from '#app/ui/form-field.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// Everyone in the network reads the agreement; the company's contact accepts it.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
	const db = getDb(context)
	const canAccept = can(actor, 'accept:agreement', { networkId: network.id, organisationId: actor.organisationId })
	const [agreement, company, acceptances] = await Promise.all([
		getCurrentAgreement(db, network.id),
		actor.organisationId
			? db
					.selectFrom('network_organisation as no')
					.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
					.select(['o.id', 'o.name', 'no.status'])
					.where('no.network_id', '=', network.id)
					.where('no.organisation_id', '=', actor.organisationId)
					.executeTakeFirst()
			: undefined,
		canAccept && actor.organisationId ? listAcceptances(db, { networkId: network.id, organisationId: actor.organisationId }) : [],
	])
	return { agreement: agreement ?? null, company: company ?? null, canAccept, acceptances, signer: actor.name }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	// Signed in and in the network; whether they may accept for the company is the policy's word, told back in the page.
	const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
	const isContact = can(actor, 'accept:agreement', { networkId: network.id, organisationId: actor.organisationId })
	if (!isContact) return data({ result: null, error: 'agreement.notContact' as const, accepted: false }, { status: 403 })
	const formData = await request.formData()
	if (formData.get('intent') === 'withdraw') {
		const endDate = day.safeParse(formData.get('endDate'))
		if (!endDate.success) return data({ result: null, error: 'field.date' as const, accepted: false }, { status: 400 })
		const done = await getDb(context)
			.transaction()
			.execute((trx) => withdrawCompany(trx, { networkId: network.id, actorId: actor.personId }, actor.organisationId!, endDate.data))
		if (!done) return data({ result: null, error: 'error.badRequest.title' as const, accepted: false }, { status: 400 })
		return { result: null, error: null, accepted: false, withdrawn: true }
	}
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), error: null, accepted: false }, { status: 400 })
	const result = await acceptAgreement(
		getDb(context),
		{ networkId: network.id, person: { id: actor.personId, organisationId: actor.organisationId, isContact } },
		{ agreementId: submission.value.agreementId, hash: submission.value.hash, signer_name: submission.value.signer_name, signer_title: submission.value.signer_title },
	)
	if ('error' in result) {
		const status = result.error === 'outdated' ? 409 : result.error === 'notContact' ? 403 : 400
		return data({ result: submission.reply(), error: `agreement.${result.error}` as const, accepted: false }, { status })
	}
	return { result: submission.reply({ resetForm: true }), error: null, accepted: true }
}

export default function AgreementPage({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const a = d.agreement
	const [form, fields] = useSchemaForm(schema, {
		id: 'accept',
		lastResult: actionData?.result,
		defaultValue: { signer_name: d.signer },
	})
	if (!a) {
		return (
			<main id="main" className="page">
				<Heading level={1} data-size="lg">
					{t('agreement.title')}
				</Heading>
				<Paragraph>{t('agreement.none')}</Paragraph>
			</main>
		)
	}
	const acceptedCurrent = d.acceptances.some((x) => x.version === a.version)
	return (
		<main id="main" className="page">
			<div className="row">
				<Heading level={1} data-size="lg">
					{a.title}
				</Heading>
				<Tag data-color="info">{t('agreement.versionOf', { version: a.version })}</Tag>
			</div>
			<dl className="facts">
				<dt>{t('agreement.period')}</dt>
				<dd>
					{formatDateTime(lang, a.period_start, 'date')} – {formatDateTime(lang, a.period_end, 'date')}
				</dd>
				<dt>{t('agreement.egenandel')}</dt>
				<dd>{formatNumber(lang, a.egenandel_nok)} kr</dd>
				<dt>{t('agreement.hours')}</dt>
				<dd>{a.hours_per_year}</dd>
				<dt>{t('agreement.gatherings')}</dt>
				<dd>{a.gatherings_per_year}</dd>
			</dl>
			{a.body.split(/\n{2,}/).map((p, i) => (
				<Paragraph key={i}>{p}</Paragraph>
			))}
			{actionData?.accepted ? (
				<Alert data-color="success" role="status">
					{t('agreement.accepted', { company: d.company?.name ?? '' })}
				</Alert>
			) : null}
			{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
			{d.canAccept && d.company && !acceptedCurrent ? (
				<section className="stack" aria-labelledby="accept-heading">
					<Heading level={2} data-size="md" id="accept-heading">
						{t('agreement.accept', { company: d.company.name })}
					</Heading>
					<Form method="post" className="form" {...getFormProps(form)}>
						<input type="hidden" name="agreementId" value={a.id} />
						<input type="hidden" name="hash" value={a.hash} />
						<FormField field={fields.signer_name} label={t('agreement.signerName')} autoComplete="name" />
						<FormField field={fields.signer_title} label={t('agreement.signerTitle')} autoComplete="organization-title" />
						<CheckboxField field={fields.confirm} label={t('agreement.confirm')} />
						<div>
							<Button type="submit">{t('agreement.acceptButton')}</Button>
						</div>
					</Form>
				</section>
			) : !d.canAccept ? (
				<Paragraph>{t('agreement.onlyContact')}</Paragraph>
			) : null}
			{actionData && 'withdrawn' in actionData ? (
				<Alert data-color="success" role="status">
					{t('agreement.withdrawn', { company: d.company?.name ?? '' })}
				</Alert>
			) : null}
			{d.canAccept && d.company?.status === 'member' ? (
				<Details>
					<Details.Summary>{t('agreement.withdraw', { company: d.company.name })}</Details.Summary>
					<Details.Content>
						<Form method="post" className="row">
							<input type="hidden" name="intent" value="withdraw" />
							<Field>
								<Label htmlFor="endDate">{t('commitment.withdrawDate', { name: d.company.name })}</Label>
								<Input id="endDate" name="endDate" type="date" required />
							</Field>
							<Button type="submit" variant="secondary" data-color="danger">
								{t('commitment.withdraw')}
							</Button>
						</Form>
					</Details.Content>
				</Details>
			) : null}
			{d.acceptances.length ? (
				<section className="stack" aria-labelledby="signed-heading">
					<Heading level={2} data-size="sm" id="signed-heading">
						{t('agreement.yourAcceptances')}
					</Heading>
					<List.Unordered>
						{d.acceptances.map((x) => (
							<List.Item key={x.id}>
								<Link href={`/n/${params.network}/avtale/${x.id}/pdf`}>{t('agreement.download', { version: x.version, name: x.signer_name })}</Link> ({formatDateTime(lang, x.accepted_at)})
							</List.Item>
						))}
					</List.Unordered>
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'agreement.title')
