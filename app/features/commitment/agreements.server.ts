import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { audit } from '#app/platform/audit.server.ts'
import { networkName } from '#app/features/networks/networks.server.ts'
import { formatDateTime, translator } from '#app/platform/i18n.ts'
import { enqueueMail } from '#app/platform/mail.server.ts'
import { inMinutes, now } from '#app/platform/time.ts'
import { checkComposition } from './composition.ts'

export type AgreementInput = {
	title: string
	body: string
	period_start: string
	period_end: string
	egenandel_nok: number
	hours_per_year: number
	gatherings_per_year: number
}

/** The fingerprint of a version: its text and its terms. An acceptance records it. */
export function agreementHash(version: number, input: AgreementInput) {
	const canonical = JSON.stringify([version, input.title, input.body, input.period_start, input.period_end, input.egenandel_nok, input.hours_per_year, input.gatherings_per_year])
	return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Publishes a new version of the network's participation agreement; earlier
 * versions stay as they were, and acceptances keep pointing at theirs.
 */
export async function publishAgreement(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number }, input: AgreementInput) {
	const latest = await trx.selectFrom('agreement').select((eb) => eb.fn.max('version').as('v')).where('network_id', '=', networkId).executeTakeFirst()
	const version = Number(latest?.v ?? 0) + 1
	const { id } = await trx
		.insertInto('agreement')
		.values({ ...input, network_id: networkId, version, hash: agreementHash(version, input), created_by: actorId, created_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow()
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'agreement.published', entity_type: 'agreement', entity_id: id, summary: `${input.title} v${version}` })
	return { id, version }
}

const agreementColumns = ['id', 'version', 'title', 'body', 'period_start', 'period_end', 'egenandel_nok', 'hours_per_year', 'gatherings_per_year', 'hash', 'created_at'] as const

/** The version in force: the newest. */
export function getCurrentAgreement(db: Kysely<DB>, networkId: number) {
	return db.selectFrom('agreement').select(agreementColumns).where('network_id', '=', networkId).orderBy('version', 'desc').executeTakeFirst()
}

/** Every company of the network with where it stands in committing, and its latest acceptance. */
export async function listCommitments(db: Kysely<DB>, networkId: number) {
	return db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select([
			'o.id',
			'o.name',
			'o.kind',
			'o.employees',
			'o.org_number',
			'o.parent_org_number',
			'no.status',
			'no.invited_at',
			'no.invite_deadline',
			'no.member_since',
			'no.withdrawn_at',
			(eb) =>
				eb
					.selectFrom('agreement_acceptance as a')
					.innerJoin('agreement as ag', 'ag.id', 'a.agreement_id')
					.select((eb2) => eb2.fn.max('ag.version').as('v'))
					.whereRef('a.organisation_id', '=', 'o.id')
					.where('a.network_id', '=', networkId)
					.as('accepted_version'),
		])
		.where('no.network_id', '=', networkId)
		.where('no.status', '!=', 'partner')
		.orderBy('o.name')
		.execute()
}

/** The composition rules for the network's member organisations. */
export async function getComposition(db: Kysely<DB>, networkId: number) {
	const members = await db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.select(['o.id', 'o.name', 'o.kind', 'o.employees', 'o.org_number', 'o.parent_org_number'])
		.where('no.network_id', '=', networkId)
		.where('no.status', '=', 'member')
		.execute()
	return checkComposition(members)
}

function contactsOf(db: Kysely<DB>, networkId: number, organisationId: number) {
	return db
		.selectFrom('person as p')
		.innerJoin('membership as m', 'm.person_id', 'p.id')
		.select(['p.id', 'p.name', 'p.email', 'p.lang'])
		.where('p.organisation_id', '=', organisationId)
		.where('m.network_id', '=', networkId)
		.where('m.role', '=', 'company_contact')
		.orderBy('p.id')
		.execute()
}

/**
 * Invites companies to commit by a deadline: each becomes "invited", and its
 * contacts get the agreement by e-mail, each in their own language. Returns
 * the names of companies without a contact person, which could not be invited.
 */
