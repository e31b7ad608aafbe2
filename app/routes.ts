import { type RouteConfig, index, layout, prefix, route } from '@react-router/dev/routes'

export default [
	route('healthz', 'routes/healthz.ts'),
	route('sprak', 'routes/language.ts'),
	route('logg-ut', 'routes/logout.ts'),
	route('n/:network/filer/:fileId', 'routes/file.ts'),
	route('n/:network/kalender.ics', 'routes/calendar-feed.ts'),
	route('n/:network/samlinger/:gatheringId/kalender.ics', 'routes/gathering-ics.ts'),
	route('n/:network/admin/samlinger/:gatheringId/deltakere.csv', 'routes/admin-gathering-csv.ts'),
	layout('routes/site-layout.tsx', [
		index('routes/home.tsx'),
		route('logg-inn', 'routes/login.tsx'),
		route('logg-inn/lenke', 'routes/login-link.tsx'),
		route('utvikling/epost', 'routes/dev-mailbox.tsx'),
		...prefix('n/:network', [
			layout('routes/network-layout.tsx', [
				index('routes/network.tsx'),
				route('katalog', 'routes/directory.tsx'),
				route('bedrifter/:organisationId', 'routes/organisation.tsx'),
				route('bedrifter/:organisationId/rediger', 'routes/organisation-edit.tsx'),
				route('bedrifter/:organisationId/personer/ny', 'routes/organisation-person-new.tsx'),
				route('samlinger', 'routes/gatherings.tsx'),
				route('samlinger/:gatheringId', 'routes/gathering.tsx'),
				route('samlinger/:gatheringId/pamelding', 'routes/registration.tsx'),
				route('personer/:personId', 'routes/person.tsx'),
				route('personer/:personId/rediger', 'routes/person-edit.tsx'),
				...prefix('admin', [
					index('routes/admin.tsx'),
					route('bedrifter/ny', 'routes/admin-organisation-new.tsx'),
					route('personer', 'routes/admin-people.tsx'),
					route('import', 'routes/admin-import.tsx'),
					route('import/:jobId', 'routes/admin-import-job.tsx'),
					route('logg', 'routes/admin-audit.tsx'),
					route('samlinger', 'routes/admin-gatherings.tsx'),
					route('samlinger/ny', 'routes/admin-gathering-new.tsx'),
					route('samlinger/:gatheringId', 'routes/admin-gathering.tsx'),
					route('samlinger/:gatheringId/innsjekk', 'routes/admin-checkin.tsx'),
				]),
			]),
		]),
	]),
] satisfies RouteConfig
