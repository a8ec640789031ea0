// End to end: gating a release on the job (wait), safe re-runs (reuse) and dry runs.
import { startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import {
  EMULATOR_CREDENTIALS,
  ENV_CREDENTIALS,
  runAction,
  runnerEnv,
  type ActionRun,
  type RunOptions
} from './helpers/run-action.js'
import { MODEL_ARN, OTHER_MODEL_ARN, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'release-audience' }
const WAIT = { 'wait-for-completion': 'true' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => {
  emulator.reset()
  emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE']
  emulator.pageSize = 100
})

/** Polling and retries a hundred times faster than in a workflow; a run must show no secret. */
async function run(inputs: Record<string, string>, extra: Partial<RunOptions> = {}): Promise<ActionRun> {
  const result = await runAction({
    inputs,
    env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' },
    ...extra
  })
  expect(leaksIn(result, secretsOf(emulator))).toEqual([])
  return result
}

function count(operation: string): number {
  return emulator.requests.filter((request) => request.operation === operation).length
}

describe('wait-for-completion gates the step on the job', () => {
  it('succeeds when the job becomes ACTIVE, with status outputs and a log line per change', async () => {
    emulator.statusSequence = [
      'CREATE_PENDING',
      'CREATE_IN_PROGRESS',
      'CREATE_IN_PROGRESS',
      'CREATE_IN_PROGRESS',
      'ACTIVE'
    ]
    const result = await run({ ...INPUTS, ...WAIT })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'ACTIVE', 'status-details': '', created: 'true' })
    expect(count('GetAudienceGenerationJob')).toBe(4)
    expect(result.stdout.match(/^Status (\w+) after/gm)).toEqual([
      'Status CREATE_IN_PROGRESS after',
      'Status ACTIVE after'
    ])
    expect(result.summary).toContain('ACTIVE')
    expect(result.summary).toContain('Waited')
  })

  it("fails with the job's status details when it ends CREATE_FAILED", async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: 'SEED_TOO_SMALL', message: 'The seed has fewer than 25 matching users.' }
    const result = await run({ ...INPUTS, ...WAIT })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      status: 'CREATE_FAILED',
      'status-details': 'The seed has fewer than 25 matching users.',
      'error-type': 'JobFailed'
    })
    expect(result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]!.message).toContain(
      'The job ended CREATE_FAILED with SEED_TOO_SMALL: The seed has fewer than 25 matching users.'
    )
  })

  it('fails past wait-timeout-seconds, naming the last status, and leaves the job running', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS']
    const result = await run({ ...INPUTS, ...WAIT, 'wait-timeout-seconds': '1' })
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('WaitTimeout')
    expect(result.annotations[0]!.message).toMatch(
      /still CREATE_IN_PROGRESS after waiting 1s \(wait-timeout-seconds: 1\)/
    )
    expect(result.durationMs).toBeLessThan(10_000)
    expect(emulator.jobs[0]!.status).toBe('CREATE_IN_PROGRESS')
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': emulator.jobs[0]!.audienceGenerationJobArn,
      created: 'true',
      status: 'CREATE_IN_PROGRESS'
    })
  })

  it('ends at wait-timeout-seconds plus at most one attempt timeout when every status check hangs', async () => {
    emulator.fault(
      'cleanrooms-ml',
      'GetAudienceGenerationJob',
      ...Array.from({ length: 100 }, () => ({ kind: 'hang' }) as const)
    )
    // At this scale an attempt times out after 1.5 s; a check retried on its own would take 18 s and more.
    const result = await runAction({
      inputs: { ...INPUTS, ...WAIT, 'wait-timeout-seconds': '3' },
      env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.1' }
    })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      'error-type': 'WaitTimeout',
      'audience-generation-job-arn': emulator.jobs[0]!.audienceGenerationJobArn,
      created: 'true'
    })
    expect(result.annotations[0]!.message).toContain('still not reported after waiting')
    expect(result.durationMs).toBeLessThan(3_000 + 1_500 + 5_000)
  })

  it('keeps waiting through throttling and server errors', async () => {
    const throttle = { kind: 'error', status: 429, type: 'ThrottlingException' } as const
    emulator.fault(
      'cleanrooms-ml',
      'GetAudienceGenerationJob',
      throttle,
      throttle,
      { kind: 'error', status: 500 },
      throttle
    )
    const result = await run({ ...INPUTS, ...WAIT })
    expect(result.code).toBe(0)
    expect(result.outputs['status']).toBe('ACTIVE')
    expect(count('GetAudienceGenerationJob')).toBe(6)
  })

  it('stops at once when the runner cancels the step, keeping the outputs already set', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS']
    const result = await run(
      { ...INPUTS, ...WAIT, 'wait-timeout-seconds': '600' },
      { signal: { name: 'SIGTERM', when: 'Status CREATE_IN_PROGRESS' } }
    )
    expect(result.code).toBe(1)
    expect(result.durationMs).toBeLessThan(10_000)
    expect(result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(result.outputs['error-type']).toBe('StepCancelled')
    expect(result.summary).toContain('The wait was cancelled; the job keeps running in AWS.')
  })
})

