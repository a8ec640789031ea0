// The step once its inputs are valid: the endpoint, then a dry run, or credentials, the client, starting
// or reusing the job, the optional wait and the quality gates. Everything here may talk to AWS; main.ts
// reads and checks the inputs without it, and reports what this returns.
import type { CleanRoomsMLClient, GetAudienceGenerationJobCommandOutput } from '../cleanroomsml/index.js'
import { createClient } from '../aws/client.js'
import type { Clock } from '../aws/clock.js'
import { resolveCredentials } from '../aws/credentials.js'
import { cleanRoomsMLEndpoint, type ResolvedEndpoint } from '../aws/endpoints.js'
import { usesProxy } from '../aws/proxy.js'
import type { RetryNotice } from '../aws/retry.js'
import { formatDuration, type Timing } from '../aws/timing.js'
import { defaultDescription } from '../inputs/github-context.js'
import type { Environment, Problem, Settings } from '../inputs/settings.js'
import { ActionError } from '../report/error-types.js'
import { describeFailure, type Failure } from '../report/failures.js'
import type { Progress } from '../report/progress.js'
import { describeCredentials } from '../report/summary.js'
import * as log from '../log.js'
import { getJob, startOrReuse } from './launch.js'
import { describeGates, judgeQuality } from './quality.js'
import { waitForJob, type WaitOutcome } from './waiting.js'

export interface JobContext extends Timing {
  env: Environment
  clock: Clock
  /** Aborts every phase: the runner's cancellation. */
  signal: AbortSignal
  /** How far the step got, and the outputs it sets on the way. */
  progress: Progress
}

/** What the step did, for its report: the endpoint refused, a dry run, or a launch and how it failed. */
export type JobRun =
  | { kind: 'no-endpoint'; problem: Problem }
  | { kind: 'dry-run'; endpoint: ResolvedEndpoint }
  | { kind: 'launched'; endpoint: ResolvedEndpoint; failure: Failure | undefined }

export async function runJob(settings: Settings, context: JobContext): Promise<JobRun> {
  const endpoint = resolveEndpoint(settings, context.env)
  if ('problem' in endpoint) return { kind: 'no-endpoint', problem: endpoint.problem }
  if (settings.dryRun) {
    fillDescription(settings, context.env)
    return { kind: 'dry-run', endpoint }
  }
  return { kind: 'launched', endpoint, failure: await launchAndWait(settings, endpoint, context) }
}

/** An endpoint setting that gives no endpoint is an input error, reported before anything is sent. */
function resolveEndpoint(settings: Settings, env: Environment): ResolvedEndpoint | { problem: Problem } {
  try {
    return cleanRoomsMLEndpoint(settings.region, env)
  } catch (error) {
    // The rules refuse FIPS or dual-stack with a custom endpoint; otherwise the Region is at fault.
    const input = ['AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT'].find(
      (name) => env[name]?.toLowerCase() === 'true'
    )
    return {
      problem: {
        input: input ?? 'aws-region',
        message: `gives no Clean Rooms ML endpoint: ${(error as Error).message}`
      }
    }
  }
}

/** The default description names the workflow run. */
function fillDescription(settings: Settings, env: Environment): void {
  settings.request.description ??= defaultDescription(env)
}

/** Credentials, start or reuse, then the optional wait; a failure is annotated here, and returned. */
async function launchAndWait(
  settings: Settings,
  endpoint: ResolvedEndpoint,
  context: JobContext
): Promise<Failure | undefined> {
  const { progress } = context
  let client: CleanRoomsMLClient | undefined
  try {
    client = await connect(settings, endpoint, context)
    const launch = await startOrReuse(client, settings, progress, { ...context, deletion: context.deletionPolicy })
    progress.jobKnown(launch.jobArn, launch.how)
    if (launch.how === 'refused') {
      progress.statusKnown(launch.status)
      throw launch.error
    }
    if (settings.waitForCompletion) {
      progress.enter('wait')
      const outcome = await waitFor(client, launch.jobArn, settings, context)
      progress.waited = formatDuration(outcome.elapsedMs)
      if (outcome.job) progress.lastStatus(outcome.job)
      if (outcome.kind !== 'succeeded') throw waitFailure(outcome, settings)
      log.info(`The job is ACTIVE after ${progress.waited}.`)
      checkQuality(outcome.job, settings, progress)
    } else if (launch.how === 'reused' && launch.status === 'ACTIVE') {
      const job = await readReusedJob(client, launch.jobArn, context.signal)
      if (job) progress.lastStatus(job)
      if (job?.status === 'ACTIVE') checkQuality(job, settings, progress)
    }
  } catch (error) {
    // After a cancellation, whatever it interrupted is reported as the cancellation.
    const cause = context.signal.aborted ? context.signal.reason : error
    const failure = describeFailure(cause, settings, context.env, progress)
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

/** Gets credentials, then the Clean Rooms ML client that signs with them. */
async function connect(
  settings: Settings,
  endpoint: ResolvedEndpoint,
  context: JobContext
): Promise<CleanRoomsMLClient> {
  const common = { clock: context.clock, retryPolicy: context.retryPolicy, onRetry: logRetry, signal: context.signal }
  log.info(`Credentials: ${describeCredentials(settings.credentials)}.`)
  const credentials = await resolveCredentials(settings.credentials, {
    region: settings.region,
    env: context.env,
    ...common
  })
  fillDescription(settings, context.env)
  if (usesProxy(endpoint.url)) log.info('Requests to Clean Rooms ML go through the proxy set in the environment.')
  return createClient({
    region: settings.region,
    endpoint: endpoint.url,
    credentials,
    ...common,
    warnClock: (message) => log.warning(message, { title: "The runner's clock is off" })
  })
}

/** Polls the job until it ends or the wait runs out. */
async function waitFor(
  client: CleanRoomsMLClient,
  jobArn: string,
  settings: Settings,
  context: JobContext
): Promise<WaitOutcome> {
  return waitForJob({
    client,
    jobArn,
    timeoutMs: settings.waitTimeoutSeconds * 1000,
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
  client: CleanRoomsMLClient,
  jobArn: string,
  signal: AbortSignal
): Promise<GetAudienceGenerationJobCommandOutput | undefined> {
  try {
    return await getJob(client, jobArn)
  } catch (error) {
    if (signal.aborted) throw error
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
