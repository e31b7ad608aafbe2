import type { Lang } from '#app/platform/i18n.ts'

/** The countries of ISO 3166-1, by their two-letter codes. */
export const COUNTRY_CODES = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/)

/** Home: a partner anywhere else is abroad. */
export const HOME = 'NO'

const names = { nb: new Intl.DisplayNames(['nb'], { type: 'region' }), en: new Intl.DisplayNames(['en-GB'], { type: 'region' }) }
const collators = { nb: new Intl.Collator('nb'), en: new Intl.Collator('en-GB') }

/** A country's name in the reader's language: "Estland" / "Estonia". */
export function countryName(lang: Lang, code: string) {
	return names[lang].of(code) ?? code
}

/** Where a partner is, in the reader's language: "Tallinn, Estland", or the country alone. */
export function placeName(lang: Lang, { town, country }: { town: string; country: string }) {
	return [town, countryName(lang, country)].filter(Boolean).join(', ')
}

/** Every country for a select, home first, the rest by name in the reader's language. */
export function countryOptions(lang: Lang) {
	const rest = COUNTRY_CODES.filter((c) => c !== HOME)
		.map((code) => ({ value: code, label: countryName(lang, code) }))
		.sort((a, b) => collators[lang].compare(a.label, b.label))
	return [{ value: HOME, label: countryName(lang, HOME) }, ...rest]
}
