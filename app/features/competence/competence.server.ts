import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { listMemberCompanies } from '#app/features/meetings/acquaintance.server.ts'
import { audit } from '#app/platform/audit.server.ts'
import { compareNorwegian } from '#app/platform/i18n.ts'
import { splitTags } from '#app/platform/text.ts'
import { now } from '#app/platform/time.ts'
import type { InitiativeInput, TermInput } from './schemas.ts'

type Company = { id: number; name: string }
type MemberCompany = Company & { competences_offered: string; competences_wanted: string }

/**
 * The network's competence needs (goal 3): each competence the member
 * companies seek, with who seeks it and which member companies offer it,
 * the most sought first and, among equals, the least offered. A competence
 * no member offers is a need for raising competence in the network, not one
 * a neighbour can meet. Tags match whatever their case ("skytjenester" is
 * "Skytjenester"); a tag is shown as most companies wrote it. Each need
 * carries the network's initiatives for that competence.
 */
export async function competenceNeeds(db: Kysely<DB>, networkId: number) {
	const [companies, initiatives, terms] = await Promise.all([listMemberCompanies(db, networkId), listInitiatives(db, networkId), listTerms(db, networkId)])
	return { ...rollUpNeeds(companies, { initiatives, terms }), initiatives }
}

type Term = { alias_key: string; alias: string; canonical: string }
/** A competence word as it is matched: whatever its case. */
export const termKey = (word: string) => word.trim().toLocaleLowerCase('nb')

/**
 * The roll-up behind `competenceNeeds`, from the member companies (and
 * initiatives, and the network's terms) already read. A word a term names
 * counts as the competence it is another word for, under the term's name.
 */
export function rollUpNeeds(members: readonly MemberCompany[], { initiatives = [], terms = [] }: { initiatives?: readonly { id: number; title: string; competence: string }[]; terms?: readonly Term[] } = {}) {
	const companies = [...members].sort((a, b) => compareNorwegian(a.name, b.name))
	// One object a company, however many needs name it: the page's data then holds each once.
	const named = companies.map((c) => ({ id: c.id, name: c.name }))
	const { keyOf, nameOf } = readTerms(terms)
	const needs = new Map<string, { spellings: Map<string, number>; wantedBy: Company[]; offeredBy: Company[]; initiatives: { id: number; title: string }[] }>()
	for (const [i, c] of companies.entries()) {
		for (const tag of new Set(splitTags(c.competences_wanted))) {
			let need = needs.get(keyOf(tag))
			if (!need) needs.set(keyOf(tag), (need = { spellings: new Map(), wantedBy: [], offeredBy: [], initiatives: [] }))
			if (need.wantedBy.includes(named[i]!)) continue
			need.spellings.set(tag, (need.spellings.get(tag) ?? 0) + 1)
			need.wantedBy.push(named[i]!)
		}
	}
	for (const [i, c] of companies.entries()) {
		const offered = new Set(splitTags(c.competences_offered).map(keyOf))
		for (const [key, need] of needs) if (offered.has(key)) need.offeredBy.push(named[i]!)
	}
	for (const { id, title, competence } of initiatives) needs.get(keyOf(competence))?.initiatives.push({ id, title })
	// Among spellings written as often, that of the first company by name.
	const rows = [...needs].map(([key, { spellings, ...need }]) => ({ ...nameOf(key, spellings), ...need }))
	rows.sort((a, b) => b.wantedBy.length - a.wantedBy.length || a.offeredBy.length - b.offeredBy.length || compareNorwegian(a.competence, b.competence))
	return { needs: rows, companies: companies.length, seeking: companies.filter((c) => splitTags(c.competences_wanted).length > 0).length }
}

/**
 * How the network's terms read the companies' words: the key a word is
 * matched by (its name's key, if a term names it), and the name a key goes
 * by — the term's, as first written, with the other words for it; else the
 * spelling written most often (the first of those written as often).
 */
export function readTerms(terms: readonly Term[]) {
	const canonicalOf = new Map(terms.map((t) => [t.alias_key, t.canonical]))
	// Each name the terms give, by its key: as first written, with the words that go by it.
	const names = new Map<string, { name: string; aliases: string[] }>()
	for (const t of terms) {
		const known = names.get(termKey(t.canonical))
		if (known) known.aliases.push(t.alias)
		else names.set(termKey(t.canonical), { name: t.canonical, aliases: [t.alias] })
	}
	const keys = new Map<string, string>()
	return {
		keyOf(word: string) {
			let key = keys.get(word)
			if (key === undefined) {
				const name = canonicalOf.get(termKey(word))
				keys.set(word, (key = termKey(name ?? word)))
			}
			return key
		},
		nameOf(key: string, spellings: ReadonlyMap<string, number>) {
			const named = names.get(key)
			return { competence: named?.name ?? [...spellings].sort((a, b) => b[1] - a[1])[0]![0], aliases: named?.aliases ?? [] }
		},
	}
}

