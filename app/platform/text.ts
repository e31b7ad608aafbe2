// Text helpers without a schema library, so that pages which only show text
// (the directory's tags, a list's search) do not load Zod in the browser.

/**
 * Control characters but tab and line breaks taken out of typed text: nobody
 * sees them, and PostgreSQL refuses a text with a NUL in it.
 * @example withoutControls('Kari\u0000 Nordby') // 'Kari Nordby'
 */
export const withoutControls = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')

/**
 * A stored tag list ("a, b, c") as its tags.
 * @example splitTags('Rust, , Go') // ['Rust', 'Go']
 */
export function splitTags(value: string): string[] {
	return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []
}

/**
 * A phone number as typed, as a link a phone can call: digits and a leading + kept.
 * @example telHref('+47 912 34 567') // 'tel:+4791234567'
 */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`
