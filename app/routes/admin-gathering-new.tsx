import { data, redirect } from 'react-router'
import { parseWithZod } from '@conform-to/zod/v4'
import { Heading } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-gathering-new'
import { GatheringForm } from '#app/features/gatherings/gathering-form.tsx'
import { createGathering } from '#app/features/gatherings/gatherings.server.ts'
import { gatheringSchema as schema } from '#app/features/gatherings/schemas.ts'
import { requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getDb, requirePermission } from '#app/platform/guard.server.ts'
import { pageTitle, useT } from '#app/ui/i18n.tsx'

export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	return null
}

export async function action({ params, context, request }: Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	requirePermission(context, request, 'manage:gathering', { networkId: network.id })
	const submission = parseWithZod(await request.formData(), { schema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const { agenda, ...input } = submission.value
	const id = await getDb(context)
		.transaction()
		.execute((trx) => createGathering(trx, network.id, { ...input, capacity: input.capacity ?? null, registration_deadline: input.registration_deadline ?? null }, agenda))
	return redirect(`/n/${network.slug}/admin/samlinger/${id}`)
}

export default function NewGathering({ actionData }: Route.ComponentProps) {
	const t = useT()
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{t('gatheringAdmin.new')}
			</Heading>
			<GatheringForm lastResult={actionData} defaultValue={{ audience: 'members' }} submitLabel={t('gatheringAdmin.save')} />
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'gatheringAdmin.new')
