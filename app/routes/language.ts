import { redirect } from 'react-router'
import type { Route } from './+types/language'
import { safeRedirect } from '#app/platform/auth.server.ts'

export async function action({ request }: Route.ActionArgs) {
	const form = await request.formData()
	const lang = form.get('lang') === 'en' ? 'en' : 'nb'
	const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : ''
	return redirect(safeRedirect(form.get('redirectTo')), {
		headers: { 'Set-Cookie': `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}` },
	})
}

export function loader() {
	return redirect('/')
}
