import { data, Form } from 'react-router'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/competence'
import { addInitiative, competenceNeeds, removeInitiative } from '#app/features/competence/competence.server.ts'
import { initiativeSchema as schema } from '#app/features/competence/schemas.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { listPartners } from '#app/features/partners/partners.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { INITIATIVE_KINDS } from '#db/schema.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { Table } from '#app/ui/table.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// The competence the member companies seek, rolled up to the network (goal 3), against what its members offer, and what the network does about it.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const db = getDb(context)
	const canManage = can(context.get(actorContext), 'manage:competence', { networkId: network.id })
	const [needs, partners] = await Promise.all([competenceNeeds(db, network.id), canManage ? listPartners(db, network.id) : null])
	return {
		network: networkName(network, langFromRequest(request)),
		...needs,
		// Only for those who plan initiatives: the partners that may hold one.
		partners: partners && partners.partners.map((p) => ({ value: String(p.id), label: p.name })),
	}
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:competence', { networkId: network.id })
	const form = await request.formData()
	const actorOf = { networkId: network.id, actorId: actor.personId }
	const db = getDb(context)
	if (form.get('intent') === 'remove') {
		const initiativeId = requireId(String(form.get('initiativeId')))
		const removed = await db.transaction().execute((trx) => removeInitiative(trx, actorOf, initiativeId))
		invariantResponse(removed, 'error.notFound.title', { status: 404 })
		return { result: null, done: 'initiative.removed' as const }
	}
	const submission = parseWithZod(form, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const outcome = await db.transaction().execute((trx) => addInitiative(trx, actorOf, submission.value))
	if ('error' in outcome) return data({ result: submission.reply({ fieldErrors: { partner_id: ['initiative.partnerUnknown'] } }), done: null }, { status: 400 })
	return { result: null, done: 'initiative.added' as const }
}

function Companies({ list, base }: { list: { id: number; name: string }[]; base: string }) {
	return (
		<ul className="plain-list">
			{list.map((c) => (
				<li key={c.id}>
					<AppLink to={`${base}/bedrifter/${c.id}`}>{c.name}</AppLink>
				</li>
			))}
		</ul>
	)
}

function AddInitiative({ partners, competences, lastResult }: { partners: { value: string; label: string }[]; competences: string[]; lastResult: SubmissionResult<string[]> | null }) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id: 'add-initiative', lastResult, defaultValue: { kind: 'course', partner_id: '' } })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
			<FormField field={fields.title} label={t('initiative.title')} />
			<FormField field={fields.competence} label={t('initiative.competence')} description={t('initiative.competenceHint')} list="competences" />
			<datalist id="competences">
				{competences.map((c) => (
					<option key={c} value={c} />
				))}
			</datalist>
			<SelectField field={fields.kind} label={t('initiative.kind')} options={INITIATIVE_KINDS.map((k) => ({ value: k, label: t(`initiative.kind.${k}`) }))} />
			<SelectField field={fields.partner_id} label={t('initiative.partner')} options={[{ value: '', label: t('initiative.noPartner') }, ...partners]} />
			<FormField field={fields.starts_on} label={t('initiative.startsOn')} type="date" />
			<FormField field={fields.description} label={t('initiative.description')} multiline />
			<div>
				<Button type="submit">{t('initiative.add')}</Button>
			</div>
		</Form>
	)
}

export default function Competence({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}`
	const day = (i: { starts_on: string | null }) => (i.starts_on ? <time dateTime={i.starts_on}>{formatDateTime(lang, i.starts_on, 'date')}</time> : t('initiative.noDate'))
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('competence.title')}
			</Heading>
			<Paragraph>{t('competence.intro', { network: d.network })}</Paragraph>
			{d.needs.length === 0 ? (
				<Paragraph>{t('competence.empty')}</Paragraph>
			) : (
				<>
					<Paragraph>{t('competence.summary', { seeking: d.seeking, companies: d.companies, needs: d.needs.length, gaps: d.needs.filter((n) => n.offeredBy.length === 0).length })}</Paragraph>
					<Table>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('competence.column.competence')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.wanted')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.offered')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.initiatives')}</Table.HeaderCell>
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{d.needs.map((n) => (
								<Table.Row key={n.competence}>
									<Table.HeaderCell scope="row">
										{n.competence}
										{n.offeredBy.length === 0 ? (
											<>
												{' '}
												<Tag data-color="warning" data-size="sm">
													{t('competence.gap')}
												</Tag>
											</>
										) : null}
									</Table.HeaderCell>
									<Table.Cell>
										<Companies list={n.wantedBy} base={base} />
									</Table.Cell>
									<Table.Cell>{n.offeredBy.length === 0 ? t('competence.nobody') : <Companies list={n.offeredBy} base={base} />}</Table.Cell>
									<Table.Cell>
										{n.initiatives.length > 0 ? (
											<ul className="plain-list">
												{n.initiatives.map((i) => (
													<li key={i.id}>{i.title}</li>
												))}
											</ul>
										) : null}
									</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				</>
			)}
			<section className="stack" aria-labelledby="initiatives">
				<Heading level={2} data-size="md" id="initiatives">
					{t('competence.initiatives')}
				</Heading>
				{actionData?.done ? (
					<Alert data-color="success" role="status">
						{t(actionData.done)}
					</Alert>
				) : null}
				{d.initiatives.length === 0 ? (
					<Paragraph>{t('competence.noInitiatives')}</Paragraph>
				) : (
					<Table>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('initiative.title')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.competence')}</Table.HeaderCell>
								<Table.HeaderCell>{t('initiative.kind')}</Table.HeaderCell>
								<Table.HeaderCell>{t('initiative.partner')}</Table.HeaderCell>
								<Table.HeaderCell>{t('initiative.startsOn')}</Table.HeaderCell>
								{d.partners ? <Table.HeaderCell>{t('initiative.removeShort')}</Table.HeaderCell> : null}
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{d.initiatives.map((i) => (
								<Table.Row key={i.id}>
									<Table.Cell>
										{i.title}
										{i.description ? <Paragraph data-size="sm">{i.description}</Paragraph> : null}
									</Table.Cell>
									<Table.Cell>{i.competence}</Table.Cell>
									<Table.Cell>{t(`initiative.kind.${i.kind}`)}</Table.Cell>
									<Table.Cell>{i.partner_id ? <AppLink to={`${base}/fagmiljoer/${i.partner_id}`}>{i.partner}</AppLink> : t('initiative.noPartner')}</Table.Cell>
									<Table.Cell>{day(i)}</Table.Cell>
									{d.partners ? (
										<Table.Cell>
											<Form method="post">
												<input type="hidden" name="intent" value="remove" />
												<input type="hidden" name="initiativeId" value={i.id} />
												<Button type="submit" variant="tertiary" data-size="sm" aria-label={t('initiative.remove', { title: i.title })}>
													{t('initiative.removeShort')}
												</Button>
											</Form>
										</Table.Cell>
									) : null}
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				)}
				{d.partners ? (
					<>
						<Heading level={3} data-size="sm">
							{t('initiative.add')}
						</Heading>
						<AddInitiative key={d.initiatives.length} partners={d.partners} competences={d.needs.map((n) => n.competence)} lastResult={actionData?.result ?? null} />
					</>
				) : null}
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'competence.title')
