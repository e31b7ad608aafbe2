import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// Surveys (the article's goal 3): the project leader asks the companies — the
// members, or the whole industry through an open link, as the survey after
// the first input meeting did — what they want from the network and what
// competence they lack. Written as a draft, opened for answers, closed.

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement())
	await db.schema
		.createTable('survey')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
		// 'members': people of the network's companies, signed in; 'open': anyone with the link.
		.addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('members', 'open')`))
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
		.addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('opened_at', 'text')
		.addColumn('closed_at', 'text')
		// The last reminder to those who have not answered: one a day at most.
		.addColumn('reminded_at', 'text')
		.execute()
	await db.schema.createIndex('survey_network').on('survey').column('network_id').execute()
	await db.schema
		.createTable('survey_question')
		.addColumn('id', 'integer', id)
		.addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('scale', 'choice', 'multi', 'text', 'competences')`))
		.addColumn('text', 'text', (c) => c.notNull())
		// The choices of a 'choice' or 'multi' question, one a line.
		.addColumn('options', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
		.execute()
	await db.schema.createIndex('survey_question_survey').on('survey_question').columns(['survey_id', 'position']).execute()
	await db.schema
		.createTable('survey_response')
		.addColumn('id', 'integer', id)
		.addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		// Signed in: the person; through an open link: none, and the name, address and company they gave.
		.addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('company', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		// One answer an address: a second one is refused.
		.addUniqueConstraint('survey_response_once', ['survey_id', 'email'])
		.execute()
	await db.schema
		.createTable('survey_answer')
		.addColumn('response_id', 'integer', (c) => c.notNull().references('survey_response.id').onDelete('cascade'))
		.addColumn('question_id', 'integer', (c) => c.notNull().references('survey_question.id').onDelete('cascade'))
		// A scale's number, a choice, a line of text or a competence; a 'multi' or 'competences' answer is one row a value.
		.addColumn('value', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('survey_answer_response').on('survey_answer').column('response_id').execute()
	await db.schema.createIndex('survey_answer_question').on('survey_answer').column('question_id').execute()
}
