import { data, Form } from 'react-router'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Field, Heading, Input, Label, Link, List, Paragraph, Tag, Textarea, ValidationMessage } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-gathering'
import { GatheringForm } from '#app/features/gatherings/gathering-form.tsx'
import { addDocument, listDocuments, updateGathering } from '#app/features/gatherings/gatherings.server.ts'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { gatheringSchema as schema } from '#app/features/gatherings/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { readDocument, readFormData, saveFile } from '#app/platform/files.server.ts'
import { withoutControls } from '#app/platform/text.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import type { MessageKey } from '#app/platform/i18n.ts'
import { toOsloLocal } from '#app/platform/time.ts'
import { AppLink } from '#app/ui/link.tsx'
import { documentTitle, useT } from '#app/ui/i18n.tsx'

async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: true })
	return { network, gathering }
}

export async function loader(args: Route.LoaderArgs) {
	const { gathering } = await load(args)
	return { gathering, documents: await listDocuments(getDb(args.context), { gatheringId: gathering.id }) }
}

export async function action(args: Route.ActionArgs) {
	const { network, gathering } = await load(args)
	const db = getDb(args.context)
	const form = await readFormData(args.request)
	switch (form.get('intent')) {
		case 'save': {
			const submission = parseWithZod(form, { schema })
			if (submission.status !== 'success') return data({ result: submission.reply(), notice: null, error: null }, { status: 400 })
			const { agenda, ...input } = submission.value
			await db.transaction().execute((trx) => updateGathering(trx, gathering.id, { ...input, capacity: input.capacity ?? null, registration_deadline: input.registration_deadline ?? null }, agenda))
			return { result: submission.reply(), notice: 'gatheringAdmin.saved' as const, error: null }
		}
		case 'publish':
			await updateGathering(db, gathering.id, { status: 'published' })
			return { result: null, notice: 'gatheringAdmin.published' as const, error: null }
		case 'cancel':
			await updateGathering(db, gathering.id, { status: 'cancelled' })
			return { result: null, notice: 'gatheringAdmin.cancelledNotice' as const, error: null }
		case 'minutes': {
			const minutes = withoutControls(String(form.get('minutes') ?? '')).trim()
			if (minutes.length > 20_000) return data({ result: null, notice: null, error: 'field.tooLong' as MessageKey }, { status: 400 })
			await updateGathering(db, gathering.id, { minutes })
			return { result: null, notice: 'gatheringAdmin.minutesSaved' as const, error: null }
		}
		case 'document': {
			const file = form.get('document')
			if (!(file instanceof File) || file.size === 0) return data({ result: null, notice: null, error: 'field.required' as MessageKey }, { status: 400 })
			const document = await readDocument(file)
			if ('error' in document) return data({ result: null, notice: null, error: document.error }, { status: 400 })
			await db.transaction().execute(async (trx) => {
				const fileId = await saveFile(trx, { networkId: network.id, name: file.name, contentType: document.type, bytes: document.bytes })
				await addDocument(trx, gathering.id, fileId)
			})
			return { result: null, notice: 'gatheringAdmin.uploaded' as const, error: null }
		}
		default:
			return data({ result: null, notice: null, error: 'error.badRequest.title' as MessageKey }, { status: 400 })
	}
}

