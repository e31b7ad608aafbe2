import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		globalSetup: ['tests/support/global-setup.ts'],
		projects: [
			{ test: { name: 'unit', include: ['app/**/*.test.ts', 'db/**/*.test.ts', 'tests/*.test.ts'], testTimeout: 20_000 } },
			{ test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 90_000, fileParallelism: false } },
		],
	},
})
