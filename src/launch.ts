// Starting the job, or, after ConflictException with if-exists: reuse, carrying on with the
// job of the same name. Outputs are set the moment the ARN is known.
import * as core from '@actions/core'
import * as log from './log.js'
import {
  ConflictException,
  GetAudienceGenerationJobCommand,
  StartAudienceGenerationJobCommand,
  type AudienceGenerationJobStatus,
  type CleanRoomsMLClient,
  type GetAudienceGenerationJobResponse
} from './cleanroomsml/index.js'
import type { Settings } from './inputs.js'
import { describeSeed } from './redaction.js'
import { findReusableJob, jobArnProblems } from './reuse.js'

// The client and the wait are reached through this module, so that the bundle loads them as one
// chunk: separate dynamic imports would each carry their own copy of the client code.
export { CleanRoomsMLClient } from './cleanroomsml/index.js'
export { waitForJob } from './waiting.js'
export { requestHandlerFor, usesProxy } from './proxy.js'

/** What the step is doing; a failure is reported as a failure of that phase. */
export type Phase = 'credentials' | 'start' | 'reuse' | 'wait' | 'quality'

/** What starting (or reusing) the job tells the rest of the step. */
export interface LaunchProgress {
  phase: Phase
  jobArn?: string
  created?: boolean
  /** The status of the job reuse found, as its listing showed it. */
  reusedStatus?: AudienceGenerationJobStatus
}

export async function startOrReuse(
  client: CleanRoomsMLClient,
  settings: Settings,
  progress: LaunchProgress,
  signal: AbortSignal
): Promise<void> {
  // Never a job after a cancellation: this is the last moment it can be checked for certain.
  signal.throwIfAborted()
  progress.phase = 'start'
  const { request } = settings
  log.info(
    `Starting audience generation job "${log.inline(request.name)}" from ${log.inline(describeSeed(request, settings.seedQueryFile))} ` +
      `with configured audience model ${log.inline(request.configuredAudienceModelArn)} in ${log.inline(settings.region)}.`
  )
  try {
    const started = await client.send(new StartAudienceGenerationJobCommand(request))
    checkJobArn(started.audienceGenerationJobArn)
    record(progress, started.audienceGenerationJobArn, true)
    log.info(
      `Started ${started.audienceGenerationJobArn} (request id ${log.inline(started.$metadata.requestId ?? 'unknown')}, ` +
        `${started.$metadata.attempts ?? 1} attempt${started.$metadata.attempts === 1 ? '' : 's'}).`
    )
  } catch (error) {
    if (!(error instanceof ConflictException) || settings.ifExists !== 'reuse') throw error
    progress.phase = 'reuse'
    const job = await findReusableJob(client, request)
    record(progress, job.audienceGenerationJobArn, false)
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
    throw Object.assign(
      new Error(
        `The service accepted the request but its job ARN ${problems.join('; ')}. The job was probably created: ` +
          'find it in the AWS console, or re-run with if-exists: reuse.'
      ),
      { name: 'UnexpectedResponse' }
    )
  }
}

function record(progress: LaunchProgress, jobArn: string, created: boolean): void {
  progress.jobArn = jobArn
  progress.created = created
  core.setOutput('audience-generation-job-arn', jobArn)
  core.setOutput('created', String(created))
}
