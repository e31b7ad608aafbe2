import { data, Form } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { Route } from './+types/survey'
import { answerField, answerSchema, type Question } from '#app/features/surveys/schemas.ts'
import { answerSurvey, getSurvey, hasResponded, type Respondent } from '#app/features/surveys/surveys.server.ts'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { actorContext } from '#app/platform/context.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { can } from '#app/platform/policy.ts'
import { CheckboxField } from '#app/ui/checkbox-field.tsx'
import { ChoiceGroup } from '#app/ui/choice-group.tsx'
import { FormField } from '#app/ui/form-field.tsx'
import { documentTitle, pageTitle, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'

/**
 * Answering a survey. The network's people answer as themselves, signed in;
 * a survey open to anyone takes a visitor's name, address and company too.
 * A draft is shown only to those who write surveys, as a preview.
 */
async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs) {
	const network = await requireNetwork(context, params.network)
	const db = getDb(context)
	const found = await getSurvey(db, network.id, requireId(params.surveyId))
	invariantResponse(found, 'error.notFound.title', { status: 404 })
	const signedIn = context.get(actorContext)
	const actor = found.survey.audience === 'members' || found.survey.status === 'draft' ? requirePermission(context, request, 'read:directory', { networkId: network.id }) : signedIn
	const participant = actor && actor.roles[network.id] ? actor : null
	const preview = found.survey.status === 'draft'
	invariantResponse(!preview || (participant && can(participant, 'manage:survey', { networkId: network.id })), 'error.notFound.title', { status: 404 })
	let self: Respondent | null = null
	if (participant) {
		const company = participant.organisationId === null ? undefined : await db.selectFrom('organisation').select('name').where('id', '=', participant.organisationId).executeTakeFirst()
		self = { personId: participant.personId, name: participant.name, email: participant.email, company: company?.name ?? '' }
	}
	return { db, network, ...found, self, preview }
}

export async function loader(args: Route.LoaderArgs) {
	const { db, survey, questions, self, preview } = await load(args)
	return {
		survey: { title: survey.title, intro: survey.intro, status: survey.status },
		questions,
		preview,
		respondent: self ? { name: self.name, company: self.company } : null,
		answered: self ? await hasResponded(db, survey.id, self.email) : false,
	}
}

export async function action(args: Route.ActionArgs) {
	const { db, survey, questions, self } = await load(args)
	const submission = parseWithZod(await args.request.formData(), { schema: answerSchema(questions, { open: self === null }) })
	if (submission.status !== 'success') return data({ result: submission.reply(), error: null, thanks: false }, { status: 400 })
	const value = submission.value as Record<string, unknown>
	const who = self ?? { personId: null, name: String(value.name), email: String(value.email), company: String(value.company) }
	const answers = Object.fromEntries(questions.map((q) => [q.id, value[answerField(q.id)] as string[]]))
	const outcome = await db.transaction().execute((trx) => answerSurvey(trx, survey, who, answers))
	if ('error' in outcome) return data({ result: submission.reply(), error: `survey.answer.${outcome.error}` as const, thanks: false }, { status: 409 })
	return { result: submission.reply({ resetForm: true }), error: null, thanks: true }
}

export default function SurveyAnswer({ loaderData: d, actionData }: Route.ComponentProps) {
	const t = useT()
	const schema = answerSchema(d.questions, { open: d.respondent === null })
	const [form, fields] = useSchemaForm(schema, { id: 'survey', lastResult: actionData?.result })
	const field = (name: string) => (fields as Record<string, (typeof fields)[keyof typeof fields]>)[name]!
	return (
		<main id="main" className="page">
			<Heading level={1} data-size="lg">
				{d.survey.title}
			</Heading>
			{d.preview ? <Alert data-color="info">{t('survey.preview')}</Alert> : null}
			{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
			{actionData?.thanks ? (
				<Alert data-color="success" role="status">
					{t('survey.thanks')}
				</Alert>
			) : d.answered ? (
				<Paragraph>{t('survey.alreadyAnswered')}</Paragraph>
			) : d.survey.status === 'closed' ? (
				<Paragraph>{t('survey.answer.notOpen')}</Paragraph>
			) : (
				<Form method="post" className="form" {...getFormProps(form)}>
					{d.survey.intro ? <Paragraph>{d.survey.intro}</Paragraph> : null}
					{d.respondent ? <Paragraph>{d.respondent.company ? t('survey.as', { name: d.respondent.name, company: d.respondent.company }) : t('survey.asPerson', { name: d.respondent.name })}</Paragraph> : null}
					{form.status === 'error' && !actionData?.error ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
					{d.questions.map((q) => (
						<QuestionField key={q.id} question={q} field={field(answerField(q.id))} />
					))}
					{d.respondent ? null : (
						<>
							<FormField field={field('name')} label={t('registration.name')} autoComplete="name" />
							<FormField field={field('email')} label={t('registration.email')} type="email" autoComplete="email" />
							<FormField field={field('company')} label={t('registration.company')} autoComplete="organization" />
							<CheckboxField field={field('consent')} label={t('survey.consent')} />
						</>
					)}
					<div>
						<Button type="submit">{t('survey.submit')}</Button>
					</div>
				</Form>
			)}
		</main>
	)
}

function QuestionField({ question: q, field }: { question: Question; field: Parameters<typeof FormField>[0]['field'] }) {
	const t = useT()
	const label = q.required ? q.text : t('survey.optional', { text: q.text })
	switch (q.kind) {
		case 'scale':
			return <ChoiceGroup field={field} legend={label} description={t('survey.scaleHint')} options={['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }))} inline />
		case 'choice':
			return <ChoiceGroup field={field} legend={label} options={q.options.map((o) => ({ value: o, label: o }))} />
		case 'multi':
			return <ChoiceGroup field={field} legend={label} description={t('survey.multiHint')} options={q.options.map((o) => ({ value: o, label: o }))} multiple />
		case 'text':
			return <FormField field={field} label={label} multiline />
		case 'competences':
			return <FormField field={field} label={label} description={t('survey.competencesHint')} />
	}
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'survey.pageTitle', { title: loaderData.survey.title }) : [{ title: documentTitle() }])
