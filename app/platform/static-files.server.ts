import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { RequestHandler } from 'express'

type Express = typeof import('express')

/**
 * The client build's files, as the portal serves them in production. Assets
 * have a hash in their names and are cached for a year; each script and style
 * sheet also lies there compressed, made at build time (`vite.config.ts`), and
 * goes out as brotli or gzip to a browser that takes it (decision 032). The
 * other files (the icon) are cached for an hour. Only a path with a file name
 * can be a file: pages skip the disk lookup.
 */
export function staticFiles(express: Express, root = 'build/client'): RequestHandler {
	const dir = path.join(root, 'assets')
	const compressed = new Set(readdirSync(dir).filter((name) => name.endsWith('.br') || name.endsWith('.gz')))
	const assets = express.static(dir, { immutable: true, maxAge: '1y', index: false })
	const files = express.static(root, { maxAge: '1h', index: false })
	return (req, res, next) => {
		if (!req.path.includes('.')) return next()
		if (!req.path.startsWith('/assets/')) return files(req, res, next)
		const name = req.path.slice('/assets/'.length)
		if (compressed.has(`${name}.gz`)) {
			res.vary('Accept-Encoding')
			const accepted = req.headers['accept-encoding'] ?? ''
			const encoding = compressed.has(`${name}.br`) && takes(accepted, 'br') ? 'br' : takes(accepted, 'gzip') ? 'gzip' : null
			if (encoding) {
				// The type of the file it stands for; `express.static` keeps a type already set.
				res.type(path.extname(name))
				res.setHeader('Content-Encoding', encoding)
				req.url = `/${name}.${encoding === 'br' ? 'br' : 'gz'}`
				return assets(req, res, next)
			}
		}
		req.url = `/${name}`
		return assets(req, res, next)
	}
}

/**
 * Whether an Accept-Encoding header takes an encoding: named, and not with
 * `q=0`. Brotli goes first when a browser takes both, whatever order it lists
 * them in (Chromium lists gzip first).
 * @example takes('gzip, deflate, br;q=0', 'br') // false
 */
function takes(header: string, encoding: string) {
	return header.split(',').some((part) => {
		const [name, ...params] = part.split(';').map((s) => s.trim())
		return name === encoding && !params.some((p) => /^q=0(\.0*)?$/.test(p))
	})
}
