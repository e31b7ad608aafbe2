import type { RouterContextProvider } from 'react-router'
import { requirePermission } from '#app/platform/guard.server.ts'
import { rolesIn } from '#app/platform/policy.ts'
import type { Viewer } from './ideas.server.ts'

/** The signed-in participant as the ideas' visibility rule sees them. */
export function requireViewer(context: Readonly<RouterContextProvider>, request: Request, networkId: number): Viewer & { name: string; email: string } {
	const actor = requirePermission(context, request, 'read:idea', { networkId })
	return { personId: actor.personId, organisationId: actor.organisationId, roles: rolesIn(actor, networkId), name: actor.name, email: actor.email }
}
