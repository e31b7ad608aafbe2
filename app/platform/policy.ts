import type { Role } from '#db/schema.ts'

/**
 * Who may do what, for the whole application. Permissions are named
 * `action:entity:scope`; a route asks `can(actor, 'action:entity', target)` and
 * the policy tries each scope the actor's roles in that network grant.
 */
export type Actor = {
	personId: number
	name: string
	email: string
	organisationId: number | null
	/** Roles per network id. */
	roles: Record<number, Role[]>
}

export type Scope = 'any' | 'own' | 'company' | 'network'
export type Action =
	| 'read:directory'
	| 'update:organisation'
	| 'update:person'
	| 'create:organisation'
	| 'invite:person'
	| 'assign:role'
	| 'import:directory'
	| 'read:audit'
	| 'read:admin'
	| 'manage:gathering'
	| 'manage:commitment'
	| 'accept:agreement'
	| 'log:effort'
	| 'approve:effort'
	| 'read:idea'
	| 'join:idea'
	| 'manage:idea'
	| 'evaluate:idea'
	| 'decide:idea'
	| 'record:contact'
	| 'answer:survey'
	| 'manage:survey'
	| 'read:survey'
	| 'manage:partner'
	| 'manage:competence'
	| 'manage:phase'
export type Permission = `${Action}:${Scope}`

export type Target = {
	networkId: number
	/** The organisation being acted on. */
	organisationId?: number | null
	/** The person being acted on, and the organisation they work for. */
	personId?: number
	personOrganisationId?: number | null
}

const everyRole: Permission[] = ['read:directory:network', 'update:person:own', 'log:effort:network', 'read:idea:network', 'record:contact:own']

export const grants: Record<Role, Permission[]> = {
	project_leader: [
		...everyRole,
		'update:organisation:any',
		'update:person:any',
		'create:organisation:network',
		'invite:person:network',
		'assign:role:network',
		'import:directory:network',
		'read:audit:network',
		'read:admin:network',
		'manage:gathering:network',
		'manage:commitment:network',
		'manage:idea:network',
		'decide:idea:network',
		'manage:survey:network',
		'read:survey:network',
		'manage:partner:network',
		'manage:competence:network',
		'manage:phase:network',
	],
	steering_group: [...everyRole, 'evaluate:idea:network', 'decide:idea:network', 'manage:partner:network', 'manage:competence:network', 'read:survey:network'],
	company_contact: [...everyRole, 'update:organisation:own', 'update:person:company', 'invite:person:company', 'accept:agreement:own', 'approve:effort:company', 'join:idea:own', 'answer:survey:own'],
	member: [...everyRole],
	partner_observer: [...everyRole],
}

function scopeFits(scope: Scope, actor: Actor, target: Target): boolean {
	switch (scope) {
		case 'any':
		case 'network':
			return true
		case 'own':
			return target.personId !== undefined
				? target.personId === actor.personId
				: actor.organisationId !== null && target.organisationId === actor.organisationId
		case 'company':
			return actor.organisationId !== null && target.personOrganisationId === actor.organisationId
	}
}

/** Whether the actor may do `action` to the target in the target's network. */
export function can(actor: Actor | null, action: Action, target: Target): boolean {
	if (!actor) return false
	const roles = actor.roles[target.networkId] ?? []
	return roles.some((role) =>
		grants[role].some((permission) => {
			const scope = permission.slice(action.length + 1) as Scope
			return permission.startsWith(`${action}:`) && scopeFits(scope, actor, target)
		}),
	)
}

export function rolesIn(actor: Actor | null, networkId: number): Role[] {
	return actor?.roles[networkId] ?? []
}
