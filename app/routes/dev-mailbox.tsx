import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/dev-mailbox'
import { requestContext } from '#app/platform/context.ts'
import { getDb, invariantResponse } from '#app/platform/guard.server.ts'
import { formatDateTime } from '#app/platform/i18n.ts'
import { listOutbox } from '#app/platform/mail.server.ts'
import { pageTitle, useLang, useT } from '#app/ui/i18n.tsx'

// Exists only while no SMTP server is configured: then mail cannot leave this
// installation anyway, and this page is how the demo is used offline.
export async function loader({ context }: Route.LoaderArgs) {
	invariantResponse(context.get(requestContext).mailboxPage, 'error.notFound.title', { status: 404 })
	return { mails: await listOutbox(getDb(context)) }
}

export default function DevMailbox({ loaderData: { mails } }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('mailbox.title')}
			</Heading>
			<Paragraph>{t('mailbox.intro')}</Paragraph>
			{mails.length === 0 ? <Paragraph>{t('mailbox.empty')}</Paragraph> : null}
			{mails.map((m) => (
				<Card key={m.id}>
					<Heading level={2} data-size="xs">
						{m.subject}
					</Heading>
					<Paragraph data-size="sm">
						{t('mailbox.to')}: {m.recipient} · <time dateTime={m.created_at}>{formatDateTime(lang, m.created_at)}</time>
					</Paragraph>
					<pre className="mail">{linkify(m.body_text)}</pre>
				</Card>
			))}
		</main>
	)
}

function linkify(text: string) {
	return text.split(/(https?:\/\/\S+)/).map((part, i) => (i % 2 ? <Link key={i} href={part}>{part}</Link> : part))
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'mailbox.title')
