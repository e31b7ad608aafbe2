import type { Kysely } from 'kysely'

// The move from pre-project to main project: when the steering group decided
// it, the main project's period (Innovasjon Norge's main projects run up to
// three years), and the decision as the project leader recorded it.

export async function up(db: Kysely<any>) {
	// One column a statement: SQLite adds one at a time.
	for (const column of ['main_project_decided_on', 'main_project_starts_on', 'main_project_ends_on', 'main_project_decision']) {
		await db.schema.alterTable('network').addColumn(column, 'text').execute()
	}
}
