// Which page an address opens, through React Router's matching over the
// portal's own route table. Matching runs a first pass of each route's regular
// expression before it builds matches (patches/react-router+8.5.3.patch,
// docs/decisions/021); should that pass turn away an address it should not,
// this fails.
import { matchRoutes, type RouteObject } from 'react-router'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import { expect, test } from 'vitest'
import routes from '#app/routes.ts'

const toRouteObject = (entry: RouteConfigEntry): RouteObject =>
	entry.index
		? { id: entry.file, index: true, path: entry.path }
		: { id: entry.file, path: entry.path, caseSensitive: entry.caseSensitive, children: entry.children?.map(toRouteObject) }
const table = [{ id: 'root', path: '', children: routes.map(toRouteObject) }]

function opens(address: string) {
	const matches = matchRoutes(table, address)
	const page = matches?.at(-1)
	return page ? { page: page.route.id, params: page.params } : null
}

test.each([
	['/', 'routes/home.tsx', {}],
	['/n/ikt-lillehammer', 'routes/network.tsx', { network: 'ikt-lillehammer' }],
	['/n/ikt-lillehammer/', 'routes/network.tsx', { network: 'ikt-lillehammer' }],
	['/N/ikt-lillehammer/KATALOG', 'routes/directory.tsx', { network: 'ikt-lillehammer' }],
	['/n/ikt%20lillehammer/katalog', 'routes/directory.tsx', { network: 'ikt lillehammer' }],
	['/n/ikt-lillehammer/bedrifter/12/rediger', 'routes/organisation-edit.tsx', { network: 'ikt-lillehammer', organisationId: '12' }],
	['/n/ikt-lillehammer/samlinger/7/kalender.ics', 'routes/gathering-ics.ts', { network: 'ikt-lillehammer', gatheringId: '7' }],
	['/n/ikt-lillehammer/samlinger/7', 'routes/gathering.tsx', { network: 'ikt-lillehammer', gatheringId: '7' }],
	['/n/ikt-lillehammer/ideer/ny', 'routes/idea-new.tsx', { network: 'ikt-lillehammer' }],
	['/n/ikt-lillehammer/ideer/40', 'routes/idea.tsx', { network: 'ikt-lillehammer', ideaId: '40' }],
	['/n/ikt-lillehammer/admin', 'routes/admin.tsx', { network: 'ikt-lillehammer' }],
	['/n/ikt-lillehammer/admin/samlinger/7/motesrunder/skjerm', 'routes/meeting-screen.tsx', { network: 'ikt-lillehammer', gatheringId: '7' }],
	['/healthz', 'routes/healthz.ts', {}],
])('%s opens %s', (address, page, params) => {
	expect(opens(address)).toEqual({ page, params })
})

test.each(['/n', '/n/ikt-lillehammer/finnes-ikke', '/n/ikt-lillehammer/bedrifter', '/n//katalog', '/healthz/mer'])('%s opens no page', (address) => {
	expect(opens(address)).toBeNull()
})
