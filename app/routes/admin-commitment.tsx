import { data, Form } from 'react-router'
import { Alert, Button, Details, Field, Fieldset, Heading, Input, Label, List, Paragraph, Tag } from '@digdir/designsystemet-react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { Route } from './+types/admin-commitment'
import { commitmentHistories, getComposition, getCurrentAgreement, inviteToCommit, listCommitments, withdrawCompany } from '#app/features/commitment/agreements.server.ts'
import { day, inviteSchema } from '#app/features/commitment/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, isMessageKey, type MessageKey } from '#app/platform/i18n.ts'
import { Checkbox } from '#app/ui/checkbox-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const db = getDb(context)
	const [companies, histories, composition, agreement] = await Promise.all([
		listCommitments(db, network.id),
		commitmentHistories(db, network.id),
		getComposition(db, network.id),
		getCurrentAgreement(db, network.id),
	])
	return { companies: companies.map((c) => ({ ...c, history: histories.get(c.id) ?? [] })), composition, hasAgreement: Boolean(agreement) }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:commitment', { networkId: network.id })
	const db = getDb(context)
	const form = await request.formData()
	if (form.get('intent') === 'withdraw') {
		const endDate = day.safeParse(form.get('endDate'))
		if (!endDate.success) return data({ notice: null, error: 'field.date' as MessageKey, skipped: [] as string[] }, { status: 400 })
		const organisationId = Number(form.get('organisationId'))
		const company = (await listCommitments(db, network.id)).find((c) => c.id === organisationId)
		invariantResponse(company, 'error.notFound.title', { status: 404 })
		const done = await db.transaction().execute((trx) => withdrawCompany(trx, { networkId: network.id, actorId: actor.personId }, organisationId, endDate.data))
		return done ? { notice: notice('commitment.withdrawn', { name: company.name }), error: null, skipped: [] } : data({ notice: null, error: 'error.badRequest.title' as MessageKey, skipped: [] as string[] }, { status: 400 })
	}
	invariantResponse(await getCurrentAgreement(db, network.id), 'commitment.noAgreement', { status: 400 })
	const submission = parseWithZod(form, { schema: inviteSchema })
	if (submission.status !== 'success') {
		const error = Object.values(submission.error ?? {}).flat()[0]
		return data({ notice: null, error: (error && isMessageKey(error) ? error : 'common.formErrors') as MessageKey, skipped: [] as string[] }, { status: 400 })
	}
	const { skipped } = await inviteToCommit(
		db,
		{ network, actorId: actor.personId, origin: new URL(request.url).origin },
		{ organisationIds: submission.value.organisationIds, deadline: `${submission.value.deadline}T22:59:00.000Z` },
	)
	return { notice: notice('commitment.invited', { count: submission.value.organisationIds.length - skipped.length }), error: null, skipped }
}

const notice = (key: MessageKey, values: Record<string, string | number>) => ({ key, values })

