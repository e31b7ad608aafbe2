import type { ReactNode } from 'react'
import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-main-project'
import { mainProjectSchema as schema } from '#app/features/networks/main-project.ts'
import { listIdeas } from '#app/features/ideas/ideas.server.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { getMainProject, mainProjectReadiness, moveToMainProject } from '#app/features/networks/main-project.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, type MessageKey } from '#app/platform/i18n.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// From pre-project to main project: what the move needs, and the steering group's decision recorded.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:phase', { networkId: network.id })
	const viewer = requireViewer(context, request, network.id)
	const db = getDb(context)
	// Before the move, what it needs; after it, the qualified ideas, each to be taken on from its own page.
	const before = network.phase === 'pre_project'
	const [mainProject, readiness, ideas] = await Promise.all([getMainProject(db, network.id), before ? mainProjectReadiness(db, network.id) : null, before ? [] : listIdeas(db, { networkId: network.id, viewer })])
	return {
		mainProject,
		compositionOk: readiness?.compositionOk ?? true,
		ideasReady: readiness?.ideasReady ?? 0,
		ready: readiness?.ready ?? false,
		qualified: ideas.filter((i) => i.stage === 'qualified').map(({ id, title }) => ({ id, title })),
	}
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:phase', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const outcome = await getDb(context)
		.transaction()
		.execute((trx) => moveToMainProject(trx, { networkId: network.id, actorId: actor.personId }, submission.value))
	if ('error' in outcome) {
		const message: MessageKey = outcome.error === 'phase' ? 'mainProject.already' : 'mainProject.notReady'
		return data({ result: submission.reply({ formErrors: [message] }) }, { status: outcome.error === 'phase' ? 409 : 400 })
	}
	// A new request, so that every loader reads the new phase (this one's network was read before the move).
	return redirect(`/n/${network.slug}/admin/hovedprosjekt`)
}

function Check({ ok, children }: { ok: boolean; children: ReactNode }) {
	const t = useT()
	return (
		<li>
			<Tag data-color={ok ? 'success' : 'warning'} data-size="sm">
				{ok ? t('mainProject.met') : t('mainProject.notMet')}
			</Tag>{' '}
			{children}
		</li>
	)
}

export default function AdminMainProject({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}`
	const [form, fields] = useSchemaForm(schema, { id: 'main-project', lastResult: actionData?.result })
	const formError = form.errors?.[0]
	const day = (value: string) => formatDateTime(lang, value, 'date')
	const p = d.mainProject
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('mainProject.title')}
			</Heading>
			<Paragraph>
				<AppLink to={`${base}/admin`}>{t('admin.title')}</AppLink>
			</Paragraph>
			{p.phase === 'main_project' && p.starts_on && p.ends_on ? (
				<>
					<Alert data-color="success">
						{t('mainProject.period', { from: day(p.starts_on), to: day(p.ends_on) })}
					</Alert>
					{p.decided_on ? (
						<Paragraph>
							{t('mainProject.decidedOn', { date: day(p.decided_on) })} {p.decision}
						</Paragraph>
					) : null}
					{d.qualified.length > 0 ? (
						<section className="stack" aria-labelledby="qualified">
							<Heading level={2} data-size="sm" id="qualified">
								{t('mainProject.qualified')}
							</Heading>
							<Paragraph>{t('mainProject.qualifiedIntro')}</Paragraph>
							<ul className="plain-list">
								{d.qualified.map((i) => (
									<li key={i.id}>
										<AppLink to={`${base}/ideer/${i.id}`}>{i.title}</AppLink>
									</li>
								))}
							</ul>
						</section>
					) : null}
				</>
			) : (
				<>
					<Paragraph>{t('mainProject.intro')}</Paragraph>
					<ul className="stack plain-list">
						<Check ok={d.compositionOk}>
							{d.compositionOk ? t('mainProject.compositionOk') : t('mainProject.compositionNotOk')} <AppLink to={`${base}/admin/forpliktelse`}>{t('admin.commitment')}</AppLink>
						</Check>
						<Check ok={d.ideasReady > 0}>
							{t('mainProject.ideas', { count: d.ideasReady })} <AppLink to={`${base}/ideer`}>{t('nav.ideas')}</AppLink>
						</Check>
					</ul>
					{d.ready ? (
						<Form method="post" className="form" {...getFormProps(form)}>
							{formError ? <Alert data-color="danger">{t(formError as MessageKey)}</Alert> : form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
							<FormField field={fields.decided_on} label={t('mainProject.decidedOnLabel')} type="date" />
							<FormField field={fields.starts_on} label={t('mainProject.startsOn')} type="date" />
							<FormField field={fields.ends_on} label={t('mainProject.endsOn')} description={t('mainProject.endsOnHint')} type="date" />
							<FormField field={fields.decision} label={t('mainProject.decision')} description={t('mainProject.decisionHint')} multiline />
							<div>
								<Button type="submit">{t('mainProject.move')}</Button>
							</div>
						</Form>
					) : (
						<Paragraph>{t('mainProject.notReady')}</Paragraph>
					)}
				</>
			)}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'mainProject.title')
