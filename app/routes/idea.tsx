import { data, Form } from 'react-router'
import { Alert, Button, Details, Field, Heading, Input, Label, Link, List, Paragraph, Select, Tag, Textarea } from '@digdir/designsystemet-react'
import type { Route } from './+types/idea'
import { listOrganisationChoices } from '#app/features/directory/directory.server.ts'
import { addBudgetLine, commentOnIdea, evaluateIdea, getBudget, getCriteria, getIdea, joinIdea, listScores, moveIdea, recordDecision, removeBudgetLine } from '#app/features/ideas/ideas.server.ts'
import { budgetLineSchema, commentSchema, decisionSchema, joinSchema, moveSchema, parseScores } from '#app/features/ideas/schemas.ts'
import { nextStages, weightedScore } from '#app/features/ideas/stages.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse } from '#app/platform/guard.server.ts'
import { formatDateTime, formatNumber, isMessageKey, type MessageKey } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { osloDate } from '#app/platform/time.ts'
import { documentTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { Table } from '#app/ui/table.tsx'

async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	const db = getDb(context)
	// An idea outside the viewer's audience does not exist for them.
	const idea = await getIdea(db, { networkId: network.id, viewer, ideaId: requireId(params.ideaId) })
	invariantResponse(idea, 'error.notFound.title', { status: 404 })
	const actor = context.get(actorContext)
	const partyIds = new Set(idea.parties.filter((p) => p.role !== 'interested').map((p) => p.id))
	const rights = {
		join: can(actor, 'join:idea', { networkId: network.id, organisationId: viewer.organisationId }),
		manage: can(actor, 'manage:idea', { networkId: network.id }),
		evaluate: can(actor, 'evaluate:idea', { networkId: network.id }),
		decide: can(actor, 'decide:idea', { networkId: network.id }),
		budget: idea.author_id === viewer.personId || (viewer.organisationId !== null && partyIds.has(viewer.organisationId)) || can(actor, 'manage:idea', { networkId: network.id }),
	}
	return { network, viewer, idea, db, rights }
}

export async function loader(args: Route.LoaderArgs) {
	const { network, viewer, idea, db, rights } = await load(args)
	const [criteria, scores, budget, organisations] = await Promise.all([getCriteria(db, network.id), listScores(db, idea.id), getBudget(db, idea.id), listOrganisationChoices(db, network.id)])
	const mine = scores.filter((s) => s.evaluator_id === viewer.personId)
	return { idea, rights, moves: nextStages(viewer, idea), criteria, scores, mine, evaluation: weightedScore(criteria, scores), budget, organisations, today: osloDate() }
}

type Result = { notice: MessageKey | null; error: MessageKey | null; intent: string; values: Record<string, string> }

