// How the action waits and stops, on the fake clock: every pause is the clock's sleep, every bound
// a deadline on the clock that abandons the work in flight, and each poll (the wait for a job, the
// deletion wait of if-exists: replace-failed) keeps its own schedule.
import {
  DeleteAudienceGenerationJobCommand,
  type AudienceGenerationJobSummary,
  type CleanRoomsMLClient
} from '../src/cleanroomsml/index.js'
import { systemClock, untilAborted, withDeadline } from '../src/aws/clock.js'
import { poll } from '../src/aws/polling.js'
import { DEFAULT_DELETION_POLICY, DEFAULT_POLL_POLICY } from '../src/aws/timing.js'
import { removeJob } from '../src/job/replace.js'
import { waitForJob } from '../src/job/waiting.js'
import { FakeClock } from './helpers/fake-clock.js'
import { JOB_ARN } from './helpers/fixtures.js'

const cancelled = Object.assign(new Error('cancelled'), { name: 'StepCancelled' })
const notFound = Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' })

/** Work that never settles by itself, and rejects with the signal's reason when it aborts. */
function hanging(signal: AbortSignal, seen: unknown[] = []): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => {
      seen.push(signal.reason)
      reject(signal.reason as Error)
    })
  )
}

type Answer = string | Error | 'hang'

/** A client whose GetAudienceGenerationJob answers are the given statuses, errors or stalls, in order. */
function scriptedClient(answers: Answer[], clock: FakeClock) {
  const checks: number[] = []
  const aborts: unknown[] = []
  const started = clock.now()
  const client = {
    send: async (command: object, options?: { abortSignal?: AbortSignal }) => {
      if (command instanceof DeleteAudienceGenerationJobCommand) return { $metadata: {} }
      checks.push(clock.now() - started)
      const answer = answers[Math.min(checks.length, answers.length) - 1]!
      if (answer === 'hang') {
        setImmediate(() => clock.fireNextTimeout())
        return hanging(options!.abortSignal!, aborts)
      }
      if (answer instanceof Error) throw answer
      return { $metadata: {}, audienceGenerationJobArn: JOB_ARN, status: answer }
    }
  } as unknown as CleanRoomsMLClient
  return { client, checks, aborts }
}

describe('a poll pauses as its schedule says, and stops at once when cancelled', () => {
  it('pauses on the clock between checks, none for a pause of 0, until a check finds something', async () => {
    const clock = new FakeClock()
    let checks = 0
    const found = await poll({
      clock,
      pause: (made) => [0, 100, 300][made],
      check: async () => (++checks === 3 ? 'found' : undefined)
    })
    expect(found).toBe('found')
    expect(clock.sleeps).toEqual([100, 300])
  })

  it('resolves to undefined when the schedule stops first', async () => {
    const clock = new FakeClock()
    const found = await poll({ clock, pause: (made) => (made < 2 ? 50 : undefined), check: async () => undefined })
    expect(found).toBeUndefined()
    expect(clock.sleeps).toEqual([50, 50])
  })

  it('makes no check and no pause once its signal has aborted, rejecting with its reason', async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    let checks = 0
    const polling = poll({
      clock,
      signal: controller.signal,
      pause: () => 10,
      check: async () => {
        if (++checks === 2) controller.abort(cancelled)
        return undefined
      }
    })
    await expect(polling).rejects.toBe(cancelled)
    expect(checks).toBe(2)
    expect(clock.sleeps).toEqual([10, 10])
  })
})

