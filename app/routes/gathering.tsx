import { data, Form } from 'react-router'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/gathering'
import { registrationClosed, requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { cancelRegistration, getAttendance, getOwnRegistration, listDocuments, registerForGathering } from '#app/features/gatherings/gatherings.server.ts'
import { registrationSchema as schema } from '#app/features/gatherings/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, formatDateTimeRange, langFromRequest } from '#app/platform/i18n.ts'
import { can, rolesIn } from '#app/platform/policy.ts'
import { CheckboxField } from '#app/ui/checkbox-field.tsx'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { documentTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

// Public for published gatherings. Visitors register with the form (open
// gatherings only); members with one click. Minutes, documents and who came
// are for the network's participants.
export async function loader({ params, context }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = context.get(actorContext)
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: can(actor, 'manage:gathering', { networkId: network.id }) })
	const db = getDb(context)
	const participant = rolesIn(actor, network.id).length > 0
	const [own, attendance, documents] = participant
		? await Promise.all([getOwnRegistration(db, { gatheringId: gathering.id, email: actor!.email }), getAttendance(db, gathering.id), listDocuments(db, { gatheringId: gathering.id })])
		: [undefined, null, []]
	// Minutes go only to participants: not even inside the gathering's own data.
	const { minutes, meetingRounds, ...shown } = gathering
	return {
		gathering: shown,
		closed: registrationClosed(gathering),
		full: gathering.capacity !== null && gathering.registered >= gathering.capacity,
		participant,
		own: own ?? null,
		attendance,
		documents,
		minutes: participant ? minutes : '',
		rounds: participant && meetingRounds,
	}
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: false })
	const db = getDb(context)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const lang = langFromRequest(request)
	const by = { network, gathering, origin: new URL(request.url).origin, lang }

	if (intent === 'cancel-own') {
		const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
		const own = await getOwnRegistration(db, { gatheringId: gathering.id, email: actor.email })
		invariantResponse(own, 'error.notFound.title', { status: 404 })
		await cancelRegistration(db, by, own.id)
		return { done: 'cancelled' as const, email: actor.email, result: null, error: null }
	}
	if (gathering.status === 'cancelled') return data({ done: null, email: null, result: null, error: 'gathering.cancelled' as const }, { status: 400 })
	if (registrationClosed(gathering)) return data({ done: null, email: null, result: null, error: 'gathering.closed' as const }, { status: 400 })

	if (intent === 'member') {
		const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
		const person = await db
			.selectFrom('person')
			.leftJoin('organisation', 'organisation.id', 'person.organisation_id')
			.select(['person.id', 'person.name', 'person.email', 'person.phone', 'person.title', 'person.organisation_id', 'person.lang', 'organisation.name as company', 'organisation.org_number'])
			.where('person.id', '=', actor.personId)
			.executeTakeFirstOrThrow()
		// A member's mail about it comes in the member's language, whatever the page's.
		const { outcome } = await registerForGathering(db, { ...by, lang: person.lang }, {
			name: person.name,
			email: person.email,
			phone: person.phone,
			company: person.company ?? '',
			org_number: person.org_number,
			job_title: person.title,
			dietary: '',
			show_in_attendance: true,
			person_id: person.id,
			organisation_id: person.organisation_id,
		})
		return { done: outcome, email: person.email, result: null, error: null }
	}

	const submission = parseWithZod(formData, { schema })
	if (gathering.audience === 'members' && rolesIn(context.get(actorContext), network.id).length === 0) {
		return data({ done: null, email: null, result: submission.reply(), error: 'gathering.membersOnly' as const }, { status: 403 })
	}
	if (submission.status !== 'success') return data({ done: null, email: null, result: submission.reply(), error: null }, { status: 400 })
	const { consent, ...input } = submission.value
	const { outcome } = await registerForGathering(db, by, {
		...input,
		org_number: input.org_number ?? null,
		show_in_attendance: input.show_in_attendance ?? false,
		person_id: null,
		organisation_id: null,
	})
	return { done: outcome, email: input.email, result: submission.reply({ resetForm: true }), error: null }
}

