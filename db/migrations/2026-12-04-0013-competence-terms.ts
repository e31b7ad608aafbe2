import type { Kysely } from 'kysely'

// A network's own terms for competence (goal 3's taxonomy, kept light): the
// companies write what they seek and offer in their own words, and the
// project leader or the steering group says which of those words name the
// same competence ("Tilgjengelighet" is "Universell utforming"), so that the
// needs roll up under one name.

export async function up(db: Kysely<any>) {
	await db.schema
		.createTable('competence_term')
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		// The word as the companies write it, in lower case: what is matched.
		.addColumn('alias_key', 'text', (c) => c.notNull())
		.addColumn('alias', 'text', (c) => c.notNull())
		// The name the competence goes by in the network.
		.addColumn('canonical', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('competence_term_pk', ['network_id', 'alias_key'])
		.execute()
}
