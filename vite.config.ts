import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig(({ command }) => ({
	plugins: [reactRouter()],
	build: { assetsInlineLimit: 0 },
	// The server build starts at app/server.ts, which serves the routes with
	// the database and request facts in their context.
	environments: { ssr: { build: { rollupOptions: { input: './app/server.ts' } } } },
	// The server build carries Designsystemet (with the 961 icon modules its
	// index loads) and Kysely inside it: Node finds and loads about 1,400 files
	// fewer at every start (decision 024). React and React Router stay
	// outside, as the patches to React Router are made in node_modules. The
	// dev server loads them all from node_modules as before.
	ssr: command === 'build' ? { noExternal: ['@digdir/designsystemet-react', '@digdir/designsystemet-web', '@navikt/aksel-icons', 'kysely'] } : {},
}))
