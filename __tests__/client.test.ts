import { Readable } from 'node:stream'
import type { HttpRequest } from '@smithy/core/protocols'
import type { HttpResponse } from '@smithy/types'
import {
  AccessDeniedException,
  CleanRoomsMLClient,
  CleanRoomsMLServiceException,
  ConflictException,
  DeleteAudienceGenerationJobCommand,
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  ServiceQuotaExceededException,
  StartAudienceGenerationJobCommand,
  ThrottlingException,
  ValidationException
} from '../src/cleanroomsml/index.js'
import { BODY_EXCERPT_CHARS } from '../src/cleanroomsml/protocol.js'
import { retryStrategy, type RetryPolicy } from '../src/aws/retry.js'
import { FakeClock } from './helpers/fake-clock.js'
import { JOB_ARN, MODEL_ARN, VALID_REQUEST } from './helpers/fixtures.js'
// @ts-expect-error the emulator is plain JavaScript without types for this module
import { verifySigV4 } from '../emulator/sigv4.js'

const REQUEST = VALID_REQUEST
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
  /** Called when a request hangs: the test decides what happens next (a timeout, a cancellation). */
  onHang: () => void = () => undefined
  constructor(private readonly answers: Answer[]) {}
  async handle(request: HttpRequest, options?: { abortSignal?: AbortSignal }): Promise<{ response: HttpResponse }> {
    this.requests.push(request)
    const answer = this.answers.shift() ?? { status: 500, body: '{}' }
    if (answer === 'hang') {
      setImmediate(() => this.onHang())
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
    retryStrategy: retryStrategy({ policy, clock }),
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
      retryStrategy: retryStrategy({ policy: POLICY, clock: new FakeClock() }),
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

  it('DELETEs a job by its percent-encoded ARN, with no body, and returns only metadata', async () => {
    const { client, handler } = clientWith([ok({})])
    const output = await client.send(new DeleteAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
    expect(output).toEqual({ $metadata: expect.objectContaining({ httpStatusCode: 200, attempts: 1 }) })
    const sent = handler.requests[0]!
    expect([sent.method, sent.path, sent.body]).toEqual([
      'DELETE',
      '/audience-generation-job/arn%3Aaws%3Acleanrooms-ml%3Aus-east-1%3A123456789012%3Aaudience-generation-job%2Fabc',
      undefined
    ])
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

  it('abandons an attempt that never answers at its timeout on the clock, and tries again', async () => {
    const { client, handler, clock } = clientWith(['hang', ok({ audienceGenerationJobArn: JOB_ARN })])
    const started = clock.now()
    handler.onHang = () => clock.fireNextTimeout()
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).resolves.toMatchObject({
      $metadata: { attempts: 2 }
    })
    expect(handler.requests).toHaveLength(2)
    // The attempt timeout, then the backoff before the second attempt.
    expect(clock.now() - started).toBe(POLICY.attemptTimeoutMs + 50)
  })

  it('bounds an attempt by what is left of the deadline', async () => {
    const { client, handler, clock } = clientWith(['hang', 'hang'], { ...POLICY, deadlineMs: 1500 })
    const started = clock.now()
    handler.onHang = () => clock.fireNextTimeout()
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'TimeoutError'
    })
    expect(handler.requests).toHaveLength(2)
    expect(clock.now() - started).toBe(1500)
  })

  it('reports the failure before a last attempt the deadline cut short, not the cut', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    // Refused at once twice, with backoffs of 50 and 100 ms: the third attempt has 450 ms of its 1000.
    const { client, handler, clock } = clientWith([refused, refused, 'hang'], { ...POLICY, deadlineMs: 600 })
    const started = clock.now()
    handler.onHang = () => clock.fireNextTimeout()
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      code: 'ECONNREFUSED',
      $metadata: { attempts: 3 }
    })
    expect(handler.requests).toHaveLength(3)
    expect(clock.now() - started).toBe(600)
  })

  it('reports a timeout of a full attempt as such', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    const { client, handler, clock } = clientWith([refused, 'hang'], { ...POLICY, maxAttempts: 2 })
    handler.onHang = () => clock.fireNextTimeout()
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'TimeoutError',
      $metadata: { attempts: 2 }
    })
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
})

