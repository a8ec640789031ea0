// The step, start to end: read and check the inputs, then run the job (the part that talks to AWS), and
// report. Every failure ends in an annotation and exit 1.
import { systemClock, type Clock } from './aws/clock.js'
import type { ResolvedEndpoint } from './aws/endpoints.js'
import { maskEnvironmentCredentials } from './aws/secrets.js'
import { scaledTiming } from './aws/timing.js'
import type { JobRun } from './job/run-job.js'
import { qualityTable } from './job/quality.js'
import { mistypedInputs, variableOf } from './inputs/names.js'
import {
  inputsFrom,
  masksAccountIds,
  readSettings,
  type Environment,
  type Problem,
  type Settings
} from './inputs/settings.js'
import type { ErrorType } from './report/error-types.js'
import type { Failure } from './report/failures.js'
import { reportProblems } from './report/problems.js'
import { Progress } from './report/progress.js'
import { redactRequest } from './report/redaction.js'
import { describeCredentials, describeSeed, writeSummary, type Prose, type SummaryParagraph } from './report/summary.js'
import * as log from './log.js'

export interface RunOptions {
  /** The process environment, inputs included (INPUT_<NAME>), read once by index.ts. */
  env: Environment
  clock?: Clock
  /** Shrinks every delay, timeout and deadline alike (end-to-end tests); default 1. */
  timeScale?: number
  /** Aborts every phase of the step: the runner's cancellation (see cancellation.ts). */
  signal?: AbortSignal
}

/**
 * Runs the step; resolves to the process's exit code. Without options (a local runner such as
 * @github/local-action, which calls `run()` as it finds it) it reads the process environment itself.
 */
export async function run(options: RunOptions = { env: { ...process.env } }): Promise<number> {
  const { env } = options
  const progress = new Progress()
  const settings = await checkInputs(env, progress)
  if (!settings) return progress.exitCode
  // The code that talks to AWS loads here, once the inputs are valid: a run with bad inputs never loads it.
  const { runJob } = await import('./job/run-job.js')
  const job = await runJob(settings, {
    env,
    progress,
    clock: options.clock ?? systemClock,
    signal: options.signal ?? new AbortController().signal,
    ...scaledTiming(options.timeScale ?? 1)
  })
  await report(job, settings, progress, env)
  return progress.exitCode
}

/** Masks secrets, warns of misspelt inputs, and reads the settings; undefined after reporting their problems. */
async function checkInputs(env: Environment, progress: Progress): Promise<Settings | undefined> {
  maskEnvironmentCredentials(env)
  const read = inputsFrom(env)
  log.maskAccountIds(masksAccountIds(read), inputValues(env))
  warnMistypedInputs(env)
  const result = readSettings(read, env)
  if (result.ok) return result.settings
  await reportInvalidInputs(result.problems, env, progress)
  return undefined
}

/** What the job run found, in the log and the job summary. */
async function report(job: JobRun, settings: Settings, progress: Progress, env: Environment): Promise<void> {
  switch (job.kind) {
    case 'no-endpoint':
      return reportInvalidInputs([job.problem], env, progress)
    case 'dry-run':
      return dryRun(settings, job.endpoint, env)
    case 'launched':
      return reportLaunch(settings, job.endpoint, progress, job.failure, env)
  }
}

/** A variable meant for an input but spelt otherwise is not read: said before anything is sent. */
function warnMistypedInputs(env: Environment): void {
  for (const { variable, input } of mistypedInputs(env)) {
    log.warning(
      `${log.inline(variable)} is not an input of this action and is ignored: the input ${input} is read from ` +
        `${variableOf(input)} (hyphens kept, as the runner passes \`with: ${input}\`).`,
      { title: `Input ${input} misspelt` }
    )
  }
}

/** Every input's value, as the runner passes it. */
function inputValues(env: Environment): string[] {
  return Object.entries(env).flatMap(([name, value]) => (name.startsWith('INPUT_') && value ? [value] : []))
}

async function reportInvalidInputs(problems: Problem[], env: Environment, progress: Progress): Promise<void> {
  await reportProblems(problems, env['GITHUB_STEP_SUMMARY'])
  progress.failed('InvalidInput' satisfies ErrorType)
}

