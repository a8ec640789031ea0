// Starting the job, or, after ConflictException with if-exists: reuse, carrying on with the
// job of the same name. The progress records the ARN (an output) the moment it is known.
import * as log from '../log.js'
import {
  ConflictException,
  GetAudienceGenerationJobCommand,
  StartAudienceGenerationJobCommand,
  type CleanRoomsMLClient,
  type GetAudienceGenerationJobResponse
} from '../cleanroomsml/index.js'
import type { Settings } from '../inputs/settings.js'
import type { Clock } from '../aws/clock.js'
import type { RetryPolicy } from '../aws/retry.js'
import { ActionError } from '../report/error-types.js'
import type { Progress } from '../report/progress.js'
import { describeSeed } from '../report/summary.js'
import { findReusableJob, jobArnProblems } from './reuse.js'

// The client and the wait are reached through this module, so that the bundle loads them as one
// chunk: separate dynamic imports would each carry their own copy of the client code.
export { CleanRoomsMLClient } from '../cleanroomsml/index.js'
export { waitForJob } from './waiting.js'
export { requestHandlerFor, usesProxy } from '../aws/proxy.js'
export { retryStrategy } from '../aws/retry.js'

export async function startOrReuse(
  client: CleanRoomsMLClient,
  settings: Settings,
  progress: Progress,
  pacing: { clock: Clock; retryPolicy: RetryPolicy; signal: AbortSignal }
): Promise<void> {
  const { signal } = pacing
  // Never a job after a cancellation: this is the last moment it can be checked for certain.
  signal.throwIfAborted()
  progress.enter('start')
  const { request } = settings
  log.info(
    `Starting audience generation job "${log.inline(request.name)}" from ${log.inline(describeSeed(request, settings.seedQueryFile))} ` +
      `with configured audience model ${log.inline(request.configuredAudienceModelArn)} in ${log.inline(settings.region)}.`
  )
  try {
    const started = await client.send(new StartAudienceGenerationJobCommand(request))
    checkJobArn(started.audienceGenerationJobArn)
    progress.jobKnown(started.audienceGenerationJobArn, true)
    log.info(
      `Started ${started.audienceGenerationJobArn} (request id ${log.inline(started.$metadata.requestId ?? 'unknown')}, ` +
        `${started.$metadata.attempts ?? 1} attempt${started.$metadata.attempts === 1 ? '' : 's'}).`
    )
  } catch (error) {
    if (!(error instanceof ConflictException) || settings.ifExists !== 'reuse') throw error
    progress.enter('reuse')
    const job = await findReusableJob(client, request, pacing)
    progress.jobKnown(job.audienceGenerationJobArn, false)
    progress.reusedStatus = job.status
    log.notice(
      `A job named "${log.inline(request.name)}" already exists (${log.inline(job.status)}); ` +
        `reusing ${log.inline(job.audienceGenerationJobArn)}.`,
      {
        title: 'Reusing the existing audience generation job'
      }
    )
  }
}

/** One status check of a job, outside a wait: a reused ACTIVE job's metrics. */
export async function getJob(client: CleanRoomsMLClient, jobArn: string): Promise<GetAudienceGenerationJobResponse> {
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
