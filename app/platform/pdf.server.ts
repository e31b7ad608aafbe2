/**
 * Draws a PDF and returns its bytes. A4, Helvetica (its built-in encoding
 * covers Norwegian letters), with the title in the document's properties.
 * pdfkit is loaded on the first PDF, not at start-up (it is a tenth of it).
 */
export async function renderPdf(title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
	const { default: PDFDocument } = await import('pdfkit')
	const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Knute' } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
	draw(doc)
	doc.end()
	return done
}