export async function action(args: Route.ActionArgs) {
	const { network, viewer, idea, db, rights } = await load(args)
	const form = await args.request.formData()
	const intent = String(form.get('intent') ?? '')
	const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]))
	const fail = (error: MessageKey, status = 400) => data<Result>({ notice: null, error, intent, values }, { status })
	const done = (notice: MessageKey): Result => ({ notice, error: null, intent, values: {} })
	const firstError = (issues: { message: string }[]) => (isMessageKey(issues[0]?.message ?? '') ? (issues[0]!.message as MessageKey) : 'common.formErrors')
	const by = { networkId: network.id, viewer, ideaId: idea.id }

	switch (intent) {
		case 'join': {
			const parsed = joinSchema.safeParse(values)
			if (!parsed.success) return fail(firstError(parsed.error.issues))
			// A company's contact joins their own company; the project leader can name any organisation in the network.
			const organisationId = rights.manage && parsed.data.organisation_id ? parsed.data.organisation_id : rights.join ? viewer.organisationId : null
			if (!organisationId) return fail('error.forbidden.title', 403)
			if (!(await listOrganisationChoices(db, network.id)).some((o) => o.id === organisationId)) return fail('field.organisation')
			await db.transaction().execute((trx) => joinIdea(trx, by, { organisationId, role: parsed.data.role }))
			return done('ideas.joined')
		}
		case 'move': {
			const parsed = moveSchema.safeParse(values)
			if (!parsed.success) return fail(firstError(parsed.error.issues))
			const moved = await db.transaction().execute((trx) => moveIdea(trx, by, parsed.data))
			return 'error' in moved ? fail('ideas.notAllowed', 403) : done('ideas.moved')
		}
		case 'comment': {
			const parsed = commentSchema.safeParse(values)
			if (!parsed.success) return fail(firstError(parsed.error.issues))
			await commentOnIdea(db, { network, viewer, ideaId: idea.id, origin: new URL(args.request.url).origin }, parsed.data.body)
			return done('ideas.commented')
		}
		case 'evaluate': {
			if (!rights.evaluate) return fail('error.forbidden.title', 403)
			const scores = parseScores(form, await getCriteria(db, network.id))
			if (!scores) return fail('ideas.score.invalid')
			await db.transaction().execute((trx) => evaluateIdea(trx, by, scores))
			return done('ideas.evaluated')
		}
		case 'decide': {
			if (!rights.decide) return fail('error.forbidden.title', 403)
			const parsed = decisionSchema.safeParse(values)
			if (!parsed.success) return fail(firstError(parsed.error.issues))
			await db.transaction().execute((trx) => recordDecision(trx, by, parsed.data))
			return done('ideas.decided')
		}
		case 'budget-add':
		case 'budget-remove': {
			if (!rights.budget) return fail('error.forbidden.title', 403)
			if (intent === 'budget-remove') {
				const removed = await db.transaction().execute((trx) => removeBudgetLine(trx, by, Number(values.lineId)))
				return 'error' in removed ? fail(removed.error === 'exceeds' ? 'ideas.budget.exceeds' : 'error.notFound.title', removed.error === 'exceeds' ? 400 : 404) : done('common.saved')
			}
			const parsed = budgetLineSchema.safeParse(values)
			if (!parsed.success) return fail(firstError(parsed.error.issues))
			const added = await db.transaction().execute((trx) => addBudgetLine(trx, by, { ...parsed.data, organisation_id: parsed.data.organisation_id ?? null }))
			return 'error' in added ? fail('ideas.budget.exceeds') : done('common.saved')
		}
		default:
			return fail('error.badRequest.title')
	}
}