export async function inviteToCommit(
	db: Kysely<DB>,
	{ network, actorId, origin }: { network: { id: number; slug: string; name: string; name_en: string }; actorId: number; origin: string },
	{ organisationIds, deadline }: { organisationIds: number[]; deadline: string },
) {
	const skipped: string[] = []
	await db.transaction().execute(async (trx) => {
		for (const organisationId of organisationIds) {
			const company = await trx
				.selectFrom('network_organisation as no')
				.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
				.select(['o.name', 'no.status'])
				.where('no.network_id', '=', network.id)
				.where('no.organisation_id', '=', organisationId)
				.executeTakeFirst()
			if (!company || (company.status !== 'prospect' && company.status !== 'invited')) continue
			const contacts = await contactsOf(trx, network.id, organisationId)
			if (contacts.length === 0) {
				skipped.push(company.name)
				continue
			}
			await trx
				.updateTable('network_organisation')
				.set({ status: 'invited', invited_at: now(), invite_deadline: deadline, invite_reminded_at: null })
				.where('network_id', '=', network.id)
				.where('organisation_id', '=', organisationId)
				.execute()
			await audit(trx, { network_id: network.id, actor_id: actorId, action: 'commitment.invited', entity_type: 'organisation', entity_id: organisationId, summary: company.name })
			for (const { email, name, lang } of contacts) {
				const t = translator(lang)
				await enqueueMail(trx, {
					to: email,
					subject: t('mail.commit.subject', { network: networkName(network, lang) }),
					text: t('mail.commit.body', { name, company: company.name, network: networkName(network, lang), deadline: formatDateTime(lang, deadline, 'date'), url: `${origin}/n/${network.slug}/avtale` }),
				})
			}
		}
	})
	return { skipped }
}

/** Reminds invited companies whose deadline is within three days, once; each contact in their own language. */
export async function sendCommitmentReminders(db: Kysely<DB>, { origin }: { origin: string }) {
	const due = await db
		.selectFrom('network_organisation as no')
		.innerJoin('organisation as o', 'o.id', 'no.organisation_id')
		.innerJoin('network as n', 'n.id', 'no.network_id')
		.select(['no.network_id', 'no.organisation_id', 'no.invite_deadline', 'o.name', 'n.slug', 'n.name as network_name', 'n.name_en as network_name_en'])
		.where('no.status', '=', 'invited')
		.where('no.invite_reminded_at', 'is', null)
		.where('no.invite_deadline', '>', now())
		.where('no.invite_deadline', '<=', inMinutes(3 * 24 * 60))
		.execute()
	let sent = 0
	for (const company of due) {
		await db.transaction().execute(async (trx) => {
			const claimed = await trx
				.updateTable('network_organisation')
				.set({ invite_reminded_at: now() })
				.where('network_id', '=', company.network_id)
				.where('organisation_id', '=', company.organisation_id)
				.where('invite_reminded_at', 'is', null)
				.executeTakeFirst()
			if (Number(claimed.numUpdatedRows) !== 1) return
			for (const { email, name, lang } of await contactsOf(trx, company.network_id, company.organisation_id)) {
				const t = translator(lang)
				await enqueueMail(trx, {
					to: email,
					subject: t('mail.commitReminder.subject', { network: networkName({ name: company.network_name, name_en: company.network_name_en }, lang) }),
					text: t('mail.commitReminder.body', { name, company: company.name, deadline: formatDateTime(lang, company.invite_deadline!, 'date'), url: `${origin}/n/${company.slug}/avtale` }),
				})
				sent++
			}
		})
	}
	return sent
}

export type AcceptResult = { acceptanceId: number } | { error: 'outdated' | 'notContact' | 'notInvited' }

/**
 * A company contact accepts the agreement for the company. The version they
 * read must still be the one in force (its hash is compared); the company
 * becomes a member from now.
 */
