import type { Generated } from 'kysely'
import type { Lang } from '#app/platform/i18n.ts'

// The database as Kysely sees it. Timestamps are ISO 8601 UTC strings.

export type Role = 'project_leader' | 'steering_group' | 'company_contact' | 'member' | 'partner_observer'
export const ROLES: readonly Role[] = ['project_leader', 'steering_group', 'company_contact', 'member', 'partner_observer']

export type OrganisationKind = 'company' | 'municipality' | 'public_body' | 'research' | 'funder'
export type NetworkOrganisationStatus = 'prospect' | 'invited' | 'member' | 'withdrawn' | 'partner'

export type IdeaStage = 'draft' | 'proposed' | 'maturing' | 'qualified' | 'main_project' | 'parked'
export type IdeaAudience = 'members' | 'steering' | 'named'
export type IdeaPartyRole = 'lead' | 'partner' | 'interested'
/** How far a network's relationship with a knowledge partner has come, in order. */
export type PartnerStage = 'identified' | 'contacted' | 'met' | 'agreement'
export type InitiativeKind = 'course' | 'workshop' | 'seminar' | 'other'
export const INITIATIVE_KINDS: readonly InitiativeKind[] = ['course', 'workshop', 'seminar', 'other']
export type SurveyAudience = 'members' | 'open'
export type SurveyStatus = 'draft' | 'open' | 'closed'
export type QuestionKind = 'scale' | 'choice' | 'multi' | 'text' | 'competences'
export const QUESTION_KINDS: readonly QuestionKind[] = ['scale', 'choice', 'multi', 'text', 'competences']
export const PARTNER_STAGES: readonly PartnerStage[] = ['identified', 'contacted', 'met', 'agreement']
/** 'met': we have met; 'worked': we have worked together. */
export type ContactKind = 'met' | 'worked'

