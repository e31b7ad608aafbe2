import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// Commitment after the first gathering: the participation agreement and its
// acceptances, the own contribution (egenandel) invoiced per period, and own
// effort (egeninnsats) logged in minutes and approved by the company.

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement())

	await db.schema.alterTable('organisation').addColumn('address', 'text', (c) => c.notNull().defaultTo('')).execute()
	await db.schema.alterTable('organisation').addColumn('industry_code', 'text', (c) => c.notNull().defaultTo('')).execute()
	// Ownership ties: the register does not have them, the company tells the network.
	await db.schema.alterTable('organisation').addColumn('parent_org_number', 'text').execute()

	await db.schema.alterTable('network').addColumn('rate_rule', 'text', (c) => c.notNull().defaultTo('fixed')).execute()
	await db.schema.alterTable('network').addColumn('hourly_rate', 'integer', (c) => c.notNull().defaultTo(500)).execute()
	await db.schema.alterTable('person').addColumn('hourly_rate', 'integer').execute()

	for (const column of ['invited_at', 'invite_deadline', 'invite_reminded_at', 'member_since', 'withdrawn_at']) {
		await db.schema.alterTable('network_organisation').addColumn(column, 'text').execute()
	}

	await db.schema
		.createTable('agreement')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('period_start', 'text', (c) => c.notNull())
		.addColumn('period_end', 'text', (c) => c.notNull())
		.addColumn('egenandel_nok', 'integer', (c) => c.notNull())
		.addColumn('hours_per_year', 'integer', (c) => c.notNull())
		.addColumn('gatherings_per_year', 'integer', (c) => c.notNull())
		.addColumn('hash', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('agreement_version', ['network_id', 'version'])
		.execute()

	await db.schema
		.createTable('agreement_acceptance')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreement.id'))
		.addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('signer_name', 'text', (c) => c.notNull())
		.addColumn('signer_title', 'text', (c) => c.notNull())
		.addColumn('agreement_hash', 'text', (c) => c.notNull())
		.addColumn('accepted_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('agreement_acceptance_organisation').on('agreement_acceptance').columns(['network_id', 'organisation_id']).execute()

	await db.schema
		.createTable('invoice')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('amount_nok', 'integer', (c) => c.notNull())
		.addColumn('due_date', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.addColumn('paid_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('invoice_once', ['network_id', 'organisation_id', 'period'])
		.execute()

	await db.schema
		.createTable('effort_entry')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('minutes', 'integer', (c) => c.notNull())
		.addColumn('activity', 'text', (c) => c.notNull())
		.addColumn('gathering_id', 'integer', (c) => c.references('gathering.id').onDelete('set null'))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('rate_nok', 'integer')
		.addColumn('approved_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('approved_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('effort_entry_person_date').on('effort_entry').columns(['person_id', 'date']).execute()
	await db.schema.createIndex('effort_entry_organisation').on('effort_entry').columns(['network_id', 'organisation_id', 'status']).execute()
}
