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
	return [{ title: documentTitle(translator(lang)(key, values)) }]
}

/**
 * A document's title: what the page shows, then the product's name. The
 * separator is a middle dot, a Latin-1 character: V8 keeps a text whose every
 * character is Latin-1 at one byte a character, and one en dash in the title
 * doubled the size of every page's text in memory and the time to encode it
 * for sending (docs/decisions/029-latin-1-pages.md).
 */
export function documentTitle(name?: string) {
	return name ? `${name} · Knute` : 'Knute'
}
