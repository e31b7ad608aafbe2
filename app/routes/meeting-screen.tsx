import { useEffect, useState } from 'react'
import { Form } from 'react-router'
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/meeting-screen'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { getMeetingPlan } from '#app/features/meetings/rounds.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { AppLink } from '#app/ui/link.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'

// The project leader's screen in the room: the current round, its timer and
// every table, large enough to read from the back.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: false })
	const plan = await getMeetingPlan(getDb(context), gathering.id)
	invariantResponse(plan, 'error.notFound.title', { status: 404 })
	const round = plan.schedule.find((r) => r.round === plan.current_round) ?? null
	const endsAt = round && plan.round_started_at ? new Date(plan.round_started_at).getTime() + plan.minutes * 60_000 : null
	return { title: gathering.title, current: plan.current_round, total: plan.rounds, round, endsAt, now: Date.now() }
}

function Timer({ endsAt, now }: { endsAt: number; now: number }) {
	const t = useT()
	const [left, setLeft] = useState(Math.max(0, endsAt - now))
	useEffect(() => {
		const tick = () => setLeft(Math.max(0, endsAt - Date.now()))
		tick()
		const timer = setInterval(tick, 1000)
		return () => clearInterval(timer)
	}, [endsAt])
	const seconds = Math.ceil(left / 1000)
	return (
		<p className="screen-timer">
			<span className="muted">{t('screen.timeLeft')}</span>{' '}
			<span role="timer">
				{Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
			</span>
		</p>
	)
}

export default function MeetingScreen({ loaderData: d, params }: Route.ComponentProps) {
	const t = useT()
	const back = `/n/${params.network}/admin/samlinger/${params.gatheringId}/motesrunder`
	const over = d.current > d.total
	return (
		<main id="main" className="page screen">
			<Heading level={1} data-size="xl">
				{d.round ? t('screen.title', { n: d.current, total: d.total }) : over ? t('screen.over') : t('screen.notStarted')}
			</Heading>
			{d.round && d.endsAt ? <Timer endsAt={d.endsAt} now={d.now} /> : null}
			{d.round ? (
				<ol className="screen-tables" aria-label={t('meetings.round', { n: d.current })}>
					{d.round.meetings.map((m) => (
						<li key={m.table}>
							<strong>
								{t('meetings.table')} {m.table}
							</strong>
							: {m.people.map((p) => `${p.name} (${p.organisation})`).join(' · ')}
						</li>
					))}
				</ol>
			) : null}
			{d.round && d.round.resting.length > 0 ? <Paragraph>{t('meetings.resting', { names: d.round.resting.map((p) => p.name).join(', ') })}</Paragraph> : null}
			<div className="row">
				{!over ? (
					<Form method="post" action={back}>
						<Button type="submit" name="intent" value="advance">
							{d.current === 0 ? t('meetings.start') : d.current === d.total ? t('meetings.finish') : t('meetings.next', { n: d.current + 1 })}
						</Button>
					</Form>
				) : null}
				<AppLink to={back}>{t('screen.back')}</AppLink>
			</div>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'meetings.title', { title: loaderData.title }) : [{ title: documentTitle() }])
