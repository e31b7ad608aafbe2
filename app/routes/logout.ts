import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { destroySession } from '#app/platform/auth.server.ts'
import { getDb } from '#app/platform/guard.server.ts'

export async function action({ request, context }: Route.ActionArgs) {
	return redirect('/', { headers: { 'Set-Cookie': await destroySession(getDb(context), request) } })
}

export function loader() {
	return redirect('/')
}
