// End to end: credentials from the SDK's default chain with a web identity token file, as on EKS
// runners (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE), through dist/index.js. An STS that
// accepts the connection and never answers ends within the overall deadline, in one annotation.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { EMULATOR_CREDENTIALS, runAction, runnerEnv } from './helpers/run-action.js'
import { DEPLOY_ROLE, VALID_INPUTS } from './helpers/fixtures.js'
import { scaledTiming } from '../src/aws/timing.js'

const INPUTS = { ...VALID_INPUTS, name: 'eks-runner' }
const TIME_SCALE = 0.02
const { deadlineMs } = scaledTiming(TIME_SCALE).retryPolicy

let emulator: Emulator
let dir: string
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
  dir = mkdtempSync(join(tmpdir(), 'e2e-default-chain-'))
})
afterAll(async () => {
  await emulator.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => emulator.reset())
afterEach(() => {
  emulator.onRequest = undefined
})

/** The runner's environment with a web identity token of the emulator's OIDC endpoint in a file. */
async function eksEnv(): Promise<Record<string, string>> {
  const answer = await fetch(`${emulator.oidcRequestUrl}&audience=sts.amazonaws.com`, {
    headers: { authorization: `Bearer ${emulator.oidcRequestToken}` }
  })
  const { value } = (await answer.json()) as { value: string }
  const file = join(dir, 'token')
  writeFileSync(file, value)
  return {
    ...runnerEnv(emulator),
    AWS_ROLE_ARN: DEPLOY_ROLE,
    AWS_WEB_IDENTITY_TOKEN_FILE: file,
    CLEANROOMS_ML_ACTION_TIME_SCALE: String(TIME_SCALE)
  }
}

const stsRequests = (): number => emulator.requests.filter((request) => request.service === 'sts').length

describe('credentials from a web identity token file (default chain)', () => {
  it('assumes the role and starts the job, showing no credential', async () => {
    const run = await runAction({ inputs: INPUTS, env: await eksEnv() })
    expect(run.code).toBe(0)
    expect(emulator.jobs).toHaveLength(1)
    expect(stsRequests()).toBe(1)
    expect(leaksIn(run, secretsOf(emulator))).toEqual([])
  })

  it('ends an STS that accepts the connection and never answers within the deadline, in one annotation', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', ...Array.from({ length: 20 }, () => ({ kind: 'hang' }) as const))
    // The bound leaves the run its deadline plus room that CPU load cannot eat; without a
    // deadline of its own, the run would hold the step until this test kills it.
    const run = await runAction({ inputs: INPUTS, env: await eksEnv(), timeoutMs: deadlineMs + 30_000 })
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('TimeoutError')
    expect(run.annotations).toHaveLength(1)
    expect(run.annotations[0]!.title).toBe('TimeoutError: Getting AWS credentials failed')
    expect(run.annotations[0]!.message).toContain('No answer came in time')
    expect(run.durationMs).toBeLessThan(deadlineMs + 20_000)
    expect(stsRequests()).toBeGreaterThan(1)
    expect(emulator.jobs).toEqual([])
  })

  it('stops at once when the runner cancels the step while STS does not answer', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'hang' })
    let child: ChildProcess | undefined
    let signalledAt = 0
    emulator.onRequest = (request) => {
      if (request.service !== 'sts' || signalledAt) return
      signalledAt = Date.now()
      child?.kill('SIGTERM')
    }
    // Unscaled: the attempt would take 15 s to time out.
    const env = { ...(await eksEnv()), CLEANROOMS_ML_ACTION_TIME_SCALE: '1' }
    const run = await runAction({ inputs: INPUTS, env, onSpawn: (spawned) => (child = spawned), timeoutMs: 30_000 })
    expect(signalledAt).toBeGreaterThan(0)
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('StepCancelled')
    expect(run.annotations).toHaveLength(1)
    expect(run.endedAt - signalledAt).toBeLessThan(2_000)
    expect(stsRequests()).toBe(1)
    expect(emulator.jobs).toEqual([])
  })
})
