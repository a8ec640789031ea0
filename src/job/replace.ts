// if-exists: replace-failed. A job name that includes github.run_id stays the same on "Re-run failed
// jobs", so after a job that failed no re-run could ever start it again. This deletes the failed job
// of that name (or lets a deletion already under way finish) and waits until it is gone, so that the
// name is free for a new start. The wait has a deadline of its own and ends at once on cancellation.
import {
  DeleteAudienceGenerationJobCommand,
  GetAudienceGenerationJobCommand,
  type AudienceGenerationJobStatus,
  type AudienceGenerationJobSummary,
  type CleanRoomsMLClient
} from '../cleanroomsml/index.js'
import { withDeadline, type Clock } from '../aws/clock.js'
import { poll } from '../aws/polling.js'
import { formatDuration } from '../aws/timing.js'
import { inline } from '../log.js'
import { ActionError } from '../report/error-types.js'

/** Statuses of a job that if-exists: reuse (and replace-failed) carries on with. */
export const REUSABLE_STATUSES: ReadonlySet<string> = new Set<AudienceGenerationJobStatus>([
  'CREATE_PENDING',
  'CREATE_IN_PROGRESS',
  'ACTIVE'
])

/** Statuses from which if-exists: replace-failed reaches a free name: a failed job, or one being deleted. */
export const REPLACEABLE_STATUSES: ReadonlySet<string> = new Set<AudienceGenerationJobStatus>([
  'CREATE_FAILED',
  'DELETE_PENDING',
  'DELETE_IN_PROGRESS'
])

export interface DeletionPacing {
  clock: Clock
  /** The pause between two status checks of the deletion. */
  checkEveryMs: number
  /** How long the deletion may take before the step gives up. */
  timeoutMs: number
  signal: AbortSignal
}

function isNotFound(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ResourceNotFoundException'
}

/**
 * Deletes the job when it is CREATE_FAILED (a deletion already under way is left to finish), then waits
 * until GetAudienceGenerationJob no longer finds it. Resolves once the name is free.
 */
export async function removeJob(
  client: CleanRoomsMLClient,
  job: AudienceGenerationJobSummary,
  pacing: DeletionPacing
): Promise<void> {
  const jobArn = job.audienceGenerationJobArn
  if (job.status === 'CREATE_FAILED') {
    try {
      await client.send(new DeleteAudienceGenerationJobCommand({ audienceGenerationJobArn: jobArn }))
    } catch (error) {
      // Gone already: the name is free.
      if (isNotFound(error)) return
      throw error
    }
  }
  await untilGone(client, jobArn, pacing)
}

/**
 * Checks the job at a fixed interval until it is gone. The deletion's deadline abandons a check in
 * flight then, and is the step's error: it says the status last seen.
 */
async function untilGone(client: CleanRoomsMLClient, jobArn: string, pacing: DeletionPacing): Promise<void> {
  const { clock } = pacing
  const started = clock.now()
  const left = (): number => pacing.timeoutMs - (clock.now() - started)
  let status: string | undefined
  const timedOut = (): ActionError => deletionTimedOut(jobArn, status, clock.now() - started)
  const gone = await withDeadline(clock, { ms: pacing.timeoutMs, reason: timedOut, signal: pacing.signal }, (signal) =>
    poll({
      clock,
      signal,
      // The first check at once: the deletion may be over already.
      pause: (checks) => {
        if (checks === 0) return 0
        return left() > 0 ? Math.min(pacing.checkEveryMs, left()) : undefined
      },
      check: async () => {
        try {
          const job = await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: jobArn }), {
            abortSignal: signal
          })
          status = job.status
        } catch (error) {
          if (isNotFound(error)) return true
          throw error
        }
        if (status === 'DELETE_FAILED') throw deletionFailed(jobArn)
        return undefined
      }
    })
  )
  if (!gone) throw timedOut()
}

function deletionFailed(jobArn: string): ActionError {
  return new ActionError(
    'ExistingJobNotReusable',
    `Deleting the failed job ${inline(jobArn)} ended DELETE_FAILED, so its name is still taken. ` +
      'Choose a new job name, or delete the job in the AWS Clean Rooms console and re-run.'
  )
}

function deletionTimedOut(jobArn: string, status: string | undefined, elapsedMs: number): ActionError {
  return new ActionError(
    'DeletionTimeout',
    `The failed job ${inline(jobArn)} was still ${inline(status ?? 'being deleted')} after ` +
      `${formatDuration(elapsedMs)}, so no new job was started.`
  )
}
