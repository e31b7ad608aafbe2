import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-invoices'
import { getCurrentAgreement, listCommitments } from '#app/features/commitment/agreements.server.ts'
import { createInvoice, listInvoices, markInvoice } from '#app/features/commitment/invoices.server.ts'
import { invoiceSchema as schema } from '#app/features/commitment/schemas.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, formatNumber } from '#app/platform/i18n.ts'
import { osloDate } from '#app/platform/time.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const db = getDb(context)
	const outstanding = new URL(request.url).searchParams.get('vis') !== 'alle'
	const [invoices, companies, agreement] = await Promise.all([listInvoices(db, { networkId: network.id, outstanding }), listCommitments(db, network.id), getCurrentAgreement(db, network.id)])
	const nextYear = Number(osloDate().slice(0, 4)) + 1
	return { invoices, outstanding, members: companies.filter((c) => c.status === 'member'), egenandel: agreement?.egenandel_nok ?? null, nextYear }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const db = getDb(context)
	const form = await request.formData()
	const by = { networkId: network.id, actorId: actor.personId }
	const intent = form.get('intent')
	if (intent === 'sent' || intent === 'paid') {
		const done = await db.transaction().execute((trx) => markInvoice(trx, by, requireId(String(form.get('invoiceId'))), intent))
		invariantResponse(done, 'error.notFound.title', { status: 404 })
		return { result: null, notice: intent === 'sent' ? ('invoices.sent' as const) : ('invoices.paid' as const) }
	}
	const submission = parseWithZod(form, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
	const members = await listCommitments(db, network.id)
	if (!members.some((m) => m.id === submission.value.organisation_id)) {
		return data({ result: submission.reply({ fieldErrors: { organisation_id: ['field.organisation'] } }), notice: null }, { status: 400 })
	}
	const created = await db.transaction().execute((trx) => createInvoice(trx, by, submission.value))
	if ('error' in created) return data({ result: submission.reply({ fieldErrors: { period: ['invoices.duplicate'] } }), notice: null }, { status: 409 })
	return { result: submission.reply({ resetForm: true }), notice: 'invoices.created' as const }
}

export default function AdminInvoices({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const [form, fields] = useSchemaForm(schema, {
		lastResult: actionData?.result,
		defaultValue: { period: String(d.nextYear), amount_nok: d.egenandel === null ? '' : String(d.egenandel) },
	})
	const outstanding = d.invoices.filter((i) => !i.paid_at).reduce((sum, i) => sum + i.amount_nok, 0)
	const base = `/n/${params.network}/admin`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('invoices.title')}
			</Heading>
			{actionData?.notice ? (
				<Alert data-color="success" role="status">
					{t(actionData.notice)}
				</Alert>
			) : null}
			<section className="stack" aria-labelledby="new-heading">
				<Heading level={2} data-size="sm" id="new-heading">
					{t('invoices.new')}
				</Heading>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="create" />
					<SelectField field={fields.organisation_id} label={t('invoices.company')} options={[{ value: '', label: '–' }, ...d.members.map((m) => ({ value: String(m.id), label: m.name }))]} />
					<FormField field={fields.period} label={t('invoices.period')} description={t('invoices.periodHint')} />
					<FormField field={fields.amount_nok} label={t('invoices.amount')} type="number" />
					<FormField field={fields.due_date} label={t('invoices.due')} type="date" />
					<div>
						<Button type="submit">{t('invoices.create')}</Button>
					</div>
				</Form>
			</section>
			<section className="stack" aria-labelledby="list-heading">
				<Heading level={2} data-size="sm" id="list-heading">
					{d.outstanding ? t('invoices.outstanding') : t('invoices.all')}
				</Heading>
				<div className="row">
					<AppLink to={d.outstanding ? '?vis=alle' : '?'}>{d.outstanding ? t('invoices.all') : t('invoices.outstanding')}</AppLink>
					<Link href={`${base}/egenandel.csv`}>{t('invoices.export')}</Link>
				</div>
				<Paragraph>{t('invoices.outstandingTotal', { amount: formatNumber(lang, outstanding) })}</Paragraph>
				{d.invoices.length === 0 ? (
					<Paragraph>{t('invoices.none')}</Paragraph>
				) : (
					<Table>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('invoices.company')}</Table.HeaderCell>
								<Table.HeaderCell>{t('invoices.period')}</Table.HeaderCell>
								<Table.HeaderCell>{t('invoices.amount')}</Table.HeaderCell>
								<Table.HeaderCell>{t('invoices.due')}</Table.HeaderCell>
								<Table.HeaderCell>{t('invoices.sent')}</Table.HeaderCell>
								<Table.HeaderCell>{t('invoices.paid')}</Table.HeaderCell>
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{d.invoices.map((i) => (
								<Table.Row key={i.id}>
									<Table.Cell>{i.company}</Table.Cell>
									<Table.Cell>{i.period}</Table.Cell>
									<Table.Cell>{formatNumber(lang, i.amount_nok)}</Table.Cell>
									<Table.Cell>{i.due_date}</Table.Cell>
									{(['sent', 'paid'] as const).map((mark) => {
										const at = mark === 'sent' ? i.sent_at : i.paid_at
										return (
											<Table.Cell key={mark}>
												{at ? (
													formatDateTime(lang, at, 'date')
												) : (
													<Form method="post">
														<input type="hidden" name="intent" value={mark} />
														<input type="hidden" name="invoiceId" value={i.id} />
														<Button type="submit" variant="secondary" data-size="sm" aria-label={`${mark === 'sent' ? t('invoices.markSent') : t('invoices.markPaid')}: ${i.company} ${i.period}`}>
															{mark === 'sent' ? t('invoices.markSent') : t('invoices.markPaid')}
														</Button>
													</Form>
												)}
											</Table.Cell>
										)
									})}
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				)}
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'invoices.title')
