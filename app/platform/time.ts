/** Now as stored in the database: ISO 8601 UTC. */
export function now(): string {
	return new Date().toISOString()
}

export function inMinutes(minutes: number, from = new Date()): string {
	return new Date(from.getTime() + minutes * 60_000).toISOString()
}

const osloFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Oslo',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
})

/** An instant as the wall clock in Oslo shows it, as a datetime-local field wants it: 2026-12-06T09:00. */
export function toOsloLocal(iso: string): string {
	const p = Object.fromEntries(osloFormat.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/** The date in Oslo at an instant (now by default), as a date field wants it: 2026-11-28. */
export function osloDate(iso = now()): string {
	return toOsloLocal(iso).slice(0, 10)
}

/**
 * The instant a wall-clock time in Oslo names (what a datetime-local field
 * sends), as ISO UTC; undefined if it is not a valid time.
 * @example fromOsloLocal('2026-12-06T09:00') // '2026-12-06T08:00:00.000Z'
 */
export function fromOsloLocal(local: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
	if (!match) return undefined
	const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
	const asUtc = Date.UTC(y, mo - 1, d, h, mi)
	if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== d) return undefined
	// Oslo is UTC+1 or +2; the guess is corrected by the offset Oslo has at that moment.
	let guess = asUtc - 3600_000
	for (let i = 0; i < 2; i++) {
		const shown = toOsloLocal(new Date(guess).toISOString())
		const [sy, smo, sd, sh, smi] = shown.split(/[-T:]/).map(Number) as [number, number, number, number, number]
		guess += asUtc - Date.UTC(sy, smo - 1, sd, sh, smi)
	}
	return new Date(guess).toISOString()
}
