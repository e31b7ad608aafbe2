import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'

export async function runQueuedImports(_db: Kysely<DB>) {}
