import { useRouteLoaderData } from 'react-router'
import { translator, type Lang, type MessageKey } from '#app/platform/i18n.ts'

/** The page's language, from the root loader (bokmål where there is none, as in a crash page). */
export function useLang(): Lang {
	const root = useRouteLoaderData<{ lang: Lang }>('root')
	return root?.lang ?? 'nb'
}

export function useT() {
	return translator(useLang())
}

type MetaMatch = { id: string; loaderData?: unknown } | undefined

/**
 * A page's title in the reader's language, for a route's `meta`: the page's
 * heading, then the product's name. With no data to name the page (an error),
 * the product's name alone.
 * @example export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'directory.title')
 */
export function pageTitle(matches: readonly MetaMatch[], key: MessageKey, values?: Record<string, string | number>) {
	const lang = (matches.find((match) => match?.id === 'root')?.loaderData as { lang?: Lang } | undefined)?.lang ?? 'nb'
	return [{ title: `${translator(lang)(key, values)} – Knute` }]
}
