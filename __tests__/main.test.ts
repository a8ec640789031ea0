// The whole step in-process (src/main.ts run()), against the emulator, with an injected clock so
// that waits of hours take no time. The end-to-end suites cover the same paths through dist/.
import type { Emulator } from '../emulator/index.js'
import { FAULT_SCENARIOS } from './fault-scenarios.js'
import { FakeClock } from './helpers/fake-clock.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'

const MODEL_ARN = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/model'
const INPUTS = {
  name: 'in-process',
  'configured-audience-model-arn': MODEL_ARN,
  'seed-audience-role-arn': 'arn:aws:iam::123456789012:role/seed',
  'seed-audience-s3-uri': 's3://bucket/seed.jsonl',
  'aws-region': 'us-east-1'
}
const OIDC = { 'role-to-assume': 'arn:aws:iam::123456789012:role/deploy' }

const inProcess = inProcessSteps()
const step = inProcess.step
let emulator: Emulator
beforeEach(() => {
  emulator = inProcess.emulator()
})

describe('a full launch with OIDC, waiting until the job is ACTIVE', () => {
  it('sets every output and succeeds', async () => {
    const result = await step({ ...INPUTS, ...OIDC, 'wait-for-completion': 'true' })
    if (result.exitCode !== 0) console.error(result.log)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ created: 'true', status: 'ACTIVE' })
    expect(result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(result.log).toContain('The job is ACTIVE after')
    expect(result.summary).toContain('Created by this step')
  })

  it('masks the token and every credential before using them', async () => {
    const result = await step({ ...INPUTS, ...OIDC })
    const issued = emulator.issuedCredentials[0]!
    for (const secret of [
      emulator.issuedTokens[0]!.value,
      issued.accessKeyId,
      issued.secretAccessKey,
      issued.sessionToken
    ]) {
      expect(result.log).toContain(`::add-mask::${secret}`)
    }
  })
})

describe('long waits are bounded and never look hung', () => {
  it('logs a line at least every five minutes while the status stays the same', async () => {
    emulator.statusSequence = [
      'CREATE_PENDING',
      ...Array.from({ length: 30 }, () => 'CREATE_IN_PROGRESS' as const),
      'ACTIVE'
    ]
    const result = await step(
      { ...INPUTS, 'wait-for-completion': 'true', 'wait-timeout-seconds': '21600' },
      {
        ...ENV_CREDENTIALS,
        CLEANROOMS_ML_ACTION_TIME_SCALE: '1'
      }
    )
    expect(result.exitCode).toBe(0)
    expect(result.log).toMatch(/^Still CREATE_IN_PROGRESS after \d+m \d+s$/m)
  })

  it('renews role credentials before they expire during a long wait', async () => {
    emulator.statusSequence = [
      'CREATE_PENDING',
      ...Array.from({ length: 60 }, () => 'CREATE_IN_PROGRESS' as const),
      'ACTIVE'
    ]
    const result = await step(
      {
        ...INPUTS,
        ...OIDC,
        'role-duration-seconds': '900',
        'wait-for-completion': 'true',
        'wait-timeout-seconds': '21600'
      },
      { CLEANROOMS_ML_ACTION_TIME_SCALE: '1' }
    )
    expect(result.exitCode).toBe(0)
    // About an hour of polling with 15-minute sessions renewed 5 minutes early: one role session per 10 minutes.
    const sessions = emulator.requests.filter((request) => request.operation === 'AssumeRoleWithWebIdentity').length
    expect(sessions).toBeGreaterThanOrEqual(5)
    expect(emulator.requests.filter((request) => request.operation === 'GetIdToken')).toHaveLength(sessions)
  })

  it('gives up at wait-timeout-seconds, polling with capped backoff', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS']
    const clock = new FakeClock()
    const result = await step(
      { ...INPUTS, 'wait-for-completion': 'true', 'wait-timeout-seconds': '3600' },
      { ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '1' },
      clock
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('WaitTimeout')
    expect(result.log).toContain('still CREATE_IN_PROGRESS after waiting 1h 0m')
    // 5 s, then doubling, capped at a minute (jitter of at most a fifth below).
    expect(clock.sleeps.slice(0, 6)).toEqual([4500, 9000, 18000, 36000, 54000, 54000])
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(60_000)
  })

  it('stops at once when the runner sends SIGTERM', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS']
    const clock = new FakeClock()
    const sleep = clock.sleep.bind(clock)
    clock.sleep = async (ms, signal) => {
      if (clock.sleeps.length === 2) process.emit('SIGTERM', 'SIGTERM')
      return sleep(ms, signal)
    }
    const result = await step({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS, clock)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('StepCancelled')
    expect(result.log).toContain('Received SIGTERM: stopping.')
    expect(result.summary).toContain('The wait was cancelled')
    expect(process.listenerCount('SIGTERM')).toBe(0)
  })
})

