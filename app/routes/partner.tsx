import { data, Form } from 'react-router'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/partner'
import { placeName } from '#app/features/partners/countries.ts'
import { listIdeas } from '#app/features/ideas/ideas.server.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { getPartner, getPartnerDetails, linkIdea, logPartnerActivity, unlinkIdea } from '#app/features/partners/partners.server.ts'
import { activitySchema } from '#app/features/partners/schemas.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { osloDate } from '#app/platform/time.ts'
import { PARTNER_STAGES } from '#db/schema.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { PlainSelect } from '#app/ui/plain-select.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { documentTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// One knowledge partner: where it is, how far the relationship has come, its people in the network, and what has happened.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const organisationId = requireId(params.organisationId)
	// Every participant reads the register; the ideas on the page are those the viewer may see.
	const viewer = requireViewer(context, request, network.id)
	const db = getDb(context)
	const partner = await getPartner(db, { networkId: network.id, organisationId, viewer })
	invariantResponse(partner, 'error.notFound.title', { status: 404 })
	const lang = langFromRequest(request)
	const canManage = can(context.get(actorContext), 'manage:partner', { networkId: network.id })
	// The ideas the viewer sees that the partner is not part of yet, to add it to.
	const ideaChoices = canManage ? (await listIdeas(db, { networkId: network.id, viewer })).filter((i) => !partner.ideas.some((p) => p.id === i.id)).map((i) => ({ value: String(i.id), label: i.title })) : []
	// The country is named here, not in the browser, whose names for some differ from the server's.
	const place = placeName(lang, partner)
	return { partner: { ...partner, place }, canManage, ideaChoices, today: osloDate() }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const organisationId = requireId(params.organisationId)
	const actor = requirePermission(context, request, 'manage:partner', { networkId: network.id })
	const viewer = requireViewer(context, request, network.id)
	const db = getDb(context)
	invariantResponse(await getPartnerDetails(db, { networkId: network.id, organisationId }), 'error.notFound.title', { status: 404 })
	const form = await request.formData()
	const actorOf = { networkId: network.id, actorId: actor.personId }
	const intent = form.get('intent')
	if (intent === 'linkIdea' || intent === 'unlinkIdea') {
		const ideaId = requireId(String(form.get('ideaId')))
		const done = await db.transaction().execute((trx) => (intent === 'linkIdea' ? linkIdea(trx, { ...actorOf, viewer }, organisationId, ideaId) : unlinkIdea(trx, actorOf, organisationId, ideaId)))
		invariantResponse(done, 'error.notFound.title', { status: 404 })
		return { intent: 'ideas' as const, result: null, done: intent === 'linkIdea' ? ('partner.ideaLinked' as const) : ('partner.ideaUnlinked' as const) }
	}
	const submission = parseWithZod(form, { schema: activitySchema })
	if (submission.status !== 'success') return data({ intent: 'log' as const, result: submission.reply(), done: null }, { status: 400 })
	await db.transaction().execute((trx) => logPartnerActivity(trx, actorOf, organisationId, submission.value))
	return { intent: 'log' as const, result: submission.reply({ resetForm: true }), done: 'partner.logged' as const }
}

function ActivityForm({ stage, today, lastResult }: { stage: string; today: string; lastResult: SubmissionResult<string[]> | null }) {
	const t = useT()
	const [form, fields] = useSchemaForm(activitySchema, { id: 'partner-activity', lastResult, defaultValue: { occurred_on: today, stage } })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="log" />
			<FormField field={fields.occurred_on} label={t('partner.activity.date')} type="date" />
			<FormField field={fields.summary} label={t('partner.activity.summary')} multiline />
			<SelectField field={fields.stage} label={t('partner.activity.stage')} options={PARTNER_STAGES.map((s) => ({ value: s, label: t(`partner.stage.${s}`) }))} />
			<div>
				<Button type="submit">{t('partner.log')}</Button>
			</div>
		</Form>
	)
}

