// `npm test`: installs what the suites need where it is missing (Debian's
// chromium and postgresql), builds the portal for the browser tests, runs
// every suite once, and ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

function sh(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
	return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...options.env } }).status ?? 1
}

const missing = [
	existsSync('/usr/bin/chromium') ? null : 'chromium',
	existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0 ? null : 'postgresql',
].filter((p): p is string => p !== null)
if (missing.length > 0) {
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
		console.error(`Missing: ${missing.join(', ')}. Install them (Debian: apt-get install -y ${missing.join(' ')}) and run again.`)
		process.exit(1)
	}
	console.log(`Installing ${missing.join(', ')} from Debian's archive …`)
	const env = { DEBIAN_FRONTEND: 'noninteractive' }
	if (sh('apt-get', ['update', '-qq'], { env }) !== 0 || sh('apt-get', ['install', '-y', '-qq', ...missing], { env }) !== 0) process.exit(1)
}

if (sh('npx', ['react-router', 'build']) !== 0) process.exit(1)

const report = path.join(mkdtempSync(path.join(tmpdir(), 'knute-report-')), 'vitest.json')
const status = sh('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)])
let passed = 0
let failed = 0
if (existsSync(report)) {
	const result = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number }
	passed = result.numPassedTests
	failed = result.numFailedTests
}
// A file that cannot load, or a failing setup, has no test to count: it counts as one failure.
if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(status === 0 && failed === 0 ? 0 : 1)
