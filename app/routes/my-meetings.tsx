import { Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/my-meetings'
import { requireGathering } from '#app/features/gatherings/require-gathering.server.ts'
import { getOwnSchedule } from '#app/features/meetings/rounds.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { Table } from '#app/ui/table.tsx'
import { TagList } from '#app/ui/tags.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'

// A participant's own schedule: made for the phone, and one printed page.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
	const gathering = await requireGathering(context, network.id, params.gatheringId, { drafts: false })
	const schedule = await getOwnSchedule(getDb(context), { gatheringId: gathering.id, personId: actor.personId })
	return {
		title: gathering.title,
		minutes: schedule?.plan.minutes ?? null,
		planned: schedule !== null,
		me: schedule?.me ?? null,
		rounds: schedule?.rounds ?? [],
	}
}

export default function MyMeetings({ loaderData: d }: Route.ComponentProps) {
	const t = useT()
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('mine.title', { title: d.title })}
			</Heading>
			{!d.planned ? <Paragraph>{t('mine.noPlan')}</Paragraph> : !d.me ? <Paragraph>{t('mine.none')}</Paragraph> : null}
			{d.me ? (
				<>
					<Paragraph>
						{d.me.name} ({d.me.organisation}) · {t('mine.minutes', { n: d.minutes ?? 0 })}
					</Paragraph>
					<Table className="schedule">
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('meetings.swapRound')}</Table.HeaderCell>
								<Table.HeaderCell>{t('meetings.table')}</Table.HeaderCell>
								<Table.HeaderCell>{t('meetings.who')}</Table.HeaderCell>
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{d.rounds.map((r) => (
								<Table.Row key={r.round}>
									<Table.Cell>{r.round}</Table.Cell>
									<Table.Cell>{r.table ?? '–'}</Table.Cell>
									<Table.Cell>
										{r.with.length === 0 ? t('mine.rest') : null}
										{r.with.map((p) => (
											<div key={p.id} className="stack-tight">
												<span>
													<strong>{p.name}</strong>, {p.organisation}
												</span>
												{p.description ? <Paragraph data-size="sm">{p.description}</Paragraph> : null}
												<TagList value={p.competences} label={t('person.competences')} />
											</div>
										))}
									</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
					<div className="no-print">
						<Button variant="secondary" onClick={() => window.print()}>
							{t('mine.print')}
						</Button>
					</div>
				</>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'mine.title', { title: loaderData.title }) : [{ title: documentTitle() }])
