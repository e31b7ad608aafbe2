/** Now as stored in the database: ISO 8601 UTC. */
export function now(): string {
	return new Date().toISOString()
}

export function inMinutes(minutes: number, from = new Date()): string {
	return new Date(from.getTime() + minutes * 60_000).toISOString()
}
