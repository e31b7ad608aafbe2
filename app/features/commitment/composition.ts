// Innovasjon Norge's composition rules for a business network, as pure rules:
// at least three small or medium companies (fewer than 250 employees), such
// companies at least half of the participants, and no ownership ties between
// them (one owning another, or two with the same parent).

export type Participant = { id: number; name: string; kind: string; employees: number | null; org_number: string | null; parent_org_number: string | null }

export type RuleResult = { ok: boolean; detail: Record<string, string | number> }
export type Composition = {
	smes: RuleResult
	share: RuleResult
	ties: RuleResult & { pairs: [string, string][] }
	unknownSize: string[]
}

export const SME_LIMIT = 250

export function isSme(p: Participant) {
	return p.kind === 'company' && p.employees !== null && p.employees < SME_LIMIT
}

/**
 * Checks the rules for the participants (member organisations).
 * @example checkComposition(members).smes.ok
 */
export function checkComposition(participants: Participant[]): Composition {
	const smes = participants.filter(isSme)
	const ties: [string, string][] = []
	for (let i = 0; i < smes.length; i++) {
		for (let j = i + 1; j < smes.length; j++) {
			const [a, b] = [smes[i]!, smes[j]!]
			const sameParent = a.parent_org_number !== null && a.parent_org_number === b.parent_org_number
			const owns = (x: Participant, y: Participant) => x.org_number !== null && y.parent_org_number === x.org_number
			if (sameParent || owns(a, b) || owns(b, a)) ties.push([a.name, b.name])
		}
	}
	return {
		smes: { ok: smes.length >= 3, detail: { count: smes.length, required: 3 } },
		// Exactly half is enough: "at least half".
		share: { ok: participants.length > 0 && smes.length * 2 >= participants.length, detail: { smes: smes.length, participants: participants.length } },
		ties: { ok: ties.length === 0, detail: { count: ties.length }, pairs: ties },
		unknownSize: participants.filter((p) => p.kind === 'company' && p.employees === null).map((p) => p.name),
	}
}
