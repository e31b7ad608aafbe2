import type { IncomingMessage, ServerResponse } from 'node:http'
import { expect, test } from 'vitest'
import { inArrivalOrder } from './arrival-order.server.ts'

const turn = () => new Promise((resolve) => setImmediate(resolve))
const request = (url: string) => [{ url } as IncomingMessage, {} as ServerResponse] as const

test('requests start in the order they arrived, one each turn of the event loop', async () => {
	const startedUrls: string[] = []
	const listener = inArrivalOrder((req) => void startedUrls.push(req.url!))
	listener(...request('/a'))
	listener(...request('/b'))
	expect(startedUrls).toEqual([])
	await turn()
	expect(startedUrls).toEqual(['/a'])
	// Read while /b waits: it starts after /b, not with the next batch the kernel hands over.
	listener(...request('/c'))
	await turn()
	expect(startedUrls).toEqual(['/a', '/b'])
	await turn()
	expect(startedUrls).toEqual(['/a', '/b', '/c'])
	// With none waiting, the next request starts on the next turn.
	listener(...request('/d'))
	await turn()
	expect(startedUrls).toEqual(['/a', '/b', '/c', '/d'])
})
