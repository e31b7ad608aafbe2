import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// Competence initiatives (the article's goal 3): courses, workshops and
// seminars the network arranges for a competence its members seek, each with
// the knowledge partner that holds it, if one does.

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement())
	await db.schema
		.createTable('competence_initiative')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		// The competence it raises, as the members write it in "Competence we seek".
		.addColumn('competence', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('course', 'workshop', 'seminar', 'other')`))
		// A knowledge partner of the network that holds it; none if the network does.
		.addColumn('partner_id', 'integer')
		// YYYY-MM-DD; none while the day is not set.
		.addColumn('starts_on', 'text')
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addForeignKeyConstraint('competence_initiative_partner_fk', ['network_id', 'partner_id'], 'knowledge_partner', ['network_id', 'organisation_id'])
		.execute()
	await db.schema.createIndex('competence_initiative_network').on('competence_initiative').column('network_id').execute()
}
