// The lookups behind the pages find their rows by an index, never by reading a
// whole table: at national scale (60,000 people, 227,000 audit entries) a
// single such read cost a page 13 ms. SQLite says how it will run each query
// (EXPLAIN QUERY PLAN); these are the queries the data functions send.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { createTestDatabase } from '#tests/support/databases.ts'
import { createCompany, createNetwork, createPerson } from '#tests/support/factories.ts'
import { listPeople } from '#app/features/directory/directory.server.ts'
import { commitmentHistories, sendCommitmentReminders } from '#app/features/commitment/agreements.server.ts'
import { getBudget, getCriteria, getIdea, proposeIdea } from '#app/features/ideas/ideas.server.ts'
import { getSurveyResults, listSurveys } from '#app/features/meetings/acquaintance.server.ts'
import { getAdminOverview } from '#app/features/members/members.server.ts'

let db: Kysely<DB>
let url: string
let drop: () => Promise<void>
beforeAll(async () => ({ db, url, drop } = await createTestDatabase('sqlite')))
afterAll(() => drop())

/** The SQL a call sends, with SQLite's plan for each statement. */
async function plans(call: () => Promise<unknown>) {
	const original = DatabaseSync.prototype.prepare
	const sent: string[] = []
	DatabaseSync.prototype.prepare = function (this: DatabaseSync, sql: string) {
		sent.push(sql)
		return original.call(this, sql)
	}
	try {
		await call()
	} finally {
		DatabaseSync.prototype.prepare = original
	}
	const statements = [...new Set(sent)].filter((sql) => /^\s*select/i.test(sql))
	const reader = new DatabaseSync(url, { readOnly: true })
	try {
		return statements.map((sql) => {
			const parameters = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1)
			return { sql, plan: reader.prepare(`explain query plan ${sql}`).all(...parameters).map((row) => String(row.detail)) }
		})
	} finally {
		reader.close()
	}
}

type Plan = { sql: string; plan: string[] }
const wholeTableReads = (found: Plan[]) => found.filter(({ plan }) => plan.some((step) => /^SCAN (?!CONSTANT ROW)/.test(step)))
// A subquery that runs once for each row of the outer query and starts from
// the whole network's rows (its memberships, say) reads the network once per row.
const networkReadPerRow = (found: Plan[]) =>
	found.filter(({ plan }) => plan.some((step, i) => /^CORRELATED/.test(step) && /^SEARCH \S+ USING (COVERING )?INDEX \S+ \(network_id=\?\)$/.test(plan[i + 1] ?? '')))

test("an idea with its history, decisions, budget and criteria; surveys; the directory; commitment; the project leader's home", async () => {
	const networkId = await createNetwork(db)
	const company = await createCompany(db, networkId)
	const personId = await createPerson(db, networkId, { roles: ['company_contact'], organisation_id: company })
	const viewer = { personId, organisationId: company, roles: ['company_contact' as const] }
	const ideaId = await proposeIdea(db, { networkId, viewer }, { title: 'Felles SOC', problem: 'p', solution: 's', beneficiaries: 'b', competences: 'c', audience: 'members', named: [] })
	const found = await plans(async () => {
		expect(await getIdea(db, { networkId, viewer, ideaId })).toMatchObject({ title: 'Felles SOC' })
		await getBudget(db, ideaId)
		await getCriteria(db, networkId)
		await listSurveys(db, networkId)
		await getSurveyResults(db, networkId)
		expect(await listPeople(db, { networkId })).toHaveLength(1)
		await commitmentHistories(db, networkId)
		await sendCommitmentReminders(db, { origin: 'http://localhost' })
		expect(await getAdminOverview(db, networkId)).toMatchObject({ organisations: 1, people: 1, withoutContact: [] })
	})
	expect(found.length).toBeGreaterThan(8)
	expect(wholeTableReads(found)).toEqual([])
	expect(networkReadPerRow(found)).toEqual([])
})
