// One of several processes that race each other in tests/processes.test.ts:
// registers people for the same gathering, runs the reminders and sends mail.
import { createDatabase } from '#db/index.ts'
import { getGathering, registerForGathering, sendDueReminders } from '#app/features/gatherings/gatherings.server.ts'
import { createTransport, deliverDueMail } from '#app/platform/mail.server.ts'

const [url, networkId, gatheringId, first, count, outboxDir] = process.argv.slice(2) as [string, string, string, string, string, string]
const { db } = createDatabase(url)
const network = { id: Number(networkId), slug: 'test', name: 'Test', name_en: 'Test' }
const gathering = (await getGathering(db, { networkId: network.id, gatheringId: Number(gatheringId) }))!
const transport = createTransport({ outboxDir })
await Promise.all(
	Array.from({ length: Number(count) }, (_, i) => Number(first) + i).map((n) =>
		registerForGathering(db, { network, gathering, origin: 'http://localhost', lang: 'nb' }, {
			name: `Deltaker ${n}`,
			email: `deltaker${n}@race.example`,
			phone: '',
			company: '',
			org_number: null,
			job_title: '',
			dietary: '',
			show_in_attendance: false,
			person_id: null,
			organisation_id: null,
		}),
	),
)
for (let round = 0; round < 3; round++) {
	await Promise.all([sendDueReminders(db, { origin: 'http://localhost' }), deliverDueMail(db, transport, 'knute@race.example')])
}
while ((await deliverDueMail(db, transport, 'knute@race.example')) > 0) {}
await db.destroy()
