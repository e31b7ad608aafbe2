import { data, Form, redirect } from 'react-router'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { Route } from './+types/admin-survey'
import { questionSchema, surveySchema } from '#app/features/surveys/schemas.ts'
import { addQuestion, endSurvey, getSurvey, MAX_QUESTIONS, publishSurvey, remindSurvey, removeQuestion, surveyResults, updateSurvey } from '#app/features/surveys/surveys.server.ts'
import { QuestionResultView } from '#app/features/surveys/results.tsx'
import { requireId, requireNetwork } from '#app/features/networks/require-network.server.ts'
import { recordId } from '#app/platform/fields.ts'
import { getDb, invariantResponse, requirePermission } from '#app/platform/guard.server.ts'
import { formatDateTime } from '#app/platform/i18n.ts'
import { can } from '#app/platform/policy.ts'
import { QUESTION_KINDS } from '#db/schema.ts'
import { CheckboxField } from '#app/ui/checkbox-field.tsx'
import { FormField } from '#app/ui/form-field.tsx'
import { AppLink } from '#app/ui/link.tsx'
import { SelectField } from '#app/ui/select-field.tsx'
import { documentTitle, pageTitle, useLang, useT } from '#app/ui/i18n.tsx'
import { useSchemaForm } from '#app/ui/use-schema-form.ts'
import { SurveyFields } from '#app/features/surveys/survey-fields.tsx'

// One survey: for the project leader written question by question while a draft, opened for answers, its results, closed; the steering group reads it and its results.
async function load({ params, context, request }: Route.LoaderArgs | Route.ActionArgs, permission: 'read:survey' | 'manage:survey') {
	const network = await requireNetwork(context, params.network)
	const actor = requirePermission(context, request, permission, { networkId: network.id })
	const db = getDb(context)
	const found = await getSurvey(db, network.id, requireId(params.surveyId))
	invariantResponse(found, 'error.notFound.title', { status: 404 })
	return { network, actor, db, ...found }
}

export async function loader(args: Route.LoaderArgs) {
	const { network, actor, db, survey, questions } = await load(args, 'read:survey')
	const manage = can(actor, 'manage:survey', { networkId: network.id })
	// A draft is the project leader's until it is sent out.
	invariantResponse(manage || survey.status !== 'draft', 'error.notFound.title', { status: 404 })
	return {
		manage,
		survey,
		questions,
		results: survey.status === 'draft' ? null : await surveyResults(db, survey, questions),
		link: `${new URL(args.request.url).origin}/n/${network.slug}/undersokelser/${survey.id}`,
		addInitiatives: can(actor, 'manage:competence', { networkId: network.id }),
		maxQuestions: MAX_QUESTIONS,
	}
}

export async function action(args: Route.ActionArgs) {
	const { network, actor, db, survey } = await load(args, 'manage:survey')
	const form = await args.request.formData()
	const intent = form.get('intent')
	if (intent === 'add') {
		const submission = parseWithZod(form, { schema: questionSchema })
		if (submission.status !== 'success') return data({ result: submission.reply(), error: null }, { status: 400 })
		const outcome = await db.transaction().execute((trx) => addQuestion(trx, survey, submission.value))
		if ('error' in outcome) return data({ result: submission.reply(), error: `surveyAdmin.error.${outcome.error}` as const }, { status: 409 })
		return { result: submission.reply({ resetForm: true }), error: null }
	}
	if (intent === 'details') {
		const submission = parseWithZod(form, { schema: surveySchema })
		if (submission.status !== 'success') return data({ details: submission.reply(), result: null, error: null }, { status: 400 })
		const outcome = await db.transaction().execute((trx) => updateSurvey(trx, { actorId: actor.personId }, survey, submission.value))
		if ('error' in outcome) return data({ details: submission.reply(), result: null, error: `surveyAdmin.error.${outcome.error}` as const }, { status: 409 })
		return redirect(`/n/${network.slug}/admin/undersokelser/${survey.id}`)
	}
	const sender = { network, actorId: actor.personId, origin: new URL(args.request.url).origin }
	if (intent === 'remind') {
		const outcome = await db.transaction().execute((trx) => remindSurvey(trx, sender, survey))
		if ('error' in outcome) return data({ result: null, error: `surveyAdmin.error.${outcome.error}` as const }, { status: 409 })
		return { result: null, error: null, reminded: outcome.reminded }
	}
	const change = await db.transaction().execute(async (trx) => {
		if (intent === 'remove') {
			const questionId = recordId.safeParse(form.get('questionId'))
			return (questionId.success && (await removeQuestion(trx, survey, questionId.data))) || ({ error: 'noQuestion' } as const)
		}
		if (intent === 'publish') return publishSurvey(trx, sender, survey)
		if (intent === 'end') return endSurvey(trx, { actorId: actor.personId }, survey)
		return { error: 'intent' } as const
	})
	if ('error' in change) return data({ result: null, error: `surveyAdmin.error.${change.error}` as const }, { status: change.error === 'intent' || change.error === 'noQuestion' ? 400 : 409 })
	return redirect(`/n/${network.slug}/admin/undersokelser/${survey.id}`)
}

