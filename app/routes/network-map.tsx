import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/network-map'
import { getNetworkMap, listWishes, recordContact, setWish } from '#app/features/meetings/acquaintance.server.ts'
import { circleLayout, lineWidth } from '#app/features/meetings/map-layout.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { recordId } from '#app/platform/fields.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { can } from '#app/platform/policy.ts'
import { actorContext } from '#app/platform/context.ts'
import { compareNorwegian, formatNumber, type MessageKey } from '#app/platform/i18n.ts'
import { PlainSelect } from '#app/ui/plain-select.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/table.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

const company = z.coerce.number({ error: 'field.company' }).int('field.company').positive('field.company')
const schema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('contact'), otherId: company, kind: z.enum(['met', 'worked'], { error: 'field.choice' }) }),
	z.object({ intent: z.literal('wish'), otherId: company, kind: z.enum(['meet', 'avoid', 'none'], { error: 'field.choice' }) }),
])
const MAP = { width: 640, height: 440 }

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, 'read:directory', { networkId: network.id })
	const db = getDb(context)
	const own = actor.organisationId
	// "Who has not met whom yet" for the viewer's company, or another one chosen (the project leader has none).
	const asked = recordId.safeParse(new URL(request.url).searchParams.get('bedrift') ?? '').data
	const map = await getNetworkMap(db, { networkId: network.id, organisationId: asked ?? own })
	const isMember = own !== null && map.companies.some((c) => c.id === own)
	const target = { networkId: network.id, organisationId: own }
	return {
		...map,
		own: isMember ? own : null,
		mayRecord: isMember && can(actor, 'record:contact', target),
		mayWish: isMember && can(actor, 'update:organisation', target),
		wishes: isMember ? await listWishes(db, { networkId: network.id, organisationId: own! }) : [],
	}
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const formData = await request.formData()
	const organisationId = context.get(actorContext)?.organisationId ?? null
	const target = { networkId: network.id, organisationId }
	const actor = requirePermission(context, request, formData.get('intent') === 'wish' ? 'update:organisation' : 'record:contact', target)
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') return data({ result: submission.reply(), done: null }, { status: 400 })
	const value = submission.value
	const scope = { networkId: network.id, organisationId: actor.organisationId!, actorId: actor.personId }
	const db = getDb(context)
	const outcome = await db.transaction().execute((trx) => (value.intent === 'wish' ? setWish(trx, scope, value) : recordContact(trx, scope, value)))
	if ('error' in outcome) return data({ result: submission.reply({ fieldErrors: { otherId: [`map.error.${outcome.error}`] } }), done: null }, { status: 400 })
	return { result: submission.reply({ resetForm: true }), done: value.intent === 'wish' ? ('map.wishSaved' as const) : ('map.recorded' as const) }
}

