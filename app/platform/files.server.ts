import { data } from 'react-router'
import type { Kysely } from 'kysely'
import type { DB } from '#db/schema.ts'
import type { MessageKey } from './i18n.ts'
import { now } from './time.ts'

export const MAX_LOGO_BYTES = 1024 * 1024
/** Larger requests are refused before they are read. */
export const MAX_REQUEST_BYTES = 12 * 1024 * 1024

// Types are told by the file's first bytes, not by its name or the browser's word.
// SVG is left out: it can carry script.
const IMAGE_SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
	{ type: 'image/png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
	{ type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
	{ type: 'image/webp', test: (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP' },
]

/** Checks an uploaded image; returns its bytes and real type, or the message key saying why not. */
export async function readImage(file: File, maxBytes = MAX_LOGO_BYTES): Promise<{ bytes: Uint8Array; type: string } | { error: MessageKey }> {
	if (file.size > maxBytes) return { error: 'field.file.tooLarge' }
	const bytes = new Uint8Array(await file.arrayBuffer())
	const type = IMAGE_SIGNATURES.find((s) => s.test(bytes))?.type
	return type ? { bytes, type } : { error: 'field.file.type' }
}

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

const OFFICE_TYPES: Record<string, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

/** Checks an uploaded document (PDF, Office, PNG or JPEG) by its first bytes; returns its bytes and type, or why not. */
export async function readDocument(file: File): Promise<{ bytes: Uint8Array; type: string } | { error: MessageKey }> {
	if (file.size > MAX_DOCUMENT_BYTES) return { error: 'field.file.tooLarge' }
	const bytes = new Uint8Array(await file.arrayBuffer())
	if (String.fromCharCode(...bytes.slice(0, 5)) === '%PDF-') return { bytes, type: 'application/pdf' }
	const extension = file.name.toLowerCase().split('.').pop() ?? ''
	// Office files are zip archives; the extension says which kind.
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 && OFFICE_TYPES[extension]) return { bytes, type: OFFICE_TYPES[extension] }
	const image = IMAGE_SIGNATURES.find((s) => s.test(bytes) && s.type !== 'image/webp')
	return image ? { bytes, type: image.type } : { error: 'field.file.type' }
}

/** Reads a form, refusing bodies over the limit before reading them. */
export async function readFormData(request: Request, maxBytes = MAX_REQUEST_BYTES): Promise<FormData> {
	const length = Number(request.headers.get('Content-Length') ?? 0)
	if (length > maxBytes) throw data('field.file.tooLarge', { status: 413 })
	return request.formData()
}

export async function saveFile(trx: Kysely<DB>, file: { networkId: number; name: string; contentType: string; bytes: Uint8Array }) {
	const { id } = await trx
		.insertInto('file')
		.values({ network_id: file.networkId, name: file.name.slice(0, 200), content_type: file.contentType, size: file.bytes.byteLength, data: file.bytes, created_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow()
	return id
}

export function getFile(db: Kysely<DB>, { networkId, fileId }: { networkId: number; fileId: number }) {
	return db
		.selectFrom('file')
		.select(['id', 'name', 'content_type', 'size', 'data'])
		.where('network_id', '=', networkId)
		.where('id', '=', fileId)
		.executeTakeFirst()
}
