import { data, Form } from 'react-router'
import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/registration'
import { cancelRegistration, getRegistrationByToken, updateRegistration } from '#app/features/gatherings/gatherings.server.ts'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { withoutControls } from '#app/platform/text.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { Checkbox } from '#app/ui/checkbox-field.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'

// The change-or-cancel link from the confirmation e-mail. The token is the
// only key: a wrong or altered one finds nothing and says so.
async function load({ params, context }: Route.LoaderArgs | Route.ActionArgs, token: string) {
	const network = await requireNetwork(context, params.network)
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: false })
	const registration = token ? await getRegistrationByToken(getDb(context), { gatheringId: gathering.id, token }) : undefined
	return { network, gathering, registration }
}

export async function loader(args: Route.LoaderArgs) {
	const token = new URL(args.request.url).searchParams.get('token') ?? ''
	const { gathering, registration } = await load(args, token)
	if (!registration) return data({ title: gathering.title, token, registration: null }, { status: 400 })
	return { title: gathering.title, token, registration }
}

export async function action(args: Route.ActionArgs) {
	const form = await args.request.formData()
	const token = String(form.get('token') ?? '')
	const { network, gathering, registration } = await load(args, token)
	if (!registration) return data({ done: 'invalid' as const }, { status: 400 })
	if (registration.status === 'cancelled') return data({ done: 'alreadyCancelled' as const }, { status: 410 })
	const db = getDb(args.context)
	if (form.get('intent') === 'cancel') {
		const cancelled = await cancelRegistration(db, { network, gathering, origin: new URL(args.request.url).origin }, registration.id)
		return cancelled ? { done: 'cancelled' as const } : data({ done: 'alreadyCancelled' as const }, { status: 410 })
	}
	const dietary = withoutControls(String(form.get('dietary') ?? '')).trim()
	if (dietary.length > 500) return data({ done: 'tooLong' as const }, { status: 400 })
	await updateRegistration(db, registration.id, { dietary, show_in_attendance: form.get('show_in_attendance') === 'on' })
	return { done: 'saved' as const }
}

export default function RegistrationPage({ loaderData: { title, token, registration }, actionData }: Route.ComponentProps) {
	const t = useT()
	const done = actionData?.done
	const message = {
		invalid: ['danger', t('registration.invalidLink')],
		alreadyCancelled: ['warning', t('registration.alreadyCancelled')],
		cancelled: ['success', t('registration.cancelled')],
		saved: ['success', t('registration.saved')],
		tooLong: ['danger', t('field.tooLong')],
	} as const
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('registration.manageTitle', { title })}
			</Heading>
			{done ? (
				<Alert data-color={message[done][0]} role="status">
					{message[done][1]}
				</Alert>
			) : null}
			{!registration ? (
				<Alert data-color="danger">{t('registration.invalidLink')}</Alert>
			) : registration.status === 'cancelled' || done === 'cancelled' ? (
				done ? null : <Alert data-color="warning">{t('registration.alreadyCancelled')}</Alert>
			) : (
				<>
					<Paragraph>
						{registration.name}, {registration.email} · {t(`registration.status.${registration.status}`)}
					</Paragraph>
					<Form method="post" className="form">
						<input type="hidden" name="token" value={token} />
						<input type="hidden" name="intent" value="update" />
						<Field>
							<Label htmlFor="dietary">{t('registration.dietary')}</Label>
							<Input id="dietary" name="dietary" defaultValue={registration.dietary} maxLength={500} />
						</Field>
						<Checkbox name="show_in_attendance" label={t('registration.showInAttendance')} defaultChecked={registration.show_in_attendance === 1} />
						<div>
							<Button type="submit" variant="secondary">
								{t('registration.save')}
							</Button>
						</div>
					</Form>
					<Form method="post">
						<input type="hidden" name="token" value={token} />
						<input type="hidden" name="intent" value="cancel" />
						<Button type="submit" data-color="danger">
							{t('registration.cancel')}
						</Button>
					</Form>
				</>
			)}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [...(loaderData ? pageTitle(matches, 'registration.manageTitle', { title: loaderData.title }) : [{ title: documentTitle() }]), { name: 'robots', content: 'noindex' }]
