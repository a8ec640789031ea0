// Time as the action sees it, and the one way work is bounded by it. The clock is injected
// everywhere a delay, a timeout or a deadline is computed, so retry, wait and cancellation logic
// can be tested without real waiting.
//
// Every phase stops the same way: through an AbortSignal (the runner's cancellation, a deadline,
// or both combined with AbortSignal.any), checked with throwIfAborted before anything starts, and
// whose reason is the error the stopped work rejects with.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /**
   * The one pause of the action's own (a backoff, the pause between two checks of a poll): resolves
   * after ms, or rejects with the signal's reason as soon as it aborts. A test clock returns at once
   * and moves its time by ms.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /**
   * The timer under every bound on other work (see withDeadline): resolves once ms have passed on
   * this clock; dropped, never settling, once the signal aborts. It is not a pause: a test clock
   * moves no time for it, and fires it only when its time reaches the bound.
   */
  timeout(ms: number, signal: AbortSignal): Promise<void>
  /** A number in [0, 1), for jitter. */
  random(): number
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason as Error)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep,
  // The machine's timer either way; nothing waits on a bound once it is dropped, so it does not reject.
  timeout: (ms, signal) => sleep(ms, signal).catch(() => new Promise<void>(() => undefined))
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts: for work that
 * cannot be handed a signal itself (a provider of the SDK), so that the step never waits on it.
 */
export async function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work
  signal.throwIfAborted()
  let onAbort = (): void => undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/** A bound on work: how long it may take on the clock, and what stops it earlier. */
export interface Deadline {
  ms: number
  /** The error the work is abandoned with when its time is up; built then, so it can say where the work was. */
  reason: () => Error
  /** The step's cancellation: it abandons the work too, with its own reason. */
  signal?: AbortSignal | undefined
}

/**
 * Runs `work` under a signal that aborts once `deadline.ms` have passed on the clock (or when the
 * step's signal aborts), and settles with the work or, the moment that signal aborts, rejects with
 * its reason: the work in flight (a request, a pause, a poll) is told to stop and no longer waited on.
 */
export async function withDeadline<T>(
  clock: Clock,
  deadline: Deadline,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  deadline.signal?.throwIfAborted()
  const expiry = new AbortController()
  const finished = new AbortController()
  void clock.timeout(deadline.ms, finished.signal).then(() => expiry.abort(deadline.reason()))
  const signal = deadline.signal ? AbortSignal.any([deadline.signal, expiry.signal]) : expiry.signal
  try {
    return await untilAborted(work(signal), signal)
  } finally {
    // The timer goes with the work: a bound that is over keeps no process alive and fires nothing.
    finished.abort()
  }
}