export default function Partner({ loaderData: { partner: p, canManage, ideaChoices, today }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	// The activity form's answer when it was turned down, to show what was typed and why.
	const refusedActivity = actionData?.intent === 'log' && !actionData.done ? actionData.result : null
	// What the last form did, told by that form's section.
	const saved = (intent: 'ideas' | 'log') =>
		actionData?.intent === intent && actionData.done ? (
			<Alert data-color="success" role="status">
				{t(actionData.done)}
			</Alert>
		) : null
	return (
		<main id="main" className="page">
			<div className="row">
				<Heading level={1} data-size="lg">
					{p.name}
				</Heading>
				<Tag data-color={p.stage === 'agreement' ? 'success' : 'neutral'}>{t(`partner.stage.${p.stage}`)}</Tag>
			</div>
			<Paragraph>
				<AppLink to={`/n/${params.network}/fagmiljoer`}>{t('partners.title')}</AppLink>
			</Paragraph>
			{p.focus ? <Paragraph>{p.focus}</Paragraph> : null}
			<dl className="facts">
				<dt>{t('organisation.kind')}</dt>
				<dd>{t(`organisation.kind.${p.kind}`)}</dd>
				<dt>{t('partners.column.place')}</dt>
				<dd>{p.place}</dd>
				{p.website ? (
					<>
						<dt>{t('organisation.website')}</dt>
						<dd>
							<Link href={p.website}>{p.website.replace(/^https?:\/\//, '')}</Link>
						</dd>
					</>
				) : null}
			</dl>
			<Paragraph>
				<AppLink to={`/n/${params.network}/bedrifter/${p.id}`}>{t('partner.organisationPage')}</AppLink>
				{canManage ? (
					<>
						{' · '}
						<AppLink to={`/n/${params.network}/fagmiljoer/${p.id}/rediger`}>{t('partner.editLink')}</AppLink>
					</>
				) : null}
			</Paragraph>
			<section className="stack" aria-labelledby="people">
				<Heading level={2} data-size="sm" id="people">
					{t('partner.people')}
				</Heading>
				{p.people.length === 0 ? (
					<Paragraph>{t('partner.noPeople')}</Paragraph>
				) : (
					<ul>
						{p.people.map((person) => (
							<li key={person.id}>
								<AppLink to={`/n/${params.network}/personer/${person.id}`}>{person.name}</AppLink>
								{person.title ? `, ${person.title}` : null}
							</li>
						))}
					</ul>
				)}
			</section>
			{p.initiatives.length > 0 ? (
				<section className="stack" aria-labelledby="initiatives">
					<Heading level={2} data-size="sm" id="initiatives">
						{t('partner.initiatives')}
					</Heading>
					<ul>
						{p.initiatives.map((i) => (
							<li key={i.id}>
								<AppLink to={`/n/${params.network}/kompetanse`}>{i.title}</AppLink> ({t(`initiative.kind.${i.kind}`)}, {i.starts_on ? <time dateTime={i.starts_on}>{formatDateTime(lang, i.starts_on, 'date')}</time> : t('initiative.noDate')})
							</li>
						))}
					</ul>
				</section>
			) : null}
			<section className="stack" aria-labelledby="ideas">
				<Heading level={2} data-size="sm" id="ideas">
					{t('partner.ideas')}
				</Heading>
				{saved('ideas')}
				{p.ideas.length === 0 ? (
					<Paragraph>{t('partner.noIdeas')}</Paragraph>
				) : (
					<ul className="plain-list stack">
						{p.ideas.map((idea) => (
							<li key={idea.id} className="row">
								<span>
									<AppLink to={`/n/${params.network}/ideer/${idea.id}`}>{idea.title}</AppLink> ({t(`ideas.stage.${idea.stage}`)})
								</span>
								{canManage ? (
									<Form method="post">
										<input type="hidden" name="intent" value="unlinkIdea" />
										<input type="hidden" name="ideaId" value={idea.id} />
										<Button type="submit" variant="tertiary" data-size="sm" aria-label={t('partner.unlinkIdea', { title: idea.title })}>
											{t('partner.unlinkShort')}
										</Button>
									</Form>
								) : null}
							</li>
						))}
					</ul>
				)}
				{canManage && ideaChoices.length > 0 ? (
					<Form method="post" className="row">
						<input type="hidden" name="intent" value="linkIdea" />
						<PlainSelect id="idea-choice" name="ideaId" label={t('partner.idea')} options={ideaChoices} />
						<Button type="submit" variant="secondary">
							{t('partner.linkIdea')}
						</Button>
					</Form>
				) : null}
			</section>
			<section className="stack" aria-labelledby="activities">
				<Heading level={2} data-size="sm" id="activities">
					{t('partner.activities')}
				</Heading>
				{saved('log')}
				{p.activities.length === 0 ? (
					<Paragraph>{t('partner.noActivities')}</Paragraph>
				) : (
					<ol className="plain-list stack">
						{p.activities.map((a) => (
							<li key={a.id}>
								<Paragraph data-size="sm" className="muted">
									<time dateTime={a.occurred_on}>{formatDateTime(lang, a.occurred_on, 'date')}</time>
									{a.stage ? ` · ${t('partner.movedTo', { stage: t(`partner.stage.${a.stage}`) })}` : null}
									{a.author ? ` · ${t('partner.loggedBy', { name: a.author })}` : null}
								</Paragraph>
								<Paragraph>{a.summary}</Paragraph>
							</li>
						))}
					</ol>
				)}
			</section>
			{canManage ? (
				<>
					<section className="stack" aria-labelledby="log">
						<Heading level={2} data-size="sm" id="log">
							{t('partner.log')}
						</Heading>
						{/* A fresh form after each logged activity, its stage the partner's new one. */}
						<ActivityForm key={p.activities.length} stage={p.stage} today={today} lastResult={refusedActivity} />
					</section>
				</>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: documentTitle(loaderData?.partner.name) }]