describe('a deadline on the clock abandons the work in flight', () => {
  const reason = (): Error => Object.assign(new Error('late'), { name: 'Late' })

  it('settles with the work that ends in time, and leaves no timer behind', async () => {
    const clock = new FakeClock()
    await expect(withDeadline(clock, { ms: 1000, reason }, async () => 'done')).resolves.toBe('done')
    expect(clock.fireNextTimeout()).toBe(false)
  })

  it("rejects with its reason once the clock reaches it, and aborts the work's signal", async () => {
    const clock = new FakeClock()
    const started = clock.now()
    const seen: unknown[] = []
    const bounded = withDeadline(clock, { ms: 1000, reason }, (signal) => hanging(signal, seen))
    clock.advance(999)
    expect(seen).toEqual([])
    clock.advance(1)
    await expect(bounded).rejects.toMatchObject({ name: 'Late' })
    expect(seen).toMatchObject([{ name: 'Late' }])
    expect(clock.now() - started).toBe(1000)
  })

  it("rejects with the step's reason when the step is cancelled, and starts nothing once it is", async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    const bounded = withDeadline(clock, { ms: 1000, reason, signal: controller.signal }, (signal) => hanging(signal))
    controller.abort(cancelled)
    await expect(bounded).rejects.toBe(cancelled)
    let started = false
    const refused = withDeadline(clock, { ms: 1000, reason, signal: controller.signal }, async () => {
      started = true
    })
    await expect(refused).rejects.toBe(cancelled)
    expect(started).toBe(false)
    expect(clock.fireNextTimeout()).toBe(false)
  })

  it("drops the system clock's timer with the work, so that no bound keeps the process alive", async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length
    const before = timers()
    const bounded = withDeadline(systemClock, { ms: 60_000, reason }, async () => {
      expect(timers()).toBe(before + 1)
      return 'done'
    })
    await expect(bounded).resolves.toBe('done')
    expect(timers()).toBe(before)
  })

  it('bounds work on the system clock too', async () => {
    await expect(withDeadline(systemClock, { ms: 20, reason }, (signal) => hanging(signal))).rejects.toMatchObject({
      name: 'Late'
    })
  })

  it('stops waiting on work that takes no signal, at once', async () => {
    const controller = new AbortController()
    const waiting = untilAborted(new Promise(() => undefined), controller.signal)
    controller.abort(cancelled)
    await expect(waiting).rejects.toBe(cancelled)
    await expect(untilAborted(Promise.resolve(1), undefined)).resolves.toBe(1)
  })
})

describe('the wait for a job checks after a growing pause, and never past wait-timeout-seconds', () => {
  function wait(answers: Answer[], timeoutMs: number, signal?: AbortSignal, deadlineLate = false) {
    // random() = 1: the longest pauses the jitter allows.
    const clock = new FakeClock(1)
    if (deadlineLate) clock.timeout = () => new Promise(() => undefined)
    const { client, checks, aborts } = scriptedClient(answers, clock)
    const lines: string[] = []
    const waiting = waitForJob({
      client,
      jobArn: JOB_ARN,
      timeoutMs,
      policy: DEFAULT_POLL_POLICY,
      clock,
      log: (line) => lines.push(line),
      warn: (line) => lines.push(line),
      ...(signal ? { signal } : {})
    })
    return { waiting, clock, checks, aborts, lines }
  }

  it('pauses before the first check, then as long again, growing to a tenth of the time waited', async () => {
    const statuses = [...Array.from({ length: 14 }, () => 'CREATE_IN_PROGRESS'), 'ACTIVE']
    const { waiting, clock, checks } = wait(statuses, 3_600_000)
    await expect(waiting).resolves.toMatchObject({ kind: 'succeeded', elapsedMs: 80_525 })
    expect(checks.at(-1)).toBe(80_525)
    expect(clock.sleeps.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 5_000))
    expect(clock.sleeps.slice(10)).toEqual([5_000, 5_500, 6_050, 6_655, 7_320])
    expect(checks[0]).toBe(5_000)
  })

  it('cuts the last pause to the time left, and checks no more then', async () => {
    const { waiting, clock, checks } = wait(['CREATE_IN_PROGRESS'], 12_000)
    await expect(waiting).resolves.toMatchObject({
      kind: 'timed-out',
      job: { status: 'CREATE_IN_PROGRESS' },
      elapsedMs: 12_000
    })
    expect(clock.sleeps).toEqual([5_000, 5_000, 2_000])
    expect(checks).toEqual([5_000, 10_000])
  })

  it("makes no check after a pause that reached the timeout, even before the deadline's timer fires", async () => {
    // On the machine's timers, the pause and the deadline fall due together, in either order.
    const { waiting, clock, checks } = wait(['CREATE_IN_PROGRESS'], 12_000, undefined, true)
    await expect(waiting).resolves.toMatchObject({ kind: 'timed-out', elapsedMs: 12_000 })
    expect(clock.sleeps).toEqual([5_000, 5_000, 2_000])
    expect(checks).toEqual([5_000, 10_000])
  })

  it('abandons a check in flight at the timeout, then makes one last check bounded like an attempt', async () => {
    const { waiting, checks, aborts } = wait(['hang'], 60_000)
    await expect(waiting).resolves.toMatchObject({ kind: 'timed-out', job: undefined })
    expect(checks).toEqual([5_000, 60_000])
    expect(aborts).toMatchObject([{ name: 'WaitDeadline' }, { name: 'WaitDeadline' }])
    await expect(wait(['hang'], 60_000).waiting).resolves.toMatchObject({
      elapsedMs: 60_000 + DEFAULT_POLL_POLICY.finalCheckMs
    })
  })

  it('doubles the pause after throttling, and goes on after a transient error', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' })
    const { waiting, clock, lines } = wait([throttled, 'ACTIVE'], 600_000)
    await expect(waiting).resolves.toMatchObject({ kind: 'succeeded' })
    expect(clock.sleeps).toEqual([5_000, 10_000])
    expect(lines[0]).toContain('ThrottlingException')
  })

  it('stops at once when cancelled during a check, with the cancellation as its error', async () => {
    const controller = new AbortController()
    const { waiting, checks } = wait(['CREATE_IN_PROGRESS', 'hang'], 600_000, controller.signal)
    const waited = waiting.catch((error: unknown) => error)
    await new Promise((resolve) => setImmediate(resolve))
    controller.abort(cancelled)
    await expect(waited).resolves.toBe(cancelled)
    expect(checks).toHaveLength(2)
  })
})

