// `npm run db:migrate`: brings the configured database up to date (the server also does this at start).
import path from 'node:path'
import { mkdirSync } from 'node:fs'
import { readEnv } from '../app/platform/env.server.ts'
import { createDatabase, migrateToLatest } from './index.ts'

const env = readEnv()
mkdirSync(env.DATA_DIR, { recursive: true })
const { db, dialect } = createDatabase(env.DATABASE_URL ?? path.join(env.DATA_DIR, 'knute.sqlite'))
await migrateToLatest(db)
await db.destroy()
console.log(`Database (${dialect}) is up to date.`)
