import { useEffect, useRef } from 'react'
import { Table as DsTable, type TableProps } from '@digdir/designsystemet-react'

/**
 * Designsystemet's table. On a phone a wide table scrolls sideways in its own
 * box (app.css); while it does, the box takes keyboard focus, so that it can
 * be scrolled without a mouse even when nothing in it can be focused.
 */
function ScrollingTable(props: TableProps) {
	const ref = useRef<HTMLTableElement>(null)
	useEffect(() => {
		const table = ref.current
		if (!table) return
		const observer = new ResizeObserver(() => {
			if (table.scrollWidth > table.clientWidth) table.tabIndex = 0
			else table.removeAttribute('tabindex')
		})
		observer.observe(table)
		return () => observer.disconnect()
	}, [])
	return <DsTable ref={ref} {...props} />
}

export const Table = Object.assign(ScrollingTable, {
	Head: DsTable.Head,
	Body: DsTable.Body,
	Row: DsTable.Row,
	Cell: DsTable.Cell,
	HeaderCell: DsTable.HeaderCell,
	Foot: DsTable.Foot,
})
