import { createServer } from 'node:net'

/**
 * A port on 127.0.0.1 no one uses now, for a server about to start. A port
 * drawn at random could be the local end of a connection already open (the
 * kernel gives those out from 32768 on), and the server could not listen.
 */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.once('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number }
			probe.close(() => resolve(port))
		})
	})
}
