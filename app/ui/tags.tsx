import { Tag } from '@digdir/designsystemet-react'
import { splitTags } from '#app/platform/fields.ts'

export function TagList({ value, label }: { value: string; label: string }) {
	const tags = splitTags(value)
	if (tags.length === 0) return null
	return (
		<ul className="tags" aria-label={label}>
			{tags.map((tag) => (
				<li key={tag}>
					<Tag data-size="sm" data-color="neutral">
						{tag}
					</Tag>
				</li>
			))}
		</ul>
	)
}