describe('if-exists: reuse makes re-runs safe', () => {
  it('carries on with the existing job of the same name and model', async () => {
    const existing = emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'CREATE_IN_PROGRESS'
    })
    const result = await run({ ...INPUTS, ...WAIT, 'if-exists': 'reuse' })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': existing.audienceGenerationJobArn,
      created: 'false',
      status: 'ACTIVE'
    })
    expect(result.annotations).toEqual([
      expect.objectContaining({ level: 'notice', title: 'Reusing the existing audience generation job' })
    ])
    expect(emulator.jobs).toHaveLength(1)
  })

  it('finds the job across every page of the listing', async () => {
    emulator.pageSize = 2
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    for (let i = 0; i < 5; i++)
      emulator.addJob({ name: `other-${i}`, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    const result = await run({ ...INPUTS, 'if-exists': 'reuse' })
    expect(result.code).toBe(0)
    expect(result.outputs['created']).toBe('false')
    expect(count('ListAudienceGenerationJobs')).toBe(3)
  })

  it('refuses a job of that name for another model, naming it', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: OTHER_MODEL_ARN, status: 'ACTIVE' })
    const result = await run({ ...INPUTS, 'if-exists': 'reuse' })
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('ExistingJobMismatch')
    expect(result.annotations[0]!.message).toContain(OTHER_MODEL_ARN)
    expect(result.outputs['audience-generation-job-arn']).toBeUndefined()
  })

  it('refuses a job of that name in another collaboration', async () => {
    emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      collaborationId: '11111111-1111-1111-1111-111111111111'
    })
    const result = await run({
      ...INPUTS,
      'if-exists': 'reuse',
      'collaboration-id': '22222222-2222-2222-2222-222222222222'
    })
    expect(result.code).toBe(1)
    expect(result.annotations[0]!.message).toContain(
      'already exists in collaboration 11111111-1111-1111-1111-111111111111'
    )
  })

  it('survives a lost answer: the retry meets the job the first attempt created', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', { kind: 'store-then-reset' })
    const result = await run({ ...INPUTS, 'if-exists': 'reuse' })
    expect(result.code).toBe(0)
    expect(emulator.jobs).toHaveLength(1)
    expect(result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
  })

  it('with if-exists: fail, explains that a lost attempt probably created the job', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', { kind: 'store-then-reset' })
    const result = await run(INPUTS)
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('ConflictException')
    expect(result.annotations[0]!.message).toContain('an earlier attempt of this step lost its answer')
    expect(emulator.jobs).toHaveLength(1)
  })
})

describe('dry-run checks everything and sends nothing', () => {
  it('prints the exact request with sensitive values redacted, and makes no network call', async () => {
    const result = await run({
      ...INPUTS,
      'seed-audience-s3-uri': '',
      'seed-audience-sql-query': 'SELECT id FROM secret_table',
      'seed-audience-sql-parameters': 'since=2026-01-01',
      'dry-run': 'true',
      'role-to-assume': 'arn:aws:iam::123456789012:role/deploy'
    })
    expect(result.code).toBe(0)
    expect(emulator.requests).toEqual([])
    expect(result.stdout).toContain(`POST ${emulator.cleanroomsUrl}/audience-generation-job`)
    expect(result.stdout).toContain('"since": "***"')
    expect(result.stdout).toContain('"queryString": "***"')
    expect(result.stdout).not.toContain('secret_table')
    expect(result.stdout).not.toContain('2026-01-01')
    expect(result.outputs).toEqual({})
    expect(result.summary).toContain('Dry run: every input is valid, and nothing was sent to AWS')
    // The summary shows the request as the log does, redacted.
    expect(result.summary).toContain('&#34;queryString&#34;: &#34;***&#34;')
    expect(result.summary).not.toMatch(/secret_table|2026-01-01/)
  })

  it('still fails on invalid inputs', async () => {
    const result = await run({ ...INPUTS, 'dry-run': 'true', 'sql-compute-worker-count': '1' })
    expect(result.code).toBe(1)
    expect(result.annotations.map((a) => a.title)).toEqual([
      'Invalid input: sql-compute-worker-count',
      'Invalid input: sql-compute-worker-count'
    ])
  })
})