export default function IdeaPage({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const i = d.idea
	const kept = (intent: string, name: string) => (actionData?.intent === intent ? actionData.values[name] : undefined)
	const reasons = [
		!i.composition.smes.ok ? t('composition.smes', { count: i.composition.smes.detail.count! }) : null,
		!i.composition.share.ok ? t('composition.share', { smes: i.composition.share.detail.smes!, participants: i.composition.share.detail.participants! }) : null,
		!i.composition.ties.ok ? t('composition.tiesFound', { pairs: i.composition.ties.pairs.map((p) => p.join(' – ')).join('; ') }) : null,
	].filter(Boolean)
	const nok = (n: number) => formatNumber(lang, n)
	return (
		<main id="main" className="page">
			<div className="row">
				<Heading level={1} data-size="lg">
					{i.title}
				</Heading>
				<Tag data-color="info">{t(`ideas.stage.${i.stage}`)}</Tag>
				{i.audience !== 'members' ? <Tag data-color="warning">{t(`ideas.audience.${i.audience}`)}</Tag> : null}
			</div>
			<Paragraph className="muted">{t('ideas.author', { name: i.author ?? '–' })}</Paragraph>
			{actionData?.notice ? (
				<Alert data-color="success" role="status">
					{t(actionData.notice)}
				</Alert>
			) : null}
			{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
			<dl className="facts">
				<dt>{t('ideas.field.problem')}</dt>
				<dd>{i.problem}</dd>
				<dt>{t('ideas.field.solution')}</dt>
				<dd>{i.solution}</dd>
				<dt>{t('ideas.field.beneficiaries')}</dt>
				<dd>{i.beneficiaries}</dd>
				{i.competences ? (
					<>
						<dt>{t('ideas.field.competences')}</dt>
						<dd>{i.competences}</dd>
					</>
				) : null}
				{i.named.length ? (
					<>
						<dt>{t('ideas.field.named')}</dt>
						<dd>{i.named.map((n) => n.name).join(', ')}</dd>
					</>
				) : null}
			</dl>
			<Paragraph>
				<Link href={`/n/${params.network}/ideer/${i.id}/pdf`}>{t('ideas.pdf')}</Link>
			</Paragraph>

			<section className="stack" aria-labelledby="consortium-heading">
				<Heading level={2} data-size="md" id="consortium-heading">
					{t('ideas.consortium')}
				</Heading>
				<List.Unordered>
					{i.parties.map((p) => (
						<List.Item key={p.id}>
							{p.name} · {t(`ideas.role.${p.role}`)}
						</List.Item>
					))}
				</List.Unordered>
				<Paragraph>{reasons.length ? t('ideas.compositionNot', { reasons: reasons.join(' ') }) : t('ideas.compositionOk')}</Paragraph>
				{d.rights.join || d.rights.manage ? (
					<Form method="post" className="row">
						<input type="hidden" name="intent" value="join" />
						{d.rights.manage ? (
							<Field>
								<Label htmlFor="join-organisation">{t('ideas.organisation')}</Label>
								<Select id="join-organisation" name="organisation_id" defaultValue="">
									<Select.Option value="">–</Select.Option>
									{d.organisations.map((o) => (
										<Select.Option key={o.id} value={String(o.id)}>
											{o.name}
										</Select.Option>
									))}
								</Select>
							</Field>
						) : null}
						<Field>
							<Label htmlFor="join-role">{t('ideas.join')}</Label>
							<Select id="join-role" name="role" defaultValue="partner">
								{(['lead', 'partner', 'interested'] as const).map((r) => (
									<Select.Option key={r} value={r}>
										{t(`ideas.role.${r}`)}
									</Select.Option>
								))}
							</Select>
						</Field>
						<Button type="submit" variant="secondary">
							{t('ideas.joinButton')}
						</Button>
					</Form>
				) : null}
			</section>

			{d.idea.knowledgePartners.length ? (
				<section className="stack" aria-labelledby="knowledge-heading">
					<Heading level={2} data-size="sm" id="knowledge-heading">
						{t('ideas.knowledgePartners')}
					</Heading>
					<ul>
						{d.idea.knowledgePartners.map((k) => (
							<li key={k.id}>
								<AppLink to={`/n/${params.network}/fagmiljoer/${k.id}`}>{k.name}</AppLink>
							</li>
						))}
					</ul>
				</section>
			) : null}

			{d.moves.length ? (
				<section className="stack" aria-labelledby="move-heading">
					<Heading level={2} data-size="sm" id="move-heading">
						{t('ideas.move')}
					</Heading>
					<Form method="post" className="form">
						<input type="hidden" name="intent" value="move" />
						<Field>
							<Label htmlFor="move-to">{t('ideas.moveTo')}</Label>
							<Select id="move-to" name="to" defaultValue={kept('move', 'to') ?? d.moves[0]}>
								{d.moves.map((s) => (
									<Select.Option key={s} value={s}>
										{t(`ideas.stage.${s}`)}
									</Select.Option>
								))}
							</Select>
						</Field>
						<Field>
							<Label htmlFor="move-reason">{t('ideas.reason')}</Label>
							<Textarea id="move-reason" name="reason" rows={2} required defaultValue={kept('move', 'reason')} />
						</Field>
						<div>
							<Button type="submit">{t('ideas.moveButton')}</Button>
						</div>
					</Form>
				</section>
			) : null}

			<section className="stack" aria-labelledby="evaluation-heading">
				<Heading level={2} data-size="md" id="evaluation-heading">
					{t('ideas.evaluation')}
				</Heading>
				<Paragraph>{d.evaluation.score === null ? t('ideas.noScore') : t('ideas.weightedScore', { score: formatNumber(lang, d.evaluation.score) })}</Paragraph>
				<Table>
					<Table.Head>
						<Table.Row>
							<Table.HeaderCell>{t('ideas.criterion')}</Table.HeaderCell>
							<Table.HeaderCell>{t('ideas.weight')}</Table.HeaderCell>
							<Table.HeaderCell>{t('ideas.mean')}</Table.HeaderCell>
							<Table.HeaderCell>{t('ideas.spread')}</Table.HeaderCell>
						</Table.Row>
					</Table.Head>
					<Table.Body>
						{d.criteria.map((c, index) => {
							const row = d.evaluation.perCriterion[index]!
							return (
								<Table.Row key={c.id}>
									<Table.Cell>{c.name}</Table.Cell>
									<Table.Cell>{c.weight}</Table.Cell>
									<Table.Cell>{row.mean === null ? '–' : formatNumber(lang, Math.round(row.mean * 10) / 10)}</Table.Cell>
									<Table.Cell>{row.spread === null ? '–' : row.spread}</Table.Cell>
								</Table.Row>
							)
						})}
					</Table.Body>
				</Table>
				{d.rights.evaluate ? (
					<Details>
						<Details.Summary>{t('ideas.evaluate')}</Details.Summary>
						<Details.Content>
							<Form method="post" className="form">
								<input type="hidden" name="intent" value="evaluate" />
								{d.criteria.map((c) => {
									const mine = d.mine.find((s) => s.criterion_id === c.id)
									return (
										<div key={c.id} className="row">
											<Field>
												<Label htmlFor={`score-${c.id}`}>{t('ideas.scoreFor', { criterion: c.name })}</Label>
												<Input id={`score-${c.id}`} name={`score_${c.id}`} type="number" min={1} max={10} defaultValue={kept('evaluate', `score_${c.id}`) ?? mine?.score ?? ''} />
											</Field>
											<Field>
												<Label htmlFor={`comment-${c.id}`}>{t('ideas.commentFor', { criterion: c.name })}</Label>
												<Input id={`comment-${c.id}`} name={`comment_${c.id}`} defaultValue={kept('evaluate', `comment_${c.id}`) ?? mine?.comment ?? ''} />
											</Field>
										</div>
									)
								})}
								<div>
									<Button type="submit">{t('ideas.evaluateButton')}</Button>
								</div>
							</Form>
						</Details.Content>
					</Details>
				) : null}
				<Heading level={3} data-size="xs">
					{t('ideas.decisions')}
				</Heading>
				<List.Unordered>
					{i.decisions.map((x) => (
						<List.Item key={x.id}>
							{x.decided_on}: <strong>{x.decision}</strong> – {x.reasons}
						</List.Item>
					))}
				</List.Unordered>
				{d.rights.decide ? (
					<Details>
						<Details.Summary>{t('ideas.decisionButton')}</Details.Summary>
						<Details.Content>
							<Form method="post" className="form">
								<input type="hidden" name="intent" value="decide" />
								<Field>
									<Label htmlFor="decided-on">{t('ideas.decisionDate')}</Label>
									<Input id="decided-on" name="decided_on" type="date" defaultValue={kept('decide', 'decided_on') ?? d.today} />
								</Field>
								<Field>
									<Label htmlFor="decision">{t('ideas.decision')}</Label>
									<Input id="decision" name="decision" defaultValue={kept('decide', 'decision')} />
								</Field>
								<Field>
									<Label htmlFor="decision-reasons">{t('ideas.decisionReasons')}</Label>
									<Textarea id="decision-reasons" name="reasons" rows={3} defaultValue={kept('decide', 'reasons')} />
								</Field>
								<div>
									<Button type="submit">{t('ideas.decisionButton')}</Button>
								</div>
							</Form>
						</Details.Content>
					</Details>
				) : null}
			</section>

			<section className="stack" aria-labelledby="budget-heading">
				<Heading level={2} data-size="md" id="budget-heading">
					{t('ideas.budget')}
				</Heading>
				<Paragraph>
					{t('ideas.budget.totals', { costs: nok(d.budget.totals.costs), financing: nok(d.budget.totals.financing), ownHours: nok(d.budget.totals.ownHours), cash: nok(d.budget.totals.cash), funding: nok(d.budget.totals.funding), gap: nok(d.budget.totals.gap) })}
				</Paragraph>
				{d.budget.lines.length ? (
					<Table>
						<Table.Body>
							{d.budget.lines.map((l) => (
								<Table.Row key={l.id}>
									<Table.Cell>{t(`ideas.budget.${l.kind}`)}</Table.Cell>
									<Table.Cell>{l.label}</Table.Cell>
									<Table.Cell>{l.organisation ?? ''}</Table.Cell>
									<Table.Cell>{nok(l.amount_nok)}</Table.Cell>
									<Table.Cell>
										{d.rights.budget ? (
											<Form method="post">
												<input type="hidden" name="intent" value="budget-remove" />
												<input type="hidden" name="lineId" value={l.id} />
												<Button type="submit" variant="tertiary" data-size="sm" aria-label={`${t('ideas.budget.remove')}: ${l.label}`}>
													{t('ideas.budget.remove')}
												</Button>
											</Form>
										) : null}
									</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				) : null}
				{d.rights.budget ? (
					<Form method="post" className="row">
						<input type="hidden" name="intent" value="budget-add" />
						<Field>
							<Label htmlFor="budget-kind">{t('ideas.budget.kind')}</Label>
							<Select id="budget-kind" name="kind" defaultValue={kept('budget-add', 'kind') ?? 'cost'}>
								{(['cost', 'own_hours', 'cash', 'funding'] as const).map((k) => (
									<Select.Option key={k} value={k}>
										{t(`ideas.budget.${k}`)}
									</Select.Option>
								))}
							</Select>
						</Field>
						<Field>
							<Label htmlFor="budget-label">{t('ideas.budget.label')}</Label>
							<Input id="budget-label" name="label" defaultValue={kept('budget-add', 'label')} aria-describedby="budget-hint" />
						</Field>
						<Field>
							<Label htmlFor="budget-organisation">{t('ideas.organisation')}</Label>
							<Select id="budget-organisation" name="organisation_id" defaultValue={kept('budget-add', 'organisation_id') ?? ''}>
								<Select.Option value="">–</Select.Option>
								{i.parties.map((p) => (
									<Select.Option key={p.id} value={String(p.id)}>
										{p.name}
									</Select.Option>
								))}
							</Select>
						</Field>
						<Field>
							<Label htmlFor="budget-amount">{t('ideas.budget.amount')}</Label>
							<Input id="budget-amount" name="amount_nok" type="number" min={0} defaultValue={kept('budget-add', 'amount_nok')} />
						</Field>
						<Button type="submit" variant="secondary">
							{t('ideas.budget.add')}
						</Button>
						<Paragraph data-size="sm" id="budget-hint" className="muted">
							{t('ideas.budget.fundingHint')}
						</Paragraph>
					</Form>
				) : null}
			</section>

			<section className="stack" aria-labelledby="comments-heading">
				<Heading level={2} data-size="md" id="comments-heading">
					{t('ideas.comments')}
				</Heading>
				{i.comments.map((c) => (
					<article key={c.id} className="stack">
						<Paragraph data-size="sm" className="muted">
							{c.author ?? '–'} · {formatDateTime(lang, c.created_at)}
						</Paragraph>
						<Paragraph>{c.body}</Paragraph>
					</article>
				))}
				<Form method="post" className="form">
					<input type="hidden" name="intent" value="comment" />
					<Field>
						<Label htmlFor="comment-body">{t('ideas.comment')}</Label>
						<Paragraph data-size="sm" id="comment-hint">
							{t('ideas.commentHint')}
						</Paragraph>
						<Textarea id="comment-body" name="body" rows={3} aria-describedby="comment-hint" defaultValue={kept('comment', 'body')} />
					</Field>
					<div>
						<Button type="submit">{t('ideas.commentButton')}</Button>
					</div>
				</Form>
			</section>

			<section className="stack" aria-labelledby="history-heading">
				<Heading level={2} data-size="sm" id="history-heading">
					{t('ideas.history')}
				</Heading>
				<List.Unordered>
					{i.history.map((h) => (
						<List.Item key={h.id}>
							{formatDateTime(lang, h.created_at)}: {h.from_stage ? `${t(`ideas.stage.${h.from_stage}`)} → ` : ''}
							{t(`ideas.stage.${h.to_stage}`)} ({h.actor ?? '–'}){h.reason ? `: ${h.reason}` : ''}
						</List.Item>
					))}
				</List.Unordered>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: documentTitle(loaderData?.idea.title) }]
