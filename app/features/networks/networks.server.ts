import type { Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Dialect } from '#db/index.ts'
import type { DB } from '#db/schema.ts'
import { prepared } from '#db/prepared.ts'
import type { Lang } from '#app/platform/i18n.ts'
import { now } from '#app/platform/time.ts'

// Every network page asks for it.
const networkBySlug = prepared((db, p: { slug: string }) =>
	db.selectFrom('network').select(['id', 'slug', 'name', 'name_en', 'region', 'phase', 'about_nb', 'about_en', 'created_at']).where('slug', '=', p.slug),
)

/** The network's name in the page's language: bokmål, or its English name. */
export function networkName(network: { name: string; name_en: string }, lang: Lang) {
	return lang === 'en' ? network.name_en : network.name
}

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

/** What the public front page lists, and how many members, each a query of its own. */
const frontPageParts = (db: Kysely<DB>, p: FrontPageValues) => ({
	goals: db.selectFrom('network_goal').select(['id', 'title_nb', 'title_en']).where('network_id', '=', p.networkId).orderBy('position'),
	gatherings: db
		.selectFrom('gathering')
		.select(['id', 'title', 'starts_at', 'location', 'audience'])
		.where('network_id', '=', p.networkId)
		.where('status', '=', 'published')
		.where('ends_at', '>=', p.now)
		.orderBy('starts_at')
		.limit(3),
	news: db
		.selectFrom('news')
		.select(['id', 'title', 'body', 'published_at'])
		.where('network_id', '=', p.networkId)
		.where('published_at', '<=', p.now)
		.orderBy('published_at', 'desc')
		.limit(3),
	partners: db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select(['o.id', 'o.name', 'o.kind'])
		.where('no.network_id', '=', p.networkId)
		.where('no.status', '=', 'partner')
		.orderBy('o.name'),
	members: db
		.selectFrom('network_organisation')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('network_id', '=', p.networkId)
		.where('status', '=', 'member'),
})
// On SQLite a query is a function call: five small ones cost less than one that
// builds JSON. On PostgreSQL each is a round trip, so there they go as one (decision 031).
const frontPageOnSqlite = {
	goals: prepared((db, p: FrontPageValues) => frontPageParts(db, p).goals),
	gatherings: prepared((db, p: FrontPageValues) => frontPageParts(db, p).gatherings),
	news: prepared((db, p: FrontPageValues) => frontPageParts(db, p).news),
	partners: prepared((db, p: FrontPageValues) => frontPageParts(db, p).partners),
	members: prepared((db, p: FrontPageValues) => frontPageParts(db, p).members),
}
const frontPageOnPostgres = prepared((db, p: FrontPageValues) => {
	const part = frontPageParts(db, p)
	return db.selectNoFrom([
		jsonArrayFrom(part.goals).as('goals'),
		jsonArrayFrom(part.gatherings).as('gatherings'),
		jsonArrayFrom(part.news).as('news'),
		jsonArrayFrom(part.partners).as('partners'),
		part.members.as('members'),
	])
})

/** Everything the public front page of a network shows. */
export async function getNetworkFrontPage(db: Kysely<DB>, dialect: Dialect, networkId: number) {
	const values = { networkId, now: now() }
	if (dialect === 'postgres') {
		const [row] = await frontPageOnPostgres(db, values)
		const { members, ...lists } = row!
		return { ...lists, memberCount: Number(members) }
	}
	const [goals, gatherings, news, partners, [members]] = await Promise.all([
		frontPageOnSqlite.goals(db, values),
		frontPageOnSqlite.gatherings(db, values),
		frontPageOnSqlite.news(db, values),
		frontPageOnSqlite.partners(db, values),
		frontPageOnSqlite.members(db, values),
	])
	return { goals, gatherings, news, partners, memberCount: Number(members!.count) }
}
