// Where the network map draws each company: evenly round a circle, first at
// the top, clockwise, with the label outside the point.

export type Placed = { id: number; x: number; y: number; labelX: number; labelY: number; anchor: 'start' | 'middle' | 'end' }

export function circleLayout(ids: readonly number[], { width, height }: { width: number; height: number }): Placed[] {
	const cx = width / 2
	const cy = height / 2
	// Room for a label of about 24 characters on either side.
	const radius = Math.min(height / 2 - 24, width / 2 - 150)
	return ids.map((id, i) => {
		const angle = (2 * Math.PI * i) / Math.max(1, ids.length) - Math.PI / 2
		const cos = Math.cos(angle)
		const sin = Math.sin(angle)
		return {
			id,
			x: round(cx + radius * cos),
			y: round(cy + radius * sin),
			labelX: round(cx + (radius + 12) * cos),
			labelY: round(cy + (radius + 12) * sin + 4),
			anchor: Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end',
		}
	})
}

const round = (n: number) => Math.round(n * 10) / 10

/** The line width for a pair's strength: 1 for one meeting, up to 6. */
export function lineWidth(strength: number) {
	return Math.min(6, 0.75 + strength * 0.75)
}
