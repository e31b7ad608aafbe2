import { createContext } from 'react-router'
import type { Kysely } from 'kysely'
import type { DB, Dialect } from '#db/index.ts'
import type { Actor } from './policy.ts'

/** The database for this request: the one place SQLite or PostgreSQL is chosen (set by the server, or by a test). */
export const dbContext = createContext<{ db: Kysely<DB>; dialect: Dialect }>()

/** Facts about the request the server knows before React Router runs. */
export const requestContext = createContext<{ nonce: string; clientIp: string; mailboxPage: boolean; registerUrl: string }>()

/** The signed-in person, or null; set by the root middleware. */
export const actorContext = createContext<Actor | null>(null)
