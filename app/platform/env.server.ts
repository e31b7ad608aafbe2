import { z } from 'zod'

// Every setting has a working default: `npm start` needs no configuration.
const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().positive().default(3000),
	HOST: z.string().default('0.0.0.0'),
	DATA_DIR: z.string().default('data'),
	/** `postgres://…` for PostgreSQL; otherwise a SQLite file (default: DATA_DIR/knute.sqlite). */
	DATABASE_URL: z.string().optional(),
	/** `smtp://user:pass@host:587`; unset, mail goes to DATA_DIR/outbox and the development mailbox page. */
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('Knute <ikke-svar@knute.local>'),
	/** The Brønnøysund Register Centre's open API (Enhetsregisteret). */
	BRREG_URL: z.string().url().default('https://data.brreg.no/enhetsregisteret/api'),
	/** Demo data on an empty database. */
	SEED_DEMO: z.enum(['true', 'false']).default('true'),
	/** The portal's address as people reach it: every link in e-mail is to it, whatever Host a request names (unset: the request's Host; http://localhost:PORT for the workers). */
	PUBLIC_URL: z.string().url().optional(),
	/** Application processes sharing the port (Node's cluster module), on SQLite (one file, one machine) or PostgreSQL; one a core is a good start. */
	WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
	/** Number of proxies in front of the server whose X-Forwarded-* headers to trust. */
	TRUST_PROXY: z.coerce.number().int().min(0).default(0),
})

export type Env = z.infer<typeof schema>

export class SettingsError extends Error {}

/** The settings, or an error that names each wrong one. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
	const result = schema.safeParse(source)
	if (!result.success) throw new SettingsError(`a setting is wrong:\n${z.prettifyError(result.error)}`)
	return result.data
}
