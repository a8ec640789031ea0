// The step, start to end: read and check the inputs, then get credentials, start (or reuse)
// the job, optionally wait for it, and report. Every failure ends in an annotation and exit 1.
import type { CleanRoomsMLClient, GetAudienceGenerationJobCommandOutput } from './cleanroomsml/index.js'
import { systemClock, type Clock } from './aws/clock.js'
import type { ResolvedEndpoint } from './aws/endpoints.js'
import { ActionError, type ErrorType } from './report/error-types.js'
import { describeFailure, type Failure } from './report/failures.js'
import { Progress } from './report/progress.js'
import {
  inputsFrom,
  masksAccountIds,
  readSettings,
  type Environment,
  type Problem,
  type Settings
} from './inputs/settings.js'
import { mistypedInputs, variableOf } from './inputs/names.js'
import { reportProblems } from './report/problems.js'
import { redactRequest } from './report/redaction.js'
import type { RetryNotice, RetryPolicy } from './aws/retry.js'
import { describeSeed, writeSummary, type Prose, type SummaryParagraph } from './report/summary.js'
import type { PollPolicy, WaitOutcome } from './job/waiting.js'
import { maskEnvironmentCredentials } from './aws/secrets.js'
import { formatDuration, scaledTiming, type DeletionPolicy } from './aws/timing.js'
import { defaultDescription } from './inputs/github-context.js'
import { describeGates, judgeQuality, qualityTable } from './job/quality.js'
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
  const env = options.env
  const progress = new Progress()
  maskEnvironmentCredentials(env)
  const read = inputsFrom(env)
  log.maskAccountIds(masksAccountIds(read), inputValues(env))
  warnMistypedInputs(env)
  const result = readSettings(read, env)
  if (!result.ok) {
    await reportInvalidInputs(result.problems, env, progress)
    return progress.exitCode
  }
  const settings = result.settings
  const endpoint = await resolveEndpoint(settings, env, progress)
  if (!endpoint) return progress.exitCode
  if (settings.dryRun) {
    fillDescription(settings, env)
    await dryRun(settings, endpoint, env)
    return progress.exitCode
  }

  const context = {
    settings,
    endpoint,
    env,
    clock: options.clock ?? systemClock,
    signal: options.signal ?? new AbortController().signal,
    ...scaledTiming(options.timeScale ?? 1)
  }
  const failure = await launchAndWait(context, progress)
  await report(settings, endpoint, progress, failure, env)
  return progress.exitCode
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

/** The default description names the workflow run. */
function fillDescription(settings: Settings, env: Environment): void {
  settings.request.description ??= defaultDescription(env)
}

async function reportInvalidInputs(problems: Problem[], env: Environment, progress: Progress): Promise<void> {
  await reportProblems(problems, env['GITHUB_STEP_SUMMARY'])
  progress.failed('InvalidInput' satisfies ErrorType)
}

/** Loaded only for valid inputs: the endpoint rules engine is the largest part of validation. */
async function resolveEndpoint(
  settings: Settings,
  env: Environment,
  progress: Progress
): Promise<ResolvedEndpoint | undefined> {
  const { cleanRoomsMLEndpoint } = await import('./aws/endpoints.js')
  try {
    return cleanRoomsMLEndpoint(settings.region, env)
  } catch (error) {
    // The rules refuse FIPS or dual-stack with a custom endpoint; otherwise the Region is at fault.
    const input = ['AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT'].find(
      (name) => env[name]?.toLowerCase() === 'true'
    )
    await reportInvalidInputs(
      [{ input: input ?? 'aws-region', message: `gives no Clean Rooms ML endpoint: ${(error as Error).message}` }],
      env,
      progress
    )
    return undefined
  }
}

