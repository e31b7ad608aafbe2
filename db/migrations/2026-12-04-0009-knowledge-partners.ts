import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// The register of knowledge partners (the article's goal 4: good contacts
// with research and education communities at home and abroad): which
// organisations a network keeps in touch with, where they are, how far the
// relationship has come, and a log of what happened with each.

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement())
	const stages = sql`('identified', 'contacted', 'met', 'agreement')`

	await db.schema
		.createTable('knowledge_partner')
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		// ISO 3166 code: NO at home, anything else abroad.
		.addColumn('country', 'text', (c) => c.notNull().check(sql`length(country) = 2`))
		.addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${stages}`))
		// What the network wants from them, in the project leader's words.
		.addColumn('focus', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('knowledge_partner_pk', ['network_id', 'organisation_id'])
		.execute()

	await db.schema
		.createTable('partner_activity')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('occurred_on', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		// The stage the relationship moved to with this, if it moved.
		.addColumn('stage', 'text', (c) => c.check(sql`stage in ${stages}`))
		.addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addForeignKeyConstraint('partner_activity_partner_fk', ['network_id', 'organisation_id'], 'knowledge_partner', ['network_id', 'organisation_id'], (c) => c.onDelete('cascade'))
		.execute()
	await db.schema.createIndex('partner_activity_partner').on('partner_activity').columns(['network_id', 'organisation_id', 'occurred_on']).execute()
}
