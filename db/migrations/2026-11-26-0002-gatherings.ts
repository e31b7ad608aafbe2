import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// Gatherings grow from a date on the front page to a whole life: publishing,
// agenda, registration with capacity and waitlist, check-in, minutes, documents.

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement())

	for (const [column, type, build] of [
		['status', 'text', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('published')],
		['capacity', 'integer', (c: ColumnDefinitionBuilder) => c],
		['registration_deadline', 'text', (c: ColumnDefinitionBuilder) => c],
		['sequence', 'integer', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0)],
		['minutes', 'text', (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('')],
		['updated_at', 'text', (c: ColumnDefinitionBuilder) => c],
	] as const) {
		await db.schema.alterTable('gathering').addColumn(column, type, build).execute()
	}

	// The reminder worker looks for gatherings starting within two days.
	await db.schema.createIndex('gathering_due').on('gathering').columns(['status', 'starts_at']).execute()

	await db.schema
		.createTable('agenda_item')
		.addColumn('id', 'integer', id)
		.addColumn('gathering_id', 'integer', (c) => c.notNull().references('gathering.id').onDelete('cascade'))
		.addColumn('time', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('speaker', 'text', (c) => c.notNull().defaultTo(''))
		.execute()
	await db.schema.createIndex('agenda_item_gathering').on('agenda_item').columns(['gathering_id', 'time']).execute()

	await db.schema
		.createTable('registration')
		.addColumn('id', 'integer', id)
		.addColumn('gathering_id', 'integer', (c) => c.notNull().references('gathering.id').onDelete('cascade'))
		.addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('company', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('org_number', 'text')
		.addColumn('job_title', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('dietary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('show_in_attendance', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('checked_in_at', 'text')
		.addColumn('reminder_sent_at', 'text')
		.addColumn('consent_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('cancelled_at', 'text')
		.addUniqueConstraint('registration_once', ['gathering_id', 'email'])
		.execute()
	await db.schema.createIndex('registration_gathering_status').on('registration').columns(['gathering_id', 'status', 'id']).execute()
	await db.schema.createIndex('registration_reminder').on('registration').columns(['status', 'reminder_sent_at']).execute()

	await db.schema
		.createTable('gathering_document')
		.addColumn('gathering_id', 'integer', (c) => c.notNull().references('gathering.id').onDelete('cascade'))
		.addColumn('file_id', 'integer', (c) => c.notNull().references('file.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('gathering_document_pk', ['gathering_id', 'file_id'])
		.execute()

	// A calendar invitation that travels with a message.
	await db.schema.alterTable('outbox').addColumn('ics', 'text').execute()
	// The secret in a person's calendar feed address.
	await db.schema.alterTable('person').addColumn('calendar_token', 'text').execute()
	await db.schema.createIndex('person_calendar_token').on('person').column('calendar_token').unique().execute()
}
