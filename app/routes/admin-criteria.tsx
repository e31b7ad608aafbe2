import { data, Form } from 'react-router'
import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-criteria'
import { getCriteria, saveCriteria } from '#app/features/ideas/ideas.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { recordId } from '#app/platform/fields.ts'
import { withoutControls } from '#app/platform/text.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { pageTitle, useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:idea', { networkId: network.id })
	return { criteria: await getCriteria(getDb(context), network.id) }
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:idea', { networkId: network.id })
	const form = await request.formData()
	const names = form.getAll('name').map((v) => withoutControls(String(v)).trim())
	const weights = form.getAll('weight').map((v) => Number(v))
	const ids = form.getAll('id').map((v) => recordId.safeParse(v).data)
	const rows = names.map((name, i) => ({ id: ids[i] || undefined, name: name.slice(0, 120), weight: weights[i]! })).filter((r) => r.name)
	if (rows.length === 0 || rows.some((r) => !Number.isInteger(r.weight) || r.weight < 1 || r.weight > 10)) {
		return data({ saved: false, error: true, rows: names.map((name, i) => ({ name, weight: String(form.getAll('weight')[i] ?? '') })) }, { status: 400 })
	}
	await getDb(context)
		.transaction()
		.execute((trx) => saveCriteria(trx, { networkId: network.id, actorId: actor.personId }, rows))
	return { saved: true, error: false, rows: null }
}

export default function AdminCriteria({ loaderData: { criteria }, actionData }: Route.ComponentProps) {
	const t = useT()
	// The rows as saved, or as typed when they could not be; and one empty row for a new criterion.
	const rows = [...(actionData?.rows ?? criteria.map((c) => ({ id: c.id, name: c.name, weight: String(c.weight) }))), { id: undefined, name: '', weight: '1' }]
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('criteria.title')}
			</Heading>
			<Paragraph>{t('criteria.intro')}</Paragraph>
			{actionData?.saved ? (
				<Alert data-color="success" role="status">
					{t('criteria.saved')}
				</Alert>
			) : null}
			{actionData?.error ? <Alert data-color="danger">{t('criteria.invalid')}</Alert> : null}
			<Form method="post" className="form">
				<Paragraph data-size="sm">{t('criteria.newHint')}</Paragraph>
				{rows.map((row, i) => (
					<div className="row" key={`${'id' in row ? row.id : ''}-${i}`}>
						<input type="hidden" name="id" value={'id' in row && row.id ? row.id : ''} />
						<Field>
							<Label htmlFor={`name-${i}`}>{t('criteria.name', { n: i + 1 })}</Label>
							<Input id={`name-${i}`} name="name" defaultValue={row.name} />
						</Field>
						<Field>
							<Label htmlFor={`weight-${i}`}>{t('criteria.weight', { n: i + 1 })}</Label>
							<Input id={`weight-${i}`} name="weight" type="number" min={1} max={10} defaultValue={row.weight} />
						</Field>
					</div>
				))}
				<div>
					<Button type="submit">{t('criteria.save')}</Button>
				</div>
			</Form>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'criteria.title')
