import type { Kysely } from 'kysely'

// A project idea's knowledge partners (goal 4 meets goal 2): which of the
// network's knowledge partners an idea is worked out with.

export async function up(db: Kysely<any>) {
	await db.schema
		.createTable('idea_knowledge_partner')
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		.addColumn('network_id', 'integer', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('idea_knowledge_partner_pk', ['idea_id', 'organisation_id'])
		.addForeignKeyConstraint('idea_knowledge_partner_partner_fk', ['network_id', 'organisation_id'], 'knowledge_partner', ['network_id', 'organisation_id'], (c) => c.onDelete('cascade'))
		.execute()
	await db.schema.createIndex('idea_knowledge_partner_partner').on('idea_knowledge_partner').columns(['network_id', 'organisation_id']).execute()
}
