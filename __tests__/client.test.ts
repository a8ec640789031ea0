import { Readable } from 'node:stream'
import type { HttpRequest } from '@smithy/core/protocols'
import type { HttpResponse } from '@smithy/types'
import {
  AccessDeniedException,
  CleanRoomsMLClient,
  CleanRoomsMLServiceException,
  ConflictException,
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  ServiceQuotaExceededException,
  StartAudienceGenerationJobCommand,
  ThrottlingException,
  ValidationException
} from '../src/cleanroomsml/index.js'
import { BODY_EXCERPT_CHARS } from '../src/cleanroomsml/protocol.js'
import type { RetryPolicy } from '../src/retry.js'
import { FakeClock } from './helpers/fake-clock.js'
// @ts-expect-error the emulator is plain JavaScript without types for this module
import { verifySigV4 } from '../emulator/sigv4.js'

const JOB_ARN = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/abc'
const MODEL_ARN = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/m'
const REQUEST = {
  name: 'job',
  configuredAudienceModelArn: MODEL_ARN,
  seedAudience: { roleArn: 'arn:aws:iam::123456789012:role/r', dataSource: { s3Uri: 's3://b/k' } }
}
const POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 1000,
  maxDelayMs: 5000,
  attemptTimeoutMs: 1000,
  deadlineMs: 60_000
}

type Answer = { status: number; reason?: string; headers?: Record<string, string>; body?: string } | Error | 'hang'

/** A request handler that answers from a script and records what it was sent. */
class ScriptedHandler {
  readonly requests: HttpRequest[] = []
  constructor(private readonly answers: Answer[]) {}
  async handle(request: HttpRequest, options?: { abortSignal?: AbortSignal }): Promise<{ response: HttpResponse }> {
    this.requests.push(request)
    const answer = this.answers.shift() ?? { status: 500, body: '{}' }
    if (answer === 'hang') {
      return new Promise((_, reject) =>
        options?.abortSignal?.addEventListener('abort', () => reject(new Error('aborted')))
      )
    }
    if (answer instanceof Error) throw answer
    return {
      response: {
        statusCode: answer.status,
        ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
        headers: { 'x-amzn-requestid': `req-${this.requests.length}`, ...(answer.headers ?? {}) },
        body: Readable.from([Buffer.from(answer.body ?? '')])
      }
    }
  }
}

/** Signatures are dated at noon on a fixed day, so no expectation depends on today's date. */
const SIGNING_TIME = Date.UTC(2020, 0, 15, 12, 0, 0)

function clientWith(answers: Answer[], policy = POLICY, clock = new FakeClock()) {
  const handler = new ScriptedHandler(answers)
  const client = new CleanRoomsMLClient({
    region: 'us-east-1',
    systemClockOffset: SIGNING_TIME - Date.now(),
    endpoint: 'https://cleanrooms-ml.us-east-1.amazonaws.com',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    retryPolicy: policy,
    clock,
    requestHandler: handler
  })
  return { client, handler, clock }
}

const ok = (body: object): Answer => ({ status: 200, body: JSON.stringify(body) })
const error = (status: number, type: string, message = 'msg'): Answer => ({
  status,
  headers: { 'x-amzn-errortype': type },
  body: JSON.stringify({ message })
})

