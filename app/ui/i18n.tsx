import { useRouteLoaderData } from 'react-router'
import { translator, type Lang } from '#app/platform/i18n.ts'

/** The page's language, from the root loader (bokmål where there is none, as in a crash page). */
export function useLang(): Lang {
	const root = useRouteLoaderData<{ lang: Lang }>('root')
	return root?.lang ?? 'nb'
}

export function useT() {
	return translator(useLang())
}
