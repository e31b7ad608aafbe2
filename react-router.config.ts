import type { Config } from '@react-router/dev/config'

export default {
	ssr: true,
	// The whole route manifest goes to the browser once, as a cached file. Lazy
	// discovery would instead work out a partial manifest for every page on the
	// server (decision 014).
	routeDiscovery: { mode: 'initial' },
} satisfies Config