describe('the deletion wait of replace-failed checks at a fixed interval, within its own deadline', () => {
  const FAILED = {
    audienceGenerationJobArn: JOB_ARN,
    name: 'job',
    status: 'CREATE_FAILED'
  } as AudienceGenerationJobSummary
  const pacing = (clock: FakeClock, signal = new AbortController().signal) => ({
    clock,
    signal,
    ...DEFAULT_DELETION_POLICY
  })

  it('checks at once, then every interval until the job is gone', async () => {
    const clock = new FakeClock()
    const { client, checks } = scriptedClient(['DELETE_IN_PROGRESS', 'DELETE_IN_PROGRESS', notFound], clock)
    await expect(removeJob(client, FAILED, pacing(clock))).resolves.toBeUndefined()
    expect(checks).toEqual([0, 5_000, 10_000])
    expect(clock.sleeps).toEqual([5_000, 5_000])
  })

  it('gives up at its deadline, naming the status last seen, with the last pause cut to it', async () => {
    const clock = new FakeClock()
    const { client, checks } = scriptedClient(['DELETE_IN_PROGRESS'], clock)
    const removing = removeJob(client, FAILED, { ...pacing(clock), timeoutMs: 12_000 })
    await expect(removing).rejects.toMatchObject({
      name: 'DeletionTimeout',
      message: expect.stringContaining('still DELETE_IN_PROGRESS after 12s')
    })
    expect(checks).toEqual([0, 5_000, 10_000])
    expect(clock.sleeps).toEqual([5_000, 5_000, 2_000])
  })

  it("gives up after the check its last pause leads to, even before the deadline's timer fires", async () => {
    const clock = new FakeClock()
    clock.timeout = () => new Promise(() => undefined)
    const { client, checks } = scriptedClient(['DELETE_IN_PROGRESS'], clock)
    const removing = removeJob(client, FAILED, { ...pacing(clock), timeoutMs: 12_000 })
    await expect(removing).rejects.toMatchObject({ name: 'DeletionTimeout', message: expect.stringContaining('12s') })
    // On the machine's timers, that check may start just before the deadline abandons it.
    expect(checks).toEqual([0, 5_000, 10_000, 12_000])
  })

  it('abandons a check in flight at its deadline', async () => {
    const clock = new FakeClock()
    const { client, aborts } = scriptedClient(['DELETE_IN_PROGRESS', 'hang'], clock)
    const removing = removeJob(client, FAILED, pacing(clock))
    await expect(removing).rejects.toMatchObject({ name: 'DeletionTimeout', message: expect.stringContaining('5m 0s') })
    expect(aborts).toMatchObject([{ name: 'DeletionTimeout' }])
  })

  it('stops at once when cancelled, with no check after it', async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    const { client, checks } = scriptedClient(['DELETE_IN_PROGRESS'], clock)
    const sleep = clock.sleep.bind(clock)
    clock.sleep = async (ms, signal) => {
      controller.abort(cancelled)
      return sleep(ms, signal)
    }
    await expect(removeJob(client, FAILED, pacing(clock, controller.signal))).rejects.toBe(cancelled)
    expect(checks).toEqual([0])
    expect(clock.sleeps).toEqual([])
  })
})
