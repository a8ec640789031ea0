// End to end: the runner cancels the step (SIGTERM, as it does) in each phase of a launch. The
// bundled action must stop at once: exit 1 well within the runner's 10 s before it kills the
// step, one annotation, error-type StepCancelled, no request after the signal and no job.
// On node 24 too: the runner's SIGTERM, delivered to the process by the runtime in each phase.
import type { ChildProcess } from 'node:child_process'
import { startEmulator, type Emulator, type Fault } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { MODEL_ARN, OIDC, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'cancelled-release' }
const HANG: Fault = { kind: 'hang' }
/** The step must be gone this soon after the signal; the runner kills it 10 s after. */
const EXIT_BOUND_MS = 2_000

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => emulator.reset())

interface Cancelled {
  run: ActionRun
  signalledAt: number
  requestsAtSignal: number
}

/**
 * Runs the action with unscaled timeouts (a stalled request would take 15 s to time out) and
 * sends SIGTERM the moment the emulator receives `operation`.
 */
async function cancelDuring(operation: string, inputs: Record<string, string>, oidc: boolean): Promise<Cancelled> {
  let child: ChildProcess | undefined
  let signalledAt = 0
  let requestsAtSignal = -1
  emulator.onRequest = (request) => {
    if (request.operation !== operation || signalledAt) return
    signalledAt = Date.now()
    requestsAtSignal = emulator.requests.length
    child?.kill('SIGTERM')
  }
  const run = await runAction({
    inputs,
    env: { ...runnerEnv(emulator), ...(oidc ? {} : ENV_CREDENTIALS) },
    onSpawn: (spawned) => (child = spawned),
    timeoutMs: 30_000
  })
  expect(signalledAt).toBeGreaterThan(0)
  return { run, signalledAt, requestsAtSignal }
}

function expectStoppedAtOnce({ run, signalledAt, requestsAtSignal }: Cancelled, jobs: number): void {
  expect(run.code).toBe(1)
  expect(run.outputs['error-type']).toBe('StepCancelled')
  expect(run.stdout).toContain('Received SIGTERM: stopping.')
  expect(run.annotations.filter((annotation) => annotation.level === 'error')).toHaveLength(1)
  expect(run.endedAt - signalledAt).toBeLessThan(EXIT_BOUND_MS)
  expect(emulator.requests).toHaveLength(requestsAtSignal)
  expect(emulator.jobs).toHaveLength(jobs)
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(leaksIn(run, secretsOf(emulator))).toEqual([])
}

describe('a cancelled step exits at once and starts no job', () => {
  it('as soon as the step starts', async () => {
    // The signal is sent at the step's first line; whether the start request is out before the step
    // receives it depends on the machine (the in-process suite pins that moment, and the tests
    // below pin each request). Either way the step stops at once and says what it left behind.
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', HANG)
    const run = await runAction({
      inputs: INPUTS,
      env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS },
      signal: { name: 'SIGTERM', when: '::add-mask::' },
      timeoutMs: 30_000
    })
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('StepCancelled')
    expect(run.annotations.filter((annotation) => annotation.level === 'error')).toHaveLength(1)
    expect(run.annotations[0]!.message).toMatch(/No job was started\.|so the job may have been created/)
    expect(run.endedAt - run.signalledAt!).toBeLessThan(EXIT_BOUND_MS)
    expect(emulator.jobs).toEqual([])
  })

  it('during the OIDC token request', async () => {
    emulator.fault('oidc', 'GetIdToken', HANG)
    const cancelled = await cancelDuring('GetIdToken', { ...INPUTS, ...OIDC }, true)
    expectStoppedAtOnce(cancelled, 0)
    expect(cancelled.run.annotations[0]!.message).toContain('No job was started.')
  })

  it('during the STS exchange', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', HANG)
    const cancelled = await cancelDuring('AssumeRoleWithWebIdentity', { ...INPUTS, ...OIDC }, true)
    expectStoppedAtOnce(cancelled, 0)
    expect(cancelled.run.outputs['created']).toBeUndefined()
  })

  it('during the start request, naming the job that may exist', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', HANG)
    const cancelled = await cancelDuring('StartAudienceGenerationJob', INPUTS, false)
    expectStoppedAtOnce(cancelled, 0)
    const message = cancelled.run.annotations[0]!.message
    expect(message).toContain(`job "${INPUTS.name}" was in flight, so the job may have been created`)
    expect(message).toContain('if-exists: reuse')
  })

  it("during reuse's listing", async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    emulator.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', HANG)
    const cancelled = await cancelDuring('ListAudienceGenerationJobs', { ...INPUTS, 'if-exists': 'reuse' }, false)
    expectStoppedAtOnce(cancelled, 1)
  })

  it('during the deletion wait of if-exists: replace-failed, starting no new job', async () => {
    const failed = emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'CREATE_FAILED'
    })
    emulator.deletion = { checks: Infinity, outcome: 'gone' }
    const cancelled = await cancelDuring(
      'GetAudienceGenerationJob',
      { ...INPUTS, 'if-exists': 'replace-failed' },
      false
    )
    expectStoppedAtOnce(cancelled, 1)
    expect(emulator.requests.filter((request) => request.operation === 'StartAudienceGenerationJob')).toHaveLength(1)
    expect(cancelled.run.annotations[0]!.message).toContain(
      `The failed job ${failed.audienceGenerationJobArn} was being replaced`
    )
  })

  it('during a status check, keeping the job ARN as an output', async () => {
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', HANG)
    const cancelled = await cancelDuring(
      'GetAudienceGenerationJob',
      { ...INPUTS, 'wait-for-completion': 'true' },
      false
    )
    expectStoppedAtOnce(cancelled, 1)
    expect(cancelled.run.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(cancelled.run.summary).toContain('The wait was cancelled')
  })

  it('during a backoff', async () => {
    const throttle: Fault = { kind: 'error', status: 429, type: 'ThrottlingException' }
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', ...Array.from({ length: 12 }, () => throttle))
    const run = await runAction({
      inputs: INPUTS,
      env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS },
      signal: { name: 'SIGTERM', when: 'trying again in' },
      timeoutMs: 30_000
    })
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('StepCancelled')
    expect(run.endedAt - run.signalledAt!).toBeLessThan(EXIT_BOUND_MS)
    expect(emulator.jobs).toHaveLength(0)
    // The backoff has full jitter: an attempt due within the signal's delivery may still go out.
    const backoffMs = Number(/trying again in (\d+) ms/.exec(run.stdout)![1])
    const after = emulator.requests.filter((request) => request.time > run.signalledAt!)
    expect(after.length).toBeLessThanOrEqual(backoffMs < 500 ? 1 : 0)
  })
})