async function dryRun(settings: Settings, endpoint: ResolvedEndpoint, env: Environment): Promise<void> {
  const request = `POST ${endpoint.url}/audience-generation-job`
  const body = redactRequest(settings.request)
  log.info('Dry run: every input is valid. This request would be sent (sensitive values redacted):')
  log.info(log.inline(request))
  log.info(log.safeJson(body))
  log.info(
    `Region ${log.inline(settings.region)}; endpoint from ${endpoint.source}; ` +
      `credentials from ${credentialSource(settings)}.`
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
            credentialSource(settings),
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

function credentialSource(settings: Settings): string {
  const credentials = settings.credentials
  switch (credentials.source) {
    case 'oidc':
      return `GitHub OIDC, assuming ${log.inline(credentials.roleArn)}`
    case 'chained':
      return (
        `role chaining, assuming ${log.inline(credentials.roleArn)} with the environment's credentials ` +
        `(AWS SDK default chain)${credentials.externalId !== undefined ? ' and an external id' : ''}`
      )
    case 'environment':
      return 'the environment (AWS SDK default chain)'
  }
}

/** The code only a launch needs, loaded as one chunk once the inputs are valid. */
type LaunchModule = typeof import('./job/launch.js')

interface LaunchContext {
  settings: Settings
  endpoint: ResolvedEndpoint
  env: Environment
  clock: Clock
  signal: AbortSignal
  retryPolicy: RetryPolicy
  pollPolicy: PollPolicy
  deletionPolicy: DeletionPolicy
}

/** Credentials, start or reuse, then the optional wait; a failure is annotated here, and returned. */
async function launchAndWait(context: LaunchContext, progress: Progress): Promise<Failure | undefined> {
  let client: CleanRoomsMLClient | undefined
  try {
    const created = await createClient(context)
    client = created.client
    const launch = await created.launch.startOrReuse(client, context.settings, progress, {
      ...context,
      deletion: context.deletionPolicy
    })
    progress.jobKnown(launch.jobArn, launch.how)
    if (launch.how === 'refused') {
      progress.statusKnown(launch.status)
      throw launch.error
    }
    if (context.settings.waitForCompletion) {
      progress.enter('wait')
      const outcome = await waitForJob(created.launch, client, context, launch.jobArn)
      progress.waited = formatDuration(outcome.elapsedMs)
      if (outcome.job) progress.lastStatus(outcome.job)
      if (outcome.kind !== 'succeeded') throw waitFailure(outcome, context.settings)
      log.info(`The job is ACTIVE after ${progress.waited}.`)
      checkQuality(outcome.job, context.settings, progress)
    } else if (launch.how === 'reused' && launch.status === 'ACTIVE') {
      const job = await readReusedJob(created.launch, client, context, launch.jobArn)
      if (job) progress.lastStatus(job)
      if (job?.status === 'ACTIVE') checkQuality(job, context.settings, progress)
    }
  } catch (error) {
    // After a cancellation, whatever it interrupted is reported as the cancellation.
    const cause = context.signal.aborted ? context.signal.reason : error
    const failure = describeFailure(cause, context.settings, context.env, progress)
    progress.cancelled = context.signal.aborted
    log.error(failure.message, { title: failure.title })
    progress.failed(failure.errorType)
    return failure
  } finally {
    client?.destroy()
  }
  return undefined
}

function logRetry(notice: RetryNotice): void {
  log.info(`${log.inline(notice.error.name)}; trying again in ${notice.delayMs} ms (attempt ${notice.attempt + 1}).`)
}

/**
 * Gets credentials while the launch code loads: the requests for credentials leave the CPU idle,
 * so loading that code then costs no time.
 */
async function createClient(context: LaunchContext): Promise<{ client: CleanRoomsMLClient; launch: LaunchModule }> {
  const common = { clock: context.clock, retryPolicy: context.retryPolicy, onRetry: logRetry, signal: context.signal }
  log.info(`Credentials: ${credentialSource(context.settings)}.`)
  const [credentials, launch] = await Promise.all([
    import('./aws/credentials.js').then(({ resolveCredentials }) =>
      resolveCredentials(context.settings.credentials, { region: context.settings.region, env: context.env, ...common })
    ),
    import('./job/launch.js')
  ])
  fillDescription(context.settings, context.env)
  if (launch.usesProxy(context.endpoint.url)) {
    log.info('Requests to Clean Rooms ML go through the proxy set in the environment.')
  }
  const client = launch.createClient({
    region: context.settings.region,
    endpoint: context.endpoint.url,
    credentials,
    retryPolicy: context.retryPolicy,
    clock: context.clock,
    signal: context.signal,
    onRetry: logRetry,
    warnClock: (message) => log.warning(message, { title: "The runner's clock is off" })
  })
  return { client, launch }
}

/** Polls the job until it ends or the wait runs out. */
async function waitForJob(
  launch: LaunchModule,
  client: CleanRoomsMLClient,
  context: LaunchContext,
  jobArn: string
): Promise<WaitOutcome> {
  return launch.waitForJob({
    client,
    jobArn,
    timeoutMs: context.settings.waitTimeoutSeconds * 1000,
    policy: context.pollPolicy,
    clock: context.clock,
    log: (line) => log.info(line),
    warn: (line) => log.warning(line),
    signal: context.signal
  })
}

/** A wait that did not end ACTIVE, as the failure it is. */
function waitFailure(outcome: Exclude<WaitOutcome, { kind: 'succeeded' }>, settings: Settings): ActionError {
  const waited = formatDuration(outcome.elapsedMs)
  if (outcome.kind === 'timed-out') {
    return new ActionError(
      'WaitTimeout',
      `The job was still ${outcome.job?.status ?? 'not reported'} after waiting ${waited} ` +
        `(wait-timeout-seconds: ${settings.waitTimeoutSeconds}). The job itself keeps running in AWS.`
    )
  }
  const details = outcome.job.statusDetails
  return new ActionError(
    'JobFailed',
    `The job ended ${outcome.job.status}` +
      (details?.statusCode ? ` with ${details.statusCode}` : '') +
      (details?.message ? `: ${details.message}` : '.')
  )
}

/**
 * A reused job that is already ACTIVE has quality metrics to report without a wait: one status check
 * reads them. Undefined when it cannot be read: the job was reused as asked, and its metrics are extra.
 */
async function readReusedJob(
  launch: LaunchModule,
  client: CleanRoomsMLClient,
  context: LaunchContext,
  jobArn: string
): Promise<GetAudienceGenerationJobCommandOutput | undefined> {
  try {
    return await launch.getJob(client, jobArn)
  } catch (error) {
    if (context.signal.aborted) throw error
    log.warning(
      `The reused job's quality metrics could not be read (${log.inline((error as Error).name)}); ` +
        'reading them needs cleanrooms-ml:GetAudienceGenerationJob.',
      { title: 'Audience quality not read' }
    )
    return undefined
  }
}

/** Reports an ACTIVE job's metrics and checks the gates; a missed gate fails the step. */
function checkQuality(job: GetAudienceGenerationJobCommandOutput, settings: Settings, progress: Progress): void {
  const verdict = judgeQuality(job, settings.qualityGates)
  progress.qualityKnown(verdict.report, describeGates(verdict.gates))
  if (verdict.failure) {
    progress.enter('quality')
    throw verdict.failure
  }
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
async function report(
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
