// Waiting for a job to finish: polls GetAudienceGenerationJob until ACTIVE (success),
// CREATE_FAILED or a DELETE_* status (failure), the wait timeout, or cancellation. The timeout
// is a hard bound: a status check in flight when it falls due is abandoned. Throttling slows
// the polling; a transient error does not end it.
import {
  GetAudienceGenerationJobCommand,
  type AudienceGenerationJobStatus,
  type CleanRoomsMLClient,
  type GetAudienceGenerationJobResponse
} from '../cleanroomsml/index.js'
import { withDeadline, type Clock } from '../aws/clock.js'
import { poll } from '../aws/polling.js'
import { retryKindOf } from '../aws/retry.js'
import { formatDuration } from '../aws/timing.js'
import { inline } from '../log.js'
import type { PollPolicy } from '../aws/timing.js'

export type { PollPolicy }

export type WaitOutcome =
  | { kind: 'succeeded'; job: GetAudienceGenerationJobResponse; elapsedMs: number }
  | { kind: 'failed'; job: GetAudienceGenerationJobResponse; elapsedMs: number }
  | { kind: 'timed-out'; job: GetAudienceGenerationJobResponse | undefined; elapsedMs: number }

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
const TERMINAL: ReadonlySet<string> = new Set([
  'ACTIVE',
  'CREATE_FAILED',
  'DELETE_PENDING',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED'
])

export function isTerminal(status: AudienceGenerationJobStatus): boolean {
  return TERMINAL.has(status)
}

/**
 * The delay before the next check: a tenth of the time waited so far, at least the first delay
 * and at most the longest, with up to a fifth of jitter below. So the end of a job is noticed
 * within max(first delay, 10% of the wait), and an hour's wait makes well under 120 checks.
 * Throttling doubles it.
 */
export function nextDelay(policy: PollPolicy, elapsedMs: number, random: number, throttled: boolean): number {
  const base = Math.min(policy.maxDelayMs, Math.max(policy.firstDelayMs, elapsedMs / 10))
  return Math.floor(base * (throttled ? 2 : 1) * (0.8 + 0.2 * random))
}

/** Fires when the wait's time is up, so that a check in flight then is abandoned. */
class WaitDeadline extends Error {
  override readonly name = 'WaitDeadline'
}

/** Polls until the job reaches a terminal status or the wait runs out. */
export async function waitForJob(options: WaitOptions): Promise<WaitOutcome> {
  const { clock, policy, timeoutMs } = options
  const started = clock.now()
  const elapsed = (): number => clock.now() - started
  const state: PollState = { job: undefined, lastLine: started, throttled: false }
  const job = await withinWait(options, timeoutMs, (signal) =>
    poll({
      clock,
      signal,
      // A job just started has nothing to tell yet: the first check, too, comes after a pause.
      pause: () => {
        const left = timeoutMs - elapsed()
        return left > 0 ? Math.min(nextDelay(policy, elapsed(), clock.random(), state.throttled), left) : undefined
      },
      // A pause that ran to the end of the wait leaves no time for a check.
      check: async () => {
        if (elapsed() >= timeoutMs) return undefined
        const seen = await check(options, state, signal, elapsed)
        return seen && isTerminal(seen.status) ? seen : undefined
      }
    })
  )
  if (job) return { kind: job.status === 'ACTIVE' ? 'succeeded' : 'failed', job, elapsedMs: elapsed() }
  // The wait ended before any status was seen: one last check, bounded, so the outputs can say where the job is.
  if (!state.job) await withinWait(options, policy.finalCheckMs, (signal) => check(options, state, signal, elapsed))
  return { kind: 'timed-out', job: state.job, elapsedMs: elapsed() }
}

/** Runs `work` for at most `ms` of the wait's clock; undefined when that time runs out first. */
async function withinWait<T>(
  options: WaitOptions,
  ms: number,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T | undefined> {
  try {
    return await withDeadline(options.clock, { ms, reason: () => new WaitDeadline(), signal: options.signal }, work)
  } catch (error) {
    if (error instanceof WaitDeadline) return undefined
    throw error
  }
}

interface PollState {
  job: GetAudienceGenerationJobResponse | undefined
  lastLine: number
  throttled: boolean
}

/** One status check; undefined when it failed transiently. */
async function check(
  options: WaitOptions,
  state: PollState,
  signal: AbortSignal,
  elapsed: () => number
): Promise<GetAudienceGenerationJobResponse | undefined> {
  try {
    const job = await options.client.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: options.jobArn }),
      { abortSignal: signal }
    )
    state.throttled = false
    const now = options.clock.now()
    if (job.status !== state.job?.status || now - state.lastLine >= options.policy.heartbeatMs) {
      options.log(
        `${job.status === state.job?.status ? 'Still' : 'Status'} ${inline(job.status)} after ${formatDuration(elapsed())}`
      )
      state.lastLine = now
    }
    state.job = job
    return job
  } catch (error) {
    // A cancellation, or the end of the wait, is reported as such, not as the check it interrupted.
    signal.throwIfAborted()
    const kind = retryKindOf(error)
    if (kind === undefined) throw error
    state.throttled = kind === 'throttling'
    options.warn(`Checking the job's status failed with ${inline((error as Error).name)}; still waiting.`)
    return undefined
  }
}
