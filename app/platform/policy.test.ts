import { describe, expect, test } from 'vitest'
import { can, type Actor } from './policy.ts'

const actor = (roles: Actor['roles'], organisationId: number | null = 10, personId = 1): Actor => ({ personId, name: 'A', email: 'a@x.no', organisationId, roles })

describe('policy', () => {
	test('nobody signed in may do anything that needs a person', () => {
		expect(can(null, 'read:directory', { networkId: 1 })).toBe(false)
	})

	test('roles count only in their own network', () => {
		const leader = actor({ 1: ['project_leader'] })
		expect(can(leader, 'import:directory', { networkId: 1 })).toBe(true)
		expect(can(leader, 'import:directory', { networkId: 2 })).toBe(false)
		expect(can(leader, 'read:directory', { networkId: 2 })).toBe(false)
	})

	test('a company contact edits their own company and its people, not others', () => {
		const contact = actor({ 1: ['company_contact'] }, 10)
		expect(can(contact, 'update:organisation', { networkId: 1, organisationId: 10 })).toBe(true)
		expect(can(contact, 'update:organisation', { networkId: 1, organisationId: 11 })).toBe(false)
		expect(can(contact, 'update:person', { networkId: 1, personId: 5, personOrganisationId: 10 })).toBe(true)
		expect(can(contact, 'update:person', { networkId: 1, personId: 5, personOrganisationId: 11 })).toBe(false)
		expect(can(contact, 'invite:person', { networkId: 1 })).toBe(false)
	})

	test('a member edits only themself; no employer does not match another', () => {
		const member = actor({ 1: ['member'] }, null, 7)
		expect(can(member, 'update:person', { networkId: 1, personId: 7, personOrganisationId: null })).toBe(true)
		expect(can(member, 'update:person', { networkId: 1, personId: 8, personOrganisationId: null })).toBe(false)
		expect(can(member, 'update:organisation', { networkId: 1, organisationId: null })).toBe(false)
	})

	test('steering group and partner observers read the directory but change nothing', () => {
		for (const role of ['steering_group', 'partner_observer'] as const) {
			const person = actor({ 1: [role] })
			expect(can(person, 'read:directory', { networkId: 1 })).toBe(true)
			expect(can(person, 'update:organisation', { networkId: 1, organisationId: 10 })).toBe(false)
			expect(can(person, 'read:audit', { networkId: 1 })).toBe(false)
		}
	})
})