/** The network's terms: which words the companies use name a competence it knows by another name. */
export function listTerms(db: Kysely<DB>, networkId: number) {
	return db.selectFrom('competence_term').select(['alias_key', 'alias', 'canonical']).where('network_id', '=', networkId).orderBy('alias_key').execute()
}

/**
 * Says that a word the companies use names a competence the network knows
 * by another name. Refused if the two are one word (whatever the case), if
 * the word has a name already, or if it would make a chain: every word goes
 * straight to its name, so a name is no one's word and a word no one's name.
 */
export async function addTerm(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number | null }, input: TermInput): Promise<{ ok: true } | { error: 'same' | 'taken' | 'chain' }> {
	const aliasKey = termKey(input.alias)
	const canonicalKey = termKey(input.canonical)
	if (aliasKey === canonicalKey) return { error: 'same' }
	const terms = await listTerms(trx, networkId)
	if (terms.some((t) => t.alias_key === aliasKey)) return { error: 'taken' }
	if (terms.some((t) => t.alias_key === canonicalKey || termKey(t.canonical) === aliasKey)) return { error: 'chain' }
	await trx.insertInto('competence_term').values({ network_id: networkId, alias_key: aliasKey, alias: input.alias, canonical: input.canonical, created_by: actorId, created_at: now() }).execute()
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'competence.term', entity_type: 'competence', entity_id: networkId, summary: `${input.alias} → ${input.canonical}` })
	return { ok: true }
}

/** Takes a term away: the word counts as itself again. False if the network has no such term. */
export async function removeTerm(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number | null }, aliasKey: string) {
	const removed = await trx.deleteFrom('competence_term').where('network_id', '=', networkId).where('alias_key', '=', aliasKey).returning(['alias', 'canonical']).executeTakeFirst()
	if (!removed) return false
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'competence.termRemoved', entity_type: 'competence', entity_id: networkId, summary: `${removed.alias} → ${removed.canonical}` })
	return true
}

/** The network's competence initiatives, the soonest first and those without a day last, with the partner that holds each. */
export async function listInitiatives(db: Kysely<DB>, networkId: number) {
	const rows = await db
		.selectFrom('competence_initiative as i')
		.leftJoin('organisation as o', 'o.id', 'i.partner_id')
		.select(['i.id', 'i.title', 'i.competence', 'i.kind', 'i.starts_on', 'i.description', 'i.partner_id', 'o.name as partner'])
		.where('i.network_id', '=', networkId)
		.execute()
	return rows.sort((a, b) => (a.starts_on ?? '9999').localeCompare(b.starts_on ?? '9999') || compareNorwegian(a.title, b.title))
}

/** A new competence initiative; its partner, if it has one, must be in the network's register of knowledge partners. */
export async function addInitiative(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number | null }, input: InitiativeInput): Promise<{ id: number } | { error: 'partner' }> {
	if (input.partner_id !== undefined) {
		const partner = await trx.selectFrom('knowledge_partner').select('organisation_id').where('network_id', '=', networkId).where('organisation_id', '=', input.partner_id).executeTakeFirst()
		if (!partner) return { error: 'partner' }
	}
	const { id } = await trx
		.insertInto('competence_initiative')
		.values({ network_id: networkId, ...input, partner_id: input.partner_id ?? null, starts_on: input.starts_on ?? null, created_by: actorId, created_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow()
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'initiative.added', entity_type: 'initiative', entity_id: id, summary: input.title })
	return { id }
}

/** Takes an initiative off the list (one called off, or entered by mistake); false if the network has no such initiative. */
export async function removeInitiative(trx: Kysely<DB>, { networkId, actorId }: { networkId: number; actorId: number | null }, initiativeId: number) {
	const removed = await trx.deleteFrom('competence_initiative').where('network_id', '=', networkId).where('id', '=', initiativeId).returning('title').executeTakeFirst()
	if (!removed) return false
	await audit(trx, { network_id: networkId, actor_id: actorId, action: 'initiative.removed', entity_type: 'initiative', entity_id: initiativeId, summary: removed.title })
	return true
}
