import { renderPdf as render } from '#app/platform/pdf.server.ts'
import { formatDateTime, formatNumber, translator, type Lang } from '#app/platform/i18n.ts'

// PDFs for the auditor and the company: the signed agreement and the effort
// ledger. Helvetica's built-in encoding covers Norwegian letters.

export type SignedAgreement = {
	network: string
	company: string
	org_number: string | null
	title: string
	version: number
	body: string
	period_start: string
	period_end: string
	egenandel_nok: number
	hours_per_year: number
	gatherings_per_year: number
	signer_name: string
	signer_title: string
	accepted_at: string
	agreement_hash: string
}

/** The agreement as the company accepted it, with who, when and the version's fingerprint. */
export function signedAgreementPdf(a: SignedAgreement, lang: Lang) {
	const t = translator(lang)
	return render(a.title, (doc) => {
		doc.fontSize(10).fillColor('#555').text(a.network)
		doc.moveDown(0.5).fontSize(20).fillColor('#000').text(a.title)
		doc.fontSize(10).fillColor('#555').text(t('agreement.versionOf', { version: a.version }))
		doc.moveDown().fontSize(11).fillColor('#000')
		doc.text(`${t('agreement.company')}: ${a.company}${a.org_number ? ` (${a.org_number})` : ''}`)
		doc.text(`${t('agreement.period')}: ${formatDateTime(lang, a.period_start, 'date')} – ${formatDateTime(lang, a.period_end, 'date')}`)
		doc.text(`${t('agreement.egenandel')}: ${formatNumber(lang, a.egenandel_nok)} kr`)
		doc.text(`${t('agreement.hours')}: ${a.hours_per_year}`)
		doc.text(`${t('agreement.gatherings')}: ${a.gatherings_per_year}`)
		doc.moveDown()
		for (const paragraph of a.body.split(/\n{2,}/)) doc.text(paragraph).moveDown(0.5)
		doc.moveDown()
		doc.fontSize(12).text(t('agreement.signedHeading'))
		doc.fontSize(11).text(`${a.signer_name}, ${a.signer_title}`)
		doc.text(`${t('agreement.signedAt')}: ${formatDateTime(lang, a.accepted_at)}`)
		doc.moveDown().fontSize(8).fillColor('#555').text(`${t('agreement.hash')}: ${a.agreement_hash}`)
	})
}

export type LedgerRow = { date: string; person: string; company: string; activity: string; description: string; hours: number; rate_nok: number | null; value_nok: number; status: string }

/** The effort ledger as a table, with totals. */
export function ledgerPdf({ network, rows, lang, heading }: { network: string; rows: LedgerRow[]; lang: Lang; heading: string }) {
	const t = translator(lang)
	return render(heading, (doc) => {
		doc.fontSize(10).fillColor('#555').text(network)
		doc.moveDown(0.5).fontSize(18).fillColor('#000').text(heading)
		doc.moveDown()
		const columns = [
			{ label: t('effort.date'), width: 62 },
			{ label: t('effort.person'), width: 100 },
			{ label: t('effort.company'), width: 100 },
			{ label: t('effort.activity'), width: 90 },
			{ label: t('effort.hours'), width: 40 },
			{ label: t('effort.rate'), width: 45 },
			{ label: t('effort.value'), width: 55 },
		]
		const row = (cells: string[], bold = false) => {
			const y = doc.y
			let x = doc.page.margins.left
			doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8)
			let height = 0
			cells.forEach((cell, i) => {
				doc.text(cell, x, y, { width: columns[i]!.width - 4 })
				height = Math.max(height, doc.y - y)
				x += columns[i]!.width
			})
			doc.x = doc.page.margins.left
			doc.y = y + height + 3
			if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage()
		}
		row(columns.map((c) => c.label), true)
		for (const r of rows) {
			row([r.date, r.person, r.company, t(`effort.activity.${r.activity}` as 'effort.activity.other') + (r.description ? `: ${r.description}` : ''), formatNumber(lang, r.hours), r.rate_nok === null ? '–' : formatNumber(lang, r.rate_nok), formatNumber(lang, r.value_nok)])
		}
		const hours = rows.reduce((s, r) => s + r.hours, 0)
		const value = rows.reduce((s, r) => s + r.value_nok, 0)
		row([t('effort.total'), '', '', '', formatNumber(lang, hours), '', formatNumber(lang, value)], true)
	})
}
