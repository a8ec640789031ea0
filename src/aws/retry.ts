// Bounded retries for one AWS call: only throttling, 5xx and network errors are tried again,
// with capped exponential backoff and full jitter, a timeout on every attempt and a deadline
// over all of them. Errors are classified by name, code and HTTP status (the AWS SDK's own
// classifiers), never by message text.
import {
  isClockSkewCorrectedError,
  isClockSkewError,
  isServerError,
  isThrottlingError,
  isTransientError
} from '@smithy/core/retry'
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, SdkError } from '@smithy/types'
import { withDeadline, type Clock } from './clock.js'
import { ActionError, isErrorLike } from '../report/error-types.js'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Backoff base for 5xx and network errors. */
  baseDelayMs: number
  /** Backoff base for throttling, which wants more room. */
  throttlingBaseDelayMs: number
  maxDelayMs: number
  /** Each attempt is abandoned after this long. */
  attemptTimeoutMs: number
  /** No attempt starts, and no backoff is slept, past this long after the first attempt. */
  deadlineMs: number
}

export type RetryKind = 'throttling' | 'transient'

export interface RetryNotice {
  error: Error
  kind: RetryKind
  attempt: number
  delayMs: number
}

export interface RetryOptions {
  policy: RetryPolicy
  clock: Clock
  /** Called before each backoff, for logging. */
  onRetry?: (notice: RetryNotice) => void
  /** Stops the whole operation (for example when the runner cancels the step). */
  signal?: AbortSignal
}

/** An Error carrying how many attempts were made, as the SDK's `$metadata.attempts`. */
interface AttemptsBearer {
  $metadata?: { attempts?: number; totalRetryDelay?: number }
}

/** Whether an error may succeed when tried again, and which backoff applies. */
export function retryKindOf(error: unknown): RetryKind | undefined {
  if (!isErrorLike(error)) return undefined
  if (error.name === 'AbortError') return undefined
  const sdkError = error as SdkError
  // Signed again with the same clock, a refused signature is refused again: it is tried again
  // only once the clock has been corrected from AWS's answer.
  if (isClockSkewError(sdkError)) return isClockSkewCorrectedError(sdkError) ? 'transient' : undefined
  if (isThrottlingError(sdkError)) return 'throttling'
  if (isTransientError(sdkError) || isServerError(sdkError)) return 'transient'
  return undefined
}

function backoffDelay(policy: RetryPolicy, kind: RetryKind, attempt: number, random: number): number {
  const base = kind === 'throttling' ? policy.throttlingBaseDelayMs : policy.baseDelayMs
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1))
  return Math.round(random * ceiling)
}

/**
 * Runs `attempt` with a fresh AbortSignal that fires when the attempt times out on the clock or
 * the whole operation is aborted; either way the attempt is abandoned at that moment.
 */
export function runAttempt<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  clock: Clock,
  outer: AbortSignal | undefined
): Promise<T> {
  // Its name makes it a transient error.
  const timedOut = (): Error => new ActionError('TimeoutError', `No complete answer within ${timeoutMs} ms.`)
  return withDeadline(clock, { ms: timeoutMs, reason: timedOut, signal: outer }, attempt)
}

/** An attempt's timeout: the policy's, or what is left of the deadline when that is less (at least 1 ms). */
export function attemptTimeout(policy: RetryPolicy, elapsedMs: number): number {
  return Math.max(1, Math.min(policy.attemptTimeoutMs, policy.deadlineMs - elapsedMs))
}

/**
 * The failure to report for a call's last attempt. An attempt the deadline cut short says only that time
 * ran out: the failure before it (a proxy that does not answer, a refused connection) says what went wrong.
 */
export function reportedFailure(error: unknown, previous: unknown, timeout: number, policy: RetryPolicy): unknown {
  const cutShort = timeout < policy.attemptTimeoutMs && isErrorLike(error) && error.name === 'TimeoutError'
  return cutShort && previous !== undefined ? previous : error
}

function recordAttempts(error: unknown, attempts: number, totalRetryDelay: number): void {
  if (typeof error === 'object' && error !== null) {
    const bearer = error as AttemptsBearer
    bearer.$metadata = { ...(bearer.$metadata ?? {}), attempts, totalRetryDelay }
  }
}

/** Calls `attempt` until it succeeds, fails for good, or runs out of attempts or time. */
export async function withRetries<T>(attempt: (signal: AbortSignal) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, clock, signal } = options
  const started = clock.now()
  let totalDelay = 0
  let previous: unknown
  for (let number = 1; ; number++) {
    // No attempt starts once the step is cancelled.
    signal?.throwIfAborted()
    const timeout = attemptTimeout(policy, clock.now() - started)
    try {
      return await runAttempt(attempt, timeout, clock, signal)
    } catch (error) {
      // A cancellation is reported as such, not as whatever it interrupted.
      if (signal?.aborted) throw signal.reason
      const kind = retryKindOf(error)
      const delayMs = kind ? backoffDelay(policy, kind, number, clock.random()) : 0
      const outOfTime = clock.now() - started + delayMs >= policy.deadlineMs
      if (!kind || number >= policy.maxAttempts || outOfTime) {
        const reported = reportedFailure(error, previous, timeout, policy)
        recordAttempts(reported, number, totalDelay)
        throw reported
      }
      previous = error
      options.onRetry?.({ error: error as Error, kind, attempt: number, delayMs })
      await clock.sleep(delayMs, signal)
      totalDelay += delayMs
    }
  }
}

/** One call's retry state: when its first attempt started and how many retries it has had. */
interface CallToken extends RetryToken {
  readonly started: number
}

function callToken(started: number, retries: number): CallToken {
  // The backoff is slept by the strategy itself, on the injected clock and with the step's signal,
  // so the SDK's retry middleware is told of no delay of its own to sleep.
  return { started, getRetryCount: () => retries, getRetryDelay: () => 0 }
}

/**
 * The action's policy as a retry strategy of the SDK's shape (RetryStrategyV2), for the SDK's own
 * retry middleware: it decides which errors are tried again (retryKindOf), the backoff and the
 * deadline, and sleeps the backoff on the injected clock, ending it at once when the step is
 * cancelled. Each attempt's timeout is the client middleware's (aws/client.ts).
 */
export function retryStrategy(options: RetryOptions): RetryStrategyV2 {
  const { policy, clock, signal } = options
  return {
    acquireInitialRetryToken: async () => {
      // No attempt starts once the step is cancelled.
      signal?.throwIfAborted()
      return callToken(clock.now(), 0)
    },
    refreshRetryTokenForRetry: async (token: RetryToken, { error }: RetryErrorInfo) => {
      const { started } = token as CallToken
      const attempt = token.getRetryCount() + 1
      if (signal?.aborted) throw signal.reason
      const kind = retryKindOf(error)
      const delayMs = kind ? backoffDelay(policy, kind, attempt, clock.random()) : 0
      const outOfTime = clock.now() - started + delayMs >= policy.deadlineMs
      if (!kind || attempt >= policy.maxAttempts || outOfTime) throw error
      options.onRetry?.({ error: error as Error, kind, attempt, delayMs })
      await clock.sleep(delayMs, signal)
      return callToken(started, attempt)
    },
    recordSuccess: () => undefined
  }
}
