import { readFileSync } from 'node:fs'
import { ERROR_TYPES, hintFor } from '../src/report/error-types.js'
import { describeFailure } from '../src/report/failures.js'
import type { Settings } from '../src/inputs/settings.js'
import type { StepState } from '../src/report/progress.js'
import { MODEL_ARN, SEED_ROLE, VALID_REQUEST, VALID_SETTINGS } from './helpers/fixtures.js'
import { AccessDeniedException, ConflictException, ServiceQuotaExceededException } from '../src/cleanroomsml/index.js'

const SETTINGS: Settings = {
  ...VALID_SETTINGS,
  request: { ...VALID_REQUEST, name: 'job-1' },
  credentials: { ...VALID_SETTINGS.credentials, audience: 'custom-aud' } as Settings['credentials'],
  waitForCompletion: true,
  waitTimeoutSeconds: 60,
  ifExists: 'reuse'
}

function named(name: string, message = 'm', metadata: object = {}): Error {
  return Object.assign(new Error(message), { name, $metadata: metadata })
}

function describe_(error: unknown, settings = SETTINGS, progress: StepState = { phase: 'start' }) {
  return describeFailure(error, settings, { GITHUB_REPOSITORY: 'o/r' }, progress)
}

describe('a failure annotation names the exception and what to do', () => {
  it('titles the annotation with the type and the step, and carries status, request id and attempts', () => {
    const failure = describe_(
      new AccessDeniedException({
        message: 'User is not authorized',
        $metadata: { httpStatusCode: 403, requestId: 'r-1', attempts: 1 }
      })
    )
    expect(failure.errorType).toBe('AccessDeniedException')
    expect(failure.title).toBe('AccessDeniedException: Starting the audience generation job failed')
    expect(failure.message.split('\n')[0]).toBe('User is not authorized (HTTP 403, request id r-1, 1 attempt)')
  })

  it('lists every IAM action the inputs need on AccessDenied', () => {
    const message = describe_(named('AccessDeniedException')).message
    for (const action of [
      `cleanrooms-ml:StartAudienceGenerationJob on ${MODEL_ARN}`,
      `iam:PassRole on ${SEED_ROLE}`,
      'cleanrooms-ml:ListAudienceGenerationJobs (if-exists: reuse)',
      'cleanrooms-ml:GetAudienceGenerationJob (wait-for-completion)'
    ]) {
      expect(message).toContain(action)
    }
    expect(message).not.toContain('TagResource')
  })

  it('gives the quota on ServiceQuotaExceeded, with or without its name', () => {
    const withQuota = new ServiceQuotaExceededException({
      message: 'm',
      $metadata: {},
      quotaName: 'Jobs',
      quotaValue: 10
    })
    expect(describe_(withQuota).message).toContain('Quota Jobs (10) is reached')
    expect(describe_(named('ServiceQuotaExceededException')).message).toContain(
      'Quota on audience generation jobs is reached'
    )
  })

  it('tells a plain conflict from one a lost attempt caused', () => {
    expect(describe_(new ConflictException({ message: 'm', $metadata: { attempts: 1 } })).message).toContain(
      'job names are unique per account'
    )
    expect(describe_(new ConflictException({ message: 'm', $metadata: { attempts: 2 } })).message).toContain(
      'lost its answer'
    )
  })

  // With if-exists: fail, what to change depends on how the name was built and which attempt of the run this is.
  it.each([
    [
      'a re-run of a run whose id is in the name',
      'weekly-4242',
      { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' },
      'this is attempt 2 of run 4242, and a re-run keeps github.run_id, so an earlier attempt most likely started ' +
        'this job. Set if-exists: reuse to carry on with it on re-runs (if-exists: replace-failed also replaces it ' +
        'when it failed), or add github.run_attempt to the name'
    ],
    [
      "another job of the run, the run's id in the name",
      'weekly-4242',
      { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' },
      "its name includes this run's id (4242): another job or step of this run (a matrix leg, for example)"
    ],
    [
      'a name that is the same on every run',
      'weekly',
      { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '3' },
      'this name is the same on every run. Include github.run_id in the name'
    ],
    ['a name outside a workflow run', 'weekly', {}, 'this name is the same on every run']
  ])('explains a conflict on %s', (_case, name, env, hint) => {
    const settings: Settings = { ...SETTINGS, ifExists: 'fail', request: { ...SETTINGS.request, name } }
    const conflict = new ConflictException({ message: 'taken', $metadata: { attempts: 1 } })
    const message = describeFailure(conflict, settings, env, { phase: 'start' }).message
    expect(message).toContain(`A job named "${name}" already exists`)
    expect(message).toContain(hint)
  })

  it.each([
    ['InvalidIdentityTokenException', 'token.actions.githubusercontent.com:aud = custom-aud'],
    ['IDPRejectedClaimException', 'repo:o/r:*'],
    ['AccessDenied', 'trust policy'],
    ['ThrottlingException', 'Run fewer jobs at once'],
    ['Throttling', 'Run fewer jobs at once'],
    ['ResourceNotFoundException', 'exists in us-east-1'],
    ['ValidationException', 'a rule only the service knows'],
    ['StepCancelled', 'The action stopped at once.'],
    ['WaitTimeout', 'Raise wait-timeout-seconds'],
    ['JobFailed', 'AWS Clean Rooms console'],
    ['ExistingJobMismatch', 'same name, model and collaboration'],
    ['TimeoutError', 'No answer came in time']
  ])('%s has a hint', (name, hint) => {
    expect(describe_(named(name)).message).toContain(hint)
  })

  it('falls back on the HTTP status for errors of other names', () => {
    expect(describe_(named('Weird', 'boom', { httpStatusCode: 502 })).message).toContain("This is on AWS's side")
    expect(describe_(named('Weird', 'boom', { httpStatusCode: 400 })).message).toBe(
      'boom (HTTP 400)\nAWS refused the request with Weird; its message says why. Correct what it names (an ' +
        'input, a permission, the state of a resource), then re-run.'
    )
    expect(describe_(named('Weird', 'boom')).message).toContain('The action did not expect this failure')
  })

  it('describes things that are not errors, and errors without a message', () => {
    expect(describe_('a string')).toMatchObject({ errorType: 'Error', reason: 'a string' })
    expect(describe_(named('Empty', '  ')).message.split('\n')[0]).toBe('no message')
  })

  it('uses the default audience in the trust hint when credentials come from the environment', () => {
    const message = describe_(named('AccessDenied'), { ...SETTINGS, credentials: { source: 'environment' } }).message
    expect(message).toContain('aud = sts.amazonaws.com')
  })
})

describe('a cancelled step says what it left behind', () => {
  const cancelled = named('StepCancelled', 'The runner cancelled the step (SIGTERM).')

  it('says no job was started when credentials were being fetched', () => {
    const failure = describe_(cancelled, SETTINGS, { phase: 'credentials' })
    expect(failure.title).toBe('StepCancelled: Getting AWS credentials failed')
    expect(failure.message).toContain('No job was started.')
  })

  it('says the job may exist, by name, when the start request was in flight', () => {
    const { message } = describe_(cancelled, SETTINGS, { phase: 'start' })
    expect(message).toContain('job "job-1" was in flight, so the job may have been created')
    expect(message).toContain('if-exists: reuse')
  })

  it('names the running job once its ARN is known', () => {
    const jobArn = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/j'
    const { message } = describe_(cancelled, SETTINGS, { phase: 'wait', jobArn, created: true })
    expect(message).toContain(`The job keeps running in AWS: ${jobArn}`)
  })
})

describe('a network failure is named NetworkError, with the code and the host it tried', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), {
        code: 'ECONNREFUSED',
        address: '127.0.0.1',
        port: 443
      }),
      'The connection to 127.0.0.1:443 failed: ECONNREFUSED.'
    ],
    [
      'a name that does not resolve',
      Object.assign(new Error('getaddrinfo ENOTFOUND sts.example.test'), {
        code: 'ENOTFOUND',
        hostname: 'sts.example.test'
      }),
      'The connection to sts.example.test failed: ENOTFOUND.'
    ],
    [
      'every address of a host refusing',
      Object.assign(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED', address: '::1', port: 80 })]),
        {
          code: undefined
        }
      ),
      'The connection to ::1:80 failed: ECONNREFUSED.'
    ]
  ])('%s', (_, error, message) => {
    const failure = describe_(error)
    expect(failure.errorType).toBe('NetworkError')
    expect(failure.message.split('\n')[0]).toBe(message)
    expect(failure.message).toContain('proxy settings')
  })

  it('leaves errors that are not about the network alone', () => {
    const failure = describe_(Object.assign(new Error('bad'), { code: 'ERR_INVALID_ARG_TYPE' }))
    expect(failure.errorType).toBe('Error')
  })
})

