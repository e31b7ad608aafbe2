import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/person'
import { getPerson } from '#app/features/directory/directory.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { can } from '#app/platform/policy.ts'
import { telHref } from '#app/platform/text.ts'
import { AppLink } from '#app/ui/link.tsx'
import { TagList } from '#app/ui/tags.tsx'
import { documentTitle, useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const personId = requireId(params.personId)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const person = await getPerson(getDb(context), { networkId: network.id, personId })
	invariantResponse(person, 'error.notFound.title', { status: 404 })
	return {
		person,
		canEdit: can(context.get(actorContext), 'update:person', { networkId: network.id, personId, personOrganisationId: person.organisation_id }),
	}
}

export default function PersonPage({ loaderData: { person: p, canEdit }, params }: Route.ComponentProps) {
	const t = useT()
	const base = `/n/${params.network}`
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{p.name}
			</Heading>
			<Paragraph>
				{p.title}
				{p.title && p.organisation ? ', ' : ''}
				{p.organisation_id ? <AppLink to={`${base}/bedrifter/${p.organisation_id}`}>{p.organisation}</AppLink> : null}
			</Paragraph>
			<ul className="tags" aria-label={t('admin.roles')}>
				{p.roles.map((role) => (
					<li key={role}>
						<Tag data-color="info" data-size="sm">
							{t(`role.${role}`)}
						</Tag>
					</li>
				))}
			</ul>
			{canEdit ? (
				<Paragraph>
					<AppLink to={`${base}/personer/${p.id}/rediger`}>{t('person.edit')}</AppLink>
				</Paragraph>
			) : null}
			{p.bio ? <Paragraph>{p.bio}</Paragraph> : null}
			<dl className="facts">
				<dt>{t('person.email')}</dt>
				<dd>
					<Link href={`mailto:${p.email}`}>{p.email}</Link>
				</dd>
				{p.phone ? (
					<>
						<dt>{t('person.phone')}</dt>
						<dd>
							<Link href={telHref(p.phone)}>{p.phone}</Link>
						</dd>
					</>
				) : null}
				{p.town ? (
					<>
						<dt>{t('person.town')}</dt>
						<dd>{p.town}</dd>
					</>
				) : null}
			</dl>
			{p.competences ? (
				<section className="stack">
					<Heading level={2} data-size="xs">
						{t('person.competences')}
					</Heading>
					<TagList value={p.competences} label={t('person.competences')} />
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: documentTitle(loaderData?.person.name) }]
