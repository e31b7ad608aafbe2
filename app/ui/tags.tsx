import { splitTags } from '#app/platform/text.ts'

/**
 * A comma-separated value as a list of Designsystemet tags. Each item is the
 * tag itself (`ds-tag` on the `li`, the markup Designsystemet's `Tag` makes):
 * one element a tag instead of two, where a directory page shows a hundred.
 * Size and colour are set once on the list; Designsystemet's tokens cascade.
 */
export function TagList({ value, label }: { value: string; label: string }) {
	const tags = splitTags(value)
	if (tags.length === 0) return null
	return (
		<ul className="tags" aria-label={label} data-size="sm" data-color="neutral">
			{tags.map((tag) => (
				<li key={tag} className="ds-tag">
					{tag}
				</li>
			))}
		</ul>
	)
}
