import { Field, Label, Select } from '@digdir/designsystemet-react'

/**
 * A labelled select outside a schema form: filters that go in the URL, and
 * small forms whose answers the server checks on its own.
 */
export function PlainSelect({ id, name, label, options, defaultValue }: { id: string; name: string; label: string; options: { value: string | number; label: string }[]; defaultValue?: string }) {
	return (
		<Field>
			<Label htmlFor={id}>{label}</Label>
			<Select id={id} name={name} defaultValue={defaultValue}>
				{options.map((o) => (
					<Select.Option key={o.value} value={String(o.value)}>
						{o.label}
					</Select.Option>
				))}
			</Select>
		</Field>
	)
}
