import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import { inMinutes, now } from './time.ts'

/**
 * Puts an e-mail in the outbox, inside the caller's transaction: the mail
 * exists exactly when the change that caused it does.
 */
export async function enqueueMail(trx: Kysely<DB>, mail: { to: string; subject: string; text: string; ics?: string }) {
	await trx
		.insertInto('outbox')
		.values({
			recipient: mail.to,
			subject: mail.subject,
			body_text: mail.text,
			ics: mail.ics ?? null,
			status: 'pending',
			next_attempt_at: now(),
			created_at: now(),
		})
		.execute()
}

type Mail = { id: number; from: string; to: string; subject: string; text: string; ics: string | null }
export type MailTransport = { send(mail: Mail): Promise<void> }

/** A calendar invitation rides along as text/calendar, which mail programs offer to add. */
const message = ({ from, to, subject, text, ics }: Mail) => ({ from, to, subject, text, ...(ics ? { icalEvent: { method: 'REQUEST', content: ics } } : {}) })

/** SMTP when configured; otherwise each message is written as an .eml file in the outbox folder. */
export function createTransport({ smtpUrl, outboxDir }: { smtpUrl?: string; outboxDir: string }): MailTransport {
	if (smtpUrl) {
		const smtp: Transporter = nodemailer.createTransport(smtpUrl)
		return { send: async (mail) => void (await smtp.sendMail(message(mail))) }
	}
	const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
	return {
		async send(mail) {
			const info = await files.sendMail(message(mail))
			await mkdir(outboxDir, { recursive: true })
			await writeFile(path.join(outboxDir, `${String(mail.id).padStart(6, '0')}.eml`), info.message as Buffer)
		},
	}
}

const MAX_ATTEMPTS = 8

/**
 * Sends what is due. Each message is claimed with a lease before sending, so
 * several processes can run this at once without sending anything twice.
 * Returns the number sent.
 */
export async function deliverDueMail(db: Kysely<DB>, transport: MailTransport, from: string): Promise<number> {
	const due = await db
		.selectFrom('outbox')
		.select(['id', 'recipient', 'subject', 'body_text', 'ics', 'attempts'])
		.where('status', '=', 'pending')
		.where('next_attempt_at', '<=', now())
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now())]))
		.orderBy('id')
		.limit(20)
		.execute()
	let sent = 0
	for (const mail of due) {
		const claimed = await db
			.updateTable('outbox')
			.set({ locked_until: inMinutes(2) })
			.where('id', '=', mail.id)
			.where('status', '=', 'pending')
			.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now())]))
			.executeTakeFirst()
		if (Number(claimed.numUpdatedRows) !== 1) continue
		try {
			await transport.send({ id: mail.id, from, to: mail.recipient, subject: mail.subject, text: mail.body_text, ics: mail.ics })
			await db.updateTable('outbox').set({ status: 'sent', sent_at: now(), locked_until: null }).where('id', '=', mail.id).execute()
			sent++
		} catch (error) {
			const attempts = mail.attempts + 1
			await db
				.updateTable('outbox')
				.set({
					attempts,
					status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
					// Back off: 1, 2, 4 … minutes.
					next_attempt_at: inMinutes(2 ** (attempts - 1)),
					locked_until: null,
					last_error: String(error),
				})
				.where('id', '=', mail.id)
				.execute()
		}
	}
	return sent
}

/** The newest messages, for the development mailbox page. */
export function listOutbox(db: Kysely<DB>, { limit = 50 } = {}) {
	return db
		.selectFrom('outbox')
		.select(['id', 'recipient', 'subject', 'body_text', 'ics', 'status', 'created_at'])
		.orderBy('id', 'desc')
		.limit(limit)
		.execute()
}
