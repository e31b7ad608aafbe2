import { data, Form, redirect } from 'react-router'
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Tag, ValidationMessage } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-import'
import { parseImportCsv, type Preview } from '#app/features/import/csv.ts'
import { queueImport } from '#app/features/import/import.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { readFormData } from '#app/platform/files.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import type { MessageKey } from '#app/platform/i18n.ts'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'

const MAX_CSV_BYTES = 1024 * 1024

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'import:directory', { networkId: network.id })
	return null
}

type ActionData = { preview: Preview | null; csv: string; error: MessageKey | null }

// Two steps without keeping anything on the server between them: the preview
// carries the file's text in the confirm form, and confirming checks it again.
export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'import:directory', { networkId: network.id })
	const form = await readFormData(request)
	const intent = form.get('intent')
	if (intent === 'preview') {
		const file = form.get('file')
		if (!(file instanceof File) || file.size === 0) return data<ActionData>({ preview: null, csv: '', error: 'field.file.csv' }, { status: 400 })
		if (file.size > MAX_CSV_BYTES) return data<ActionData>({ preview: null, csv: '', error: 'import.fileTooLarge' }, { status: 400 })
		const csv = await file.text()
		const preview = parseImportCsv(csv)
		const bad = preview.fileError || preview.rows.some((r) => r.errors.length > 0)
		return data<ActionData>({ preview, csv, error: null }, { status: bad ? 400 : 200 })
	}
	invariantResponse(intent === 'import', 'error.badRequest.title', { status: 400 })
	const csv = String(form.get('csv') ?? '')
	const preview = parseImportCsv(csv)
	if (preview.fileError || preview.rows.some((r) => r.errors.length > 0)) return data<ActionData>({ preview, csv, error: null }, { status: 400 })
	const jobId = await queueImport(getDb(context), { networkId: network.id, actorId: actor.personId, rows: preview.valid })
	return redirect(`/n/${network.slug}/admin/import/${jobId}`)
}

export default function AdminImport({ actionData }: Route.ComponentProps) {
	const t = useT()
	const preview = actionData?.preview
	const bad = preview ? preview.rows.filter((r) => r.errors.length > 0).length : 0
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('import.title')}
			</Heading>
			<Paragraph>{t('import.intro')}</Paragraph>
			<Form method="post" encType="multipart/form-data" className="form">
				<input type="hidden" name="intent" value="preview" />
				<Field>
					<Label htmlFor="file">{t('import.file')}</Label>
					<Input
						id="file"
						name="file"
						type="file"
						accept=".csv,text/csv"
						aria-invalid={actionData?.error ? true : undefined}
						aria-describedby={actionData?.error ? 'file-error' : undefined}
					/>
					{actionData?.error ? <ValidationMessage id="file-error">{t(actionData.error)}</ValidationMessage> : null}
				</Field>
				<div>
					<Button type="submit" variant="secondary">
						{t('import.preview')}
					</Button>
				</div>
			</Form>
			{preview ? (
				<section className="stack" aria-labelledby="preview-heading">
					<Heading level={2} data-size="md" id="preview-heading">
						{t('import.previewTitle')}
					</Heading>
					{preview.fileError ? (
						<Alert data-color="danger">{t(preview.fileError.key, preview.fileError.values)}</Alert>
					) : (
						<>
							<Alert data-color={bad ? 'danger' : 'success'} role="status">
								{t('import.summary', { ok: preview.rows.length - bad, bad })} {bad ? t('import.fixFirst') : null}
							</Alert>
							<Table>
								<Table.Head>
									<Table.Row>
										<Table.HeaderCell>{t('import.row')}</Table.HeaderCell>
										<Table.HeaderCell>{t('organisation.orgNumber')}</Table.HeaderCell>
										<Table.HeaderCell>{t('organisation.name')}</Table.HeaderCell>
										<Table.HeaderCell>{t('person.name')}</Table.HeaderCell>
										<Table.HeaderCell>{t('person.email')}</Table.HeaderCell>
										<Table.HeaderCell>{t('import.status')}</Table.HeaderCell>
									</Table.Row>
								</Table.Head>
								<Table.Body>
									{preview.rows.map((r) => (
										<Table.Row key={r.line}>
											<Table.Cell>{r.line}</Table.Cell>
											<Table.Cell>{r.values.org_number}</Table.Cell>
											<Table.Cell>{r.values.company}</Table.Cell>
											<Table.Cell>{r.values.name}</Table.Cell>
											<Table.Cell>{r.values.email}</Table.Cell>
											<Table.Cell>
												{r.errors.length === 0 ? <Tag data-color="success">{t('import.ok')}</Tag> : r.errors.map((e) => t(e)).join(' ')}
											</Table.Cell>
										</Table.Row>
									))}
								</Table.Body>
							</Table>
							{bad === 0 ? (
								<Form method="post">
									<input type="hidden" name="intent" value="import" />
									<input type="hidden" name="csv" value={actionData.csv} />
									<Button type="submit">{t('import.confirm', { count: preview.rows.length })}</Button>
								</Form>
							) : null}
						</>
					)}
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'import.title')
