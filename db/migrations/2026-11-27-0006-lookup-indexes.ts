import type { Kysely } from 'kysely'

// Indexes for lookups that read a whole table at national scale: an idea's
// history, decisions and budget, a network's evaluation criteria and trust
// surveys, and the companies whose commitment deadline is near (the reminder
// run, every minute in every process). Found by asking the database for the
// plan of every query the pages make (docs/performance.md).

export async function up(db: Kysely<any>) {
	await db.schema.createIndex('idea_stage_event_idea').on('idea_stage_event').columns(['idea_id', 'id']).execute()
	await db.schema.createIndex('idea_decision_idea').on('idea_decision').columns(['idea_id', 'id']).execute()
	await db.schema.createIndex('idea_budget_line_idea').on('idea_budget_line').column('idea_id').execute()
	await db.schema.createIndex('evaluation_criterion_network').on('evaluation_criterion').columns(['network_id', 'position']).execute()
	await db.schema.createIndex('trust_survey_network').on('trust_survey').column('network_id').execute()
	await db.schema.createIndex('network_organisation_invite').on('network_organisation').columns(['status', 'invite_deadline']).execute()
}

