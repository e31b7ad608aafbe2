import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Details, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-people'
import { listOrganisationChoices, setRoles } from '#app/features/directory/directory.server.ts'
import { invitePerson, listPeopleWithRoles } from '#app/features/members/members.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { ROLES, type Role } from '#db/schema.ts'
import { email, recordId, requiredText } from '#app/platform/fields.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { langFromRequest } from '#app/platform/i18n.ts'
import { Checkbox } from '#app/ui/checkbox-field.tsx'
import { FormField } from '#app/ui/form-field.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { ListSearch, Pager, searchAndPage } from '#app/ui/pager.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const role = z.enum(ROLES as [Role, ...Role[]], { error: 'field.role' })
const schema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('invite'),
		name: requiredText(120),
		email,
		organisation_id: recordId.optional(),
		role,
	}),
	z.object({ intent: z.literal('roles'), personId: recordId, roles: z.array(role).default([]) }),
])

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'invite:person', { networkId: network.id })
	const db = getDb(context)
	const [everyone, organisations] = await Promise.all([listPeopleWithRoles(db, network.id), listOrganisationChoices(db, network.id)])
	// A network of 200 people in one table was 350 KB and 27 ms to render: the
	// list comes in pages, and a search narrows it by name, e-mail or company.
	const { items: people, ...list } = searchAndPage(everyone, (p) => [p.name, p.email, p.organisation], new URL(request.url), PAGE)
	return { people, ...list, organisations }
}

const PAGE = 50

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const formData = await request.formData()
	const actor = requirePermission(context, request, formData.get('intent') === 'roles' ? 'assign:role' : 'invite:person', { networkId: network.id })
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const value = submission.value
	const db = getDb(context)
	if (value.intent === 'invite') {
		if (value.organisation_id) {
			const inNetwork = (await listOrganisationChoices(db, network.id)).some((o) => o.id === value.organisation_id)
			if (!inNetwork) return data({ result: submission.reply({ fieldErrors: { organisation_id: ['field.organisation'] } }), done: null }, { status: 400 })
		}
		await invitePerson(
			db,
			{ network, inviter: actor, origin: new URL(request.url).origin, lang: langFromRequest(request) },
			{ name: value.name, email: value.email, organisation_id: value.organisation_id ?? null, role: value.role },
		)
		return { result: submission.reply({ resetForm: true }), done: { kind: 'invited' as const, who: value.email } }
	}
	const person = (await listPeopleWithRoles(db, network.id)).find((p) => p.id === value.personId)
	invariantResponse(person, 'error.notFound.title', { status: 404 })
	await db.transaction().execute((trx) => setRoles(trx, { networkId: network.id, actorId: actor.personId }, person.id, value.roles))
	return { result: submission.reply(), done: { kind: 'roles' as const, who: person.name } }
}

export default function AdminPeople({ loaderData: { people, found, total, q, page, more, organisations }, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const result = actionData?.result
	const [form, fields] = useSchemaForm(schema, {
		id: 'invite',
		lastResult: result?.initialValue?.intent === 'invite' ? result : undefined,
		defaultValue: { role: 'member' },
	})
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('admin.people')}
			</Heading>
			{actionData?.done ? (
				<Alert data-color="success" role="status">
					{actionData.done.kind === 'invited' ? t('admin.invited', { email: actionData.done.who }) : t('admin.rolesSaved', { name: actionData.done.who })}
				</Alert>
			) : null}
			<section className="stack" aria-labelledby="invite-heading">
				<Heading level={2} data-size="sm" id="invite-heading">
					{t('admin.invite')}
				</Heading>
				<Form method="post" className="form" {...getFormProps(form)}>
					<input type="hidden" name="intent" value="invite" />
					{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
					<FormField field={fields.name} label={t('person.name')} />
					<FormField field={fields.email} label={t('person.email')} type="email" />
					<SelectField
						field={fields.organisation_id}
						label={t('person.organisation')}
						options={[{ value: '', label: t('admin.noOrganisation') }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
					/>
					<SelectField field={fields.role} label={t('admin.role')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
					<div>
						<Button type="submit">{t('admin.inviteSubmit')}</Button>
					</div>
				</Form>
			</section>
			<section className="stack" aria-labelledby="people-heading">
				<Heading level={2} data-size="sm" id="people-heading">
					{t('directory.people')}
				</Heading>
				<ListSearch id="people-q" label={t('admin.peopleSearch')} q={q} />
				{q ? <Paragraph role="status">{found === 0 ? t('admin.peopleNone', { q }) : t('admin.peopleFound', { count: found, total })}</Paragraph> : null}
				{people.length ? (
					<Table>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('person.name')}</Table.HeaderCell>
								<Table.HeaderCell>{t('person.organisation')}</Table.HeaderCell>
								<Table.HeaderCell>{t('admin.roles')}</Table.HeaderCell>
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{people.map((p) => (
								<Table.Row key={p.id}>
									<Table.Cell>
										<AppLink to={`/n/${params.network}/personer/${p.id}`}>{p.name}</AppLink>
										<br />
										<span className="muted">{p.email}</span>
									</Table.Cell>
									<Table.Cell>{p.organisation ?? '–'}</Table.Cell>
									<Table.Cell>
										<Details>
											<Details.Summary>{p.roles.map((r) => t(`role.${r}`)).join(', ')}</Details.Summary>
											<Details.Content>
												<Form method="post" className="stack">
													<input type="hidden" name="intent" value="roles" />
													<input type="hidden" name="personId" value={p.id} />
													<Fieldset>
														<Fieldset.Legend>{t('admin.rolesFor', { name: p.name })}</Fieldset.Legend>
														{ROLES.map((r) => (
															<Checkbox key={r} name="roles" value={r} label={t(`role.${r}`)} defaultChecked={p.roles.includes(r)} />
														))}
													</Fieldset>
													<div>
														<Button type="submit" variant="secondary" data-size="sm">
															{t('admin.rolesSave')}
														</Button>
													</div>
												</Form>
											</Details.Content>
										</Details>
									</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				) : null}
				<Pager label={t('admin.peoplePages')} page={page} more={more} />
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'admin.people')
