import type { Route } from './+types/file'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { getFile } from '#app/platform/files.server.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'

// Files belong to a network and are for its participants.
export async function loader({ params, context, request }: Route.LoaderArgs) {
	const network = await requireNetwork(context, params.network)
	const fileId = requireId(params.fileId)
	requirePermission(context, request, 'read:directory', { networkId: network.id })
	const file = await getFile(getDb(context), { networkId: network.id, fileId })
	invariantResponse(file, 'error.notFound.title', { status: 404 })
	return new Response(Buffer.from(file.data), {
		headers: {
			'Content-Type': file.content_type,
			'Content-Length': String(file.size),
			'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'Cache-Control': 'private, max-age=3600',
			'Content-Security-Policy': "default-src 'none'; sandbox",
		},
	})
}
