import type { Clock } from '../../src/aws/clock.js'

interface Timer {
  at: number
  fire: () => void
}

/**
 * A clock for tests. Its sleeps return at once and move time forward (and record how long they
 * were); its timeouts fire only when its time reaches them, through a sleep or advance(), so an
 * attempt timeout never races real work: a test decides when a request has taken too long.
 */
export class FakeClock implements Clock {
  time = Date.now()
  readonly sleeps: number[] = []
  private timers: Timer[] = []
  constructor(private readonly randomValue = 0.5) {}
  now(): number {
    return this.time
  }
  random(): number {
    return this.randomValue
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    this.sleeps.push(ms)
    this.advance(ms)
  }
  timeout(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return
      const timer = { at: this.time + ms, fire: resolve }
      this.timers.push(timer)
      signal.addEventListener('abort', () => (this.timers = this.timers.filter((t) => t !== timer)), { once: true })
    })
  }
  /** Moves time forward, firing every timeout that falls due. */
  advance(ms: number): void {
    this.time += ms
    const due = this.timers.filter((timer) => timer.at <= this.time)
    this.timers = this.timers.filter((timer) => timer.at > this.time)
    for (const timer of due.sort((a, b) => a.at - b.at)) timer.fire()
  }
  /** Moves time to the earliest pending timeout and fires it; false when none is pending. */
  fireNextTimeout(): boolean {
    const next = Math.min(...this.timers.map((timer) => timer.at))
    if (!Number.isFinite(next)) return false
    this.advance(Math.max(0, next - this.time))
    return true
  }
}
