import { PassThrough } from 'node:stream'
import type { EntryContext, HandleErrorFunction, RouterContextProvider } from 'react-router'
import { isRouteErrorResponse, ServerRouter } from 'react-router'
import { createReadableStreamFromReadable } from '@react-router/node'
import { renderToPipeableStream } from 'react-dom/server'
import { requestContext } from '#app/platform/context.ts'
import { NonceContext } from '#app/ui/nonce.tsx'

export const streamTimeout = 5_000

// Pages render whole before they are sent: they have no deferred data, and a
// complete document is what a screen reader, a crawler and a test all want.
export default function handleRequest(
	request: Request,
	status: number,
	headers: Headers,
	routerContext: EntryContext,
	loadContext: RouterContextProvider,
) {
	if (request.method === 'HEAD') return new Response(null, { status, headers })
	const { nonce } = loadContext.get(requestContext)
	return new Promise<Response>((resolve, reject) => {
		const timeout = setTimeout(() => abort(), streamTimeout + 1000)
		const { pipe, abort } = renderToPipeableStream(
			<NonceContext value={nonce}>
				<ServerRouter context={routerContext} url={request.url} nonce={nonce} />
			</NonceContext>,
			{
				nonce,
				onAllReady() {
					clearTimeout(timeout)
					const body = new PassThrough()
					headers.set('Content-Type', 'text/html; charset=utf-8')
					resolve(new Response(createReadableStreamFromReadable(body), { headers, status }))
					pipe(body)
				},
				onShellError: reject,
				onError(error) {
					status = 500
					console.error(error)
				},
			},
		)
	})
}

// Answers such as 404 are the portal working, not errors worth a stack trace.
export const handleError: HandleErrorFunction = (error, { request }) => {
	if (request.signal.aborted || isRouteErrorResponse(error)) return
	console.error(error)
}
