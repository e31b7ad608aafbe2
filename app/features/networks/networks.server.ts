import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { now } from '#app/platform/time.ts'

/**
 * A network by the slug in its address, or undefined.
 * @example const network = await getNetworkBySlug(db, 'ikt-lillehammer')
 */
export function getNetworkBySlug(db: Kysely<DB>, slug: string) {
	return db
		.selectFrom('network')
		.select(['id', 'slug', 'name', 'name_en', 'region', 'phase', 'about_nb', 'about_en'])
		.where('slug', '=', slug)
		.executeTakeFirst()
}

export function listNetworks(db: Kysely<DB>) {
	return db.selectFrom('network').select(['slug', 'name', 'name_en', 'region', 'phase']).orderBy('name').execute()
}

/** Everything the public front page of a network shows, in one round of queries. */
export async function getNetworkFrontPage(db: Kysely<DB>, networkId: number) {
	const [goals, gatherings, news, organisations, memberCount] = await Promise.all([
		db
			.selectFrom('network_goal')
			.select(['id', 'title_nb', 'title_en'])
			.where('network_id', '=', networkId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('gathering')
			.select(['id', 'title', 'starts_at', 'location', 'audience'])
			.where('network_id', '=', networkId)
			.where('status', '=', 'published')
			.where('ends_at', '>=', now())
			.orderBy('starts_at')
			.limit(3)
			.execute(),
		db
			.selectFrom('news')
			.select(['id', 'title', 'body', 'published_at'])
			.where('network_id', '=', networkId)
			.where('published_at', '<=', now())
			.orderBy('published_at', 'desc')
			.limit(3)
			.execute(),
		db
			.selectFrom('network_organisation as no')
			.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
			.select(['o.id', 'o.name', 'o.kind'])
			.where('no.network_id', '=', networkId)
			.where('no.status', '=', 'partner')
			.orderBy('o.name')
			.execute(),
		db
			.selectFrom('network_organisation')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('network_id', '=', networkId)
			.where('status', '=', 'member')
			.executeTakeFirstOrThrow(),
	])
	return { goals, gatherings, news, partners: organisations, memberCount: Number(memberCount.count) }
}