export default function AdminCommitment({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const c = d.composition
	const invitable = d.companies.filter((x) => x.status === 'prospect' || x.status === 'invited')
	const rule = (ok: boolean, text: string) => (
		<List.Item>
			<Tag data-color={ok ? 'success' : 'danger'}>{ok ? t('composition.ok') : t('composition.notOk')}</Tag> {text}
		</List.Item>
	)
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('commitment.title')}
			</Heading>
			<Paragraph>{t('commitment.intro')}</Paragraph>
			{actionData?.notice ? (
				<Alert data-color="success" role="status">
					{t(actionData.notice.key, actionData.notice.values)}
					{actionData.skipped.length ? ` ${t('commitment.skipped', { names: actionData.skipped.join(', ') })}` : ''}
				</Alert>
			) : null}
			{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
			<section className="stack" aria-labelledby="composition-heading">
				<Heading level={2} data-size="md" id="composition-heading">
					{t('composition.title')}
				</Heading>
				<List.Unordered>
					{rule(c.smes.ok, t('composition.smes', { count: c.smes.detail.count! }))}
					{rule(c.share.ok, t('composition.share', { smes: c.share.detail.smes!, participants: c.share.detail.participants! }))}
					{rule(c.ties.ok, c.ties.ok ? t('composition.ties') : t('composition.tiesFound', { pairs: c.ties.pairs.map((p) => p.join(' – ')).join('; ') }))}
				</List.Unordered>
				{c.unknownSize.length ? <Paragraph>{t('composition.unknown', { names: c.unknownSize.join(', ') })}</Paragraph> : null}
			</section>
			<section className="stack" aria-labelledby="invite-heading">
				<Heading level={2} data-size="md" id="invite-heading">
					{t('commitment.invite')}
				</Heading>
				{!d.hasAgreement ? (
					<Paragraph>
						{t('commitment.noAgreement')} <AppLink to={`/n/${params.network}/admin/avtale`}>{t('admin.agreement')}</AppLink>
					</Paragraph>
				) : invitable.length === 0 ? (
					<Paragraph>{t('commitment.noProspects')}</Paragraph>
				) : (
					<Form method="post" className="form">
						<input type="hidden" name="intent" value="invite" />
						<Paragraph>{t('commitment.inviteHint')}</Paragraph>
						<Fieldset>
							<Fieldset.Legend>{t('commitment.chooseCompanies')}</Fieldset.Legend>
							{invitable.map((x) => (
								<Checkbox key={x.id} name="organisationIds" value={String(x.id)} label={`${x.name} (${t(`organisation.status.${x.status}`)})`} />
							))}
						</Fieldset>
						<Field>
							<Label htmlFor="deadline">{t('commitment.deadlineLabel')}</Label>
							<Input id="deadline" name="deadline" type="date" required />
						</Field>
						<div>
							<Button type="submit">{t('commitment.inviteButton')}</Button>
						</div>
					</Form>
				)}
			</section>
			<section className="stack" aria-labelledby="companies-heading">
				<Heading level={2} data-size="md" id="companies-heading">
					{t('directory.organisations')}
				</Heading>
				<Table>
					<Table.Head>
						<Table.Row>
							<Table.HeaderCell>{t('agreement.company')}</Table.HeaderCell>
							<Table.HeaderCell>{t('commitment.status')}</Table.HeaderCell>
							<Table.HeaderCell>{t('commitment.invitedAt')}</Table.HeaderCell>
							<Table.HeaderCell>{t('commitment.deadline')}</Table.HeaderCell>
							<Table.HeaderCell>{t('commitment.memberSince')}</Table.HeaderCell>
							<Table.HeaderCell>{t('commitment.acceptedVersion')}</Table.HeaderCell>
						</Table.Row>
					</Table.Head>
					<Table.Body>
						{d.companies.map((x) => (
							<Table.Row key={x.id}>
								<Table.Cell>
									<AppLink to={`/n/${params.network}/bedrifter/${x.id}`}>{x.name}</AppLink>
									{x.history.length ? (
										<Details>
											<Details.Summary>{t('commitment.history')}</Details.Summary>
											<Details.Content>
												<List.Unordered>
													{x.history.map((h) => (
														<List.Item key={h.id}>
															{formatDateTime(lang, h.created_at)}: {t(`audit.action.${h.action}` as 'audit.action.commitment.invited')} ({h.actor ?? t('audit.system')}) {h.summary}
														</List.Item>
													))}
												</List.Unordered>
											</Details.Content>
										</Details>
									) : null}
								</Table.Cell>
								<Table.Cell>
									<Tag data-color={x.status === 'member' ? 'success' : x.status === 'invited' ? 'info' : x.status === 'withdrawn' ? 'neutral' : 'warning'}>{t(`organisation.status.${x.status}`)}</Tag>
									{x.status === 'withdrawn' && x.withdrawn_at ? ` ${x.withdrawn_at}` : ''}
								</Table.Cell>
								<Table.Cell>{x.invited_at ? formatDateTime(lang, x.invited_at, 'date') : '–'}</Table.Cell>
								<Table.Cell>{x.invite_deadline ? formatDateTime(lang, x.invite_deadline, 'date') : '–'}</Table.Cell>
								<Table.Cell>{x.member_since ? formatDateTime(lang, x.member_since, 'date') : '–'}</Table.Cell>
								<Table.Cell>
									{x.accepted_version ?? '–'}
									{x.status === 'member' ? (
										<Details>
											<Details.Summary>{t('commitment.withdraw')}</Details.Summary>
											<Details.Content>
												<Form method="post" className="row">
													<input type="hidden" name="intent" value="withdraw" />
													<input type="hidden" name="organisationId" value={x.id} />
													<Field>
														<Label htmlFor={`end-${x.id}`}>{t('commitment.withdrawDate', { name: x.name })}</Label>
														<Input id={`end-${x.id}`} name="endDate" type="date" required />
													</Field>
													<Button type="submit" variant="secondary" data-size="sm">
														{t('commitment.withdraw')}
													</Button>
												</Form>
											</Details.Content>
										</Details>
									) : null}
								</Table.Cell>
							</Table.Row>
						))}
					</Table.Body>
				</Table>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'commitment.title')
