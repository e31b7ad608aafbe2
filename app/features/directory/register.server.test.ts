import { afterAll, beforeAll, expect, test } from 'vitest'
import { startRegisterReplay } from '#tests/support/brreg-replay.ts'
import { lookupCompany } from './register.server.ts'

let register: Awaited<ReturnType<typeof startRegisterReplay>>
beforeAll(async () => (register = await startRegisterReplay()))
afterAll(() => register.close())

test('a main unit fills in name, address, industry code, employees and website', async () => {
	expect(await lookupCompany(register.url, '923609016')).toEqual({
		found: {
			org_number: '923609016',
			name: 'Fjellkode AS',
			address: 'Storgata 1, 2615 LILLEHAMMER',
			town: 'Lillehammer',
			industry_code: '62.010',
			industry: 'Programmeringstjenester',
			employees: 12,
			website: 'https://www.fjellkode.no',
			parent_org_number: null,
		},
	})
})

test('a sub-unit is found too, and its main unit becomes the parent', async () => {
	const result = await lookupCompany(register.url, '974760673')
	expect(result).toMatchObject({ found: { name: 'Mjøskanten Drift Avd Lillehammer', parent_org_number: '923609016', employees: 4 } })
	expect(register.requests).toContain('/underenheter/974760673')
})

test('unknown, removed and unreachable are told apart', async () => {
	expect(await lookupCompany(register.url, '915279198')).toEqual({ error: 'notFound' })
	expect(await lookupCompany(register.url, '916150288')).toEqual({ error: 'removed' })
	expect(await lookupCompany('http://127.0.0.1:9', '923609016')).toEqual({ error: 'unreachable' })
})
