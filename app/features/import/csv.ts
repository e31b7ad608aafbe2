import { parse } from 'csv-parse/sync'
import type { Role } from '#db/schema.ts'
import { email as emailRule, orgNumber, phone as phoneRule } from '#app/platform/fields.ts'
import type { MessageKey } from '#app/platform/i18n.ts'

// Companies and contacts from a spreadsheet: one row per person (or per
// company, with the person's columns empty). Norwegian column names, as a
// Norwegian spreadsheet has them; English ones are accepted too.

export type ImportRow = {
	org_number: string
	company: string
	name: string
	email: string
	title: string
	phone: string
	role: Role
}

export type PreviewRow = { line: number; values: Record<keyof ImportRow, string>; errors: MessageKey[] }
export type Preview = { rows: PreviewRow[]; valid: ImportRow[]; fileError?: { key: MessageKey; values?: Record<string, string> } }

const COLUMNS: Record<keyof ImportRow, string[]> = {
	org_number: ['organisasjonsnummer', 'orgnr', 'org_number', 'organisation number'],
	company: ['bedrift', 'firma', 'company'],
	name: ['navn', 'name'],
	email: ['epost', 'e-post', 'email', 'e-mail'],
	title: ['stilling', 'title'],
	phone: ['telefon', 'phone'],
	role: ['rolle', 'role'],
}
const REQUIRED: (keyof ImportRow)[] = ['org_number', 'company']

const ROLE_NAMES: Record<string, Role> = {
	'': 'member',
	medlem: 'member',
	member: 'member',
	kontaktperson: 'company_contact',
	company_contact: 'company_contact',
	styringsgruppe: 'steering_group',
	steering_group: 'steering_group',
	observatør: 'partner_observer',
	observator: 'partner_observer',
	partner_observer: 'partner_observer',
}

export const MAX_IMPORT_ROWS = 5000

/**
 * Reads and checks a whole file; writes nothing. Each row gets the reasons it
 * cannot be imported; `valid` holds the rows ready to import.
 * @example parseImportCsv('organisasjonsnummer;bedrift\n974760673;Brønnøysundregistrene')
 */
export function parseImportCsv(text: string): Preview {
	let records: string[][]
	try {
		records = parse(text, { bom: true, delimiter: [';', ',', '\t'], skip_empty_lines: true, trim: true, relax_column_count: true })
	} catch (error) {
		const line = (error as { lines?: number }).lines
		return { rows: [], valid: [], fileError: { key: 'import.badFile', values: { line: String(line ?? '?') } } }
	}
	const [header, ...body] = records
	if (!header || body.length === 0) return { rows: [], valid: [], fileError: { key: 'import.empty' } }
	if (body.length > MAX_IMPORT_ROWS) return { rows: [], valid: [], fileError: { key: 'import.tooMany', values: { max: String(MAX_IMPORT_ROWS) } } }
	const names = header.map((h) => h.toLowerCase().trim())
	const index = Object.fromEntries(
		Object.entries(COLUMNS).map(([key, aliases]) => [key, names.findIndex((n) => aliases.includes(n))]),
	) as Record<keyof ImportRow, number>
	const missing = REQUIRED.filter((k) => index[k] < 0)
	if (missing.length > 0) return { rows: [], valid: [], fileError: { key: 'import.missingColumns', values: { columns: missing.map((k) => COLUMNS[k][0]).join(', ') } } }

	const seenEmails = new Set<string>()
	const companyNames = new Map<string, string>()
	const rows: PreviewRow[] = []
	const valid: ImportRow[] = []
	body.forEach((record, i) => {
		const values = Object.fromEntries(
			(Object.keys(COLUMNS) as (keyof ImportRow)[]).map((k) => [k, index[k] >= 0 ? (record[index[k]] ?? '') : '']),
		) as Record<keyof ImportRow, string>
		const errors: MessageKey[] = []
		const number = orgNumber.safeParse(values.org_number)
		if (!number.success) errors.push(number.error.issues[0]!.message as MessageKey)
		if (!values.company) errors.push('import.companyMissing')
		if (number.success && values.company) {
			const known = companyNames.get(number.data)
			if (known && known.toLowerCase() !== values.company.toLowerCase()) errors.push('import.orgNameMismatch')
			companyNames.set(number.data, known ?? values.company)
		}
		const hasPerson = Boolean(values.name || values.email)
		const address = emailRule.safeParse(values.email)
		if (hasPerson) {
			if (!values.name) errors.push('import.nameMissing')
			if (!address.success) errors.push('field.email')
			else if (seenEmails.has(address.data)) errors.push('import.duplicateEmail')
			else seenEmails.add(address.data)
		}
		const phone = phoneRule.safeParse(values.phone)
		if (!phone.success) errors.push('field.phone')
		const role = ROLE_NAMES[values.role.toLowerCase()]
		if (!role) errors.push('import.badRole')
		if (record.length > names.length) errors.push('import.extraColumns')
		rows.push({ line: i + 2, values, errors })
		if (errors.length === 0) {
			valid.push({
				org_number: number.data!,
				company: values.company,
				name: hasPerson ? values.name : '',
				email: hasPerson ? address.data! : '',
				title: values.title,
				phone: phone.data ?? '',
				role: role!,
			})
		}
	})
	return { rows, valid }
}