describe('transient faults end in success', () => {
  it('retries STS throttling and server errors', async () => {
    emulator.fault(
      'sts',
      'AssumeRoleWithWebIdentity',
      { kind: 'error', status: 400, type: 'Throttling' },
      { kind: 'error', status: 503 }
    )
    const result = await step({ ...INPUTS, ...OIDC })
    expect(result.exitCode).toBe(0)
    expect(emulator.requests.filter((r) => r.service === 'sts')).toHaveLength(3)
  })

  it('waits through a transient error that outlasts the retries of one check', async () => {
    const unavailable = { kind: 'error', status: 503, type: 'ServiceUnavailable' } as const
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', ...Array.from({ length: 12 }, () => unavailable))
    const result = await step({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.log).toContain("::warning::Checking the job's status failed with ServiceUnavailable; still waiting.")
  })
})

describe('permanent faults end in one annotation and exit 1', () => {
  it('fails the wait at once when the job cannot be read', async () => {
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', {
      kind: 'error',
      status: 403,
      type: 'AccessDeniedException'
    })
    const result = await step({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(result.log).toContain('title=AccessDeniedException%3A Waiting for the audience generation job failed')
    expect(result.log).toContain('cleanrooms-ml:GetAudienceGenerationJob (wait-for-completion)')
  })

  it('explains server errors that outlast every retry', async () => {
    const failure = { kind: 'error', status: 500, type: 'InternalServerException' } as const
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', ...Array.from({ length: 12 }, () => failure))
    const result = await step(INPUTS, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('InternalServerException')
    expect(result.log).toContain('This is on AWS')
  })

  it('explains a service that never answers', async () => {
    emulator.fault(
      'cleanrooms-ml',
      'StartAudienceGenerationJob',
      ...Array.from({ length: 12 }, () => ({ kind: 'hang' }) as const)
    )
    const result = await step(INPUTS, { ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.002' })
    expect(result.outputs['error-type']).toBe('TimeoutError')
    expect(result.log).toContain('No answer came in time')
  })

  it('explains an OIDC token endpoint that keeps failing', async () => {
    emulator.fault('oidc', 'GetIdToken', ...Array.from({ length: 20 }, () => ({ kind: 'error', status: 401 }) as const))
    const result = await step({ ...INPUTS, ...OIDC })
    expect(result.outputs['error-type']).toBe('OidcTokenUnavailable')
    expect(emulator.requests.filter((r) => r.service === 'sts')).toHaveLength(0)
  })

  it('retries an OIDC token endpoint that does not answer, and explains one that never does', async () => {
    emulator.fault('oidc', 'GetIdToken', { kind: 'hang' })
    const recovered = await step({ ...INPUTS, ...OIDC }, { CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' })
    expect(recovered.exitCode).toBe(0)
    expect(emulator.requests.filter((r) => r.service === 'oidc')).toHaveLength(2)
    emulator.reset()
    emulator.fault('oidc', 'GetIdToken', ...Array.from({ length: 12 }, () => ({ kind: 'hang' }) as const))
    const failed = await step({ ...INPUTS, ...OIDC }, { CLEANROOMS_ML_ACTION_TIME_SCALE: '0.002' })
    expect(failed.outputs['error-type']).toBe('TimeoutError')
    expect(emulator.requests.filter((r) => r.service === 'sts')).toHaveLength(0)
  })
})

describe('settings outside the inputs are checked too', () => {
  it('rejects a time scale outside (0, 1]', async () => {
    const result = await step(INPUTS, { CLEANROOMS_ML_ACTION_TIME_SCALE: '2' })
    expect(result.exitCode).toBe(1)
    expect(result.log).toContain(
      'Input CLEANROOMS_ML_ACTION_TIME_SCALE must be a number greater than 0 and at most 1; got "2".'
    )
    expect(emulator.requests).toEqual([])
  })

  it('names FIPS when the endpoint rules refuse it with a custom endpoint', async () => {
    const result = await step(INPUTS, { AWS_USE_FIPS_ENDPOINT: 'true' })
    expect(result.exitCode).toBe(1)
    expect(result.log).toContain('title=Invalid input%3A AWS_USE_FIPS_ENDPOINT')
    expect(result.log).toContain('FIPS and custom endpoint are not supported')
  })

  it('describes the job generically outside a workflow run', async () => {
    await step(INPUTS, { ...ENV_CREDENTIALS, GITHUB_REPOSITORY: undefined })
    expect(JSON.parse(emulator.requests[0]!.body).description).toBe('Started by GitHub Actions')
  })
})

describe('if-exists: reuse', () => {
  it('reuses the job of the same name and model', async () => {
    const existing = emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': existing.audienceGenerationJobArn,
      created: 'false'
    })
  })

  it('refuses a job of that name for another model', async () => {
    const other = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/other'
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: other, status: 'ACTIVE' })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('ExistingJobMismatch')
    expect(result.log).toContain(other)
  })

  it('explains a conflict with no job of that name to be found', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 409,
      type: 'ConflictException'
    })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('ExistingJobMismatch')
    expect(result.log).toContain('no such job is listed in this account')
  })

  it('checks the collaboration when one is given', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    const result = await step(
      { ...INPUTS, 'if-exists': 'reuse', 'collaboration-id': '22222222-2222-2222-2222-222222222222' },
      ENV_CREDENTIALS
    )
    expect(result.log).toContain('already exists in collaboration (none)')
  })
})

