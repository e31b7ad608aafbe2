import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/organisation'
import { getOrganisation } from '#app/features/directory/directory.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { can } from '#app/platform/policy.ts'
import { telHref } from '#app/platform/text.ts'
import { formatNumber } from '#app/platform/i18n.ts'
import { AppLink } from '#app/ui/link.tsx'
import { TagList } from '#app/ui/tags.tsx'
import { documentTitle, useLang, useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const organisationId = requireId(params.organisationId)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const organisation = await getOrganisation(getDb(context), { networkId: network.id, organisationId })
	invariantResponse(organisation, 'error.notFound.title', { status: 404 })
	return {
		organisation,
		canEdit: can(context.get(actorContext), 'update:organisation', { networkId: network.id, organisationId }),
		canAddPerson: can(context.get(actorContext), 'invite:person', { networkId: network.id, personOrganisationId: organisationId }),
	}
}

export default function OrganisationPage({ loaderData: { organisation: o, canEdit, canAddPerson }, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const base = `/n/${params.network}`
	return (
		<main id="main" className="page">
			<div className="row">
				{o.logo_file_id ? <img className="logo" src={`${base}/filer/${o.logo_file_id}`} alt={t('organisation.logoAlt', { name: o.name })} /> : null}
				<Heading level={1} data-size="lg">
					{o.name}
				</Heading>
				<Tag data-color={o.status === 'prospect' ? 'warning' : 'info'}>{t(`organisation.status.${o.status}`)}</Tag>
			</div>
			{canEdit ? (
				<Paragraph>
					<AppLink to={`${base}/bedrifter/${o.id}/rediger`}>{t('organisation.edit')}</AppLink>
				</Paragraph>
			) : null}
			{o.description ? <Paragraph>{o.description}</Paragraph> : null}
			<dl className="facts">
				<dt>{t('organisation.kind')}</dt>
				<dd>{t(`organisation.kind.${o.kind}`)}</dd>
				{o.org_number ? (
					<>
						<dt>{t('organisation.orgNumber')}</dt>
						<dd>{o.org_number.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3')}</dd>
					</>
				) : null}
				{o.town ? (
					<>
						<dt>{t('organisation.town')}</dt>
						<dd>{o.town}</dd>
					</>
				) : null}
				{o.employees !== null ? (
					<>
						<dt>{t('organisation.employees')}</dt>
						<dd>{formatNumber(lang, o.employees)}</dd>
					</>
				) : null}
				{o.website ? (
					<>
						<dt>{t('organisation.website')}</dt>
						<dd>
							<Link href={o.website} rel="noopener noreferrer">
								{o.website.replace(/^https?:\/\//, '')}
							</Link>
						</dd>
					</>
				) : null}
			</dl>
			{[
				['organisation.offered', o.competences_offered],
				['organisation.wanted', o.competences_wanted],
				['organisation.technologies', o.technologies],
			].map(([key, value]) =>
				value ? (
					<section key={key} className="stack">
						<Heading level={2} data-size="xs">
							{t(key as 'organisation.offered')}
						</Heading>
						<TagList value={value} label={t(key as 'organisation.offered')} />
					</section>
				) : null,
			)}
			<section className="stack" aria-labelledby="people">
				<Heading level={2} data-size="md" id="people">
					{t('organisation.people')}
				</Heading>
				{canAddPerson ? (
					<Paragraph>
						<AppLink to={`${base}/bedrifter/${o.id}/personer/ny`}>{t('organisation.addPerson')}</AppLink>
					</Paragraph>
				) : null}
				{o.people.length === 0 ? (
					<Paragraph>{t('organisation.noPeople')}</Paragraph>
				) : (
					// Cards, as in the directory: a phone shows each person whole, with nothing to scroll sideways to.
					<ul className="grid plain-list">
						{o.people.map((p) => (
							<li key={p.id}>
								<Card>
									<Heading level={3} data-size="xs">
										<AppLink to={`${base}/personer/${p.id}`}>{p.name}</AppLink>
									</Heading>
									{p.title ? <Paragraph data-size="sm">{p.title}</Paragraph> : null}
									<Paragraph data-size="sm">
										<Link href={`mailto:${p.email}`}>{p.email}</Link>
									</Paragraph>
									{p.phone ? (
										<Paragraph data-size="sm">
											{t('person.phone')}: <Link href={telHref(p.phone)}>{p.phone}</Link>
										</Paragraph>
									) : null}
								</Card>
							</li>
						))}
					</ul>
				)}
			</section>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: documentTitle(loaderData?.organisation.name) }]
