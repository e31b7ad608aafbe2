import { describe, expect, test } from 'vitest'
import { checkComposition, type Participant } from './composition.ts'

let n = 0
const company = (overrides: Partial<Participant> = {}): Participant => ({ id: ++n, name: `Bedrift ${n}`, kind: 'company', employees: 10, org_number: String(900000000 + n), parent_org_number: null, ...overrides })

describe('composition rules', () => {
	test('three small companies meet the first rule, two do not', () => {
		expect(checkComposition([company(), company(), company()]).smes.ok).toBe(true)
		expect(checkComposition([company(), company()]).smes.ok).toBe(false)
	})

	test('249 employees is small or medium, 250 is not', () => {
		const result = checkComposition([company({ employees: 249 }), company({ employees: 250 }), company(), company()])
		expect(result.smes.detail.count).toBe(3)
	})

	test('exactly half small or medium companies is enough; less is not', () => {
		const big = () => company({ employees: 5000 })
		expect(checkComposition([company(), company(), company(), big(), big(), big()]).share.ok).toBe(true)
		expect(checkComposition([company(), company(), company(), big(), big(), big(), big()]).share.ok).toBe(false)
		// Research partners count as participants too.
		expect(checkComposition([company(), company(), company(), { ...big(), kind: 'research', employees: null }, big(), big(), big()]).share.ok).toBe(false)
	})

	test('two companies with the same parent, or one owning another, are ties', () => {
		const parent = company({ employees: 100 })
		const a = company({ name: 'A', parent_org_number: '123456789' })
		const b = company({ name: 'B', parent_org_number: '123456789' })
		const child = company({ name: 'Datter', parent_org_number: parent.org_number })
		expect(checkComposition([a, b, company()]).ties.pairs).toEqual([['A', 'B']])
		expect(checkComposition([parent, child, company()]).ties.pairs).toEqual([[parent.name, 'Datter']])
		expect(checkComposition([a, company(), company()]).ties.ok).toBe(true)
	})

	test('a company of unknown size is named, not counted as small', () => {
		const result = checkComposition([company({ name: 'Ukjent', employees: null }), company(), company()])
		expect(result.unknownSize).toEqual(['Ukjent'])
		expect(result.smes.ok).toBe(false)
	})
})
