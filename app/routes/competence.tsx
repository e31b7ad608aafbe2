import { Form } from 'react-router'
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/competence'
import { competenceNeeds, removeInitiative } from '#app/features/competence/competence.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime, langFromRequest } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { AppLink } from '#app/ui/link.tsx'
import { Table } from '#app/ui/table.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

// The competence the member companies seek, rolled up to the network (goal 3), against what its members offer, and what the network does about it.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const db = getDb(context)
	const needs = await competenceNeeds(db, network.id)
	// Back from adding one (competence-new.tsx): the initiative is named, if it is there.
	const added = Number(new URL(request.url).searchParams.get('lagt-til'))
	return {
		network: networkName(network, langFromRequest(request)),
		...needs,
		added: needs.initiatives.find((i) => i.id === added)?.title ?? null,
		canManage: can(context.get(actorContext), 'manage:competence', { networkId: network.id }),
	}
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'manage:competence', { networkId: network.id })
	// The one thing done here: an initiative called off is taken off the list. New ones are added on competence-new.tsx.
	const form = await request.formData()
	invariantResponse(form.get('intent') === 'remove', 'error.badRequest.title', { status: 400 })
	const initiativeId = requireId(String(form.get('initiativeId')))
	const removed = await getDb(context)
		.transaction()
		.execute((trx) => removeInitiative(trx, { networkId: network.id, actorId: actor.personId }, initiativeId))
	invariantResponse(removed, 'error.notFound.title', { status: 404 })
	return { removed: true }
}

function Companies({ list, base }: { list: { id: number; name: string }[]; base: string }) {
	return (
		<ul className="plain-list">
			{list.map((c) => (
				<li key={c.id}>
					<AppLink to={`${base}/bedrifter/${c.id}`}>{c.name}</AppLink>
				</li>
			))}
		</ul>
	)
}

export default function Competence({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}`
	const day = (i: { starts_on: string | null }) => (i.starts_on ? <time dateTime={i.starts_on}>{formatDateTime(lang, i.starts_on, 'date')}</time> : t('initiative.noDate'))
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('competence.title')}
			</Heading>
			<Paragraph>{t('competence.intro', { network: d.network })}</Paragraph>
			{d.needs.length === 0 ? (
				<Paragraph>{t('competence.empty')}</Paragraph>
			) : (
				<>
					<Paragraph>{t('competence.summary', { seeking: d.seeking, companies: d.companies, needs: d.needs.length, gaps: d.needs.filter((n) => n.offeredBy.length === 0).length })}</Paragraph>
					<Table>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('competence.column.competence')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.wanted')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.offered')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.initiatives')}</Table.HeaderCell>
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{d.needs.map((n) => (
								<Table.Row key={n.competence}>
									<Table.HeaderCell scope="row">
										{n.competence}
										{n.aliases.length > 0 ? <span className="muted"> ({t('terms.aka', { aliases: n.aliases.join(', ') })})</span> : null}
										{n.offeredBy.length === 0 ? (
											<>
												{' '}
												<Tag data-color="warning" data-size="sm">
													{t('competence.gap')}
												</Tag>
											</>
										) : null}
									</Table.HeaderCell>
									<Table.Cell>
										<Companies list={n.wantedBy} base={base} />
									</Table.Cell>
									<Table.Cell>{n.offeredBy.length === 0 ? t('competence.nobody') : <Companies list={n.offeredBy} base={base} />}</Table.Cell>
									<Table.Cell>
										{n.initiatives.length > 0 ? (
											<ul className="plain-list">
												{n.initiatives.map((i) => (
													<li key={i.id}>{i.title}</li>
												))}
											</ul>
										) : null}
										{d.canManage ? (
											<AppLink to={`${base}/kompetanse/nytt-tiltak?kompetanse=${encodeURIComponent(n.competence)}`} aria-label={t('initiative.addFor', { competence: n.competence })}>
												{t('initiative.add')}
											</AppLink>
										) : null}
									</Table.Cell>
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				</>
			)}
			<section className="stack" aria-labelledby="initiatives">
				<Heading level={2} data-size="md" id="initiatives">
					{t('competence.initiatives')}
				</Heading>
				{actionData?.removed || d.added ? (
					<Alert data-color="success" role="status">
						{actionData?.removed ? t('initiative.removed') : t('initiative.addedNamed', { title: d.added! })}
					</Alert>
				) : null}
				{d.initiatives.length === 0 ? (
					<Paragraph>{t('competence.noInitiatives')}</Paragraph>
				) : (
					<Table>
						<Table.Head>
							<Table.Row>
								<Table.HeaderCell>{t('initiative.title')}</Table.HeaderCell>
								<Table.HeaderCell>{t('competence.column.competence')}</Table.HeaderCell>
								<Table.HeaderCell>{t('initiative.kind')}</Table.HeaderCell>
								<Table.HeaderCell>{t('initiative.partner')}</Table.HeaderCell>
								<Table.HeaderCell>{t('initiative.startsOn')}</Table.HeaderCell>
								{d.canManage ? <Table.HeaderCell>{t('initiative.removeShort')}</Table.HeaderCell> : null}
							</Table.Row>
						</Table.Head>
						<Table.Body>
							{d.initiatives.map((i) => (
								<Table.Row key={i.id}>
									<Table.Cell>
										{i.title}
										{i.description ? <Paragraph data-size="sm">{i.description}</Paragraph> : null}
									</Table.Cell>
									<Table.Cell>{i.competence}</Table.Cell>
									<Table.Cell>{t(`initiative.kind.${i.kind}`)}</Table.Cell>
									<Table.Cell>{i.partner_id ? <AppLink to={`${base}/fagmiljoer/${i.partner_id}`}>{i.partner}</AppLink> : t('initiative.noPartner')}</Table.Cell>
									<Table.Cell>{day(i)}</Table.Cell>
									{d.canManage ? (
										<Table.Cell>
											<Form method="post">
												<input type="hidden" name="intent" value="remove" />
												<input type="hidden" name="initiativeId" value={i.id} />
												<Button type="submit" variant="tertiary" data-size="sm" aria-label={t('initiative.remove', { title: i.title })}>
													{t('initiative.removeShort')}
												</Button>
											</Form>
										</Table.Cell>
									) : null}
								</Table.Row>
							))}
						</Table.Body>
					</Table>
				)}
				{d.canManage ? (
					<Paragraph>
						<AppLink to={`${base}/kompetanse/nytt-tiltak`}>{t('initiative.add')}</AppLink> · <AppLink to={`${base}/kompetanse/begreper`}>{t('terms.title')}</AppLink>
					</Paragraph>
				) : null}
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'competence.title')