describe('the README lists every error type, and each has a hint', () => {
  /** The backquoted names of the README's "`error-type` is one of:" paragraph. */
  function readmeErrorTypes(): string[] {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const start = readme.indexOf('`error-type` is one of:')
    const paragraph = readme.slice(start, readme.indexOf('\n\n', start))
    return [...paragraph.matchAll(/`([^`]+)`/g)]
      .map((match) => match[1]!)
      .filter((name) => name !== 'error-type' && name !== 'HTTP<status>')
  }

  it("names exactly the code's error types", () => {
    expect(readmeErrorTypes().length).toBeGreaterThan(20)
    expect([...readmeErrorTypes()].sort()).toEqual(Object.keys(ERROR_TYPES).sort())
  })

  it.each(Object.keys(ERROR_TYPES))('%s has a hint', (name) => {
    const hint = hintFor({ facts: { name, message: 'm' }, settings: SETTINGS, env: {}, progress: { phase: 'start' } })
    expect(hint.length).toBeGreaterThan(20)
  })
})

/** The hint a step gives for an error name with this status. */
function hintOf(name: string, status?: number, settings: Settings = SETTINGS, phase: StepState['phase'] = 'start') {
  const facts = { name, message: 'm', ...(status !== undefined ? { status } : {}) }
  return hintFor({ facts, settings, env: {}, progress: { phase } })
}

describe('every error a step can meet explains itself', () => {
  const model = JSON.parse(readFileSync(new URL('../model/cleanroomsml.service-2.json', import.meta.url), 'utf8')) as {
    shapes: Record<string, { exception?: boolean; error?: { httpStatusCode?: number } }>
  }
  const modelErrors = Object.entries(model.shapes)
    .filter(([, shape]) => shape.exception === true)
    .map(([name, shape]) => [name, shape.error?.httpStatusCode ?? 400] as const)
  const common = JSON.parse(readFileSync(new URL('./fixtures/aws-common-errors.json', import.meta.url), 'utf8')) as {
    sts: string[]
    restJson1: string[]
  }

  it('reads the errors of the model', () => {
    expect(modelErrors.map(([name]) => name)).toEqual(
      expect.arrayContaining(['AccessDeniedException', 'ConflictException', 'InternalServiceException'])
    )
  })

  // A hint of its own: not the one any other name with the same status gets.
  it.each([...modelErrors, ...common.sts.map((name) => [name, 403] as const)])(
    'the model and STS: %s (HTTP %s)',
    (name, status) => {
      const hint = hintOf(name, status)
      expect(hint.length).toBeGreaterThan(40)
      if (status < 500 && status !== 429) expect(hint).not.toBe(hintOf('SomeOtherException', status))
    }
  )

  it.each(common.restJson1.map((name) => [name, 403] as const))('Clean Rooms ML: %s', (name, status) => {
    const hint = hintOf(name, status)
    expect(hint.length).toBeGreaterThan(40)
    expect(hint).not.toBe(hintOf('SomeOtherException', status))
  })

  it.each([400, 401, 403, 404, 405, 407, 408, 413, 418, 429, 451, 500, 502, 503, 504, 599])(
    'an answer with HTTP %s and no error type',
    (status) => {
      const hint = hintOf(`HTTP${status}`, status)
      expect(hint.length).toBeGreaterThan(40)
      if (status >= 500) expect(hint).toContain("on AWS's side")
      else if (status === 429) expect(hint).toContain('throttling')
      else expect(hint).toContain(`(HTTP ${status}) carried no AWS error type`)
    }
  )

  it.each([
    ['Unknown', 403],
    ['UnknownError', 401],
    ['NotFound', 404]
  ])("STS's client names an answer without a type %s (HTTP %s)", (name, status) => {
    expect(hintOf(name, status)).toContain(`(HTTP ${status}) carried no AWS error type`)
  })

  it("says a typeless 403 most likely came from a proxy or firewall, not AWS's API", () => {
    const failure = describe_(
      named('HTTP403', 'HTTP 403: Forbidden: request blocked by policy', { httpStatusCode: 403 })
    )
    expect(failure.errorType).toBe('HTTP403')
    expect(failure.hint).toContain('a proxy, a firewall or a gateway')
    expect(failure.hint).toContain('HTTPS_PROXY')
  })

  it('tells an unknown access key and a wrong secret apart, naming where the credentials came from', () => {
    const environment: Settings = { ...SETTINGS, credentials: { source: 'environment' } }
    for (const name of ['UnrecognizedClientException', 'InvalidClientTokenId']) {
      expect(hintOf(name, 403, environment)).toContain('AWS does not know the access key')
      expect(hintOf(name, 403, environment)).toContain('AWS_ACCESS_KEY_ID')
    }
    for (const name of ['InvalidSignatureException', 'SignatureDoesNotMatch']) {
      expect(hintOf(name, 403, environment)).toContain('the secret access key does not belong to the access key ID')
    }
    expect(hintOf('InvalidSignatureException', 403)).toContain('role session STS gave for role-to-assume')
    expect(hintOf('IncompleteSignature', 403, environment)).toContain('Authorization header was incomplete')
  })
})

describe('an expired token is explained by where the credentials came from', () => {
  const environment: Settings = { ...SETTINGS, credentials: { source: 'environment' } }

  it.each([
    ['OIDC, at STS', SETTINGS, 'credentials', "The workflow's OIDC token expired before STS saw it"],
    ['OIDC, at Clean Rooms ML', SETTINGS, 'wait', 'The role session from role-to-assume expired'],
    ['the environment, at Clean Rooms ML', environment, 'start', 'The session credentials in the environment'],
    ['the default chain, exchanging a token', environment, 'credentials', 'AWS_WEB_IDENTITY_TOKEN_FILE']
  ] as const)('%s', (_case, settings, phase, hint) => {
    expect(hintOf('ExpiredTokenException', 403, settings, phase)).toContain(hint)
    expect(hintOf('ExpiredToken', 403, settings, phase)).toContain(hint)
  })

  it.each([
    ['credentials', 'The session credentials in the environment (AWS_SESSION_TOKEN'],
    ['start', 'The role session from role-to-assume expired']
  ] as const)('role-chaining, at %s', (phase, hint) => {
    const chained: Settings = {
      ...SETTINGS,
      credentials: {
        source: 'chained',
        roleArn: 'arn:aws:iam::123456789012:role/r',
        roleSessionName: 's',
        durationSeconds: 900
      }
    }
    expect(hintOf('ExpiredTokenException', 403, chained, phase)).toContain(hint)
    expect(hintOf('InvalidClientTokenId', 403, chained, phase)).toContain(
      phase === 'credentials' ? 'to assume role-to-assume with (role-chaining)' : 'the role session STS gave'
    )
  })

  it('never speaks of OIDC when the step did not use it', () => {
    for (const phase of ['credentials', 'start', 'reuse', 'wait'] as const) {
      expect(hintOf('ExpiredTokenException', 403, environment, phase)).not.toMatch(/OIDC token expired/)
    }
  })
})