export interface DB {
	network: {
		id: Generated<number>
		slug: string
		name: string
		name_en: string
		region: string
		phase: 'pre_project' | 'main_project'
		about_nb: string
		about_en: string
		created_at: string
		/** Own hours are valued at the network's fixed rate, or at each person's own rate. */
		rate_rule: Generated<'fixed' | 'own'>
		hourly_rate: Generated<number>
		/** Set when the network moved to its main project (migration 0012). */
		main_project_decided_on: string | null
		main_project_starts_on: string | null
		main_project_ends_on: string | null
		main_project_decision: string | null
	}
	network_goal: {
		id: Generated<number>
		network_id: number
		position: number
		title_nb: string
		title_en: string
	}
	file: {
		id: Generated<number>
		network_id: number
		name: string
		content_type: string
		size: number
		data: Uint8Array
		created_at: string
	}
	organisation: {
		id: Generated<number>
		org_number: string | null
		name: string
		kind: OrganisationKind
		description: Generated<string>
		website: string | null
		employees: number | null
		town: Generated<string>
		competences_offered: Generated<string>
		competences_wanted: Generated<string>
		technologies: Generated<string>
		logo_file_id: number | null
		created_at: string
		updated_at: string
		address: Generated<string>
		industry_code: Generated<string>
		parent_org_number: string | null
	}
	network_organisation: {
		network_id: number
		organisation_id: number
		status: NetworkOrganisationStatus
		created_at: string
		invited_at: string | null
		invite_deadline: string | null
		invite_reminded_at: string | null
		member_since: string | null
		withdrawn_at: string | null
	}
	person: {
		id: Generated<number>
		email: string
		name: string
		title: Generated<string>
		phone: Generated<string>
		town: Generated<string>
		bio: Generated<string>
		competences: Generated<string>
		organisation_id: number | null
		password_hash: string | null
		calendar_token: string | null
		hourly_rate: number | null
		/** The language mail and notices to them are written in. */
		lang: Generated<Lang>
		created_at: string
		updated_at: string
	}
	membership: {
		network_id: number
		person_id: number
		role: Role
		created_at: string
	}
	session: { id_hash: string; person_id: number; created_at: string; expires_at: string }
	login_token: { token_hash: string; person_id: number; created_at: string; expires_at: string; used_at: string | null }
	rate_limit: { key: string; window_start: string; hits: number }
	outbox: {
		id: Generated<number>
		recipient: string
		subject: string
		body_text: string
		status: 'pending' | 'sent' | 'failed'
		attempts: Generated<number>
		next_attempt_at: string
		locked_until: string | null
		sent_at: string | null
		last_error: string | null
		created_at: string
		ics: string | null
	}
	audit_log: {
		id: Generated<number>
		network_id: number
		actor_id: number | null
		action: string
		entity_type: 'organisation' | 'person' | 'membership' | 'import' | 'agreement' | 'invoice' | 'effort' | 'idea' | 'gathering' | 'survey' | 'contact' | 'initiative' | 'network' | 'competence'
		entity_id: number
		summary: string
		created_at: string
	}
	gathering: {
		id: Generated<number>
		network_id: number
		title: string
		starts_at: string
		ends_at: string
		location: string
		description: string
		audience: 'open' | 'members'
		created_at: string
		status: Generated<'draft' | 'published' | 'cancelled'>
		capacity: number | null
		registration_deadline: string | null
		/** Raised on every change, so calendar programs take the newest version. */
		sequence: Generated<number>
		minutes: Generated<string>
		updated_at: string | null
	}
	agenda_item: { id: Generated<number>; gathering_id: number; time: string; title: string; speaker: Generated<string> }
	registration: {
		id: Generated<number>
		gathering_id: number
		person_id: number | null
		organisation_id: number | null
		name: string
		email: string
		phone: Generated<string>
		company: Generated<string>
		org_number: string | null
		job_title: Generated<string>
		dietary: Generated<string>
		show_in_attendance: Generated<number>
		status: 'registered' | 'waitlisted' | 'cancelled'
		walk_in: Generated<number>
		manage_token_hash: string
		checked_in_at: string | null
		reminder_sent_at: string | null
		consent_at: string | null
		/** A visitor's page's language, a member's own: the confirmation, the reminder and a seat that frees up are written in it. */
		lang: Generated<Lang>
		created_at: string
		cancelled_at: string | null
	}
	gathering_document: { gathering_id: number; file_id: number }
	agreement: {
		id: Generated<number>
		network_id: number
		version: number
		title: string
		body: string
		period_start: string
		period_end: string
		egenandel_nok: number
		hours_per_year: number
		gatherings_per_year: number
		/** SHA-256 of the text and terms, recorded with every acceptance. */
		hash: string
		created_by: number | null
		created_at: string
	}
	agreement_acceptance: {
		id: Generated<number>
		network_id: number
		organisation_id: number
		agreement_id: number
		person_id: number | null
		signer_name: string
		signer_title: string
		agreement_hash: string
		accepted_at: string
	}
	invoice: {
		id: Generated<number>
		network_id: number
		organisation_id: number
		period: string
		amount_nok: number
		due_date: string
		sent_at: string | null
		paid_at: string | null
		created_at: string
	}
	effort_entry: {
		id: Generated<number>
		network_id: number
		person_id: number
		organisation_id: number
		/** The day, YYYY-MM-DD. */
		date: string
		minutes: number
		activity: 'gathering' | 'idea' | 'workshop' | 'other'
		gathering_id: number | null
		description: Generated<string>
		status: 'submitted' | 'approved'
		rate_nok: number | null
		approved_by: number | null
		approved_at: string | null
		created_at: string
	}
	news: { id: Generated<number>; network_id: number; title: string; body: string; published_at: string }
	import_job: {
		id: Generated<number>
		network_id: number
		created_by: number | null
		status: 'queued' | 'running' | 'done' | 'failed'
		rows: string
		total: number
		done: number
		error: string | null
		locked_until: string | null
		created_at: string
		finished_at: string | null
	}
	search_document: {
		id: Generated<number>
		network_id: number
		kind: 'organisation' | 'person'
		entity_id: number
		title: string
		body: string
	}
	idea: {
		id: Generated<number>
		network_id: number
		author_id: number | null
		title: string
		problem: string
		solution: string
		beneficiaries: string
		competences: Generated<string>
		audience: IdeaAudience
		stage: IdeaStage
		created_at: string
		updated_at: string
	}
	idea_party: { idea_id: number; organisation_id: number; role: IdeaPartyRole; created_at: string }
	idea_access: { idea_id: number; organisation_id: number }
	idea_comment: { id: Generated<number>; idea_id: number; author_id: number | null; body: string; created_at: string }
	idea_stage_event: { id: Generated<number>; idea_id: number; actor_id: number | null; from_stage: IdeaStage | null; to_stage: IdeaStage; reason: string; created_at: string }
	evaluation_criterion: { id: Generated<number>; network_id: number; name: string; weight: number; position: number }
	idea_score: { idea_id: number; criterion_id: number; evaluator_id: number; score: number; comment: Generated<string>; created_at: string }
	idea_decision: { id: Generated<number>; idea_id: number; decided_on: string; decision: string; reasons: string; recorded_by: number | null; created_at: string }
	idea_budget_line: { id: Generated<number>; idea_id: number; kind: 'cost' | 'own_hours' | 'cash' | 'funding'; label: string; organisation_id: number | null; amount_nok: number }
	notification: { id: Generated<number>; network_id: number; person_id: number; text: string; link: string; read_at: string | null; created_at: string }
	meeting_plan: {
		id: Generated<number>
		gathering_id: number
		rounds: number
		minutes: number
		/** 0 before the rounds start; rounds + 1 when they are over. */
		current_round: Generated<number>
		round_started_at: string | null
		created_at: string
		updated_at: string
	}
	meeting_participant: { plan_id: number; registration_id: number; organisation_id: number; left_at: string | null }
	meeting_seat: { plan_id: number; round: number; table_no: number; registration_id: number; locked: Generated<number> }
	company_contact: {
		id: Generated<number>
		network_id: number
		/** The lower organisation id of the pair. */
		organisation_a: number
		organisation_b: number
		kind: ContactKind
		gathering_id: number | null
		recorded_by: number | null
		created_at: string
	}
	company_wish: { network_id: number; organisation_id: number; other_id: number; kind: 'meet' | 'avoid'; created_at: string }
	trust_survey: { id: Generated<number>; network_id: number; title: string; opened_at: string; closed_at: string | null }
	trust_response: { id: Generated<number>; survey_id: number; organisation_id: number; answered_by: number | null; created_at: string }
	trust_answer: { response_id: number; target_id: number; knows: number; trusts: number }
	knowledge_partner: {
		network_id: number
		organisation_id: number
		/** ISO 3166 code; NO is at home. */
		country: string
		stage: PartnerStage
		/** The stage it was added at; the activity log tells each move since. */
		added_stage: Generated<PartnerStage>
		focus: Generated<string>
		created_at: string
		updated_at: string
	}
	partner_activity: {
		id: Generated<number>
		network_id: number
		organisation_id: number
		/** YYYY-MM-DD, the day it happened. */
		occurred_on: string
		summary: string
		/** The stage the relationship moved to with this, if it moved. */
		stage: PartnerStage | null
		person_id: number | null
		created_at: string
	}
	idea_knowledge_partner: { idea_id: number; network_id: number; organisation_id: number; created_at: string }
	/** Surveys to the companies (migration 0014). */
	survey: {
		id: Generated<number>
		network_id: number
		title: string
		intro: Generated<string>
		audience: SurveyAudience
		status: SurveyStatus
		created_by: number | null
		created_at: string
		opened_at: string | null
		closed_at: string | null
		reminded_at: string | null
	}
	survey_question: { id: Generated<number>; survey_id: number; position: number; kind: QuestionKind; text: string; options: Generated<string>; required: Generated<number> }
	survey_response: { id: Generated<number>; survey_id: number; person_id: number | null; name: string; email: string; company: string; created_at: string }
	survey_answer: { response_id: number; question_id: number; value: string }
	/** A word the companies use for a competence, and the name the network gives it (migration 0013). */
	competence_term: {
		network_id: number
		alias_key: string
		alias: string
		canonical: string
		created_by: number | null
		created_at: string
	}
	competence_initiative: {
		id: Generated<number>
		network_id: number
		title: string
		/** The competence it raises, as the members write it in "Competence we seek". */
		competence: string
		kind: InitiativeKind
		/** A knowledge partner of the network that holds it. */
		partner_id: number | null
		/** YYYY-MM-DD, once the day is set. */
		starts_on: string | null
		description: Generated<string>
		created_by: number | null
		created_at: string
	}
}
