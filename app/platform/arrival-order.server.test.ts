import type { IncomingMessage, ServerResponse } from 'node:http'
import { expect, test } from 'vitest'
import { inArrivalOrder } from './arrival-order.server.ts'

const turn = () => new Promise((resolve) => setImmediate(resolve))
const request = (url: string) => [{ url } as IncomingMessage, {} as ServerResponse] as const

test('requests start in the order they arrived, four each turn of the event loop', async () => {
	const startedUrls: string[] = []
	const listener = inArrivalOrder((req) => void startedUrls.push(req.url!))
	for (const url of ['/a', '/b', '/c', '/d', '/e']) listener(...request(url))
	expect(startedUrls).toEqual([])
	await turn()
	expect(startedUrls).toEqual(['/a', '/b', '/c', '/d'])
	// Read while /e waits: it starts after /e, not with the next batch the kernel hands over.
	listener(...request('/f'))
	await turn()
	expect(startedUrls).toEqual(['/a', '/b', '/c', '/d', '/e', '/f'])
	// With none waiting, the next request starts on the next turn.
	listener(...request('/g'))
	await turn()
	expect(startedUrls).toEqual(['/a', '/b', '/c', '/d', '/e', '/f', '/g'])
})