describe('dry run and credentials in-process', () => {
  it('prints the request and sends nothing', async () => {
    const result = await step({ ...INPUTS, 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(result.log).toContain(`POST ${emulator.cleanroomsUrl}/audience-generation-job`)
    expect(result.summary).toContain('(dry run)')
    expect(emulator.requests).toEqual([])
  })

  it('finds no credentials in an empty environment', async () => {
    const result = await step(INPUTS)
    expect(result.outputs['error-type']).toBe('CredentialsNotFound')
  })

  it('writes no summary outside a runner', async () => {
    const result = await step({ ...INPUTS, 'dry-run': 'true' }, { GITHUB_STEP_SUMMARY: undefined })
    expect(result.exitCode).toBe(0)
    expect(result.summary).toBe('')
  })

  it('rejects a time scale that is not a number', async () => {
    const result = await step(INPUTS, { CLEANROOMS_ML_ACTION_TIME_SCALE: 'fast' })
    expect(result.log).toContain('got "fast"')
  })
})

describe('every fault scenario ends the same way in-process as through dist/', () => {
  it.each(FAULT_SCENARIOS.map((scenario) => [`${scenario.group}: ${scenario.name}`, scenario] as const))(
    '%s',
    async (_, scenario) => {
      scenario.setup(emulator)
      const oidc = 'role-to-assume' in (scenario.inputs ?? {})
      const result = await step(
        { ...INPUTS, ...scenario.inputs },
        {
          ...(oidc ? {} : ENV_CREDENTIALS),
          CLEANROOMS_ML_ACTION_TIME_SCALE: '0.02',
          ...scenario.env
        }
      )
      expect({
        code: result.exitCode,
        errorType: result.outputs['error-type'] ?? '',
        jobs: emulator.jobs.length
      }).toEqual({
        code: scenario.expect.code,
        errorType: scenario.expect.errorType ?? '',
        jobs: scenario.expect.jobs
      })
    }
  )
})
