// In-process: credentials from the SDK's default chain, with a web identity token file as on EKS
// runners (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE), get the same bounds as every other
// request: a timeout per attempt, bounded retries and an overall deadline, ending in one
// annotation. The same paths run through dist/ in e2e-default-chain.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../emulator/index.js'
import { FakeClock } from './helpers/fake-clock.js'
import { inProcessSteps, type StepResult } from './helpers/in-process.js'
import { DEPLOY_ROLE, VALID_INPUTS } from './helpers/fixtures.js'
import { DEFAULT_RETRY_POLICY } from '../src/aws/timing.js'

const INPUTS = { ...VALID_INPUTS, name: 'default-chain' }

const inProcess = inProcessSteps()
let emulator: Emulator
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'default-chain-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => {
  emulator = inProcess.emulator()
})

/** A token of the emulator's OIDC endpoint in a file, and the variables that point the SDK's chain at it. */
async function webIdentity(): Promise<Record<string, string>> {
  const answer = await fetch(`${emulator.oidcRequestUrl}&audience=sts.amazonaws.com`, {
    headers: { authorization: `Bearer ${emulator.oidcRequestToken}` }
  })
  const { value } = (await answer.json()) as { value: string }
  const file = join(dir, 'token')
  writeFileSync(file, value)
  return { AWS_ROLE_ARN: DEPLOY_ROLE, AWS_WEB_IDENTITY_TOKEN_FILE: file, AWS_ROLE_SESSION_NAME: 'eks-runner' }
}

const stsRequests = (): number => emulator.requests.filter((request) => request.service === 'sts').length
const errors = (result: StepResult): string[] => result.log.split('\n').filter((line) => line.startsWith('::error'))

describe('web identity from the default chain', () => {
  it('assumes the role and starts the job', async () => {
    const result = await inProcess.step(INPUTS, await webIdentity())
    expect(result.exitCode).toBe(0)
    expect(stsRequests()).toBe(1)
    expect(emulator.jobs).toHaveLength(1)
    const issued = emulator.issuedCredentials[0]!
    expect(result.log).toContain(`::add-mask::${issued.secretAccessKey}`)
  })

  it('tries an STS that does not answer again, after the attempt timeout', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'hang' })
    const clock = new FakeClock()
    const started = clock.now()
    const result = await inProcess.step(INPUTS, await webIdentity(), clock)
    expect(result.exitCode).toBe(0)
    expect(stsRequests()).toBe(2)
    expect(result.log).toContain('TimeoutError; trying again in')
    expect(clock.now() - started).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.attemptTimeoutMs)
  })

  it('ends an STS that never answers within the deadline, with one TimeoutError annotation', async () => {
    const hang = { kind: 'hang' } as const
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', ...Array.from({ length: 20 }, () => hang))
    const clock = new FakeClock()
    const started = clock.now()
    const result = await inProcess.step(INPUTS, await webIdentity(), clock)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('TimeoutError')
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toContain('Getting AWS credentials failed')
    expect(stsRequests()).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxAttempts)
    expect(clock.now() - started).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.deadlineMs)
    expect(emulator.jobs).toEqual([])
  })

  it('retries STS server errors itself, within the same bounds', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'error', status: 503 }, { kind: 'reset' })
    const result = await inProcess.step(INPUTS, await webIdentity())
    expect(result.exitCode).toBe(0)
    expect(stsRequests()).toBe(3)
  })

  it('fails at once when STS refuses the token', async () => {
    const result = await inProcess.step(INPUTS, { ...(await webIdentity()), AWS_ROLE_ARN: 'not-a-role' })
    expect(result.exitCode).toBe(1)
    expect(stsRequests()).toBe(1)
    expect(errors(result)).toHaveLength(1)
  })

  it('stops at once on a cancellation while STS does not answer', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'hang' })
    const clock = new FakeClock()
    let signalledAt: number | undefined
    const result = await inProcess.step(INPUTS, await webIdentity(), clock, {
      onRequest: (request) => {
        if (request.service !== 'sts' || signalledAt !== undefined) return
        signalledAt = clock.now()
        process.emit('SIGTERM', 'SIGTERM')
      }
    })
    expect(result.outputs['error-type']).toBe('StepCancelled')
    expect(errors(result)).toHaveLength(1)
    // Not a moment of the step's clock passes, and no request is made, after the signal.
    expect(clock.now()).toBe(signalledAt)
    expect(stsRequests()).toBe(1)
    expect(emulator.jobs).toEqual([])
  })
})
