// The company register (Enhetsregisteret) at the Brønnøysund Register Centre:
// open data, no key. The base URL is configurable; tests point it at a local
// server that replays recorded answers.

export type RegisterCompany = {
	org_number: string
	name: string
	address: string
	town: string
	industry_code: string
	industry: string
	employees: number | null
	website: string
	parent_org_number: string | null
}

export type LookupResult = { found: RegisterCompany } | { error: 'notFound' | 'removed' | 'unreachable' }

type Address = { adresse?: string[]; postnummer?: string; poststed?: string }
type Unit = {
	organisasjonsnummer: string
	navn: string
	hjemmeside?: string
	forretningsadresse?: Address
	postadresse?: Address
	naeringskode1?: { kode: string; beskrivelse: string }
	antallAnsatte?: number
	overordnetEnhet?: string
}

/** "FJELLKODE AS" → "Fjellkode AS": the register writes names in capitals. */
function titleCase(name: string) {
	return name
		.toLowerCase()
		.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
		.replace(/\b(As|Asa|Sa|Ans|Da|Enk|Nuf)\b/g, (form) => form.toUpperCase())
}

/**
 * Looks up an organisation number: a main unit first, else a sub-unit (whose
 * main unit becomes the parent). Times out after four seconds.
 * @example await lookupCompany('https://data.brreg.no/enhetsregisteret/api', '974760673')
 */
export async function lookupCompany(baseUrl: string, orgNumber: string, { timeoutMs = 4000 } = {}): Promise<LookupResult> {
	let removed = false
	for (const kind of ['enheter', 'underenheter']) {
		let response: Response
		try {
			response = await fetch(`${baseUrl.replace(/\/$/, '')}/${kind}/${orgNumber}`, {
				headers: { Accept: 'application/json' },
				signal: AbortSignal.timeout(timeoutMs),
			})
		} catch {
			return { error: 'unreachable' }
		}
		if (response.status === 410) removed = true
		if (response.status === 404 || response.status === 410) continue
		if (!response.ok) return { error: 'unreachable' }
		const unit = (await response.json()) as Unit
		const address = unit.forretningsadresse ?? unit.postadresse
		return {
			found: {
				org_number: unit.organisasjonsnummer,
				name: titleCase(unit.navn),
				address: [...(address?.adresse ?? []), [address?.postnummer, address?.poststed].filter(Boolean).join(' ')].filter(Boolean).join(', '),
				town: address?.poststed ? titleCase(address.poststed) : '',
				industry_code: unit.naeringskode1?.kode ?? '',
				industry: unit.naeringskode1?.beskrivelse ?? '',
				employees: typeof unit.antallAnsatte === 'number' ? unit.antallAnsatte : null,
				website: unit.hjemmeside ? (unit.hjemmeside.startsWith('http') ? unit.hjemmeside : `https://${unit.hjemmeside}`) : '',
				parent_org_number: unit.overordnetEnhet ?? null,
			},
		}
	}
	return { error: removed ? 'removed' : 'notFound' }
}
