/**
 * CSV as Norwegian Excel opens it: semicolons, a byte-order mark, every cell
 * quoted. A cell that starts like a formula gets a leading apostrophe, so a
 * name such as "=HYPERLINK(…)" stays text in the accountant's spreadsheet.
 */
export function toCsv(rows: (string | number | null)[][]): string {
	const cell = (value: string | number | null) => {
		const text = value === null ? '' : String(value)
		const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
		return `"${safe.replace(/"/g, '""')}"`
	}
	return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n'
}