export default function AdminSurvey({ loaderData: d, actionData, params }: Route.ComponentProps) {
	const t = useT()
	const lang = useLang()
	const [form, fields] = useSchemaForm(questionSchema, { id: 'add-question', lastResult: actionData?.result, defaultValue: { kind: 'scale' } })
	const { survey } = d
	const [details, detailFields] = useSchemaForm(surveySchema, {
		id: 'details',
		lastResult: actionData && 'details' in actionData ? actionData.details : undefined,
		defaultValue: { title: survey.title, intro: survey.intro, audience: survey.audience },
	})
	const draft = survey.status === 'draft'
	return (
		<main id="main" className="page">
			<Paragraph>
				<AppLink to={`/n/${params.network}/undersokelser`}>{t('surveys.title')}</AppLink>
			</Paragraph>
			<Heading level={1} data-size="lg">
				{survey.title}
			</Heading>
			<Paragraph>
				<Tag data-color={survey.status === 'open' ? 'success' : 'neutral'}>{t(`surveys.status.${survey.status}`)}</Tag> {t(`surveys.audience.${survey.audience}`)}
				{survey.opened_at ? ` · ${t('surveyAdmin.opened', { date: formatDateTime(lang, survey.opened_at, 'date') })}` : ''}
				{survey.closed_at ? ` · ${t('surveyAdmin.closed', { date: formatDateTime(lang, survey.closed_at, 'date') })}` : ''}
			</Paragraph>
			{actionData?.error ? <Alert data-color="danger">{t(actionData.error)}</Alert> : null}
			{actionData && 'reminded' in actionData && actionData.reminded !== undefined ? (
				<Alert data-color="success" role="status">
					{t('surveyAdmin.reminded', { count: actionData.reminded })}
				</Alert>
			) : null}
			{survey.status === 'open' ? (
				<Paragraph>
					{t(survey.audience === 'open' ? 'surveyAdmin.shareOpen' : 'surveyAdmin.shareMembers')} <Link href={d.link}>{d.link}</Link>
				</Paragraph>
			) : null}
			{draft ? (
				<>
					<section className="stack" aria-labelledby="questions-heading">
						<Heading level={2} data-size="md" id="questions-heading">
							{t('surveyAdmin.questions', { n: d.questions.length })}
						</Heading>
						{d.questions.length === 0 ? <Paragraph>{t('surveyAdmin.noQuestions')}</Paragraph> : null}
						<ol className="stack">
							{d.questions.map((q) => (
								<li key={q.id}>
									<Form method="post" className="row">
										<span>
											{q.text} <span className="muted">({t(`surveyAdmin.kind.${q.kind}`)}{q.required ? `, ${t('surveyAdmin.required')}` : ''}{q.options.length > 0 ? `: ${q.options.join(' / ')}` : ''})</span>
										</span>
										<input type="hidden" name="questionId" value={q.id} />
										<Button type="submit" name="intent" value="remove" variant="tertiary" data-size="sm" aria-label={t('surveyAdmin.removeQuestion', { text: q.text })}>
											{t('surveyAdmin.remove')}
										</Button>
									</Form>
								</li>
							))}
						</ol>
						<Paragraph>
							<AppLink to={`/n/${params.network}/undersokelser/${survey.id}`}>{t('surveyAdmin.preview')}</AppLink>
						</Paragraph>
					</section>
					<section className="stack" aria-labelledby="add-heading">
						<Heading level={2} data-size="sm" id="add-heading">
							{t('surveyAdmin.addQuestion')}
						</Heading>
						<Form method="post" className="form" {...getFormProps(form)}>
							<input type="hidden" name="intent" value="add" />
							{form.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
							<FormField field={fields.text} label={t('surveyAdmin.field.text')} />
							<SelectField field={fields.kind} label={t('surveyAdmin.field.kind')} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveyAdmin.kind.${k}`) }))} />
							<FormField field={fields.options} label={t('surveyAdmin.field.options')} description={t('surveyAdmin.field.optionsHint')} multiline />
							<CheckboxField field={fields.required} label={t('surveyAdmin.field.required')} />
							<div>
								<Button type="submit">{t('surveyAdmin.addQuestion')}</Button>
							</div>
						</Form>
					</section>
					<section className="stack" aria-labelledby="details-heading">
						<Heading level={2} data-size="sm" id="details-heading">
							{t('surveyAdmin.details')}
						</Heading>
						<Form method="post" className="form" {...getFormProps(details)}>
							<input type="hidden" name="intent" value="details" />
							{details.status === 'error' ? <Alert data-color="danger">{t('common.formErrors')}</Alert> : null}
							<SurveyFields fields={detailFields} />
							<div>
								<Button type="submit" variant="secondary">
									{t('surveyAdmin.saveDetails')}
								</Button>
							</div>
						</Form>
					</section>
					<Form method="post" className="stack">
						<Paragraph>
							{t('surveyAdmin.publishHint', { max: d.maxQuestions })} {t(survey.audience === 'open' ? 'surveyAdmin.publishOpen' : 'surveyAdmin.publishMembers')}
						</Paragraph>
						<div>
							<Button type="submit" name="intent" value="publish">
								{t('surveyAdmin.publish')}
							</Button>
						</div>
					</Form>
				</>
			) : (
				<section className="stack" aria-labelledby="results-heading">
					<Heading level={2} data-size="md" id="results-heading">
						{t('surveyAdmin.results', { n: d.results!.responses, count: d.results!.responses })}
					</Heading>
					{d.manage ? (
						<Paragraph>
							<Link href={`/n/${params.network}/admin/undersokelser/${survey.id}/svar.csv`} download>
								{t('surveyAdmin.csv')}
							</Link>
						</Paragraph>
					) : null}
					{d.results!.results.map(({ question, result }, i) => (
						<section key={question.id} className="stack" aria-labelledby={`question-${question.id}`}>
							<Heading level={3} data-size="xs" id={`question-${question.id}`}>
								{i + 1}. {question.text}
							</Heading>
							<QuestionResultView result={result} network={params.network} addInitiatives={d.addInitiatives} />
						</section>
					))}
					{d.manage && survey.status === 'open' ? (
						<Form method="post" className="stack">
							{survey.reminded_at ? <Paragraph>{t('surveyAdmin.lastReminder', { date: formatDateTime(lang, survey.reminded_at) })}</Paragraph> : null}
							<div className="row">
								{survey.audience === 'members' ? (
									<Button type="submit" name="intent" value="remind" variant="secondary">
										{t('surveyAdmin.remind')}
									</Button>
								) : null}
								<Button type="submit" name="intent" value="end" variant="secondary">
									{t('surveyAdmin.end')}
								</Button>
							</div>
						</Form>
					) : null}
				</section>
			)}
		</main>
	)
}

export const meta: Route.MetaFunction = ({ matches, loaderData }) => (loaderData ? pageTitle(matches, 'survey.pageTitle', { title: loaderData.survey.title }) : [{ title: documentTitle() }])
