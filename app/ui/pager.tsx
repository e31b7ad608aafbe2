import { Form, useLocation } from 'react-router'
import { Paragraph, Search } from '@digdir/designsystemet-react'
import { withoutControls } from '#app/platform/text.ts'
import { AppLink } from './link.tsx'
import { useT } from './i18n.tsx'

/** The page a list is on, from `?side=`: 1 to 1,000, and 1 for anything else. */
export function pageOf(url: URL) {
	return Math.min(Math.max(1, Math.floor(Number(url.searchParams.get('side')) || 1)), 1000)
}

/** The search in `?q=`, trimmed, at most 200 characters. */
export function queryOf(url: URL) {
	return withoutControls(url.searchParams.get('q') ?? '').trim().slice(0, 200)
}

/** The page of a list held whole in memory that `?side=` asks for, and whether another follows. */
function onePage<T>(items: T[], url: URL, size: number) {
	const page = pageOf(url)
	return { items: items.slice((page - 1) * size, page * size), page, more: items.length > page * size }
}

/**
 * One page of a list held whole in memory (a network's people, the
 * installation's networks), narrowed by the search in `?q=` — any of an
 * item's texts containing it, whatever the case of its letters, æ, ø and å
 * included.
 */
export function searchAndPage<T>(items: T[], texts: (item: T) => (string | null)[], url: URL, size: number) {
	const q = queryOf(url)
	const needle = q.toLocaleLowerCase('nb')
	const found = needle ? items.filter((item) => texts(item).some((text) => text?.toLocaleLowerCase('nb').includes(needle))) : items
	return { ...onePage(found, url, size), found: found.length, total: items.length, q }
}

/** Links to the previous and next page of a list, keeping the rest of the page's query (a search, filters). */
export function Pager({ label, page, more }: { label: string; page: number; more: boolean }) {
	const t = useT()
	const { search } = useLocation()
	if (page === 1 && !more) return null
	const link = (to: number) => {
		const params = new URLSearchParams(search)
		if (to > 1) params.set('side', String(to))
		else params.delete('side')
		return `?${params}`
	}
	return (
		<nav aria-label={label} className="row">
			{page > 1 ? <AppLink to={link(page - 1)}>{t('pages.previous')}</AppLink> : null}
			<span>{t('pages.page', { page })}</span>
			{more ? <AppLink to={link(page + 1)}>{t('pages.next')}</AppLink> : null}
		</nav>
	)
}

/** The search above a list, sent as `?q=`: a visible label, a hint if given, and Designsystemet's search field. */
export function ListSearch({ id, label, q, hint }: { id: string; label: string; q: string; hint?: string }) {
	const t = useT()
	const hintId = hint ? `${id}-hint` : undefined
	return (
		<Form method="get" role="search" className="stack">
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<Paragraph data-size="sm" id={hintId} className="muted">
					{hint}
				</Paragraph>
			) : null}
			<Search>
				<Search.Input id={id} name="q" defaultValue={q} aria-describedby={hintId} aria-label={label} />
				<Search.Button type="submit">{t('pages.search')}</Search.Button>
			</Search>
		</Form>
	)
}
