import { sql } from 'kysely'
import type { Route } from './+types/healthz'
import { dbContext } from '#app/platform/context.ts'

export async function loader({ context }: Route.LoaderArgs) {
	const { db, dialect } = context.get(dbContext)
	try {
		await sql`select 1`.execute(db)
		return Response.json({ status: 'ok', database: dialect, node: process.version })
	} catch {
		return Response.json({ status: 'error', database: dialect, node: process.version }, { status: 503 })
	}
}