async function dryRun(settings: Settings, endpoint: ResolvedEndpoint, env: Environment): Promise<void> {
  const request = `POST ${endpoint.url}/audience-generation-job`
  const body = redactRequest(settings.request)
  log.info('Dry run: every input is valid. This request would be sent (sensitive values redacted):')
  log.info(log.inline(request))
  log.info(log.safeJson(body))
  log.info(
    `Region ${log.inline(settings.region)}; endpoint from ${endpoint.source}; ` +
      `credentials from ${describeCredentials(settings.credentials)}.`
  )
  await writeSummary(
    {
      heading: 'Clean Rooms ML audience generation job (dry run)',
      paragraphs: [
        {
          label: 'What happened',
          prose: [
            'Dry run: every input is valid, and nothing was sent to AWS, not even a request for credentials. With dry-run ',
            { code: 'false' },
            ' the step would send the request below, with credentials from ',
            describeCredentials(settings.credentials),
            '.'
          ]
        }
      ],
      rows: requestRows(settings, endpoint),
      // The request as the log shows it: a reviewer of the pull request sees what the workflow would start.
      code: {
        heading: 'Request (SQL query and parameter values redacted)',
        text: `${request}\n${JSON.stringify(body, null, 2)}`
      }
    },
    env['GITHUB_STEP_SUMMARY']
  )
}

function requestRows(settings: Settings, endpoint: ResolvedEndpoint): [string, string][] {
  return [
    ['Job name', settings.request.name],
    ['Configured audience model', settings.request.configuredAudienceModelArn],
    ['Seed', describeSeed(settings.request, settings.seedQueryFile)],
    ['Region', settings.region],
    ['Endpoint', endpoint.url]
  ]
}

/** The job summary: what was asked, what happened, and on failure what went wrong and what to do. */
async function reportLaunch(
  settings: Settings,
  endpoint: ResolvedEndpoint,
  progress: Progress,
  failure: Failure | undefined,
  env: Environment
): Promise<void> {
  const rows = requestRows(settings, endpoint)
  if (progress.jobArn) rows.splice(1, 0, ['Job ARN', progress.jobArn])
  if (progress.created === false) {
    rows.push([
      'Created by this step',
      progress.origin === 'reused'
        ? 'no: an existing job of that name was reused'
        : 'no: a job of that name already exists'
    ])
  }
  if (progress.created === true) rows.push(['Created by this step', 'yes'])
  if (progress.origin === 'replaced' && progress.replacing) rows.push(['Replaced failed job', progress.replacing])
  if (progress.status) rows.push(['Status', progress.status])
  // A failed job's status code and message are what happened: they are not repeated in the table.
  if (failure?.errorType !== ('JobFailed' satisfies ErrorType)) {
    if (progress.statusDetails?.statusCode) rows.push(['Status code', progress.statusDetails.statusCode])
    if (progress.statusDetails?.message) rows.push(['Status message', progress.statusDetails.message])
  }
  if (progress.waited && !progress.cancelled) rows.push(['Waited', progress.waited])
  if (progress.gates) rows.push(['Quality gates', progress.gates])
  await writeSummary(
    {
      heading: `Clean Rooms ML audience generation job${failure ? ': failed' : ''}`,
      paragraphs: failure ? failureParagraphs(failure) : successParagraphs(settings, progress),
      rows,
      ...(progress.quality ? { tables: [qualityTable(progress.quality)] } : {}),
      ...(progress.cancelled ? { note: 'The wait was cancelled; the job keeps running in AWS.' } : {})
    },
    env['GITHUB_STEP_SUMMARY']
  )
}

/** What went wrong and what to do, as sentences; the error type and request id as code. */
function failureParagraphs(failure: Failure): SummaryParagraph[] {
  return [
    { label: 'What failed', prose: [`${failure.failedStep} with `, { code: failure.errorType }, '.'] },
    {
      label: 'What happened',
      prose: [failure.reason, ...(failure.requestId ? [' Request id: ', { code: failure.requestId }, '.'] : [])]
    },
    ...(failure.hint ? [{ label: 'What to do', prose: [failure.hint] }] : [])
  ]
}

/** What the step did, in a sentence: the job it started or reused, and where it stands. */
function successParagraphs(settings: Settings, progress: Progress): SummaryParagraph[] {
  const name = { code: settings.request.name }
  const prose: Prose =
    progress.created === false
      ? ['The step carried on with the existing job ', name, ' of that name and model; it started no job.']
      : progress.replacing
        ? ['The step started the job ', name, ' in place of the failed job ', { code: progress.replacing }, '.']
        : ['The step started the job ', name, '.']
  if (progress.status && progress.waited)
    prose.push(' It was ', { code: progress.status }, ` after ${progress.waited}.`)
  else if (progress.status) prose.push(' Its status is ', { code: progress.status }, '.')
  if (!settings.waitForCompletion) prose.push(' The step did not wait for it to finish (wait-for-completion is false).')
  return [{ label: 'What happened', prose }]
}