describe('requests are restJson1, signed with SigV4 for cleanrooms-ml', () => {
  it('POSTs the request body exactly and returns the ARN with metadata', async () => {
    const { client, handler } = clientWith([ok({ audienceGenerationJobArn: JOB_ARN })])
    const output = await client.send(new StartAudienceGenerationJobCommand(REQUEST))
    expect(output.audienceGenerationJobArn).toBe(JOB_ARN)
    expect(output.$metadata).toMatchObject({ httpStatusCode: 200, requestId: 'req-1', attempts: 1 })
    const sent = handler.requests[0]!
    expect([sent.method, sent.hostname, sent.path]).toEqual([
      'POST',
      'cleanrooms-ml.us-east-1.amazonaws.com',
      '/audience-generation-job'
    ])
    expect(JSON.parse(sent.body as string)).toEqual(REQUEST)
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.headers['x-amz-date']).toMatch(/^20200115T1200\d\dZ$/)
    expect(sent.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20200115\/us-east-1\/cleanrooms-ml\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/
    )
  })

  it.each([
    ['fips-us-east-1', 'us-east-1'],
    ['us-gov-west-1-fips', 'us-gov-west-1']
  ])('signs for the real Region of the FIPS pseudo-Region %s', async (pseudo, real) => {
    const handler = new ScriptedHandler([ok({ audienceGenerationJobArn: JOB_ARN })])
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }
    const client = new CleanRoomsMLClient({
      region: pseudo,
      endpoint: `https://cleanrooms-ml-fips.${real}.amazonaws.com`,
      credentials,
      retryPolicy: POLICY,
      requestHandler: handler
    })
    await client.send(new StartAudienceGenerationJobCommand(REQUEST))
    const sent = handler.requests[0]!
    expect(sent.headers['authorization']).toContain(`/${real}/cleanrooms-ml/aws4_request`)
    // Checked by the emulator's own SigV4 code, written apart from the SDK's.
    const verdict = verifySigV4(
      {
        method: sent.method,
        rawPath: sent.path,
        rawQuery: '',
        rawHeaders: Object.entries(sent.headers).flat(),
        body: Buffer.from(sent.body as string)
      },
      { region: real, service: 'cleanrooms-ml', lookup: () => credentials }
    )
    expect(verdict.ok).toBe(true)
  })

  it('percent-encodes the job ARN as a path label', async () => {
    const { client, handler } = clientWith([ok({ audienceGenerationJobArn: JOB_ARN, status: 'ACTIVE' })])
    await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
    expect(handler.requests[0]!.path).toBe(
      '/audience-generation-job/arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Aaudience-generation-job%2Fabc'
    )
    expect(handler.requests[0]!.method).toBe('GET')
    expect(handler.requests[0]!.body).toBeUndefined()
  })

  it('sends List filters as query parameters', async () => {
    const { client, handler } = clientWith([ok({ audienceGenerationJobs: [], nextToken: 't2' })])
    const page = await client.send(
      new ListAudienceGenerationJobsCommand({ configuredAudienceModelArn: MODEL_ARN, maxResults: 100, nextToken: 't1' })
    )
    expect(page.nextToken).toBe('t2')
    expect(handler.requests[0]!.query).toEqual({
      configuredAudienceModelArn: MODEL_ARN,
      maxResults: '100',
      nextToken: 't1'
    })
  })

  it('keeps a base path of a custom endpoint', async () => {
    const handler = new ScriptedHandler([ok({ audienceGenerationJobArn: JOB_ARN })])
    const client = new CleanRoomsMLClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566/prefix/',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      requestHandler: handler
    })
    await client.send(new StartAudienceGenerationJobCommand(REQUEST))
    expect([handler.requests[0]!.protocol, handler.requests[0]!.port, handler.requests[0]!.path]).toEqual([
      'http:',
      4566,
      '/prefix/audience-generation-job'
    ])
  })
})

describe('errors are decoded by the restJson1 rules into the modelled exceptions', () => {
  it.each([
    [
      'the header',
      {
        status: 409,
        headers: { 'x-amzn-errortype': 'ConflictException:http://internal/' },
        body: '{"message":"taken"}'
      },
      ConflictException
    ],
    ['body code', { status: 403, body: '{"code":"AccessDeniedException","Message":"no"}' }, AccessDeniedException],
    [
      'body __type with a namespace',
      { status: 400, body: '{"__type":"com.amazonaws.cleanroomsml#ValidationException","message":"bad"}' },
      ValidationException
    ]
  ] as const)('names the type from %s', async (_, answer, type) => {
    const { client } = clientWith([answer])
    const failure = client.send(new StartAudienceGenerationJobCommand(REQUEST))
    await expect(failure).rejects.toBeInstanceOf(type)
    await expect(failure).rejects.toMatchObject({ $fault: 'client', $metadata: { requestId: 'req-1', attempts: 1 } })
  })

  it('carries the quota of ServiceQuotaExceededException', async () => {
    const { client } = clientWith([
      {
        status: 402,
        headers: { 'x-amzn-errortype': 'ServiceQuotaExceededException' },
        body: '{"message":"m","quotaName":"jobs","quotaValue":10}'
      }
    ])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'ServiceQuotaExceededException',
      quotaName: 'jobs',
      quotaValue: 10,
      $metadata: { httpStatusCode: 402 }
    })
    expect(new ServiceQuotaExceededException({ $metadata: {} })).toBeInstanceOf(CleanRoomsMLServiceException)
  })

  it('names an unmodelled error by its type, or by its status when it has none', async () => {
    const { client } = clientWith([{ status: 418, body: 'not json' }])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'HTTP418',
      $fault: 'client'
    })
  })

  it('keeps what an answer without a message said: the reason, and an excerpt of a body that is not JSON', async () => {
    const proxy = { status: 403, reason: 'Forbidden', body: 'request blocked by proxy policy\n' }
    const page = `<html><head><title>407 Proxy Authentication Required</title></head><body>${'x'.repeat(5000)}</body></html>`
    const { client } = clientWith([
      proxy,
      { status: 407, reason: 'Proxy Authentication Required', body: page },
      { status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: '{}' }
    ])
    const send = (): Promise<unknown> => client.send(new StartAudienceGenerationJobCommand(REQUEST))
    await expect(send()).rejects.toMatchObject({
      name: 'HTTP403',
      message: 'HTTP 403: Forbidden: request blocked by proxy policy'
    })
    const html = (await send().catch((error: unknown) => error)) as Error
    expect(html.message).toMatch(/^HTTP 407: Proxy Authentication Required: 407 Proxy Authentication Required x+…$/)
    expect(html.message.length).toBeLessThan(BODY_EXCERPT_CHARS + 60)
    // A JSON body without a message has nothing more to show than its status.
    await expect(send()).rejects.toMatchObject({ name: 'ValidationException', message: 'HTTP 400' })
  })

  it('refuses a success answer that is not a JSON object', async () => {
    const { client } = clientWith([{ status: 200, body: '[1,2' }])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'MalformedResponse'
    })
  })

  it('does not read an answer past 4 MiB', async () => {
    const { client } = clientWith([{ status: 200, body: `{"a":"${'x'.repeat(4 * 1024 * 1024)}"}` }])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'ResponseTooLarge'
    })
  })
})

