import { data, type RouterContextProvider } from 'react-router'
import { actorContext, dbContext } from './context.ts'
import { can, type Action, type Actor, type Target } from './policy.ts'
import { redirectToLogin } from './auth.server.ts'

/** Throws a response with the status when the condition fails: `invariantResponse(network, 'Not found', { status: 404 })`. */
export function invariantResponse(condition: unknown, message: string, init: { status: number }): asserts condition {
	if (!condition) throw data(message, init)
}

/**
 * The one permission check for loaders and actions: signs the visitor in first
 * if they are not, then asks the policy. Returns the actor.
 */
export function requirePermission(
	context: Readonly<RouterContextProvider>,
	request: Request,
	action: Action,
	target: Target,
): Actor {
	const actor = context.get(actorContext)
	if (!actor) redirectToLogin(request)
	// A record in a network the actor has no part in is answered as if it did not exist.
	if (!actor.roles[target.networkId]) throw data('Not found', { status: 404 })
	if (!can(actor, action, target)) throw data('Forbidden', { status: 403 })
	return actor
}

export function getDb(context: Readonly<RouterContextProvider>) {
	return context.get(dbContext).db
}
