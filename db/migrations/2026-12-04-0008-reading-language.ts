import { sql, type Kysely } from 'kysely'

// The language each reader reads in, so that mail and notices reach them in
// it whoever sets them off: a person's, saved when they switch language while
// signed in; a registration's, the page's language when a visitor registers
// (a visitor has no person), the member's own when a member does. Bokmål
// until they say otherwise (decision 034).

export async function up(db: Kysely<any>) {
	await db.schema.alterTable('person').addColumn('lang', 'text', (c) => c.notNull().defaultTo('nb').check(sql`lang in ('nb', 'en')`)).execute()
	await db.schema.alterTable('registration').addColumn('lang', 'text', (c) => c.notNull().defaultTo('nb').check(sql`lang in ('nb', 'en')`)).execute()
}
