import { describe, expect, test } from 'vitest'
import { parseImportCsv } from './csv.ts'

describe('parseImportCsv', () => {
	test('reads a semicolon file from a Norwegian spreadsheet, with BOM', () => {
		const preview = parseImportCsv('\uFEFFOrganisasjonsnummer;Bedrift;Navn;Epost;Stilling;Telefon;Rolle\n974 760 673;Registeret AS;Kari Nordmann;KARI@registeret.no;Leder;61 00 00 00;kontaktperson\n')
		expect(preview.fileError).toBeUndefined()
		expect(preview.valid).toEqual([
			{ org_number: '974760673', company: 'Registeret AS', name: 'Kari Nordmann', email: 'kari@registeret.no', title: 'Leder', phone: '61 00 00 00', role: 'company_contact' },
		])
	})

	test('reports every bad row and why, and keeps only good rows', () => {
		const csv = [
			'organisasjonsnummer,bedrift,navn,epost,rolle',
			'974760673,Registeret AS,Kari,kari@registeret.no,medlem',
			'974760674,Feil AS,Ola,ola@feil.no,',
			'974760673,Annet navn AS,,,',
			'923609016,Fjellkode AS,Per,ikke-en-adresse,',
			'923609016,Fjellkode AS,Kari igjen,kari@registeret.no,sjef',
		].join('\n')
		const preview = parseImportCsv(csv)
		expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
			[2, []],
			[3, ['field.orgNumber.checksum']],
			[4, ['import.orgNameMismatch']],
			[5, ['field.email']],
			[6, ['import.duplicateEmail', 'import.badRole']],
		])
		expect(preview.valid).toHaveLength(1)
	})

	test('names missing columns and unreadable files', () => {
		expect(parseImportCsv('navn;epost\nKari;kari@x.no').fileError).toEqual({ key: 'import.missingColumns', values: { columns: 'organisasjonsnummer, bedrift' } })
		expect(parseImportCsv('organisasjonsnummer;bedrift\n').fileError?.key).toBe('import.empty')
		expect(parseImportCsv('organisasjonsnummer;bedrift\n"974760673;Uavsluttet').fileError?.key).toBe('import.badFile')
	})
})
