import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-effort'
import { listCommitments } from '#app/features/commitment/agreements.server.ts'
import { effortTotals, listEffort } from '#app/features/commitment/effort.server.ts'
import { ledgerFilterFrom } from '#app/features/commitment/ledger-filter.ts'
import { rateSchema as schema } from '#app/features/commitment/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { audit } from '#app/platform/audit.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatNumber } from '#app/platform/i18n.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { PlainSelect } from '#app/ui/plain-select.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Pager, pageOf } from '#app/ui/pager.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const db = getDb(context)
	const url = new URL(request.url)
	const filter = ledgerFilterFrom(url.searchParams)
	const page = pageOf(url)
	const [rows, totals, companies, people, settings] = await Promise.all([
		// One page of entries, and one more to say whether another page follows; the totals cover every entry the filter finds, as the exports do.
		listEffort(db, network.id, filter, { limit: PAGE + 1, offset: (page - 1) * PAGE }),
		effortTotals(db, network.id, filter),
		listCommitments(db, network.id),
		db.selectFrom('effort_entry as e').innerJoin('person as p', 'p.id', 'e.person_id').select(['p.id', 'p.name']).distinct().where('e.network_id', '=', network.id).orderBy('p.name').execute(),
		db.selectFrom('network').select(['rate_rule', 'hourly_rate']).where('id', '=', network.id).executeTakeFirstOrThrow(),
	])
	return { rows: rows.slice(0, PAGE), page, more: rows.length > PAGE, totals, companies, people, filter, query: url.search, settings }
}

const PAGE = 50

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
	await getDb(context)
		.transaction()
		.execute(async (trx) => {
			await trx.updateTable('network').set(submission.value).where('id', '=', network.id).execute()
			await audit(trx, { network_id: network.id, actor_id: actor.personId, action: 'effort.rate', entity_type: 'effort', entity_id: network.id, summary: `${submission.value.rate_rule} ${submission.value.hourly_rate}` })
		})
	return { result: submission.reply(), saved: true }
}

export default function AdminEffort({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const [form, fields] = useSchemaForm(schema, {
		lastResult: actionData?.result,
		defaultValue: { rate_rule: d.settings.rate_rule, hourly_rate: String(d.settings.hourly_rate) },
	})
	const exportBase = `/n/${params.network}/admin/innsats/eksport${d.query ? `${d.query}&` : '?'}`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('ledger.title')}
			</Heading>
			<Form method="get" className="row" aria-label={t('ledger.filter')}>
				<PlainSelect
					id="bedrift"
					name="bedrift"
					label={t('effort.company')}
					defaultValue={d.filter.organisationId ? String(d.filter.organisationId) : ''}
					options={[{ value: '', label: t('ledger.all') }, ...d.companies.map((c) => ({ value: c.id, label: c.name }))]}
				/>
				<PlainSelect
					id="person"
					name="person"
					label={t('effort.person')}
					defaultValue={d.filter.personId ? String(d.filter.personId) : ''}
					options={[{ value: '', label: t('ledger.all') }, ...d.people.map((p) => ({ value: p.id, label: p.name }))]}
				/>
				<PlainSelect
					id="aktivitet"
					name="aktivitet"
					label={t('effort.activity')}
					defaultValue={d.filter.activity ?? ''}
					options={[{ value: '', label: t('ledger.all') }, ...(['gathering', 'idea', 'workshop', 'other'] as const).map((a) => ({ value: a, label: t(`effort.activity.${a}`) }))]}
				/>
				<Field>
					<Label htmlFor="fra">{t('ledger.from')}</Label>
					<Input id="fra" name="fra" type="date" defaultValue={d.filter.from ?? ''} />
				</Field>
				<Field>
					<Label htmlFor="til">{t('ledger.to')}</Label>
					<Input id="til" name="til" type="date" defaultValue={d.filter.to ?? ''} />
				</Field>
				<Button type="submit" variant="secondary">
					{t('ledger.filter')}
				</Button>
			</Form>
			<Paragraph>{t('ledger.totals', { approved: formatNumber(lang, d.totals.approvedHours), value: formatNumber(lang, d.totals.valueNok), submitted: formatNumber(lang, d.totals.submittedHours) })}</Paragraph>
			<div className="row">
				<Link href={`${exportBase}format=csv`}>{t('ledger.exportCsv')}</Link>
				<Link href={`${exportBase}format=pdf`}>{t('ledger.exportPdf')}</Link>
			</div>
			<Table>
				<Table.Head>
					<Table.Row>
						<Table.HeaderCell>{t('effort.date')}</Table.HeaderCell>
						<Table.HeaderCell>{t('effort.person')}</Table.HeaderCell>
						<Table.HeaderCell>{t('effort.company')}</Table.HeaderCell>
						<Table.HeaderCell>{t('effort.activity')}</Table.HeaderCell>
						<Table.HeaderCell>{t('effort.hours')}</Table.HeaderCell>
						<Table.HeaderCell>{t('effort.value')}</Table.HeaderCell>
						<Table.HeaderCell>Status</Table.HeaderCell>
					</Table.Row>
				</Table.Head>
				<Table.Body>
					{d.rows.map((r) => (
						<Table.Row key={r.id}>
							<Table.Cell>{r.date}</Table.Cell>
							<Table.Cell>{r.person}</Table.Cell>
							<Table.Cell>{r.company}</Table.Cell>
							<Table.Cell>{r.gathering ?? t(`effort.activity.${r.activity}`)}</Table.Cell>
							<Table.Cell>{formatNumber(lang, r.hours)}</Table.Cell>
							<Table.Cell>{formatNumber(lang, r.value_nok)}</Table.Cell>
							<Table.Cell>{t(`effort.status.${r.status}`)}</Table.Cell>
						</Table.Row>
					))}
				</Table.Body>
			</Table>
			<Pager label={t('ledger.pages')} page={d.page} more={d.more} />
			<section className="stack" aria-labelledby="rate-heading">
				<Heading level={2} data-size="sm" id="rate-heading">
					{t('ledger.rateTitle')}
				</Heading>
				{actionData?.saved ? (
					<Alert data-color="success" role="status">
						{t('ledger.rateSaved')}
					</Alert>
				) : null}
				<Form method="post" className="form" {...getFormProps(form)}>
					<SelectField field={fields.rate_rule} label={t('ledger.rateRule')} options={(['fixed', 'own'] as const).map((r) => ({ value: r, label: t(`ledger.rule.${r}`) }))} />
					<FormField field={fields.hourly_rate} label={t('ledger.rate')} type="number" />
					<div>
						<Button type="submit" variant="secondary">
							{t('ledger.rateSave')}
						</Button>
					</div>
				</Form>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'ledger.title')
