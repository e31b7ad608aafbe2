import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/competence-terms'
import { addTerm, listTerms, removeTerm, termKey } from '#app/features/competence/competence.server.ts'
import { termSchema as schema } from '#app/features/competence/schemas.ts'
import { listMemberCompanies } from '#app/features/meetings/acquaintance.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { compareNorwegian } from '#app/platform/i18n.ts'
import { splitTags, withoutControls } from '#app/platform/text.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { Table } from '#app/ui/table.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// The network's words for competence: which of the companies' words name the same one, so that the needs roll up under one name.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:competence', { networkId: network.id })
	const db = getDb(context)
	const [terms, companies] = await Promise.all([listTerms(db, network.id), listMemberCompanies(db, network.id)])
	// Every word the members use, sought or offered, once whatever its case: the suggestions.
	const words = new Map<string, string>()
	for (const c of companies) for (const tag of [...splitTags(c.competences_wanted), ...splitTags(c.competences_offered)]) words.set(termKey(tag), tag)
	return { terms, words: [...words.values()].sort(compareNorwegian) }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:competence', { networkId: network.id })
	const form = await request.formData()
	const by = { networkId: network.id, actorId: actor.personId }
	const db = getDb(context)
	if (form.get('intent') === 'remove') {
		// A word as it was stored: without the control characters no stored word has (PostgreSQL refuses a NUL).
		const removed = await db.transaction().execute((trx) => removeTerm(trx, by, withoutControls(String(form.get('alias_key')))))
		invariantResponse(removed, 'error.notFound.title', { status: 404 })
		return { result: null, done: 'terms.removed' as const }
	}
	const submission = parseWithZod(form, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const outcome = await db.transaction().execute((trx) => addTerm(trx, by, submission.value))
	if ('error' in outcome) {
		const fieldErrors: Record<string, string[]> = outcome.error === 'chain' ? { canonical: ['terms.chain'] } : { alias: [outcome.error === 'same' ? 'terms.same' : 'terms.taken'] }
		return data({ result: submission.reply({ fieldErrors }), done: null }, { status: 400 })
	}
	return { result: null, done: 'terms.added' as const }
}

export default function CompetenceTerms({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id: 'add-term', lastResult: actionData?.result })
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('terms.title')}
			</Heading>
			<Paragraph>
				<AppLink to={`/n/${params.network}/kompetanse`}>{t('competence.title')}</AppLink>
			</Paragraph>
			<Paragraph>{t('terms.intro')}</Paragraph>
			{actionData?.done ? (
				<Alert data-color="success" role="status">
					{t(actionData.done)}
				</Alert>
			) : null}
			{d.terms.length === 0 ? (
				<Paragraph>{t('terms.empty')}</Paragraph>
			) : (
				<Table>
					<Table.Head>
						<Table.Row>
							<Table.HeaderCell>{t('terms.alias')}</Table.HeaderCell>
							<Table.HeaderCell>{t('terms.canonical')}</Table.HeaderCell>
							<Table.HeaderCell>{t('initiative.removeShort')}</Table.HeaderCell>
						</Table.Row>
					</Table.Head>
					<Table.Body>
						{d.terms.map((term) => (
							<Table.Row key={term.alias_key}>
								<Table.Cell>{term.alias}</Table.Cell>
								<Table.Cell>{term.canonical}</Table.Cell>
								<Table.Cell>
									<Form method="post">
										<input type="hidden" name="intent" value="remove" />
										<input type="hidden" name="alias_key" value={term.alias_key} />
										<Button type="submit" variant="tertiary" data-size="sm" aria-label={t('terms.remove', { alias: term.alias })}>
											{t('initiative.removeShort')}
										</Button>
									</Form>
								</Table.Cell>
							</Table.Row>
						))}
					</Table.Body>
				</Table>
			)}
			<Heading level={2} data-size="sm">
				{t('terms.add')}
			</Heading>
			<Form method="post" className="form" {...getFormProps(form)}>
				{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
				<FormField field={fields.alias} label={t('terms.alias')} description={t('terms.aliasHint')} list="words" />
				<FormField field={fields.canonical} label={t('terms.canonical')} description={t('terms.canonicalHint')} list="words" />
				<datalist id="words">
					{d.words.map((w) => (
						<option key={w} value={w} />
					))}
				</datalist>
				<div>
					<Button type="submit">{t('terms.add')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'terms.title')