export default function GatheringPage({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const g = d.gathering
	const when = formatDateTimeRange(lang, g.starts_at, g.ends_at)
	const done = actionData?.done
	const status = done === 'registered' || done === 'waitlisted' ? done : done === 'already' ? 'already' : d.own?.status
	return (
		<main id="main" className="page">
			<div className="row">
				<Heading level={1} data-size="lg">
					{g.title}
				</Heading>
				<Tag data-color={g.audience === 'open' ? 'success' : 'neutral'}>{t(`gathering.audience.${g.audience}`)}</Tag>
				{g.status !== 'published' ? <Tag data-color={g.status === 'cancelled' ? 'danger' : 'warning'}>{t(`gatheringAdmin.status.${g.status}`)}</Tag> : null}
			</div>
			{g.status === 'cancelled' ? <Alert data-color="danger">{t('gathering.cancelled')}</Alert> : null}
			<dl className="facts">
				<dt>{t('gathering.when')}</dt>
				<dd>
					<time dateTime={g.starts_at}>{when[0]}</time>
					{when[1]}
					<time dateTime={g.ends_at}>{when[2]}</time>
				</dd>
				<dt>{t('gathering.where')}</dt>
				<dd>{g.location}</dd>
			</dl>
			{g.description ? <Paragraph>{g.description}</Paragraph> : null}
			<Paragraph>
				<Link href={`/n/${params.network}/samlinger/${g.id}/kalender.ics`} download>
					{t('gathering.ics')}
				</Link>
			</Paragraph>
			{g.agenda.length ? (
				<section className="stack" aria-labelledby="agenda">
					<Heading level={2} data-size="md" id="agenda">
						{t('gathering.agenda')}
					</Heading>
					{/* Two columns, the speaker under the item, so that the program fits a phone without scrolling sideways. */}
					<Table>
						<Table.Body>
							{g.agenda.map((a) => (
								<Table.Row key={a.id}>
									<Table.Cell>{a.time}</Table.Cell>
									<Table.Cell>
										{a.title}
										{a.speaker ? (
											<Paragraph data-size="sm" className="muted">
												{a.speaker}
											</Paragraph>
										) : null}
									</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				</section>
			) : null}

			<section className="stack" aria-labelledby="register-heading">
				<Heading level={2} data-size="md" id="register-heading">
					{t('gathering.register')}
				</Heading>
				{g.capacity !== null ? <Paragraph>{t('gathering.seats', { registered: g.registered, capacity: g.capacity })}</Paragraph> : null}
				{g.registration_deadline ? <Paragraph>{t('gathering.deadline', { when: formatDateTime(lang, g.registration_deadline) })}</Paragraph> : null}
				{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
				{done === 'cancelled' ? (
					<Alert data-color="success" role="status">
						{t('registration.cancelled')}
					</Alert>
				) : status === 'registered' || status === 'waitlisted' || status === 'already' ? (
					<Alert data-color={status === 'waitlisted' ? 'warning' : 'success'} role="status">
						{done === 'registered'
							? t('gathering.registered', { email: actionData?.email ?? '' })
							: done === 'waitlisted'
								? t('gathering.waitlisted')
								: done === 'already'
									? t('gathering.already', { email: actionData?.email ?? '' })
									: t(status === 'waitlisted' ? 'gathering.youAreWaitlisted' : 'gathering.youAreRegistered')}
					</Alert>
				) : null}
				{d.closed ? (
					g.status === 'published' ? <Paragraph>{t('gathering.closed')}</Paragraph> : null
				) : d.participant ? (
					d.own ? (
						<Form method="post">
							<input type="hidden" name="intent" value="cancel-own" />
							<Button type="submit" variant="secondary">
								{t('gathering.cancelMine')}
							</Button>
						</Form>
					) : (
						<Form method="post">
							{d.full ? <Paragraph>{t('gathering.full')}</Paragraph> : null}
							<input type="hidden" name="intent" value="member" />
							<Button type="submit">{t('gathering.registerMe')}</Button>
						</Form>
					)
				) : g.audience === 'members' ? (
					<Paragraph>
						{t('gathering.membersOnly')} <AppLink to={`/logg-inn?redirectTo=/n/${params.network}/samlinger/${g.id}`}>{t('nav.login')}</AppLink>
					</Paragraph>
				) : (
					<RegistrationForm full={d.full} lastResult={actionData?.result} />
				)}
			</section>

			{d.minutes ? (
				<section className="stack" aria-labelledby="minutes">
					<Heading level={2} data-size="md" id="minutes">
						{t('gathering.minutes')}
					</Heading>
					{d.minutes.split('\n\n').map((p, i) => (
						<Paragraph key={i}>{p}</Paragraph>
					))}
				</section>
			) : null}
			{d.documents.length ? (
				<section className="stack" aria-labelledby="documents">
					<Heading level={2} data-size="md" id="documents">
						{t('gathering.documents')}
					</Heading>
					<List.Unordered>
						{d.documents.map((doc) => (
							<List.Item key={doc.id}>
								<Link href={`/n/${params.network}/filer/${doc.id}`}>{doc.name}</Link>
							</List.Item>
						))}
					</List.Unordered>
				</section>
			) : null}
			{d.rounds ? (
				<Paragraph>
					<AppLink to={`/n/${params.network}/samlinger/${d.gathering.id}/mine-moter`}>{t('mine.link')}</AppLink>
				</Paragraph>
			) : null}
			{d.attendance && d.attendance.companies.length ? (
				<section className="stack" aria-labelledby="attendance">
					<Heading level={2} data-size="md" id="attendance">
						{t('gathering.attendedCompanies')}
					</Heading>
					<List.Unordered>
						{d.attendance.companies.map((c) => (
							<List.Item key={c}>{c}</List.Item>
						))}
					</List.Unordered>
					{d.attendance.people.length ? (
						<>
							<Heading level={3} data-size="xs">
								{t('gathering.attendedPeople')}
							</Heading>
							<List.Unordered>
								{d.attendance.people.map((p) => (
									<List.Item key={p.id}>
										{p.name}
										{p.company ? `, ${p.company}` : ''}
									</List.Item>
								))}
							</List.Unordered>
						</>
					) : null}
				</section>
			) : null}
		</main>
	)
}

/** The form a visitor registers with; built only where it shows. */
function RegistrationForm({ full, lastResult }: { full: boolean; lastResult: SubmissionResult<string[]> | null | undefined }) {
	const t = useT()
	const [form, fields] = useSchemaForm(schema, { id: 'register', lastResult })
	return (
		<Form method="post" className="form" {...getFormProps(form)}>
			<input type="hidden" name="intent" value="register" />
			{full ? <Alert data-color="warning">{t('gathering.full')}</Alert> : null}
			{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
			<FormField field={fields.name} label={t('registration.name')} autoComplete="name" />
			<FormField field={fields.email} label={t('registration.email')} type="email" autoComplete="email" />
			<FormField field={fields.phone} label={t('registration.phone')} type="tel" autoComplete="tel" />
			<FormField field={fields.company} label={t('registration.company')} autoComplete="organization" />
			<FormField field={fields.org_number} label={t('registration.orgNumber')} description={t('registration.orgNumberHint')} />
			<FormField field={fields.job_title} label={t('registration.jobTitle')} autoComplete="organization-title" />
			<FormField field={fields.dietary} label={t('registration.dietary')} />
			<CheckboxField field={fields.show_in_attendance} label={t('registration.showInAttendance')} />
			<CheckboxField field={fields.consent} label={t('registration.consent')} />
			<div>
				<Button type="submit">{t('gathering.register')}</Button>
			</div>
		</Form>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: documentTitle(loaderData?.gathering.title) }]
