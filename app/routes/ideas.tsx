import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/ideas'
import { listIdeas } from '#app/features/ideas/ideas.server.ts'
import { STAGES } from '#app/features/ideas/stages.ts'
import { requireViewer } from '#app/features/ideas/viewer.server.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'

// The board and the funnel count only ideas the viewer may see: a count must not reveal a restricted idea.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const viewer = requireViewer(context, request, network.id)
	const ideas = await listIdeas(getDb(context), { networkId: network.id, viewer })
	return { ideas }
}

export default function Ideas({ loaderData: { ideas }, params }: Route.ComponentProps) {
	const t = useT()
	const base = `/n/${params.network}/ideer`
	const count = (stage: string) => ideas.filter((i) => i.stage === stage).length
	const qualified = count('qualified') + count('main_project')
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('ideas.title')}
			</Heading>
			<Paragraph>{t('ideas.intro')}</Paragraph>
			<Alert data-color={qualified >= 3 ? 'success' : 'info'}>{qualified >= 3 ? t('ideas.goalMet', { count: qualified }) : t('ideas.goal', { count: qualified })}</Alert>
			<Paragraph>
				<AppLink to={`${base}/ny`}>{t('ideas.new')}</AppLink>
			</Paragraph>
			<section className="stack" aria-labelledby="funnel-heading">
				<Heading level={2} data-size="sm" id="funnel-heading">
					{t('ideas.funnel')}
				</Heading>
				<Table>
					<Table.Body>
						{STAGES.map((stage) => (
							<Table.Row key={stage}>
								<Table.HeaderCell>{t(`ideas.stage.${stage}`)}</Table.HeaderCell>
								<Table.Cell>{count(stage)}</Table.Cell>
							</Table.Row>
						))}
					</Table.Body>
				</Table>
			</section>
			<section className="stack" aria-labelledby="board-heading">
				<Heading level={2} data-size="sm" id="board-heading">
					{t('ideas.board')}
				</Heading>
				{ideas.length === 0 ? <Paragraph>{t('ideas.none')}</Paragraph> : null}
				<div className="board">
					{STAGES.filter((stage) => count(stage) > 0).map((stage) => (
						<section key={stage} className="stack" aria-labelledby={`stage-${stage}`}>
							<Heading level={3} data-size="xs" id={`stage-${stage}`}>
								{t(`ideas.stage.${stage}`)} ({count(stage)})
							</Heading>
							<ul className="stack plain-list">
								{ideas
									.filter((i) => i.stage === stage)
									.map((i) => (
										<li key={i.id}>
											<Card>
												<AppLink to={`${base}/${i.id}`}>{i.title}</AppLink>
												{i.audience !== 'members' ? (
													<Tag data-size="sm" data-color="warning">
														{t(`ideas.audience.${i.audience}`)}
													</Tag>
												) : null}
											</Card>
										</li>
									))}
							</ul>
						</section>
					))}
				</div>
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'ideas.title')
