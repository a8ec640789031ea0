// Waiting for a job to finish: polls GetAudienceGenerationJob with capped exponential backoff
// and jitter until ACTIVE (success), CREATE_FAILED or a DELETE_* status (failure), the wait
// timeout, or cancellation. Throttling slows the polling; a transient error does not end it.
import {
  GetAudienceGenerationJobCommand,
  type AudienceGenerationJobStatus,
  type CleanRoomsMLClient,
  type GetAudienceGenerationJobResponse
} from './cleanroomsml/index.js'
import type { Clock } from './clock.js'
import { retryKindOf } from './retry.js'
import { formatDuration } from './timing.js'
import { inline } from './log.js'

export interface PollPolicy {
  firstDelayMs: number
  maxDelayMs: number
  /** A line is logged at least this often while the status stays the same. */
  heartbeatMs: number
}

export type WaitOutcome =
  | { kind: 'succeeded'; job: GetAudienceGenerationJobResponse; elapsedMs: number }
  | { kind: 'failed'; job: GetAudienceGenerationJobResponse; elapsedMs: number }
  | { kind: 'timed-out'; lastStatus: AudienceGenerationJobStatus | undefined; elapsedMs: number }

export interface WaitOptions {
  client: CleanRoomsMLClient
  jobArn: string
  timeoutMs: number
  policy: PollPolicy
  clock: Clock
  log: (line: string) => void
  warn: (line: string) => void
  signal?: AbortSignal
}

/** Unknown statuses (a newer API, or a garbled answer) are not terminal: the wait goes on. */
export function isTerminal(status: AudienceGenerationJobStatus): boolean {
  return (
    status === 'ACTIVE' || status === 'CREATE_FAILED' || (typeof status === 'string' && status.startsWith('DELETE_'))
  )
}

/** The next polling delay: doubling from the first, capped, with jitter of up to a fifth. */
export function nextDelay(policy: PollPolicy, poll: number, random: number, throttled: boolean): number {
  const grown = policy.firstDelayMs * 2 ** Math.max(0, poll - 1) * (throttled ? 2 : 1)
  const capped = Math.min(policy.maxDelayMs * (throttled ? 2 : 1), grown)
  return Math.round(capped * (0.8 + 0.2 * random))
}

/** Polls until the job reaches a terminal status or the wait runs out. */
export async function waitForJob(options: WaitOptions): Promise<WaitOutcome> {
  const { client, clock, policy } = options
  const started = clock.now()
  const elapsed = (): number => clock.now() - started
  let lastStatus: AudienceGenerationJobStatus | undefined
  let lastLine = started
  let throttled = false
  for (let poll = 1; ; poll++) {
    const delay = Math.min(
      nextDelay(policy, poll, clock.random(), throttled),
      Math.max(0, options.timeoutMs - elapsed())
    )
    await clock.sleep(delay, options.signal)
    try {
      const job = await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: options.jobArn }))
      throttled = false
      if (job.status !== lastStatus || clock.now() - lastLine >= policy.heartbeatMs) {
        options.log(
          `${job.status === lastStatus ? 'Still' : 'Status'} ${inline(job.status)} after ${formatDuration(elapsed())}`
        )
        lastLine = clock.now()
      }
      lastStatus = job.status
      if (isTerminal(job.status)) {
        return { kind: job.status === 'ACTIVE' ? 'succeeded' : 'failed', job, elapsedMs: elapsed() }
      }
    } catch (error) {
      const kind = retryKindOf(error)
      if (kind === undefined || options.signal?.aborted) throw error
      throttled = kind === 'throttling'
      options.warn(`Checking the job's status failed with ${inline((error as Error).name)}; still waiting.`)
    }
    if (elapsed() >= options.timeoutMs) return { kind: 'timed-out', lastStatus, elapsedMs: elapsed() }
  }
}
