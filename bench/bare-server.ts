// The yardstick: node:http answering a fixed page of the given size, nothing else.
import { createServer } from 'node:http'

const size = Number(process.argv[2] ?? 20_000)
const body = Buffer.alloc(size, 'x')
const server = createServer((_req, res) => {
	res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': size })
	res.end(body)
})
server.listen(0, '127.0.0.1', () => console.log((server.address() as { port: number }).port))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
