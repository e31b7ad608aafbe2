import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// Getting to know each other: get-to-know rounds at a gathering, who has met
// whom, the companies' wishes (meet, or never be paired with), and the trust
// survey.

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement())

	await db.schema
		.createTable('meeting_plan')
		.addColumn('id', 'integer', id)
		.addColumn('gathering_id', 'integer', (c) => c.notNull().unique().references('gathering.id').onDelete('cascade'))
		.addColumn('rounds', 'integer', (c) => c.notNull())
		.addColumn('minutes', 'integer', (c) => c.notNull())
		// 0 before the rounds start; rounds + 1 when they are over.
		.addColumn('current_round', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('round_started_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('meeting_participant')
		.addColumn('plan_id', 'integer', (c) => c.notNull().references('meeting_plan.id').onDelete('cascade'))
		.addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('left_at', 'text')
		.addPrimaryKeyConstraint('meeting_participant_pk', ['plan_id', 'registration_id'])
		.execute()

	await db.schema
		.createTable('meeting_seat')
		.addColumn('plan_id', 'integer', (c) => c.notNull().references('meeting_plan.id').onDelete('cascade'))
		.addColumn('round', 'integer', (c) => c.notNull())
		.addColumn('table_no', 'integer', (c) => c.notNull())
		.addColumn('registration_id', 'integer', (c) => c.notNull().references('registration.id').onDelete('cascade'))
		.addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('meeting_seat_pk', ['plan_id', 'round', 'registration_id'])
		.execute()

	await db.schema
		.createTable('company_contact')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		// The pair is stored with the lower organisation id first.
		.addColumn('organisation_a', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('organisation_b', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		// 'met': we have met; 'worked': we have worked together.
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('gathering_id', 'integer', (c) => c.references('gathering.id').onDelete('set null'))
		.addColumn('recorded_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('company_contact_pair').on('company_contact').columns(['network_id', 'organisation_a', 'organisation_b']).execute()

	await db.schema
		.createTable('company_wish')
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('other_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		// 'meet': we would like to meet them; 'avoid': never pair us (a competitor).
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('company_wish_pk', ['network_id', 'organisation_id', 'other_id'])
		.execute()

	await db.schema
		.createTable('trust_survey')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('opened_at', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'text')
		.execute()

	await db.schema
		.createTable('trust_response')
		.addColumn('id', 'integer', id)
		.addColumn('survey_id', 'integer', (c) => c.notNull().references('trust_survey.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('answered_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('trust_response_once', ['survey_id', 'organisation_id'])
		.execute()

	await db.schema
		.createTable('trust_answer')
		.addColumn('response_id', 'integer', (c) => c.notNull().references('trust_response.id').onDelete('cascade'))
		.addColumn('target_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('knows', 'integer', (c) => c.notNull())
		.addColumn('trusts', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('trust_answer_pk', ['response_id', 'target_id'])
		.execute()
}