export async function acceptAgreement(
	db: Kysely<DB>,
	{ networkId, person }: { networkId: number; person: { id: number; organisationId: number | null; isContact: boolean } },
	input: { agreementId: number; hash: string; signer_name: string; signer_title: string },
): Promise<AcceptResult> {
	return db.transaction().execute(async (trx) => {
		if (!person.isContact || person.organisationId === null) return { error: 'notContact' as const }
		const current = await getCurrentAgreement(trx, networkId)
		if (!current || current.id !== input.agreementId || current.hash !== input.hash) return { error: 'outdated' as const }
		const company = await trx
			.selectFrom('network_organisation')
			.select(['status', 'member_since'])
			.where('network_id', '=', networkId)
			.where('organisation_id', '=', person.organisationId)
			.executeTakeFirst()
		if (!company || company.status === 'partner') return { error: 'notInvited' as const }
		const { id } = await trx
			.insertInto('agreement_acceptance')
			.values({
				network_id: networkId,
				organisation_id: person.organisationId,
				agreement_id: current.id,
				person_id: person.id,
				signer_name: input.signer_name,
				signer_title: input.signer_title,
				agreement_hash: current.hash,
				accepted_at: now(),
			})
			.returning('id')
			.executeTakeFirstOrThrow()
		await trx
			.updateTable('network_organisation')
			.set({ status: 'member', member_since: company.status === 'member' ? company.member_since : now(), withdrawn_at: null })
			.where('network_id', '=', networkId)
			.where('organisation_id', '=', person.organisationId)
			.execute()
		await audit(trx, { network_id: networkId, actor_id: person.id, action: 'commitment.accepted', entity_type: 'organisation', entity_id: person.organisationId, summary: `v${current.version} ${input.signer_name}, ${input.signer_title}` })
		return { acceptanceId: id }
	})
}

/** One signed acceptance with its agreement and company, for the PDF. */
export function getAcceptance(db: Kysely<DB>, { networkId, acceptanceId }: { networkId: number; acceptanceId: number }) {
	return db
		.selectFrom('agreement_acceptance as a')
		.innerJoin('agreement as ag', 'ag.id', 'a.agreement_id')
		.innerJoin('organisation as o', 'o.id', 'a.organisation_id')
		.innerJoin('network as n', 'n.id', 'a.network_id')
		.select([
			'a.id',
			'a.organisation_id',
			'a.signer_name',
			'a.signer_title',
			'a.accepted_at',
			'a.agreement_hash',
			'ag.version',
			'ag.title',
			'ag.body',
			'ag.period_start',
			'ag.period_end',
			'ag.egenandel_nok',
			'ag.hours_per_year',
			'ag.gatherings_per_year',
			'o.name as company',
			'o.org_number',
			'n.name as network',
		])
		.where('a.network_id', '=', networkId)
		.where('a.id', '=', acceptanceId)
		.executeTakeFirst()
}

/** The company's acceptances, newest first. */
export function listAcceptances(db: Kysely<DB>, { networkId, organisationId }: { networkId: number; organisationId: number }) {
	return db
		.selectFrom('agreement_acceptance as a')
		.innerJoin('agreement as ag', 'ag.id', 'a.agreement_id')
		.select(['a.id', 'a.signer_name', 'a.accepted_at', 'ag.version'])
		.where('a.network_id', '=', networkId)
		.where('a.organisation_id', '=', organisationId)
		.orderBy('a.id', 'desc')
		.execute()
}

/** A member leaves the network from the given date. */
export async function withdrawCompany(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number }, organisationId: number, endDate: string) {
	const result = await trx
		.updateTable('network_organisation')
		.set({ status: 'withdrawn', withdrawn_at: endDate })
		.where('network_id', '=', networkId)
		.where('organisation_id', '=', organisationId)
		.where('status', '=', 'member')
		.executeTakeFirst()
	if (Number(result.numUpdatedRows) !== 1) return false
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'commitment.withdrawn', entity_type: 'organisation', entity_id: organisationId, summary: endDate })
	return true
}

/**
 * Who did what to each company's commitment in a network (invited, accepted,
 * withdrawn…), oldest first, from the audit log: one query for the whole
 * list, not one a company.
 */
export async function commitmentHistories(db: Kysely<DB>, networkId: number) {
	const rows = await db
		.selectFrom('audit_log as a')
		.leftJoin('person as p', 'p.id', 'a.actor_id')
		.select(['a.id', 'a.entity_id', 'a.action', 'a.summary', 'a.created_at', 'p.name as actor'])
		.where('a.network_id', '=', networkId)
		.where('a.entity_type', '=', 'organisation')
		.where('a.action', 'like', 'commitment.%')
		.orderBy('a.id')
		.execute()
	const byCompany = new Map<number, Omit<(typeof rows)[number], 'entity_id'>[]>()
	for (const { entity_id, ...entry } of rows) {
		const history = byCompany.get(entity_id)
		if (history) history.push(entry)
		else byCompany.set(entity_id, [entry])
	}
	return byCompany
}
