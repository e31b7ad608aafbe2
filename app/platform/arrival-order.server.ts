import type { RequestListener } from 'node:http'

const PER_TURN = 4

/**
 * Starts requests in the order they arrived, a few each turn of the event loop.
 * Node reads every socket that is ready in one go and runs each request to its
 * first wait, and the kernel lists a socket that was ready too late for one
 * round behind all those from the round before: at 50 connections some waited
 * two rounds or more, up to half a second, while others waited one. In short
 * turns, each request read in between queues behind the ones before it
 * (docs/performance-history.md, "Where the p99 comes from"). Four a turn rather than
 * one: each turn costs a system call to look for new requests and, on SQLite,
 * a read transaction (decision 025); four a turn took 10–24 % less CPU a page
 * under the benchmark's load of one page at a time (decision 023).
 */
export function inArrivalOrder(listener: RequestListener): RequestListener {
	const waiting: Parameters<RequestListener>[] = []
	const next = () => {
		const turn = waiting.splice(0, PER_TURN)
		if (waiting.length > 0) setImmediate(next)
		for (const [request, response] of turn) listener(request, response)
	}
	return (request, response) => {
		if (waiting.push([request, response]) === 1) setImmediate(next)
	}
}