export default function NetworkMap({ loaderData: d, actionData }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const intent = actionData?.result?.initialValue?.intent
	const [contactForm, contactFields] = useSchemaForm(schema, { id: 'contact', lastResult: intent === 'contact' ? actionData?.result : undefined, defaultValue: { kind: 'met' } })
	const [wishForm, wishFields] = useSchemaForm(schema, { id: 'wish', lastResult: intent === 'wish' ? actionData?.result : undefined, defaultValue: { kind: 'meet' } })
	const placed = new Map(circleLayout(d.companies.map((c) => c.id), MAP).map((p) => [p.id, p]))
	const name = new Map(d.companies.map((c) => [c.id, c.name]))
	const others = d.companies.filter((c) => c.id !== d.own).map((c) => ({ value: String(c.id), label: c.name }))
	const percent = formatNumber(lang, Math.round(d.share * 1000) / 10)
	const links = [...d.links].sort((x, y) => y.strength - x.strength || compareNorwegian(name.get(x.a)!, name.get(y.a)!))
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('map.title')}
			</Heading>
			{actionData?.done ? (
				<Alert data-color="success" role="status">
					{t(actionData.done)}
				</Alert>
			) : null}
			<Paragraph>{t('map.intro')}</Paragraph>
			<Paragraph>
				<strong>{t('map.share', { met: d.metPairs, pairs: d.pairs, percent })}</strong>
			</Paragraph>
			<div className="network-map">
				<svg viewBox={`0 0 ${MAP.width} ${MAP.height}`} role="img" aria-labelledby="map-title map-desc">
					<title id="map-title">{t('map.svgTitle')}</title>
					<desc id="map-desc">{t('map.svgDesc', { companies: d.companies.length, links: d.links.length })}</desc>
					<g stroke="var(--ds-color-accent-base-default)" strokeOpacity="0.6" strokeLinecap="round">
						{d.links.map((l) => {
							const a = placed.get(l.a)!
							const b = placed.get(l.b)!
							return <line key={`${l.a}:${l.b}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={lineWidth(l.strength)} />
						})}
					</g>
					{d.companies.map((c) => {
						const p = placed.get(c.id)!
						return (
							<g key={c.id}>
								<circle cx={p.x} cy={p.y} r={c.id === d.own ? 8 : 6} fill={c.id === d.own ? 'var(--ds-color-brand1-base-default, #1e2b3c)' : 'var(--ds-color-neutral-text-default)'} />
								<text x={p.labelX} y={p.labelY} textAnchor={p.anchor} fontSize="11" fill="var(--ds-color-neutral-text-default)">
									{c.name.replace(/ AS$/, '')}
								</text>
							</g>
						)
					})}
				</svg>
				<section className="stack" aria-labelledby="links-heading">
					<Heading level={2} data-size="sm" id="links-heading">
						{t('map.table')}
					</Heading>
					{links.length === 0 ? (
						<Paragraph>{t('map.noLinks')}</Paragraph>
					) : (
						<Table data-size="sm">
							<Table.Head>
								<Table.Row>
									<Table.HeaderCell>{t('map.company')}</Table.HeaderCell>
									<Table.HeaderCell>{t('map.other')}</Table.HeaderCell>
									<Table.HeaderCell>{t('map.strength')}</Table.HeaderCell>
								</Table.Row>
							</Table.Head>
							<Table.Body>
								{links.map((l) => (
									<Table.Row key={`${l.a}:${l.b}`}>
										<Table.Cell>{name.get(l.a)}</Table.Cell>
										<Table.Cell>{name.get(l.b)}</Table.Cell>
										<Table.Cell>{l.strength}</Table.Cell>
									</Table.Row>
								))}
							</Table.Body>
						</Table>
					)}
				</section>
			</div>
			<section className="stack" aria-labelledby="not-met-heading">
				<Heading level={2} data-size="sm" id="not-met-heading">
					{!d.shown ? t('map.notMetAny') : d.shown.id === d.own ? t('map.notMet') : t('map.notMetFor', { company: d.shown.name })}
				</Heading>
				<Form method="get" className="row">
					<PlainSelect
						id="shown-company"
						name="bedrift"
						label={t('map.showFor')}
						defaultValue={d.shown ? String(d.shown.id) : ''}
						options={[{ value: '', label: '–' }, ...d.companies.map((c) => ({ value: c.id, label: c.name }))]}
					/>
					<Button type="submit" variant="secondary">
						{t('map.show')}
					</Button>
				</Form>
				{!d.shown ? (
					<Paragraph data-size="sm">{t('map.chooseCompany')}</Paragraph>
				) : d.notMet.length === 0 ? (
						<Paragraph>{t('map.allMet')}</Paragraph>
					) : (
						<>
							<Paragraph data-size="sm">{t('map.notMetIntro')}</Paragraph>
							<ol>
								{d.notMet.map((c) => (
									<li key={c.id}>
										{c.name}{' '}
										{c.wished ? (
											<Tag data-size="sm" data-color="success">
												{t('map.wished')}
											</Tag>
										) : null}{' '}
										{c.fit > 0 ? (
											<Tag data-size="sm" data-color="info">
												{t('map.fit')}
											</Tag>
										) : null}
									</li>
								))}
							</ol>
						</>
					)}
			</section>
			{d.mayRecord ? (
				<section className="stack" aria-labelledby="record-heading">
					<Heading level={2} data-size="sm" id="record-heading">
						{t('map.record')}
					</Heading>
					<Paragraph data-size="sm">{t('map.recordIntro')}</Paragraph>
					<Form method="post" className="form" {...getFormProps(contactForm)}>
						<input type="hidden" name="intent" value="contact" />
						<SelectField field={contactFields.otherId} label={t('map.recordCompany')} options={[{ value: '', label: '–' }, ...others]} />
						<SelectField field={contactFields.kind} label={t('map.kind')} options={(['met', 'worked'] as const).map((k) => ({ value: k, label: t(`map.kind.${k}`) }))} />
						<div>
							<Button type="submit">{t('map.recordSubmit')}</Button>
						</div>
					</Form>
				</section>
			) : null}
			{d.mayWish ? (
				<section className="stack" aria-labelledby="wishes-heading">
					<Heading level={2} data-size="sm" id="wishes-heading">
						{t('map.wishes')}
					</Heading>
					<Paragraph data-size="sm">{t('map.wishesIntro')}</Paragraph>
					{d.wishes.length > 0 ? (
						<ul aria-label={t('map.currentWishes')}>
							{d.wishes.map((w) => (
								<li key={w.other_id}>
									{name.get(w.other_id)}: {t(`map.wish.${w.kind}` as MessageKey)}
								</li>
							))}
						</ul>
					) : null}
					<Form method="post" className="form" {...getFormProps(wishForm)}>
						<input type="hidden" name="intent" value="wish" />
						<SelectField field={wishFields.otherId} label={t('map.recordCompany')} options={[{ value: '', label: '–' }, ...others]} />
						<SelectField field={wishFields.kind} label={t('map.wish')} options={(['meet', 'avoid', 'none'] as const).map((k) => ({ value: k, label: t(`map.wish.${k}`) }))} />
						<div>
							<Button type="submit">{t('map.wishSubmit')}</Button>
						</div>
					</Form>
				</section>
			) : null}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'map.title')
