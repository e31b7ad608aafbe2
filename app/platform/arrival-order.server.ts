import type { RequestListener } from 'node:http'

/**
 * Starts requests in the order they arrived, one each turn of the event loop.
 * Node reads every socket that is ready in one go and runs each request to its
 * first wait, and the kernel lists a socket that was ready too late for one
 * round behind all those from the round before: at 50 connections some waited
 * two rounds or more, up to half a second, while others waited one. In turns,
 * each request read in between queues behind the ones before it
 * (docs/performance.md, "Where the p99 comes from").
 */
export function inArrivalOrder(listener: RequestListener): RequestListener {
	const waiting: Parameters<RequestListener>[] = []
	const next = () => {
		const [request, response] = waiting.shift()!
		if (waiting.length > 0) setImmediate(next)
		listener(request, response)
	}
	return (request, response) => {
		if (waiting.push([request, response]) === 1) setImmediate(next)
	}
}
