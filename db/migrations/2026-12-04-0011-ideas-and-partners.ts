import { sql, type Kysely } from 'kysely'

// A project idea's knowledge partners (goal 4 meets goal 2): which of the
// network's knowledge partners an idea is worked out with. And the stage a
// partner was added at, so that its stage on any past day can be told from
// the activity log (the goals' progress over time).

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
	await db.schema
		.alterTable('knowledge_partner')
		.addColumn('added_stage', 'text', (c) => c.notNull().defaultTo('identified').check(sql`added_stage in ('identified', 'contacted', 'met', 'agreement')`))
		.execute()
	await db.schema.createIndex('idea_knowledge_partner_partner').on('idea_knowledge_partner').columns(['network_id', 'organisation_id']).execute()
}
