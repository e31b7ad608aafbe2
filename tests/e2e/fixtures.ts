import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import AxeBuilder from '@axe-core/playwright'
import { expect, test as base } from 'vitest'
import type { Dialect } from '#db/index.ts'
import { startTestServer, type TestServer } from '../support/app-server.ts'

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']

/** Debian's Chromium, headless; Playwright gives it a fresh profile of its own and deletes it on close. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
}

/**
 * Fails on any WCAG 2.1 A or AA violation on the page as it is now, and on a
 * link that is not Designsystemet's (a download or e-mail link in the
 * browser's own blue): every link looks alike but the skip link and the logo.
 * Reflow (1.4.10), which axe does not check, too: laid out 320 CSS pixels
 * wide, the page may not scroll sideways (a wide table scrolls in its own box).
 */
export async function expectAccessible(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), page.url()).toEqual([])
	const plainLinks = await page.locator('a[href]:not(.ds-link, .skip-link, .site-header__brand)').evaluateAll((links) => links.map((a) => a.outerHTML))
	expect(plainLinks, page.url()).toEqual([])
	const viewport = page.viewportSize()!
	await page.setViewportSize({ width: 320, height: viewport.height })
	const outside = await page.evaluate(() => {
		const width = document.documentElement.clientWidth
		if (document.documentElement.scrollWidth <= width) return []
		// The text that sticks out, to say where.
		const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
		const found: string[] = []
		for (let node = texts.nextNode(); node; node = texts.nextNode()) {
			const range = document.createRange()
			range.selectNodeContents(node)
			if (range.getBoundingClientRect().right > width + 0.5) found.push(node.textContent!.trim())
		}
		return found.length > 0 ? found : [`the page is ${document.documentElement.scrollWidth} px wide`]
	})
	await page.setViewportSize(viewport)
	expect(outside, `${page.url()} at 320 px`).toEqual([])
}

/**
 * Waits until React has taken over the page (hydration): until then a link or
 * a button does what plain HTML does. React marks each element it manages with
 * its props; the skip link is the first of them.
 */
export async function waitForHydration(page: Page) {
	await page.waitForFunction(() => {
		const link = document.querySelector('a.skip-link')
		return link !== null && Object.keys(link).some((key) => key.startsWith('__reactProps'))
	})
}

/**
 * Opens a Designsystemet Details by its summary and waits until it has slid
 * open (a 0.4 s transition of `::details-content`): clicking inside while it
 * slides is the likeliest cause of a click lost now and then (the button had
 * the focus, the form was not sent; decision 024). The transition shows in neither
 * `getAnimations()` nor transition events, so the panel counts as open once
 * its height has held for 100 ms.
 */
export async function openDetails(summary: Locator) {
	await summary.click()
	await summary.evaluate(
		(element) =>
			new Promise<void>((resolve) => {
				const details = element.parentElement!
				let height = -1
				let since = 0
				const check = (now: number) => {
					const current = details.getBoundingClientRect().height
					if (current !== height) [height, since] = [current, now]
					if (now - since >= 100) resolve()
					else requestAnimationFrame(check)
				}
				requestAnimationFrame(check)
			}),
	)
}

type Fixtures = {
	/** The page; a console error in it fails the test, and every page it loads is checked with axe. */
	page: Page
	/** Signs the page in as the demo person with this e-mail address. */
	login: (email: string) => Promise<void>
	/** Goes to a path of the portal and checks the page with axe. */
	navigate: (href: string) => Promise<void>
}

/**
 * Browser tests for one database: the built portal on the demo network,
 * one browser per file, one fresh browser context per test.
 */
export function e2e(dialect: Dialect) {
	let server: TestServer
	let browser: Browser
	const test = base.extend<Fixtures>({
		page: async ({ task }, use) => {
			const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' })
			const page = await context.newPage()
			const errors: string[] = []
			// A 4xx answer to bad input is the portal working; Chromium logs it all the same.
			page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && errors.push(m.text()))
			page.on('pageerror', (e) => errors.push(String(e)))
			const posts: string[] = []
			page.on('response', (r) => r.request().method() === 'POST' && posts.push(`${r.status()} ${new URL(r.url()).pathname}`))
			await use(page)
			// A failed test tells what the browser last sent and what the page said.
			if (task.result?.state === 'fail') {
				const messages = await page.locator('.ds-alert, [role="alert"], [role="status"]').allInnerTexts()
				console.error(
					`At the failure: ${page.url()}\n  last posts: ${posts.slice(-5).join(', ') || 'none'}\n  messages: ${messages.join(' | ') || 'none'}\n  errors: ${errors.join(' | ') || 'none'}`,
				)
			}
			await context.close()
			expect(errors, 'console errors').toEqual([])
		},
		login: async ({ page }, use) => {
			await use(async (email) => {
				const person = await server.db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirstOrThrow()
				const [name, value] = (await server.cookieFor(person.id)).split('=') as [string, string]
				await page.context().addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }])
			})
		},
		navigate: async ({ page }, use) => {
			await use(async (href) => {
				await page.goto(server.url + href)
				await expectAccessible(page)
			})
		},
	})
	return {
		test,
		get server() {
			return server
		},
		async setup() {
			server = await startTestServer(dialect, { seedDemo: true })
			browser = await launchBrowser()
		},
		async teardown() {
			await browser?.close()
			await server?.close()
		},
	}
}
