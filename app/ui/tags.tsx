import { splitTags } from '#app/platform/fields.ts'

/**
 * A comma-separated value as a list of Designsystemet tags. Each item is the
 * tag itself (`ds-tag` on the `li`, the markup Designsystemet's `Tag` makes):
 * one element a tag instead of two, where a directory page shows a hundred.
 */
export function TagList({ value, label }: { value: string; label: string }) {
	const tags = splitTags(value)
	if (tags.length === 0) return null
	return (
		<ul className="tags" aria-label={label}>
			{tags.map((tag) => (
				<li key={tag} className="ds-tag" data-size="sm" data-color="neutral">
					{tag}
				</li>
			))}
		</ul>
	)
}
