// Every delay, timeout and deadline the action uses. CLEANROOMS_ML_ACTION_TIME_SCALE (a number
// in (0, 1], default 1, read once by index.ts) shrinks them all alike, so end-to-end tests of
// retries and waits run in seconds against a local emulator; wait-timeout-seconds is the
// user's and is not scaled.
import type { RetryPolicy } from './retry.js'

/**
 * One AWS call: enough attempts to ride out ten throttling answers in a row, backoff capped at
 * 20 s, 15 s per attempt and 5 minutes in all.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 12,
  baseDelayMs: 250,
  throttlingBaseDelayMs: 1000,
  maxDelayMs: 20_000,
  attemptTimeoutMs: 15_000,
  deadlineMs: 300_000
}

export interface PollPolicy {
  /** The shortest delay between checks, and the first. */
  firstDelayMs: number
  /** The longest delay between checks. */
  maxDelayMs: number
  /** A line is logged at least this often while the status stays the same. */
  heartbeatMs: number
  /** The bound on the one last check made when the wait ends before any status was seen. */
  finalCheckMs: number
}

/**
 * Polling a job: every 5 s at first, then a tenth of the time waited, at most once a minute; a log
 * line at least every 5 minutes; a last check, when the wait ends before any status was seen,
 * bounded like one attempt.
 */
export const DEFAULT_POLL_POLICY: PollPolicy = {
  firstDelayMs: 5_000,
  maxDelayMs: 60_000,
  heartbeatMs: 300_000,
  finalCheckMs: DEFAULT_RETRY_POLICY.attemptTimeoutMs
}

export interface DeletionPolicy {
  /** The pause between two status checks of a deletion. */
  checkEveryMs: number
  /** How long a deletion may take before the step gives up. */
  timeoutMs: number
}

/** if-exists: replace-failed: a check of the failed job's deletion every 5 s, for at most 5 minutes. */
export const DEFAULT_DELETION_POLICY: DeletionPolicy = { checkEveryMs: 5_000, timeoutMs: 300_000 }

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`
}

export const TIME_SCALE_VARIABLE = 'CLEANROOMS_ML_ACTION_TIME_SCALE'

export interface Timing {
  retryPolicy: RetryPolicy
  pollPolicy: PollPolicy
  deletionPolicy: DeletionPolicy
}

/** The time scale a variable's text gives: a number in (0, 1], or undefined when it is not one. */
export function parseTimeScale(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? ''
  if (trimmed === '') return 1
  const scale = Number(trimmed)
  return Number.isFinite(scale) && scale > 0 && scale <= 1 ? scale : undefined
}

/**
 * A scaled attempt timeout is never shorter than this: an answer from a loaded machine (an
 * end-to-end test beside other work) must not turn into a timeout, a retry and a second job.
 */
const MIN_SCALED_ATTEMPT_TIMEOUT_MS = 1_000

/** Every delay, timeout and deadline, shrunk alike by the scale (attempt timeouts down to a floor). */
export function scaledTiming(scale: number): Timing {
  const scaled = (ms: number): number => Math.max(1, Math.round(ms * scale))
  const attemptTimeout = (ms: number): number => Math.min(ms, Math.max(MIN_SCALED_ATTEMPT_TIMEOUT_MS, scaled(ms)))
  return {
    retryPolicy: {
      ...DEFAULT_RETRY_POLICY,
      baseDelayMs: scaled(DEFAULT_RETRY_POLICY.baseDelayMs),
      throttlingBaseDelayMs: scaled(DEFAULT_RETRY_POLICY.throttlingBaseDelayMs),
      maxDelayMs: scaled(DEFAULT_RETRY_POLICY.maxDelayMs),
      attemptTimeoutMs: attemptTimeout(DEFAULT_RETRY_POLICY.attemptTimeoutMs),
      deadlineMs: scaled(DEFAULT_RETRY_POLICY.deadlineMs)
    },
    pollPolicy: {
      firstDelayMs: scaled(DEFAULT_POLL_POLICY.firstDelayMs),
      maxDelayMs: scaled(DEFAULT_POLL_POLICY.maxDelayMs),
      heartbeatMs: scaled(DEFAULT_POLL_POLICY.heartbeatMs),
      finalCheckMs: attemptTimeout(DEFAULT_POLL_POLICY.finalCheckMs)
    },
    deletionPolicy: {
      checkEveryMs: scaled(DEFAULT_DELETION_POLICY.checkEveryMs),
      timeoutMs: scaled(DEFAULT_DELETION_POLICY.timeoutMs)
    }
  }
}
