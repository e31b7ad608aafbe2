import { redirect } from 'react-router'
import type { Route } from './+types/language'
import { safeRedirect, setPersonLang } from '#app/platform/auth.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb } from '#app/platform/guard.server.ts'
import { langCookie } from '#app/platform/i18n.ts'

// The reader's language, kept in a cookie; a signed-in person's also on the
// person, so that mail and notices to them are written in it.
export async function action({ request, context }: Route.ActionArgs) {
	const form = await request.formData()
	const lang = form.get('lang') === 'en' ? 'en' : 'nb'
	const actor = context.get(actorContext)
	if (actor) await setPersonLang(getDb(context), actor.personId, lang)
	return redirect(safeRedirect(form.get('redirectTo')), {
		headers: { 'Set-Cookie': langCookie(lang, request) },
	})
}

export function loader() {
	return redirect('/')
}
