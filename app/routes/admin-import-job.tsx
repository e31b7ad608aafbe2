import { useEffect } from 'react'
import { useRevalidator } from 'react-router'
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-import-job'
import { getImportJob } from '#app/features/import/import.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { AppLink } from '#app/ui/link.tsx'
import { pageTitle, useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const jobId = requireId(params.jobId)
	requirePermission(context, request, 'import:directory', { networkId: network.id })
	const job = await getImportJob(getDb(context), { networkId: network.id, jobId })
	invariantResponse(job, 'error.notFound.title', { status: 404 })
	return { job }
}

export default function ImportJob({ loaderData: { job }, params }: Route.ComponentProps) {
	const t = useT()
	const revalidator = useRevalidator()
	const working = job.status === 'queued' || job.status === 'running'
	// With JavaScript the progress updates itself; without, the refresh link does it.
	useEffect(() => {
		if (!working) return
		const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 700)
		return () => clearInterval(timer)
	}, [working, revalidator])
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('import.title')}
			</Heading>
			{working ? (
				<>
					<label htmlFor="progress">{t('import.running', { done: job.done, total: job.total })}</label>
					<progress id="progress" max={job.total} value={job.done} />
					<Paragraph>
						<AppLink to=".">{t('import.refresh')}</AppLink>
					</Paragraph>
				</>
			) : job.status === 'done' ? (
				<Alert data-color="success" role="status">
					{t('import.done', { count: job.total })}
				</Alert>
			) : (
				<Alert data-color="danger">{t('import.failed', { error: job.error ?? '' })}</Alert>
			)}
			<Paragraph>
				<AppLink to={`/n/${params.network}/katalog`}>{t('nav.directory')}</AppLink>
			</Paragraph>
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'import.title')
