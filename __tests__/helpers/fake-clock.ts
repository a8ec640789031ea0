import type { Clock } from '../../src/clock.js'

/** A clock whose sleeps return at once and move time forward; it records every sleep. */
export class FakeClock implements Clock {
  time = Date.now()
  readonly sleeps: number[] = []
  constructor(private readonly randomValue = 0.5) {}
  now(): number {
    return this.time
  }
  random(): number {
    return this.randomValue
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason
    this.sleeps.push(ms)
    this.time += ms
  }
}
