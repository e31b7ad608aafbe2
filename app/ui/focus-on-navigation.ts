import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/**
 * After the browser has gone to another page without loading the document,
 * moves the keyboard focus to that page's main heading, as a page load starts
 * at the top: a screen reader then says where one has come, and the next Tab
 * starts in the page, not in the menu. Not for another query of the same page
 * (a search, the next page of a list), which says what changed where it shows
 * it, and not when the new page has already put the focus in itself.
 */
export function useFocusOnNavigation() {
	const { pathname } = useLocation()
	const shown = useRef(pathname)
	useEffect(() => {
		if (shown.current === pathname) return
		shown.current = pathname
		const main = document.getElementById('main')
		const heading = main?.querySelector('h1')
		if (!main || !heading || main.contains(document.activeElement)) return
		heading.tabIndex = -1
		heading.focus({ preventScroll: true })
	}, [pathname])
}
