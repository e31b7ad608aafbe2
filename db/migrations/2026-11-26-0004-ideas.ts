import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// Project ideas: from a first idea to qualified candidates for the main
// project, with their consortium, comments, stage history, the steering
// group's evaluation and decision, and a budget sketch.

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement())

	await db.schema
		.createTable('idea')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('author_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('problem', 'text', (c) => c.notNull())
		.addColumn('solution', 'text', (c) => c.notNull())
		.addColumn('beneficiaries', 'text', (c) => c.notNull())
		.addColumn('competences', 'text', (c) => c.notNull().defaultTo(''))
		// 'members': everyone in the network; 'steering': the steering group and the idea's partners; 'named': the named companies only.
		.addColumn('audience', 'text', (c) => c.notNull())
		.addColumn('stage', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('idea_network_stage').on('idea').columns(['network_id', 'stage']).execute()

	await db.schema
		.createTable('idea_party')
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('idea_party_pk', ['idea_id', 'organisation_id'])
		.execute()
	await db.schema.createIndex('idea_party_organisation').on('idea_party').column('organisation_id').execute()

	await db.schema
		.createTable('idea_access')
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('idea_access_pk', ['idea_id', 'organisation_id'])
		.execute()

	await db.schema
		.createTable('idea_comment')
		.addColumn('id', 'integer', id)
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		.addColumn('author_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('idea_comment_idea').on('idea_comment').columns(['idea_id', 'id']).execute()

	await db.schema
		.createTable('idea_stage_event')
		.addColumn('id', 'integer', id)
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		.addColumn('actor_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('from_stage', 'text')
		.addColumn('to_stage', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('evaluation_criterion')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('weight', 'integer', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('idea_score')
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		.addColumn('criterion_id', 'integer', (c) => c.notNull().references('evaluation_criterion.id').onDelete('cascade'))
		.addColumn('evaluator_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('score', 'integer', (c) => c.notNull())
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('idea_score_pk', ['idea_id', 'criterion_id', 'evaluator_id'])
		.execute()

	await db.schema
		.createTable('idea_decision')
		.addColumn('id', 'integer', id)
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		.addColumn('decided_on', 'text', (c) => c.notNull())
		.addColumn('decision', 'text', (c) => c.notNull())
		.addColumn('reasons', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('idea_budget_line')
		.addColumn('id', 'integer', id)
		.addColumn('idea_id', 'integer', (c) => c.notNull().references('idea.id').onDelete('cascade'))
		// 'cost', or financing: 'own_hours' and 'cash' from a partner, 'funding' sought from a source.
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('cascade'))
		.addColumn('amount_nok', 'integer', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('notification')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('link', 'text', (c) => c.notNull())
		.addColumn('read_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('notification_person').on('notification').columns(['person_id', 'id']).execute()
}
