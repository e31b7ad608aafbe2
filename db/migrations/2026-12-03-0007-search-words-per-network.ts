import { PostgresAdapter, sql, type Kysely } from 'kysely'

// SQLite's full-text index holds each word of a directory document with its
// network in front ("n42xskytjenester" for "skytjenester" in network 42), in
// place of a network token beside the words. A search then finds and ranks
// words among one network's documents only: BM25 counted each word's
// documents across the whole installation, which for a common prefix
// ("utvikl") was most of the query (docs/decisions/004). The documents' text
// is folded (foldText: lower-case letters and digits, one space between
// words), so the network goes in front of each word with `replace`.
// PostgreSQL keeps its tsvector.

const perNetwork = (network: string, text: string) => `case when ${text} = '' then '' else 'n' || ${network} || 'x' || replace(${text}, ' ', ' n' || ${network} || 'x') end`
const row = (of: 'new' | 'old') => `${perNetwork(`${of}.network_id`, `${of}.title`)}, ${perNetwork(`${of}.network_id`, `${of}.body`)}`

export async function up(db: Kysely<any>) {
	if (db.getExecutor().adapter instanceof PostgresAdapter) return
	for (const trigger of ['search_document_ai', 'search_document_ad', 'search_document_au']) await sql`drop trigger ${sql.ref(trigger)}`.execute(db)
	await sql`drop table search_fts`.execute(db)
	await sql`create virtual table search_fts using fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2')`.execute(db)
	await sql
		.raw(`insert into search_fts(rowid, title, body) select id, ${perNetwork('network_id', 'title')}, ${perNetwork('network_id', 'body')} from search_document`)
		.execute(db)
	await sql.raw(`create trigger search_document_ai after insert on search_document begin
		insert into search_fts(rowid, title, body) values (new.id, ${row('new')}); end`).execute(db)
	await sql.raw(`create trigger search_document_ad after delete on search_document begin
		insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, ${row('old')}); end`).execute(db)
	await sql.raw(`create trigger search_document_au after update on search_document begin
		insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, ${row('old')});
		insert into search_fts(rowid, title, body) values (new.id, ${row('new')}); end`).execute(db)
}
