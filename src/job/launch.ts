// Starting the job, or, after ConflictException, what if-exists asks: carrying on with the job of
// the same name (reuse), or replacing it when it failed (replace-failed). A job that is neither
// fails the step. It returns what it found; the step sets the outputs from that.
import * as log from '../log.js'
import {
  ConflictException,
  GetAudienceGenerationJobCommand,
  StartAudienceGenerationJobCommand,
  type AudienceGenerationJobStatus,
  type CleanRoomsMLClient,
  type GetAudienceGenerationJobCommandOutput
} from '../cleanroomsml/index.js'
import type { IfExists, JobRequest, Settings } from '../inputs/settings.js'
import type { Clock } from '../aws/clock.js'
import type { RetryPolicy } from '../aws/retry.js'
import { ActionError } from '../report/error-types.js'
import type { JobOrigin, Phase } from '../report/progress.js'
import { describeSeed } from '../report/summary.js'
import { REPLACEABLE_STATUSES, REUSABLE_STATUSES, removeJob } from './replace.js'
import { findReusableJob, jobArnProblems, type ListedJob } from './reuse.js'

/** The job this step goes on with, and how it came to be; or the job of that name it cannot go on with. */
export type Launch = { how: JobOrigin; jobArn: string } & (
  | { how: 'started' }
  | { how: 'reused'; status: AudienceGenerationJobStatus | undefined }
  | { how: 'replaced'; replaced: string }
  | { how: 'refused'; status: AudienceGenerationJobStatus | undefined; error: ActionError }
)

/** Where the launch is, for a failure's description: the failed job being replaced, when it is. */
export interface LaunchPhases {
  enter(phase: Extract<Phase, 'start' | 'reuse' | 'replace'>, replacing?: string): void
}

/** What paces the calls after a conflict: listings, and the deletion wait of if-exists: replace-failed. */
export interface LaunchPacing {
  clock: Clock
  retryPolicy: RetryPolicy
  signal: AbortSignal
  /** The pause between status checks of a deletion, and how long a deletion may take. */
  deletion: { checkEveryMs: number; timeoutMs: number }
}

export async function startOrReuse(
  client: CleanRoomsMLClient,
  settings: Settings,
  phases: LaunchPhases,
  pacing: LaunchPacing
): Promise<Launch> {
  const { request } = settings
  log.info(
    `Starting audience generation job "${log.inline(request.name)}" from ${log.inline(describeSeed(request, settings.seedQueryFile))} ` +
      `with configured audience model ${log.inline(request.configuredAudienceModelArn)} in ${log.inline(settings.region)}.`
  )
  try {
    return { how: 'started', jobArn: await start(client, request, phases, pacing.signal) }
  } catch (error) {
    if (!(error instanceof ConflictException) || settings.ifExists === 'fail') throw error
  }
  phases.enter('reuse')
  const job = await findReusableJob(client, request, pacing)
  const found = { jobArn: job.audienceGenerationJobArn, status: job.status }
  if (REUSABLE_STATUSES.has(job.status)) {
    log.notice(
      `A job named "${log.inline(request.name)}" already exists (${log.inline(job.status)}); ` +
        `reusing ${log.inline(job.audienceGenerationJobArn)}.`,
      { title: 'Reusing the existing audience generation job' }
    )
    return { how: 'reused', ...found }
  }
  if (settings.ifExists === 'replace-failed' && REPLACEABLE_STATUSES.has(job.status)) {
    return replace(client, job, request, phases, pacing)
  }
  return { how: 'refused', ...found, error: notReusable(job, settings.ifExists) }
}

/** Starts the job; resolves to its ARN. */
async function start(
  client: CleanRoomsMLClient,
  request: JobRequest,
  phases: LaunchPhases,
  signal: AbortSignal
): Promise<string> {
  // Never a job after a cancellation: this is the last moment it can be checked for certain.
  signal.throwIfAborted()
  phases.enter('start')
  const started = await client.send(new StartAudienceGenerationJobCommand(request))
  checkJobArn(started.audienceGenerationJobArn)
  log.info(
    `Started ${started.audienceGenerationJobArn} (request id ${log.inline(started.$metadata.requestId ?? 'unknown')}, ` +
      `${started.$metadata.attempts ?? 1} attempt${started.$metadata.attempts === 1 ? '' : 's'}).`
  )
  return started.audienceGenerationJobArn
}

/** Deletes the failed job of that name (or waits out its deletion), then starts the job again. */
async function replace(
  client: CleanRoomsMLClient,
  job: ListedJob,
  request: JobRequest,
  phases: LaunchPhases,
  pacing: LaunchPacing
): Promise<Launch> {
  phases.enter('replace', job.audienceGenerationJobArn)
  log.info(
    job.status === 'CREATE_FAILED'
      ? `A job named "${log.inline(request.name)}" already exists and is CREATE_FAILED; deleting ${log.inline(job.audienceGenerationJobArn)}.`
      : `A job named "${log.inline(request.name)}" is being deleted (${log.inline(job.status)}); waiting until it is gone.`
  )
  await removeJob(client, job, { clock: pacing.clock, signal: pacing.signal, ...pacing.deletion })
  const jobArn = await start(client, request, phases, pacing.signal)
  log.notice(
    `Replaced the failed job ${log.inline(job.audienceGenerationJobArn)} (${log.inline(job.status)}) ` +
      `with a new job of the same name: ${jobArn}.`,
    { title: 'Replaced the failed audience generation job' }
  )
  return { how: 'replaced', jobArn, replaced: job.audienceGenerationJobArn }
}

/** A job of that name that cannot be carried on with: the step fails and says the way out. */
function notReusable(job: ListedJob, ifExists: IfExists): ActionError {
  const what = `A job named "${log.inline(job.name)}" already exists, but it is ${log.inline(job.status)}`
  if (job.status === 'DELETE_FAILED') {
    return new ActionError(
      'ExistingJobNotReusable',
      `${what}: its deletion failed, so its name stays taken. Choose a new job name, or delete the job ` +
        'in the AWS Clean Rooms console and re-run.'
    )
  }
  if (job.status === 'DELETE_PENDING' || job.status === 'DELETE_IN_PROGRESS') {
    return new ActionError(
      'ExistingJobNotReusable',
      `${what}: it is being deleted and cannot be reused. Choose a new job name, or set ` +
        'if-exists: replace-failed to wait until it is gone and start a new job of the same name.'
    )
  }
  return new ActionError(
    'ExistingJobNotReusable',
    `${what}, not CREATE_PENDING, CREATE_IN_PROGRESS or ACTIVE, so it is not reused` +
      (ifExists === 'reuse' && job.status === 'CREATE_FAILED'
        ? '. Set if-exists: replace-failed to delete it and start the job again under the same name, or choose a new job name.'
        : '. Choose a new job name.')
  )
}

/** One status check of a job, outside a wait: a reused ACTIVE job's metrics. */
export async function getJob(
  client: CleanRoomsMLClient,
  jobArn: string
): Promise<GetAudienceGenerationJobCommandOutput> {
  return client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: jobArn }))
}

/**
 * The service's answer becomes an output that later steps act on, so it is held to the model's
 * pattern. A 200 without a valid ARN probably still created the job: the message says so.
 */
function checkJobArn(arn: unknown): asserts arn is string {
  const problems = jobArnProblems(arn)
  if (problems.length > 0) {
    throw new ActionError(
      'UnexpectedResponse',
      `The service accepted the request but its job ARN ${problems.join('; ')}. The job was probably created.`
    )
  }
}
