import type { TestProject } from 'vitest/node'
import pg from 'pg'
import { createDatabase, migrateToLatest } from '#db/index.ts'
import { startPostgres } from './postgres.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string
	}
}

// Starts PostgreSQL for the run (unless TEST_DATABASE_URL names one) and
// migrates a template database that each data test copies.
export default async function setup(project: TestProject) {
	const server = process.env.TEST_DATABASE_URL ? undefined : await startPostgres()
	const url = process.env.TEST_DATABASE_URL ?? server!.url
	const admin = new pg.Client({ connectionString: url })
	await admin.connect()
	await admin.query('drop database if exists knute_template')
	await admin.query('create database knute_template')
	await admin.end()
	const { db } = createDatabase(withDatabase(url, 'knute_template'))
	await migrateToLatest(db)
	await db.destroy()
	project.provide('postgresUrl', url)
	return () => server?.stop()
}

export function withDatabase(url: string, database: string) {
	const u = new URL(url)
	u.pathname = `/${database}`
	return u.href
}
