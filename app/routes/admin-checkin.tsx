import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Details, Heading, Paragraph, Search, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-checkin'
import { addWalkIn, listRegistrations, setCheckedIn } from '#app/features/gatherings/gatherings.server.ts'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { walkInSchema as schema } from '#app/features/gatherings/schemas.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { FormField } from '#app/ui/form-field.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'
import { queryOf } from '#app/ui/pager.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// Made for a phone at the door: one list, a search, one big button a person.
async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: false })
	return { network, gathering }
}

export async function loader(args: Route.LoaderArgs) {
	const { gathering } = await load(args)
	const q = queryOf(new URL(args.request.url))
	const registrations = await listRegistrations(getDb(args.context), { gatheringId: gathering.id, q })
	return { title: gathering.title, q, registrations: registrations.filter((r) => r.status !== 'cancelled') }
}

export async function action(args: Route.ActionArgs) {
	const { network, gathering } = await load(args)
	const db = getDb(args.context)
	const form = await args.request.formData()
	const intent = form.get('intent')
	if (intent === 'walk-in') {
		const submission = parseWithZod(form, { schema })
		if (submission.status !== 'success') return data({ result: submission.reply(), checkedIn: null }, { status: 400 })
		await addWalkIn(db, { network, gatheringId: gathering.id }, { ...submission.value, org_number: submission.value.org_number ?? null })
		return { result: submission.reply({ resetForm: true }), checkedIn: submission.value.name }
	}
	invariantResponse(intent === 'check-in' || intent === 'undo', 'error.badRequest.title', { status: 400 })
	const registrationId = requireId(String(form.get('registrationId')))
	const changed = await setCheckedIn(db, { gatheringId: gathering.id, registrationId, present: intent === 'check-in' })
	invariantResponse(changed, 'error.notFound.title', { status: 404 })
	return { result: null, checkedIn: intent === 'check-in' ? String(form.get('name') ?? '') : null }
}

export default function CheckIn({ loaderData: d, actionData }: Route.ComponentProps) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, {
		id: 'walk-in',
		lastResult: actionData?.result,
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="md">
				{t('checkin.title', { title: d.title })}
			</Heading>
			{actionData?.checkedIn ? (
				<Alert data-color="success" role="status">
					{actionData.result ? t('checkin.walkInAdded', { name: actionData.checkedIn }) : t('checkin.checkedIn', { name: actionData.checkedIn })}
				</Alert>
			) : null}
			<Form method="get" role="search">
				<Search>
					<Search.Input name="q" defaultValue={d.q} aria-label={t('checkin.search')} placeholder={t('checkin.search')} />
					<Search.Button type="submit">{t('checkin.searchButton')}</Search.Button>
				</Search>
			</Form>
			{d.registrations.length === 0 ? <Paragraph>{t('checkin.none')}</Paragraph> : null}
			<Table>
				<Table.Body>
					{d.registrations.map((r) => (
						<Table.Row key={r.id}>
							<Table.Cell>
								<strong>{r.name}</strong>
								<br />
								<span className="muted">{r.organisation ?? r.company}</span>
								{r.status === 'waitlisted' ? (
									<>
										{' '}
										<Tag data-color="warning" data-size="sm">
											{t('registration.status.waitlisted')}
										</Tag>
									</>
								) : null}
							</Table.Cell>
							<Table.Cell>
								<Form method="post">
									<input type="hidden" name="registrationId" value={r.id} />
									<input type="hidden" name="name" value={r.name} />
									{r.checked_in_at ? (
										<div className="row">
											<Tag data-color="success">{t('checkin.present')}</Tag>
											<Button type="submit" name="intent" value="undo" variant="tertiary" data-size="sm" aria-label={`${t('checkin.undo')}: ${r.name}`}>
												{t('checkin.undo')}
											</Button>
										</div>
									) : (
										<Button type="submit" name="intent" value="check-in" aria-label={`${t('checkin.checkIn')}: ${r.name}`}>
											{t('checkin.checkIn')}
										</Button>
									)}
								</Form>
							</Table.Cell>
						</Table.Row>
					))}
				</Table.Body>
			</Table>
			<Details defaultOpen={actionData?.result?.status === 'error'}>
				<Details.Summary>{t('checkin.walkIn')}</Details.Summary>
				<Details.Content>
					<Form method="post" className="form" {...getFormProps(form)}>
						<input type="hidden" name="intent" value="walk-in" />
						<FormField field={fields.name} label={t('registration.name')} />
						<FormField field={fields.email} label={t('registration.email')} type="email" />
						<FormField field={fields.company} label={t('registration.company')} />
						<FormField field={fields.org_number} label={t('registration.orgNumber')} />
						<div>
							<Button type="submit">{t('checkin.walkInSubmit')}</Button>
						</div>
					</Form>
				</Details.Content>
			</Details>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'checkin.title', { title: loaderData.title }) : [{ title: documentTitle() }])
