// A local stand-in for the company register that replays recorded answers
// (tests/fixtures/brreg/<kind>-<number>.json); 410 for numbers listed as removed,
// 404 for the rest — the same statuses the real API gives.
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const REMOVED = new Set(['916150288'])

export async function startRegisterReplay(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
	const requests: string[] = []
	const server: Server = createServer((req, res) => {
		requests.push(req.url ?? '')
		const match = /^\/(enheter|underenheter)\/(\d{9})$/.exec(req.url ?? '')
		const file = match ? path.join('tests/fixtures/brreg', `${match[1]}-${match[2]}.json`) : ''
		if (match && existsSync(file)) {
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(readFileSync(file))
		} else if (match && REMOVED.has(match[2]!)) {
			res.writeHead(410, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify({ feilmelding: 'Enheten er fjernet' }))
		} else {
			res.writeHead(404, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify({ feilmelding: 'Enheten finnes ikke' }))
		}
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	}
}
