import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { reactRouter } from '@react-router/dev/vite'
import { defineConfig, type Plugin } from 'vite'

export default defineConfig(({ command }) => ({
	plugins: [reactRouter(), precompressedAssets()],
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

/**
 * Each script and style sheet of the client build also as brotli and gzip,
 * compressed once at build time at the highest levels, for the server to send
 * to a browser that takes them (`app/platform/static-files.server.ts`,
 * decision 032). It runs when the server build closes: React Router writes the
 * browser's route manifest into the client's assets while building the server.
 */
function precompressedAssets(): Plugin {
	const brotli = promisify(brotliCompress)
	const gz = promisify(gzip)
	return {
		name: 'knute:precompressed-assets',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'ssr',
		async closeBundle() {
			const dir = 'build/client/assets'
			const names = (await readdir(dir)).filter((name) => /\.(js|css|svg)$/.test(name))
			await Promise.all(
				names.map(async (name) => {
					const source = await readFile(path.join(dir, name))
					const [br, gzipped] = await Promise.all([
						brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
						gz(source, { level: constants.Z_BEST_COMPRESSION }),
					])
					await Promise.all([writeFile(path.join(dir, `${name}.br`), br), writeFile(path.join(dir, `${name}.gz`), gzipped)])
				}),
			)
		},
	}
}
