// Between Express and React Router: a Fetch Request in, a Fetch Response out.
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@react-router/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { createRequestHandler as createReactRouterHandler, type RouterContextProvider, type ServerBuild } from 'react-router'
import { MAX_REQUEST_BYTES } from './files.server.ts'

/**
 * The text of rendered pages, by the Response that answers with them. A Fetch
 * Response made from a body wraps it in a web stream, which would then be read
 * back chunk by awaited chunk (docs/decisions/026). A page is whole before it
 * is sent, so its text goes out in one write instead (decision 030).
 */
const documentBodies = new WeakMap<Response, string>()

/** A rendered page's Response: its headers as React Router sees them, its text kept for `send`. */
export function documentResponse(body: string, init: ResponseInit): Response {
	const response = new Response(null, init)
	documentBodies.set(response, body)
	return response
}

type Options = {
	build: ServerBuild | (() => Promise<ServerBuild>)
	mode: string
	getLoadContext: (req: ExpressRequest, res: ExpressResponse) => RouterContextProvider
	/** The portal's address as people reach it, if known (PUBLIC_URL). */
	publicUrl?: string
}

/** Express middleware that answers with React Router. */
export function createRequestHandler({ build, mode, getLoadContext, publicUrl }: Options) {
	const handle = createReactRouterHandler(build, mode)
	// Sign-in links and invitations are e-mailed with the address of the request
	// that asked for them. Where the portal's own address is known, a Host header
	// made up by whoever asks cannot send someone's link elsewhere.
	const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined
	return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		try {
			const response = await handle(toFetchRequest(req, publicOrigin), getLoadContext(req, res))
			dropUnread(req)
			await send(res, response)
		} catch (error) {
			next(error)
		}
	}
}

function toFetchRequest(req: ExpressRequest, publicOrigin: string | undefined): Request {
	const url = new URL(`${publicOrigin ?? `${req.protocol}://${hostOf(req)}`}${req.originalUrl}`)
	const headers = new Headers()
	for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
	// No signal of our own that aborts when the browser goes away: Node ties a
	// Request to it through a weak reference and a finalizer, which keep every
	// request's objects alive through collections (docs/decisions/026). A page
	// is answered in about a millisecond; there is nothing worth stopping.
	const withBody = req.method !== 'GET' && req.method !== 'HEAD'
	return new Request(url, {
		method: req.method,
		headers,
		...(withBody ? { body: createReadableStreamFromReadable(req), duplex: 'half' } : {}),
	})
}

/**
 * What is left of a request's body when the page has answered without reading
 * it all (a sign-in redirect before the form was read) is read and dropped:
 * otherwise the connection closes under the browser's upload, and the browser
 * shows a broken connection instead of the answer. A body declared larger than
 * any form may be is left unread, and its connection closed, as before.
 */
function dropUnread(req: ExpressRequest) {
	if (req.complete || Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return
	let left = MAX_REQUEST_BYTES
	// The Fetch Request's reader stopped taking data when its buffer filled; no one reads it now.
	req.removeAllListeners('data')
	req.on('data', (chunk: Buffer) => {
		left -= chunk.length
		if (left < 0) req.destroy()
	})
	req.resume()
}

/**
 * The host the browser asked for (behind a trusted proxy, the one it asked the
 * proxy for), as far as it can be part of an address; else localhost.
 */
function hostOf(req: ExpressRequest) {
	const host = req.host?.split(/[\\/?#@]/)[0]
	return host && URL.canParse(`http://${host}`) ? host : 'localhost'
}

async function send(res: ExpressResponse, response: Response) {
	if (res.destroyed || res.writableEnded) return void (await response.body?.cancel())
	res.statusCode = response.status
	if (response.statusText) res.statusMessage = response.statusText
	// The route's own header stands in for the one set for every answer (Cache-Control);
	// each cookie is a header of its own.
	for (const [name, value] of response.headers) {
		if (name === 'set-cookie') res.appendHeader(name, value)
		else res.setHeader(name, value)
	}
	const document = documentBodies.get(response)
	if (document) return void res.end(document)
	if (!response.body) return void res.end()
	try {
		await writeReadableStreamToWritable(response.body, res)
	} catch (error) {
		// The browser went away while a file was on its way: nothing left to answer.
		if (res.destroyed || res.writableEnded) return
		throw error
	}
}
