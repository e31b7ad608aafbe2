import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [reactRouter()],
	build: { assetsInlineLimit: 0 },
	// The server build starts at app/server.ts, which serves the routes with
	// the database and request facts in their context.
	environments: { ssr: { build: { rollupOptions: { input: './app/server.ts' } } } },
})