describe('retries: only throttling, 5xx and network errors, bounded', () => {
  it('retries throttling with growing jittered backoff and signs each attempt afresh', async () => {
    const { client, handler, clock } = clientWith([
      error(429, 'ThrottlingException'),
      error(400, 'ThrottlingException'),
      ok({ audienceGenerationJobArn: JOB_ARN })
    ])
    const output = await client.send(new StartAudienceGenerationJobCommand(REQUEST))
    expect(output.$metadata.attempts).toBe(3)
    expect(clock.sleeps).toEqual([500, 1000])
    // Each attempt is a fresh copy of the request, signed on its own.
    expect(new Set(handler.requests).size).toBe(3)
    for (const request of handler.requests) expect(request.headers['authorization']).toMatch(/Signature=[0-9a-f]{64}$/)
  })

  it.each([500, 502, 503, 504])('retries HTTP %i', async (status) => {
    const { client, clock } = clientWith([{ status, body: '' }, ok({ audienceGenerationJobArn: JOB_ARN })])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).resolves.toMatchObject({
      $metadata: { attempts: 2 }
    })
    expect(clock.sleeps).toEqual([50])
  })

  it('retries a reset connection', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const { client } = clientWith([reset, ok({ audienceGenerationJobArn: JOB_ARN })])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).resolves.toMatchObject({
      audienceGenerationJobArn: JOB_ARN
    })
  })

  it('abandons an attempt that never answers, and tries again', async () => {
    const { client, handler } = clientWith(['hang', ok({ audienceGenerationJobArn: JOB_ARN })], {
      ...POLICY,
      attemptTimeoutMs: 20
    })
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).resolves.toMatchObject({
      $metadata: { attempts: 2 }
    })
    expect(handler.requests).toHaveLength(2)
  })

  it.each([
    'ConflictException',
    'ValidationException',
    'AccessDeniedException',
    'ResourceNotFoundException',
    'ServiceQuotaExceededException'
  ])('fails at once on %s', async (type) => {
    const { client, handler } = clientWith([error(400, type), ok({ audienceGenerationJobArn: JOB_ARN })])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({ name: type })
    expect(handler.requests).toHaveLength(1)
  })

  it('stops after maxAttempts with the last error', async () => {
    const { client, handler } = clientWith(Array.from({ length: 10 }, () => error(429, 'ThrottlingException')))
    const failure = client.send(new StartAudienceGenerationJobCommand(REQUEST))
    await expect(failure).rejects.toBeInstanceOf(ThrottlingException)
    await expect(failure).rejects.toMatchObject({ $metadata: { attempts: 4 } })
    expect(handler.requests).toHaveLength(4)
  })

  it('sleeps no backoff past the deadline', async () => {
    const { client, handler, clock } = clientWith(
      Array.from({ length: 10 }, () => error(503, 'ServiceUnavailable')),
      { ...POLICY, maxAttempts: 100, baseDelayMs: 1000, deadlineMs: 2500 }
    )
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'ServiceUnavailable'
    })
    expect(clock.sleeps).toEqual([500, 1000])
    expect(handler.requests).toHaveLength(3)
  })

  it('stops at once when the operation is aborted', async () => {
    const controller = new AbortController()
    const handler = new ScriptedHandler([error(503, 'ServiceUnavailable'), ok({ audienceGenerationJobArn: JOB_ARN })])
    const client = new CleanRoomsMLClient({
      region: 'us-east-1',
      endpoint: 'https://x.test',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      retryPolicy: POLICY,
      clock: new FakeClock(),
      requestHandler: handler,
      signal: controller.signal
    })
    controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }))
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'ServiceUnavailable'
    })
    expect(handler.requests).toHaveLength(1)
  })
})