describe("a runner's clock that is off is corrected from AWS's answer, as the SDKs do", () => {
  const MINUTE = 60_000
  const skewed = (offsetMs: number): Answer => ({
    status: 403,
    headers: {
      'x-amzn-errortype': 'InvalidSignatureException',
      date: new Date(Date.now() + offsetMs).toUTCString()
    },
    body: JSON.stringify({ message: offsetMs >= 0 ? 'Signature expired: ...' : 'Signature not yet current: ...' })
  })
  const signedAt = (request: HttpRequest): number => {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(request.headers['x-amz-date']))!
    return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)
  }

  function skewClient(answers: Answer[], warnings: string[] = []) {
    const handler = new ScriptedHandler(answers)
    const client = new CleanRoomsMLClient({
      region: 'us-east-1',
      endpoint: 'https://x.test',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      retryStrategy: retryStrategy({ policy: POLICY, clock: new FakeClock() }),
      requestHandler: handler,
      logger: { warn: (message) => warnings.push(message) }
    })
    return { client, handler }
  }

  it.each([
    ['behind', 20 * MINUTE],
    ['ahead of', -20 * MINUTE]
  ])(
    "retries once with AWS's time when the runner is %s it, and keeps the offset for later calls",
    async (word, offset) => {
      const warnings: string[] = []
      const { client, handler } = skewClient(
        [skewed(offset), ok({ audienceGenerationJobArn: JOB_ARN }), ok({ status: 'ACTIVE' })],
        warnings
      )
      await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).resolves.toMatchObject({
        $metadata: { attempts: 2 }
      })
      await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      const [first, second, later] = handler.requests.map(signedAt)
      expect(Math.abs(first! - Date.now())).toBeLessThan(MINUTE)
      expect(Math.abs(second! - (Date.now() + offset))).toBeLessThan(MINUTE)
      expect(Math.abs(later! - (Date.now() + offset))).toBeLessThan(MINUTE)
      expect(warnings).toEqual([expect.stringContaining(`The runner's clock is about 20 min ${word} AWS's clock`)])
    }
  )

  it('does not retry a refused signature when the clocks agree', async () => {
    const { client, handler } = skewClient([skewed(0), ok({ audienceGenerationJobArn: JOB_ARN })])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'InvalidSignatureException'
    })
    expect(handler.requests).toHaveLength(1)
  })

  it('corrects the clock once, not on every refusal', async () => {
    const { client, handler } = skewClient([skewed(20 * MINUTE), skewed(20 * MINUTE), ok({})])
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toMatchObject({
      name: 'InvalidSignatureException'
    })
    expect(handler.requests).toHaveLength(2)
  })
})

describe('cancellation: an aborted signal stops every call at once', () => {
  const cancelled = Object.assign(new Error('cancelled'), { name: 'StepCancelled' })

  function cancellableClient(answers: Answer[], clock = new FakeClock()) {
    const controller = new AbortController()
    const handler = new ScriptedHandler(answers)
    const client = new CleanRoomsMLClient({
      region: 'us-east-1',
      endpoint: 'https://x.test',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      retryStrategy: retryStrategy({ policy: POLICY, clock, signal: controller.signal }),
      requestHandler: handler
    })
    return { client, handler, controller, clock }
  }

  it('sends nothing once the client signal has aborted', async () => {
    const { client, handler, controller } = cancellableClient([ok({ audienceGenerationJobArn: JOB_ARN })])
    controller.abort(cancelled)
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toBe(cancelled)
    expect(handler.requests).toHaveLength(0)
  })

  it('abandons the request in flight, without waiting for its timeout', async () => {
    const { client, handler, controller, clock } = cancellableClient([
      'hang',
      ok({ audienceGenerationJobArn: JOB_ARN })
    ])
    const started = clock.now()
    handler.onHang = () => controller.abort(cancelled)
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toBe(cancelled)
    expect(handler.requests).toHaveLength(1)
    expect(clock.now()).toBe(started)
  })

  it('ends a backoff at once and makes no further attempt', async () => {
    const clock = new FakeClock()
    const { client, handler, controller } = cancellableClient(
      [error(503, 'ServiceUnavailable'), ok({ audienceGenerationJobArn: JOB_ARN })],
      clock
    )
    const sleep = clock.sleep.bind(clock)
    clock.sleep = async (ms, signal) => {
      controller.abort(cancelled)
      return sleep(ms, signal)
    }
    await expect(client.send(new StartAudienceGenerationJobCommand(REQUEST))).rejects.toBe(cancelled)
    expect(handler.requests).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it("honours a call's own abortSignal beside the client's", async () => {
    const { client, handler } = cancellableClient(['hang'])
    const call = new AbortController()
    const reason = Object.assign(new Error('wait is over'), { name: 'WaitDeadline' })
    handler.onHang = () => call.abort(reason)
    await expect(
      client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }), {
        abortSignal: call.signal
      })
    ).rejects.toBe(reason)
    expect(handler.requests).toHaveLength(1)
  })
})
