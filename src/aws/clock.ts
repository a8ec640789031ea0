// Time as the action sees it. Injected everywhere a delay, a timeout or a deadline is computed,
// so retry, wait and cancellation logic can be tested without real waiting.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** A delay of the action's own (a backoff, a poll): resolves after ms, or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /**
   * A bound on other work (an attempt's timeout, the end of a wait): resolves once ms have passed
   * on this clock, or never once the signal aborts. Unlike sleep it moves no time forward itself,
   * so a test clock fires it only when its time reaches the bound.
   */
  timeout(ms: number, signal: AbortSignal): Promise<void>
  /** A number in [0, 1), for jitter. */
  random(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
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
    }),
  timeout: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = (): void => clearTimeout(timer)
      signal.addEventListener('abort', onAbort, { once: true })
    })
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

/**
 * A signal that aborts with `reason()` once `ms` have passed on the clock, so that work still in flight
 * then (a status check) is abandoned; `done()` drops the timer when the bounded work is over.
 */
export function deadlineAfter(
  clock: Clock,
  ms: number,
  reason: () => Error
): { signal: AbortSignal; done: () => void } {
  const deadline = new AbortController()
  const finished = new AbortController()
  void clock.timeout(ms, finished.signal).then(() => deadline.abort(reason()))
  return { signal: deadline.signal, done: () => finished.abort() }
}
