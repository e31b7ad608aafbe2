import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { prepared } from '#db/prepared.ts'
import { now } from '#app/platform/time.ts'

// Every network page asks for it.
const networkBySlug = prepared((db, p: { slug: string }) =>
	db.selectFrom('network').select(['id', 'slug', 'name', 'name_en', 'region', 'phase', 'about_nb', 'about_en']).where('slug', '=', p.slug),
)

/**
 * A network by the slug in its address, or undefined.
 * @example const network = await getNetworkBySlug(db, 'ikt-lillehammer')
 */
export async function getNetworkBySlug(db: Kysely<DB>, slug: string) {
	const [network] = await networkBySlug(db, { slug })
	return network
}

export function listNetworks(db: Kysely<DB>) {
	return db.selectFrom('network').select(['slug', 'name', 'name_en', 'region', 'phase']).orderBy('name').execute()
}

type FrontPageValues = { networkId: number; now: string }
const networkGoals = prepared((db, p: FrontPageValues) => db.selectFrom('network_goal').select(['id', 'title_nb', 'title_en']).where('network_id', '=', p.networkId).orderBy('position'))
const nextGatherings = prepared((db, p: FrontPageValues) =>
	db
		.selectFrom('gathering')
		.select(['id', 'title', 'starts_at', 'location', 'audience'])
		.where('network_id', '=', p.networkId)
		.where('status', '=', 'published')
		.where('ends_at', '>=', p.now)
		.orderBy('starts_at')
		.limit(3),
)
const latestNews = prepared((db, p: FrontPageValues) =>
	db
		.selectFrom('news')
		.select(['id', 'title', 'body', 'published_at'])
		.where('network_id', '=', p.networkId)
		.where('published_at', '<=', p.now)
		.orderBy('published_at', 'desc')
		.limit(3),
)
const networkPartners = prepared((db, p: FrontPageValues) =>
	db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select(['o.id', 'o.name', 'o.kind'])
		.where('no.network_id', '=', p.networkId)
		.where('no.status', '=', 'partner')
		.orderBy('o.name'),
)
const memberCompanies = prepared((db, p: FrontPageValues) =>
	db
		.selectFrom('network_organisation')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('network_id', '=', p.networkId)
		.where('status', '=', 'member'),
)

/** Everything the public front page of a network shows, in one round of queries. */
export async function getNetworkFrontPage(db: Kysely<DB>, networkId: number) {
	const values = { networkId, now: now() }
	const [goals, gatherings, news, partners, [members]] = await Promise.all([
		networkGoals(db, values),
		nextGatherings(db, values),
		latestNews(db, values),
		networkPartners(db, values),
		memberCompanies(db, values),
	])
	return { goals, gatherings, news, partners, memberCount: Number(members!.count) }
}