export default function AdminGathering({ loaderData: { gathering: g, documents }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const base = `/n/${params.network}`
	return (
		<main id="main" className="page">
			<div className="row">
				<Heading level={1} data-size="lg">
					{g.title}
				</Heading>
				<Tag data-color={g.status === 'published' ? 'success' : g.status === 'cancelled' ? 'danger' : 'warning'}>{t(`gatheringAdmin.status.${g.status}`)}</Tag>
			</div>
			{actionData?.notice ? (
				<Alert data-color="success" role="status">
					{t(actionData.notice)}
				</Alert>
			) : null}
			<Paragraph>{t('gatheringAdmin.counts', { registered: g.registered, waitlisted: g.waitlisted, attended: g.attended, noShow: g.noShow })}</Paragraph>
			<ul className="row plain-list">
				<li>
					<AppLink to={`${base}/samlinger/${g.id}`}>{t('gatheringAdmin.view')}</AppLink>
				</li>
				<li>
					<AppLink to={`${base}/admin/samlinger/${g.id}/innsjekk`}>{t('gatheringAdmin.checkIn')}</AppLink>
				</li>
				<li>
					<AppLink to={`${base}/admin/samlinger/${g.id}/motesrunder`}>{t('meetings.link')}</AppLink>
				</li>
				<li>
					<Link href={`${base}/admin/samlinger/${g.id}/deltakere.csv`}>{t('gatheringAdmin.export')}</Link>
				</li>
			</ul>
			<div className="row">
				{g.status === 'draft' ? (
					<Form method="post">
						<input type="hidden" name="intent" value="publish" />
						<Button type="submit">{t('gatheringAdmin.publish')}</Button>
					</Form>
				) : null}
				{g.status !== 'cancelled' ? (
					<Form method="post">
						<input type="hidden" name="intent" value="cancel" />
						<Button type="submit" variant="secondary" data-color="danger">
							{t('gatheringAdmin.cancelGathering')}
						</Button>
					</Form>
				) : null}
			</div>
			<section className="stack" aria-labelledby="edit-heading">
				<Heading level={2} data-size="md" id="edit-heading">
					{t('gatheringAdmin.edit')}
				</Heading>
				<GatheringForm
					lastResult={actionData?.result}
					defaultValue={{
						title: g.title,
						location: g.location,
						starts_at: toOsloLocal(g.starts_at),
						ends_at: toOsloLocal(g.ends_at),
						audience: g.audience,
						capacity: g.capacity === null ? '' : String(g.capacity),
						registration_deadline: g.registration_deadline ? toOsloLocal(g.registration_deadline) : '',
						description: g.description,
						agenda: g.agenda.map((a) => [a.time, a.title, a.speaker].filter(Boolean).join(' | ')).join('\n'),
					}}
					submitLabel={t('gatheringAdmin.save')}
				/>
			</section>
			<section className="stack" aria-labelledby="minutes-heading">
				<Heading level={2} data-size="md" id="minutes-heading">
					{t('gatheringAdmin.minutes')}
				</Heading>
				<Form method="post" className="form">
					<input type="hidden" name="intent" value="minutes" />
					<Field>
						<Label htmlFor="minutes">{t('gatheringAdmin.minutes')}</Label>
						<Paragraph data-size="sm" id="minutes-hint">
							{t('gatheringAdmin.minutesHint')}
						</Paragraph>
						<Textarea id="minutes" name="minutes" rows={8} defaultValue={g.minutes} aria-describedby="minutes-hint" />
					</Field>
					<div>
						<Button type="submit" variant="secondary">
							{t('gatheringAdmin.minutesSave')}
						</Button>
					</div>
				</Form>
			</section>
			<section className="stack" aria-labelledby="documents-heading">
				<Heading level={2} data-size="md" id="documents-heading">
					{t('gathering.documents')}
				</Heading>
				{documents.length ? (
					<List.Unordered>
						{documents.map((d) => (
							<List.Item key={d.id}>
								<Link href={`${base}/filer/${d.id}`}>{d.name}</Link>
							</List.Item>
						))}
					</List.Unordered>
				) : null}
				<Form method="post" encType="multipart/form-data" className="form">
					<input type="hidden" name="intent" value="document" />
					<Field>
						<Label htmlFor="document">{t('gatheringAdmin.document')}</Label>
						<Paragraph data-size="sm" id="document-hint">
							{t('gatheringAdmin.documentHint')}
						</Paragraph>
						<Input
							id="document"
							name="document"
							type="file"
							accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg"
							aria-describedby={actionData?.error ? 'document-hint document-error' : 'document-hint'}
							aria-invalid={actionData?.error ? true : undefined}
						/>
						{actionData?.error ? <ValidationMessage id="document-error">{t(actionData.error)}</ValidationMessage> : null}
					</Field>
					<div>
						<Button type="submit" variant="secondary">
							{t('gatheringAdmin.upload')}
						</Button>
					</div>
				</Form>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: documentTitle(loaderData?.gathering.title) }]
