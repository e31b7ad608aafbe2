import type { EntryContext, HandleErrorFunction, RouterContextProvider } from 'react-router'
import { isRouteErrorResponse, ServerRouter } from 'react-router'
import { renderToString } from 'react-dom/server'
import { requestContext } from '#app/platform/context.ts'
import { NonceContext } from '#app/ui/nonce.tsx'
import { documentResponse } from '#app/platform/fetch-bridge.server.ts'

// How long React Router waits for the loader data of a page before it gives up (ms).
export const streamTimeout = 5_000

// Pages render whole before they are sent: they have no deferred data, and a
// complete document is what a screen reader, a crawler and a test all want.
export default async function handleRequest(
	request: Request,
	status: number,
	headers: Headers,
	routerContext: EntryContext,
	loadContext: RouterContextProvider,
) {
	if (request.method === 'HEAD') return new Response(null, { status, headers })
	const { nonce } = loadContext.get(requestContext)
	await readLoaderData(routerContext)
	const html = `<!DOCTYPE html>${renderToString(
		<NonceContext value={nonce}>
			<ServerRouter context={routerContext} url={request.url} nonce={nonce} />
		</NonceContext>,
	)}`
	// As text in one piece: Node counts its length for the header and writes it
	// at once, no chunks with an end marker. Node encodes the text into memory of
	// its own that it frees once the write is done; bytes of ours would live on
	// until a collection (decision 030).
	headers.set('Content-Type', 'text/html; charset=utf-8')
	return documentResponse(html, { headers, status })
}

/**
 * The loader data goes to the browser inside the document, as a stream that
 * React Router's `ServerRouter` reads while React renders, suspending at each
 * chunk: that needs React's streaming renderer. The portal defers no data, so
 * the stream is read to its end first and handed over as already read (React
 * Router's cache of it, `renderMeta.streamCache`); React then renders the page
 * in one synchronous pass to a string, a fraction of the streaming renderer's
 * CPU (docs/decisions/019). Were the cache's shape to change in a React Router
 * release, pages would lose their data in the browser: tests/document.test.ts
 * says so.
 */
async function readLoaderData(context: EntryContext) {
	const stream = context.serverHandoffStream
	if (!stream || !context.renderMeta) return
	const reader = stream.getReader()
	const decoder = new TextDecoder()
	const streamCache: NonNullable<NonNullable<EntryContext['renderMeta']>['streamCache']> = {}
	for (let identifier = 0; ; identifier++) {
		const { done, value } = await reader.read()
		streamCache[identifier] = Object.assign(Promise.resolve(), { result: { done, value: decoder.decode(value, { stream: !done }) } })
		if (done) break
	}
	reader.releaseLock()
	context.renderMeta.streamCache = streamCache
}

// Answers such as 404 are the portal working, not errors worth a stack trace.
export const handleError: HandleErrorFunction = (error, { request }) => {
	if (request.signal.aborted || isRouteErrorResponse(error)) return
	console.error(error)
}
