// Text as the directory search sees it, the same on SQLite and PostgreSQL.

/**
 * Lower case, Norwegian letters spelt out (æ→ae, ø→o, å→a) and accents
 * dropped, so "Gjovik" finds "Gjøvik" and "Jorstadmoen" finds "Jørstadmoen".
 * @example foldText('Høgskolen i Gjøvik') // 'hogskolen i gjovik'
 */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
}

// Common bokmål inflection endings, longest first (folded spelling).
const SUFFIXES = ['hetene', 'heten', 'heter', 'ingen', 'inger', 'ende', 'ene', 'ane', 'ere', 'ers', 'ing', 'het', 'er', 'en', 'et', 'ar', 'e', 'a']

/**
 * A light stemmer for SQLite, which has none for Norwegian: the ending goes,
 * the stem becomes a prefix. "bedriftene" → "bedrift" finds "bedrifter".
 * PostgreSQL uses its own Snowball stemmer instead.
 */
export function stem(word: string): string {
	for (const suffix of SUFFIXES) {
		if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length)
	}
	return word
}

/** The words of a search, folded; at most eight, each at least two characters. */
export function queryWords(query: string): string[] {
	return [...new Set(foldText(query).split(' '))].filter((w) => w.length >= 2).slice(0, 8)
}
