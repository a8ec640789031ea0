// Polling: checks with pauses between them, until a check finds what it looks for or the schedule
// ends. Each poll keeps its own schedule (a wait's growing interval, relisting's doubling pauses,
// a deletion's fixed interval); the loop, its pauses and how it stops are the same for all.
import type { Clock } from './clock.js'

export interface Poll<T> {
  clock: Clock
  /** Stops the poll: a pause ends at once and no check starts; the poll rejects with the signal's reason. */
  signal?: AbortSignal | undefined
  /**
   * The pause before the next check, given how many checks were made: 0 to check at once, undefined
   * to stop polling.
   */
  pause: (checks: number) => number | undefined
  /** One check: what it resolves to ends the poll; undefined polls on. */
  check: () => Promise<T | undefined>
}

/** Resolves to what a check found, or to undefined once the schedule stops first. */
export async function poll<T>({ clock, signal, pause, check }: Poll<T>): Promise<T | undefined> {
  for (let checks = 0; ; checks++) {
    const ms = pause(checks)
    if (ms === undefined) return undefined
    if (ms > 0) await clock.sleep(ms, signal)
    signal?.throwIfAborted()
    const found = await check()
    if (found !== undefined) return found
  }
}
