import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// Frozen in time: later changes go in a new migration, never here.
// Timestamps are ISO 8601 UTC text on both databases (docs/decisions/003).

export async function up(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter
	const id = (c: ColumnDefinitionBuilder) =>
		postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement()
	const blob = postgres ? sql`bytea` : sql`blob`

	await db.schema
		.createTable('network')
		.addColumn('id', 'integer', id)
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('phase', 'text', (c) => c.notNull())
		.addColumn('about_nb', 'text', (c) => c.notNull())
		.addColumn('about_en', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('network_goal')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title_nb', 'text', (c) => c.notNull())
		.addColumn('title_en', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('network_goal_network').on('network_goal').columns(['network_id', 'position']).execute()

	await db.schema
		.createTable('file')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('data', blob, (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('organisation')
		.addColumn('id', 'integer', id)
		.addColumn('org_number', 'text', (c) => c.unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('website', 'text')
		.addColumn('employees', 'integer')
		.addColumn('town', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('competences_offered', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('competences_wanted', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('technologies', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('logo_file_id', 'integer', (c) => c.references('file.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('network_organisation')
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('network_organisation_pk', ['network_id', 'organisation_id'])
		.execute()
	await db.schema.createIndex('network_organisation_org').on('network_organisation').column('organisation_id').execute()

	await db.schema
		.createTable('person')
		.addColumn('id', 'integer', id)
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('town', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('competences', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organisation_id', 'integer', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('password_hash', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('person_organisation').on('person').column('organisation_id').execute()

	await db.schema
		.createTable('membership')
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('membership_pk', ['network_id', 'person_id', 'role'])
		.execute()
	await db.schema.createIndex('membership_person').on('membership').column('person_id').execute()

	await db.schema
		.createTable('session')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('session_person').on('session').column('person_id').execute()

	await db.schema
		.createTable('login_token')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute()

	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', 'text', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.execute()

	await db.schema
		.createTable('outbox')
		.addColumn('id', 'integer', id)
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('locked_until', 'text')
		.addColumn('sent_at', 'text')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute()

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('actor_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('audit_log_network').on('audit_log').columns(['network_id', 'id']).execute()

	await db.schema
		.createTable('gathering')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('location', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('audience', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('gathering_network').on('gathering').columns(['network_id', 'starts_at']).execute()

	await db.schema
		.createTable('news')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('published_at', 'text', (c) => c.notNull())
		.execute()
	await db.schema.createIndex('news_network').on('news').columns(['network_id', 'published_at']).execute()

	await db.schema
		.createTable('import_job')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('rows', 'text', (c) => c.notNull())
		.addColumn('total', 'integer', (c) => c.notNull())
		.addColumn('done', 'integer', (c) => c.notNull())
		.addColumn('error', 'text')
		.addColumn('locked_until', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.execute()

	// The directory's full-text index: one document per company or person and
	// network, its text folded (æ→ae, ø→o, å→a, accents off) by the application.
	await db.schema
		.createTable('search_document')
		.addColumn('id', 'integer', id)
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addUniqueConstraint('search_document_entity', ['kind', 'entity_id', 'network_id'])
		.execute()

	if (postgres) {
		// The network is a token of its own ("n42"), so one GIN lookup narrows a search to the network.
		await sql`alter table search_document add column tsv tsvector generated always as (
			setweight(to_tsvector('norwegian', title), 'A') || to_tsvector('norwegian', body) || to_tsvector('simple', 'n' || network_id::text)) stored`.execute(db)
		await sql`create index search_document_tsv on search_document using gin (tsv)`.execute(db)
	} else {
		// The network is a token of its own ("n42") in the index, so a search is
		// narrowed to one network inside FTS5 before anything is ranked.
		await sql`create virtual table search_fts using fts5(
			title, body, net, content='',
			tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(db)
		await sql`create trigger search_document_ai after insert on search_document begin
			insert into search_fts(rowid, title, body, net) values (new.id, new.title, new.body, 'n' || new.network_id); end`.execute(db)
		await sql`create trigger search_document_ad after delete on search_document begin
			insert into search_fts(search_fts, rowid, title, body, net) values ('delete', old.id, old.title, old.body, 'n' || old.network_id); end`.execute(db)
		await sql`create trigger search_document_au after update on search_document begin
			insert into search_fts(search_fts, rowid, title, body, net) values ('delete', old.id, old.title, old.body, 'n' || old.network_id);
			insert into search_fts(rowid, title, body, net) values (new.id, new.title, new.body, 'n' || new.network_id); end`.execute(db)
	}
}
