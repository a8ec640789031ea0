import { Sha256 } from '@aws-crypto/sha256-js'
import { fromWebToken } from '@aws-sdk/credential-provider-web-identity'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts'
import { SignatureV4 } from '@smithy/signature-v4'
import {
  DEFAULT_METRICS,
  startEmulator,
  type AudienceQualityMetrics,
  type Emulator,
  type JobStatus
} from '../emulator/index.js'

const ACCOUNT = '123456789012'
const OTHER_ACCOUNT = '210987654321'
const KEY = { accessKeyId: 'AKIAEMULATORTEST0001', secretAccessKey: 'emulator-test-secret-key-0001' }
const OTHER_KEY = {
  accessKeyId: 'AKIAEMULATORTEST0002',
  secretAccessKey: 'emulator-test-secret-key-0002',
  accountId: OTHER_ACCOUNT
}
const MODEL_ARN = `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:configured-audience-model/model-1`
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/cleanrooms-ml-seed`
const GITHUB_ROLE_ARN = `arn:aws:iam::${OTHER_ACCOUNT}:role/github-deploy`
const COLLABORATION = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
const JOB_ARN = /^arn:aws:cleanrooms-ml:us-east-1:\d{12}:audience-generation-job\/[0-9a-f-]{36}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined }

interface CallInput {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  query?: Record<string, string>
  body?: string
  credentials?: Credentials
  signingDate?: Date
  region?: string
  /** Sign without x-amz-content-sha256, so the body is covered only through the signature. */
  noChecksumHeader?: boolean
  /** Change the request after signing. */
  tamper?: (request: { headers: Record<string, string>; body: string | undefined }) => void
}

interface CallResult {
  status: number
  headers: Headers
  text: string
  json: Record<string, unknown>
}

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY, OTHER_KEY] })
})

afterAll(async () => {
  await emu.close()
})

beforeEach(() => {
  emu.reset()
  emu.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE']
  emu.statusDetails = undefined
  emu.pageSize = 100
  emu.delayMs = 0
})

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Sign a Clean Rooms ML request as an AWS SDK client does, then send it with fetch. */
async function call(input: CallInput): Promise<CallResult> {
  const url = new URL(emu.cleanroomsUrl)
  const signer = new SignatureV4({
    service: 'cleanrooms-ml',
    region: input.region ?? 'us-east-1',
    sha256: Sha256,
    credentials: input.credentials ?? KEY,
    applyChecksum: !input.noChecksumHeader
  })
  const headers: Record<string, string> = { host: url.host }
  if (input.body !== undefined) headers['content-type'] = 'application/json'
  const signed = await signer.sign(
    {
      method: input.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: input.path,
      query: input.query ?? {},
      headers,
      body: input.body
    },
    input.signingDate ? { signingDate: input.signingDate } : {}
  )
  const request = { headers: { ...signed.headers }, body: input.body }
  input.tamper?.(request)
  const qs = Object.entries(input.query ?? {})
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&')
  const response = await fetch(`${emu.cleanroomsUrl}${input.path}${qs ? `?${qs}` : ''}`, {
    method: input.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {})
  })
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    // Not every answer (raw faults) is JSON.
  }
  return { status: response.status, headers: response.headers, text, json }
}

function startBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'audience-1',
    configuredAudienceModelArn: MODEL_ARN,
    seedAudience: { roleArn: ROLE_ARN, dataSource: { s3Uri: 's3://seed-bucket/seed.jsonl' } },
    ...overrides
  }
}

function start(body: Record<string, unknown> = startBody(), credentials?: Credentials): Promise<CallResult> {
  return call({
    method: 'POST',
    path: '/audience-generation-job',
    body: JSON.stringify(body),
    ...(credentials ? { credentials } : {})
  })
}

function get(arn: string, credentials?: Credentials): Promise<CallResult> {
  return call({
    method: 'GET',
    path: `/audience-generation-job/${rfc3986(arn)}`,
    ...(credentials ? { credentials } : {})
  })
}

function remove(arn: string, credentials?: Credentials): Promise<CallResult> {
  return call({
    method: 'DELETE',
    path: `/audience-generation-job/${rfc3986(arn)}`,
    ...(credentials ? { credentials } : {})
  })
}

function list(query: Record<string, string> = {}): Promise<CallResult> {
  return call({ method: 'GET', path: '/audience-generation-job', query })
}

async function startedArn(body: Record<string, unknown> = startBody()): Promise<string> {
  const response = await start(body)
  expect(response.status).toBe(200)
  return response.json.audienceGenerationJobArn as string
}

async function idToken(audience = 'sts.amazonaws.com'): Promise<string> {
  const response = await fetch(`${emu.oidcRequestUrl}&audience=${encodeURIComponent(audience)}`, {
    headers: { authorization: `Bearer ${emu.oidcRequestToken}` }
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { value: string }).value
}

function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? ''
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
}

function assumeRole(token: string, extra: { roleArn?: string; maxAttempts?: number; roleSessionName?: string } = {}) {
  return fromWebToken({
    roleArn: extra.roleArn ?? GITHUB_ROLE_ARN,
    webIdentityToken: token,
    roleSessionName: extra.roleSessionName ?? 'emulator-test',
    clientConfig: { region: 'us-east-1', endpoint: emu.stsUrl, maxAttempts: extra.maxAttempts ?? 1 }
  })()
}

function stsPost(params: Record<string, string>): Promise<Response> {
  return fetch(emu.stsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString()
  })
}

async function elapsed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const result = await work()
  return [result, performance.now() - t0]
}

describe('startEmulator', () => {
  it('serves three services on distinct loopback ports', () => {
    const urls = [emu.cleanroomsUrl, emu.stsUrl, emu.oidcUrl]
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(new Set(urls).size).toBe(3)
    expect(emu.oidcRequestUrl).toBe(`${emu.oidcUrl}/token?api-version=2.0`)
    expect(emu.oidcRequestToken).toMatch(/^[0-9a-f]{48}$/)
    expect(emu.env()).toEqual({
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_CLEANROOMSML: emu.cleanroomsUrl,
      AWS_ENDPOINT_URL_STS: emu.stsUrl,
      ACTIONS_ID_TOKEN_REQUEST_URL: emu.oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: emu.oidcRequestToken
    })
  })

  it('closes servers and hanging sockets, and may be closed twice', async () => {
    const own = await startEmulator()
    own.fault('oidc', 'GetIdToken', { kind: 'hang' })
    const hanging = fetch(own.oidcRequestUrl, { headers: { authorization: `Bearer ${own.oidcRequestToken}` } })
    while (own.requests.length === 0) await new Promise((r) => setTimeout(r, 5))
    await own.close()
    await expect(hanging).rejects.toThrow()
    await expect(fetch(own.stsUrl, { method: 'POST' })).rejects.toThrow()
    await own.close()
  })

  it('rejects unknown fault kinds, services and bad status sequences', () => {
    expect(() => emu.fault('cleanrooms-ml', 'GetAudienceGenerationJob', { kind: 'explode' } as never)).toThrow(
      /unknown fault kind/
    )
    expect(() => emu.fault('s3' as never, 'GetObject', { kind: 'reset' })).toThrow(/unknown service/)
    expect(() => emu.fault('oidc', 'GetIdToken', { kind: 'trickle', intervalMs: 0 })).toThrow(/intervalMs/)
    expect(() => {
      emu.statusSequence = ['DONE' as JobStatus]
    }).toThrow(/unknown status/)
    expect(() => {
      emu.statusSequence = []
    }).toThrow(/non-empty/)
  })
})

describe('SigV4 on Clean Rooms ML', () => {
  it('accepts a correctly signed Start and answers in restJson1', async () => {
    const response = await start(
      startBody({ description: 'first', tags: { team: 'ads' }, collaborationId: COLLABORATION })
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID)
    expect(Object.keys(response.json)).toEqual(['audienceGenerationJobArn'])
    const arn = response.json.audienceGenerationJobArn as string
    expect(arn).toMatch(JOB_ARN)
    expect(arn).toContain(`:${ACCOUNT}:`)
    expect(emu.jobs).toHaveLength(1)
    expect(emu.jobs[0]).toMatchObject({
      audienceGenerationJobArn: arn,
      name: 'audience-1',
      status: 'CREATE_PENDING',
      description: 'first',
      tags: { team: 'ads' },
      collaborationId: COLLABORATION,
      startedBy: ACCOUNT,
      seedAudience: { roleArn: ROLE_ARN, dataSource: { s3Uri: 's3://seed-bucket/seed.jsonl' } }
    })
    expect(new Date(emu.jobs[0]?.createTime ?? '').toISOString()).toBe(emu.jobs[0]?.createTime)
  })

  it('rejects a body changed after signing (with and without x-amz-content-sha256)', async () => {
    const swap = (r: { body: string | undefined }) => {
      r.body = JSON.stringify(startBody({ name: 'tampered' }))
    }
    const withHeader = await call({
      method: 'POST',
      path: '/audience-generation-job',
      body: JSON.stringify(startBody()),
      tamper: swap
    })
    expect(withHeader.status).toBe(403)
    expect(withHeader.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException')
    expect(withHeader.json.message).toMatch(/x-amz-content-sha256/)

    const withoutHeader = await call({
      method: 'POST',
      path: '/audience-generation-job',
      body: JSON.stringify(startBody()),
      noChecksumHeader: true,
      tamper: swap
    })
    expect(withoutHeader.status).toBe(403)
    expect(withoutHeader.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException')
    expect(withoutHeader.json.message).toMatch(/Canonical String for this request should have been/)
    expect(emu.jobs).toHaveLength(0)
  })

  it('rejects a wrong secret, explaining the expected canonical request', async () => {
    const response = await call({
      method: 'GET',
      path: '/audience-generation-job',
      query: { maxResults: '5' },
      credentials: { accessKeyId: KEY.accessKeyId, secretAccessKey: 'wrong' }
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException')
    expect(response.json.message).toContain("'GET\n/audience-generation-job\nmaxResults=5\nhost:")
  })

  it('rejects an unknown key, a missing signature, a stale date and a wrong region', async () => {
    const unknown = await call({
      method: 'GET',
      path: '/audience-generation-job',
      credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }
    })
    expect([unknown.status, unknown.headers.get('x-amzn-errortype')]).toEqual([403, 'UnrecognizedClientException'])

    const unsigned = await fetch(`${emu.cleanroomsUrl}/audience-generation-job`)
    expect(unsigned.status).toBe(403)
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException')

    const stale = await call({
      method: 'GET',
      path: '/audience-generation-job',
      signingDate: new Date(Date.now() - 20 * 60 * 1000)
    })
    expect([stale.status, stale.headers.get('x-amzn-errortype')]).toEqual([403, 'InvalidSignatureException'])
    expect(stale.json.message).toMatch(/^Signature expired/)

    const region = await call({ method: 'GET', path: '/audience-generation-job', region: 'eu-west-1' })
    expect([region.status, region.headers.get('x-amzn-errortype')]).toEqual([403, 'InvalidSignatureException'])
    expect(region.json.message).toMatch(/scoped to a valid region/)
  })

  it("refuses a signature dated more than 5 minutes from its clock, in AWS's words, with its Date", async () => {
    const minutes = (n: number): Date => new Date(Date.now() + n * 60_000)
    for (const [offset, expected] of [
      [-6, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/],
      [6, /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/]
    ] as const) {
      const skewed = await call({ method: 'GET', path: '/audience-generation-job', signingDate: minutes(offset) })
      expect([skewed.status, skewed.headers.get('x-amzn-errortype')]).toEqual([403, 'InvalidSignatureException'])
      expect(skewed.json.message).toMatch(expected)
      expect(Math.abs(Date.parse(skewed.headers.get('date') ?? '') - Date.now())).toBeLessThan(60_000)
    }
    for (const offset of [-4, 4]) {
      const close = await call({ method: 'GET', path: '/audience-generation-job', signingDate: minutes(offset) })
      expect(close.status).toBe(200)
    }
  })

  it('follows its own clock when it is set off the machine', async () => {
    emu.clockOffsetMs = 20 * 60_000
    try {
      const now = await call({ method: 'GET', path: '/audience-generation-job' })
      expect([now.status, now.json.message]).toEqual([403, expect.stringMatching(/^Signature expired/)])
      const date = Date.parse(now.headers.get('date') ?? '')
      expect(Math.abs(date - (Date.now() + 20 * 60_000))).toBeLessThan(60_000)
      const corrected = await call({ method: 'GET', path: '/audience-generation-job', signingDate: new Date(date) })
      expect(corrected.status).toBe(200)
    } finally {
      emu.clockOffsetMs = 0
    }
  })

  it('answers UnknownOperationException for routes the service does not have', async () => {
    const response = await call({ method: 'GET', path: '/configured-audience-model' })
    expect(response.status).toBe(404)
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException')
    expect(emu.requests.at(-1)?.operation).toBe('Unknown')
  })
})

describe('StartAudienceGenerationJob validation', () => {
  const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a missing name', startBody({ name: undefined }), /Value null at 'name'.*must not be null/],
    ['a name of 64 code points', startBody({ name: '名'.repeat(64) }), /at 'name'.*length less than or equal to 63/],
    ['a name outside the pattern', startBody({ name: 'a😀' }), /at 'name'.*regular expression/],
    ['a blank name', startBody({ name: '   ' }), /at 'name'.*regular expression/],
    ['an unknown member', startBody({ clientToken: 'x' }), /'clientToken' is not a known member/],
    ['a wrong type', startBody({ includeSeedInOutput: 'yes' }), /at 'includeSeedInOutput'.*boolean/],
    [
      'an upper-case collaboration id',
      startBody({ collaborationId: COLLABORATION.toUpperCase() }),
      /at 'collaborationId'/
    ],
    [
      'a bad model ARN',
      startBody({ configuredAudienceModelArn: 'arn:aws:cleanrooms-ml:us-east-1:123:model/x' }),
      /at 'configuredAudienceModelArn'/
    ],
    [
      'a bad role ARN',
      startBody({ seedAudience: { roleArn: 'role/x-but-long-enough', dataSource: { s3Uri: 's3://b/k' } } }),
      /at 'seedAudience.roleArn'/
    ],
    [
      'a bad s3Uri',
      startBody({ seedAudience: { roleArn: ROLE_ARN, dataSource: { s3Uri: 'https://b/k' } } }),
      /at 'seedAudience.dataSource.s3Uri'/
    ],
    [
      'both seed sources',
      startBody({
        seedAudience: {
          roleArn: ROLE_ARN,
          dataSource: { s3Uri: 's3://b/k' },
          sqlParameters: { queryString: 'SELECT 1' }
        }
      }),
      /exactly one of dataSource and sqlParameters, found both/
    ],
    [
      'no seed source',
      startBody({ seedAudience: { roleArn: ROLE_ARN } }),
      /exactly one of dataSource and sqlParameters, found neither/
    ],
    [
      'an unknown worker type',
      startBody({
        seedAudience: {
          roleArn: ROLE_ARN,
          sqlParameters: { queryString: 'SELECT 1' },
          sqlComputeConfiguration: { worker: { type: 'CR.2X' } }
        }
      }),
      /at 'seedAudience.sqlComputeConfiguration.worker.type'.*enum/
    ],
    [
      'too many workers',
      startBody({
        seedAudience: {
          roleArn: ROLE_ARN,
          sqlParameters: { queryString: 'SELECT 1' },
          sqlComputeConfiguration: { worker: { number: 1025 } }
        }
      }),
      /worker.number'.*less than or equal to 1024/
    ],
    [
      'a fractional worker count',
      startBody({
        seedAudience: {
          roleArn: ROLE_ARN,
          sqlParameters: { queryString: 'SELECT 1' },
          sqlComputeConfiguration: { worker: { number: 2.5 } }
        }
      }),
      /worker.number'.*integer/
    ],
    [
      'an empty union',
      startBody({
        seedAudience: { roleArn: ROLE_ARN, sqlParameters: { queryString: 'SELECT 1' }, sqlComputeConfiguration: {} }
      }),
      /sqlComputeConfiguration'.*exactly one member set, found 0/
    ],
    [
      'too many spark properties',
      startBody({
        seedAudience: {
          roleArn: ROLE_ARN,
          sqlParameters: { queryString: 'SELECT 1' },
          sqlComputeConfiguration: {
            worker: { properties: { spark: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) } }
          }
        }
      }),
      /spark'.*less than or equal to 50/
    ],
    [
      'a bad parameter name',
      startBody({
        seedAudience: { roleArn: ROLE_ARN, sqlParameters: { queryString: 'SELECT 1', parameters: { 'bad-name': 'v' } } }
      }),
      /parameters \(key\)'/
    ],
    ['a tag key too long', startBody({ tags: { ['k'.repeat(129)]: 'v' } }), /tags \(key\)'.*128/],
    ['a tag value of the wrong type', startBody({ tags: { team: 1 } }), /tags.team'.*string/]
  ]

  it.each(invalid)('rejects %s with ValidationException', async (_label, body, message) => {
    const response = await start(body)
    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException')
    expect(response.json.message).toMatch(message)
    expect(emu.jobs).toHaveLength(0)
  })

  it('does not echo sensitive values in messages', async () => {
    const secret = 'v'.repeat(1001)
    const response = await start(
      startBody({ seedAudience: { roleArn: ROLE_ARN, sqlParameters: { parameters: { p: secret } } } })
    )
    expect(response.status).toBe(400)
    expect(response.json.message).toMatch(/at 'seedAudience.sqlParameters.parameters.p'/)
    expect(response.text).not.toContain('vvvv')
  })

  it('accepts the newest model limits and counts length in code points', async () => {
    const body = startBody({
      name: '名'.repeat(63),
      includeSeedInOutput: true,
      description: 'line one\nline two',
      seedAudience: {
        roleArn: ROLE_ARN,
        sqlParameters: { queryString: 'SELECT id FROM t', parameters: { p_1: 'x'.repeat(1000) } },
        sqlComputeConfiguration: {
          worker: { type: 'CR.8X', number: 1024, properties: { spark: { 'spark.executor.memory': '8g' } } }
        }
      }
    })
    expect((await start(body)).status).toBe(200)
  })

  it('rejects malformed JSON with SerializationException', async () => {
    const response = await call({ method: 'POST', path: '/audience-generation-job', body: '{"name":' })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toBe('SerializationException')
  })

  it('rejects a name already used in the account, but not in another account', async () => {
    await startedArn()
    const again = await start()
    expect(again.status).toBe(409)
    expect(again.headers.get('x-amzn-errortype')).toBe('ConflictException')
    expect((await start(startBody(), OTHER_KEY)).status).toBe(200)
  })

  it('answers 402 ServiceQuotaExceededException past 10 running jobs', async () => {
    for (let i = 0; i < 10; i++) await startedArn(startBody({ name: `job-${i}` }))
    const over = await start(startBody({ name: 'job-10' }))
    expect(over.status).toBe(402)
    expect(over.headers.get('x-amzn-errortype')).toBe('ServiceQuotaExceededException')
    expect(over.json).toMatchObject({ quotaName: expect.any(String), quotaValue: 10 })
  })

  it('frees quota when jobs finish', async () => {
    emu.statusSequence = ['CREATE_PENDING', 'ACTIVE']
    const arns = []
    for (let i = 0; i < 10; i++) arns.push(await startedArn(startBody({ name: `job-${i}` })))
    await get(arns[0] ?? '')
    expect((await start(startBody({ name: 'job-10' }))).status).toBe(200)
  })
})

describe('GetAudienceGenerationJob', () => {
  it('decodes a percent-encoded ARN label and advances one status per Get', async () => {
    const arn = await startedArn(startBody({ tags: { a: 'b' } }))
    const statuses = []
    for (let i = 0; i < 3; i++) {
      const response = await get(arn)
      expect(response.status).toBe(200)
      statuses.push(response.json.status)
    }
    expect(statuses).toEqual(['CREATE_IN_PROGRESS', 'ACTIVE', 'ACTIVE'])
    const path = emu.requests.at(-1)?.path ?? ''
    expect(path).toContain('%3A')
    expect(path).toContain('%2F')
    const last = await get(arn)
    expect(last.json).toMatchObject({
      audienceGenerationJobArn: arn,
      name: 'audience-1',
      configuredAudienceModelArn: MODEL_ARN,
      includeSeedInOutput: false,
      startedBy: ACCOUNT,
      tags: { a: 'b' }
    })
    expect(last.json).not.toHaveProperty('seedAudience')
    expect(typeof last.json.createTime).toBe('string')
  })

  it('fails a job with the configured statusDetails', async () => {
    emu.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'CREATE_FAILED']
    const arn = await startedArn()
    emu.statusDetails = { statusCode: 'SEED_TOO_SMALL', message: 'Seed audience is too small' }
    expect((await get(arn)).json).not.toHaveProperty('statusDetails')
    const failed = await get(arn)
    expect(failed.json.status).toBe('CREATE_FAILED')
    expect(failed.json.statusDetails).toEqual({ statusCode: 'SEED_TOO_SMALL', message: 'Seed audience is too small' })
  })

  it('keeps the status sequence a job was started with', async () => {
    const arn = await startedArn()
    emu.statusSequence = ['CREATE_FAILED']
    expect((await get(arn)).json.status).toBe('CREATE_IN_PROGRESS')
  })

  it('answers 404 for unknown or foreign jobs, 400 for a malformed ARN, 404 for an unencoded slash', async () => {
    const missing = await get(
      `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:audience-generation-job/00000000-0000-0000-0000-000000000000`
    )
    expect([missing.status, missing.headers.get('x-amzn-errortype')]).toEqual([404, 'ResourceNotFoundException'])

    const arn = await startedArn()
    const foreign = await get(arn, OTHER_KEY)
    expect(foreign.status).toBe(404)

    const malformed = await get('not-an-arn-but-long-enough')
    expect([malformed.status, malformed.headers.get('x-amzn-errortype')]).toEqual([400, 'ValidationException'])

    const slash = await call({ method: 'GET', path: `/audience-generation-job/${arn.replace(/:/g, '%3A')}` })
    expect([slash.status, slash.headers.get('x-amzn-errortype')]).toEqual([404, 'UnknownOperationException'])
  })

  it('serves seeded jobs, continuing from the given status', () => {
    const job = emu.addJob({
      name: 'seeded',
      configuredAudienceModelArn: MODEL_ARN,
      status: 'CREATE_IN_PROGRESS',
      collaborationId: COLLABORATION
    })
    expect(job).toMatchObject({
      name: 'seeded',
      status: 'CREATE_IN_PROGRESS',
      startedBy: ACCOUNT,
      collaborationId: COLLABORATION
    })
    expect(job.audienceGenerationJobArn).toMatch(JOB_ARN)
    return get(job.audienceGenerationJobArn).then((response) => {
      expect(response.json.status).toBe('ACTIVE')
    })
  })
})

describe('DeleteAudienceGenerationJob', () => {
  function failedJob(name = 'failed'): string {
    return emu.addJob({ name, configuredAudienceModelArn: MODEL_ARN, status: 'CREATE_FAILED' }).audienceGenerationJobArn
  }

  it('shows DELETE_IN_PROGRESS to the next checks, then the job and its name are gone', async () => {
    emu.deletion = { checks: 2, outcome: 'gone' }
    const arn = failedJob()
    const deleted = await remove(arn)
    expect(deleted.status).toBe(200)
    expect(deleted.json).toEqual({})
    expect(emu.requests.at(-1)).toMatchObject({ operation: 'DeleteAudienceGenerationJob', method: 'DELETE' })
    expect((await list()).json.audienceGenerationJobs).toEqual([
      expect.objectContaining({ status: 'DELETE_IN_PROGRESS' })
    ])
    expect([(await get(arn)).json.status, (await get(arn)).json.status]).toEqual([
      'DELETE_IN_PROGRESS',
      'DELETE_IN_PROGRESS'
    ])
    const gone = await get(arn)
    expect([gone.status, gone.headers.get('x-amzn-errortype')]).toEqual([404, 'ResourceNotFoundException'])
    expect(emu.jobs).toEqual([])
    expect((await start(startBody({ name: 'failed' }))).status).toBe(200)
  })

  it('is idempotent: a job already being deleted answers 200 and goes on as it was', async () => {
    emu.deletion = { checks: 1, outcome: 'gone' }
    const arn = failedJob()
    await remove(arn)
    expect((await get(arn)).json.status).toBe('DELETE_IN_PROGRESS')
    expect((await remove(arn)).status).toBe(200)
    expect((await get(arn)).status).toBe(404)
    expect((await remove(arn)).headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException')
  })

  it('refuses a job that is still being created with ConflictException', async () => {
    const arn = await startedArn()
    const refused = await remove(arn)
    expect([refused.status, refused.headers.get('x-amzn-errortype')]).toEqual([409, 'ConflictException'])
    expect(emu.jobs[0]!.status).toBe('CREATE_PENDING')
  })

  it('can fail, or never end, as a test sets it', async () => {
    emu.deletion = { checks: 1, outcome: 'DELETE_FAILED' }
    const failing = failedJob('failing')
    await remove(failing)
    expect([(await get(failing)).json.status, (await get(failing)).json.status]).toEqual([
      'DELETE_IN_PROGRESS',
      'DELETE_FAILED'
    ])
    emu.deletion = { checks: Infinity, outcome: 'gone' }
    const endless = failedJob('endless')
    await remove(endless)
    for (let i = 0; i < 5; i++) expect((await get(endless)).json.status).toBe('DELETE_IN_PROGRESS')
  })

  it("cannot see another account's job, and checks the ARN against the model", async () => {
    const arn = failedJob()
    expect((await remove(arn, OTHER_KEY)).status).toBe(404)
    expect((await remove('not-an-arn-but-long-enough')).headers.get('x-amzn-errortype')).toBe('ValidationException')
    expect(emu.jobs).toHaveLength(1)
  })
})

describe('ListAudienceGenerationJobs', () => {
  function seed(count: number, configuredAudienceModelArn = MODEL_ARN): string[] {
    return Array.from(
      { length: count },
      (_, i) =>
        emu.addJob({ name: `seeded-${configuredAudienceModelArn.slice(-1)}-${i}`, configuredAudienceModelArn })
          .audienceGenerationJobArn
    )
  }

  async function listAll(query: Record<string, string>): Promise<{ arns: string[]; pages: number }> {
    const arns: string[] = []
    let pages = 0
    let nextToken: string | undefined
    do {
      const response = await list({ ...query, ...(nextToken ? { nextToken } : {}) })
      expect(response.status).toBe(200)
      pages++
      for (const job of response.json.audienceGenerationJobs as Array<{ audienceGenerationJobArn: string }>)
        arns.push(job.audienceGenerationJobArn)
      nextToken = response.json.nextToken as string | undefined
    } while (nextToken)
    return { arns, pages }
  }

  it('pages newest first with maxResults and stops without nextToken', async () => {
    const arns = seed(5)
    const { arns: listed, pages } = await listAll({ maxResults: '2' })
    expect(pages).toBe(3)
    expect(listed).toEqual([...arns].reverse())
  })

  it('caps pages at the pageSize option', async () => {
    seed(5)
    emu.pageSize = 3
    const first = await list({ maxResults: '100' })
    expect((first.json.audienceGenerationJobs as unknown[]).length).toBe(3)
    expect(typeof first.json.nextToken).toBe('string')
  })

  it('keeps pages stable when jobs start between pages', async () => {
    const arns = seed(4)
    const first = await list({ maxResults: '2' })
    seed(1, `${MODEL_ARN}x`)
    const second = await list({ maxResults: '2', nextToken: first.json.nextToken as string })
    const names = (second.json.audienceGenerationJobs as Array<{ audienceGenerationJobArn: string }>).map(
      (j) => j.audienceGenerationJobArn
    )
    expect(names).toEqual([arns[1], arns[0]])
    expect(second.json).not.toHaveProperty('nextToken')
  })

  it('filters by model and collaboration and returns summaries', async () => {
    seed(2)
    seed(2, `${MODEL_ARN}b`)
    emu.addJob({
      name: 'in-collab',
      configuredAudienceModelArn: MODEL_ARN,
      collaborationId: COLLABORATION,
      description: 'd'
    })
    expect((await listAll({ configuredAudienceModelArn: `${MODEL_ARN}b` })).arns).toHaveLength(2)
    const collab = await list({ collaborationId: COLLABORATION })
    expect(collab.json.audienceGenerationJobs).toEqual([
      {
        createTime: expect.any(String),
        updateTime: expect.any(String),
        audienceGenerationJobArn: expect.stringMatching(JOB_ARN),
        name: 'in-collab',
        status: 'CREATE_PENDING',
        configuredAudienceModelArn: MODEL_ARN,
        description: 'd',
        collaborationId: COLLABORATION,
        startedBy: ACCOUNT
      }
    ])
  })

  it('shows only the caller account jobs', async () => {
    emu.addJob({ name: 'theirs', configuredAudienceModelArn: MODEL_ARN, accountId: OTHER_ACCOUNT })
    expect((await list()).json.audienceGenerationJobs).toEqual([])
  })

  it.each([['0'], ['101'], ['ten']])('rejects maxResults=%s', async (maxResults) => {
    const response = await list({ maxResults })
    expect([response.status, response.headers.get('x-amzn-errortype')]).toEqual([400, 'ValidationException'])
    expect(response.json.message).toMatch(/maxResults/)
  })

  it('rejects a foreign nextToken or one made for other filters', async () => {
    seed(3)
    const first = await list({ maxResults: '1' })
    const other = await list({
      maxResults: '1',
      nextToken: first.json.nextToken as string,
      collaborationId: COLLABORATION
    })
    expect(other.status).toBe(400)
    const bogus = await list({ nextToken: 'bogus' })
    expect([bogus.status, bogus.headers.get('x-amzn-errortype')]).toEqual([400, 'ValidationException'])
  })
})

describe('faults', () => {
  it('error: type in header, code and __type by default; consumed by one request', async () => {
    emu.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', {
      kind: 'error',
      status: 429,
      type: 'ThrottlingException',
      message: 'Rate exceeded'
    })
    expect(emu.faults.pending('cleanrooms-ml', 'ListAudienceGenerationJobs')).toBe(1)
    const throttled = await list()
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('x-amzn-errortype')).toBe('ThrottlingException')
    expect(throttled.headers.get('x-amzn-requestid')).toMatch(UUID)
    expect(throttled.json).toEqual({
      message: 'Rate exceeded',
      code: 'ThrottlingException',
      __type: 'ThrottlingException'
    })
    expect((await list()).status).toBe(200)
    expect(emu.faults.pending()).toBe(0)
  })

  it('error: headerOnly, bodyOnly and extra fields', async () => {
    emu.fault(
      'cleanrooms-ml',
      'StartAudienceGenerationJob',
      { kind: 'error', status: 403, type: 'AccessDeniedException', message: 'no', headerOnly: true },
      {
        kind: 'error',
        status: 402,
        type: 'ServiceQuotaExceededException',
        message: 'quota',
        bodyOnly: true,
        extra: { quotaName: 'q', quotaValue: 10 }
      }
    )
    const headerOnly = await start()
    expect(headerOnly.headers.get('x-amzn-errortype')).toBe('AccessDeniedException')
    expect(headerOnly.json).toEqual({ message: 'no' })
    const bodyOnly = await start()
    expect(bodyOnly.status).toBe(402)
    expect(bodyOnly.headers.get('x-amzn-errortype')).toBeNull()
    expect(bodyOnly.json).toEqual({
      message: 'quota',
      code: 'ServiceQuotaExceededException',
      __type: 'ServiceQuotaExceededException',
      quotaName: 'q',
      quotaValue: 10
    })
    expect(emu.jobs).toHaveLength(0)
  })

  it('reset: the connection drops without an answer', async () => {
    emu.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', { kind: 'reset' })
    await expect(list()).rejects.toThrow()
    expect((await list()).status).toBe(200)
  })

  it('hang: no answer until the client gives up', async () => {
    emu.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', { kind: 'hang' })
    const url = `${emu.cleanroomsUrl}/audience-generation-job`
    await expect(fetch(url, { signal: AbortSignal.timeout(150) })).rejects.toThrow()
    expect(emu.requests.at(-1)?.operation).toBe('ListAudienceGenerationJobs')
  })

  it('trickle: a valid answer, one byte per interval', async () => {
    emu.fault('cleanrooms-ml', 'StartAudienceGenerationJob', { kind: 'trickle', intervalMs: 2 })
    const [response, ms] = await elapsed(() => start())
    expect(response.status).toBe(200)
    expect(response.json.audienceGenerationJobArn).toMatch(JOB_ARN)
    expect(ms).toBeGreaterThanOrEqual(response.text.length * 1.5)
  })

  it('raw: exactly the given status, headers and body', async () => {
    emu.fault('cleanrooms-ml', 'GetAudienceGenerationJob', {
      kind: 'raw',
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>Bad Gateway</html>'
    })
    const response = await get(`arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:audience-generation-job/x`)
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(response.headers.get('x-amzn-requestid')).toBeNull()
    expect(response.text).toBe('<html>Bad Gateway</html>')
  })

  it('store-then-reset: the job is stored but the answer is lost, so a retry conflicts', async () => {
    emu.fault('cleanrooms-ml', 'StartAudienceGenerationJob', { kind: 'store-then-reset' })
    await expect(start()).rejects.toThrow()
    expect(emu.jobs).toHaveLength(1)
    expect((await start()).status).toBe(409)
  })

  it('delay: a normal answer, late', async () => {
    emu.fault('cleanrooms-ml', 'ListAudienceGenerationJobs', { kind: 'delay', ms: 120 })
    const [response, ms] = await elapsed(() => list())
    expect(response.status).toBe(200)
    expect(ms).toBeGreaterThanOrEqual(110)
  })

  it('delayMs: every answer of every service is late', async () => {
    emu.delayMs = 60
    const [, oidcMs] = await elapsed(() => fetch(emu.oidcRequestUrl))
    const [, cleanroomsMs] = await elapsed(() => list())
    expect(oidcMs).toBeGreaterThanOrEqual(55)
    expect(cleanroomsMs).toBeGreaterThanOrEqual(55)
  })
})

describe('STS AssumeRoleWithWebIdentity', () => {
  it('issues credentials the AWS SDK parses and Clean Rooms ML accepts', async () => {
    const token = await idToken()
    const credentials = await assumeRole(token)
    const issued = emu.issuedCredentials[0]
    expect(issued).toBeDefined()
    expect(credentials).toMatchObject({
      accessKeyId: issued?.accessKeyId,
      secretAccessKey: issued?.secretAccessKey,
      sessionToken: issued?.sessionToken,
      accountId: OTHER_ACCOUNT
    })
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    const lifetime = (credentials.expiration?.getTime() ?? 0) - Date.now()
    expect(lifetime).toBeGreaterThan(3500 * 1000)
    expect(lifetime).toBeLessThanOrEqual(3600 * 1000)
    expect(issued?.assumedRoleArn).toBe(`arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/github-deploy/emulator-test`)

    const started = await start(startBody(), credentials)
    expect(started.status).toBe(200)
    expect(emu.jobs[0]?.startedBy).toBe(OTHER_ACCOUNT)

    const withoutToken = { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey }
    const rejected = await call({ method: 'GET', path: '/audience-generation-job', credentials: withoutToken })
    expect([rejected.status, rejected.headers.get('x-amzn-errortype')]).toEqual([403, 'UnrecognizedClientException'])
  })

  it('rejects STS credentials once they expire', async () => {
    const credentials = await assumeRole(await idToken())
    const issued = emu.issuedCredentials[0]
    if (!issued) throw new Error('no credentials issued')
    issued.expiration = new Date(Date.now() - 1000).toISOString()
    const response = await call({ method: 'GET', path: '/audience-generation-job', credentials })
    expect([response.status, response.headers.get('x-amzn-errortype')]).toEqual([403, 'ExpiredTokenException'])
  })

  it('refuses a signed request dated more than 5 minutes from its clock, as SignatureDoesNotMatch', async () => {
    const token = await idToken()
    const params = {
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: GITHUB_ROLE_ARN,
      RoleSessionName: 'skew-test',
      WebIdentityToken: token
    }
    const dated = (ms: number): Promise<Response> =>
      fetch(emu.stsUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-amz-date': new Date(ms)
            .toISOString()
            .replace(/[-:]/g, '')
            .replace(/\.\d{3}/, '')
        },
        body: new URLSearchParams(params).toString()
      })
    const skewed = await dated(Date.now() - 6 * 60_000)
    const text = await skewed.text()
    expect(skewed.status).toBe(403)
    expect(text).toContain('<Code>SignatureDoesNotMatch</Code>')
    expect(text).toMatch(/<Message>Signature expired: .* - 5 min\.\)<\/Message>/)
    expect(skewed.headers.get('date')).not.toBeNull()
    expect((await dated(Date.now() - 60_000)).status).toBe(200)
    // Unsigned, as the SDK sends AssumeRoleWithWebIdentity: no date to check.
    expect((await stsPost(params)).status).toBe(200)
  })

  it('answers the documented XML', async () => {
    const token = await idToken()
    const response = await stsPost({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: GITHUB_ROLE_ARN,
      RoleSessionName: 's1',
      WebIdentityToken: token,
      DurationSeconds: '900'
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/xml')
    const text = await response.text()
    expect(text).toContain('<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">')
    expect(text).toContain(
      '<SubjectFromWebIdentityToken>repo:octo-org/octo-repo:ref:refs/heads/main</SubjectFromWebIdentityToken>'
    )
    expect(text).toContain('<Audience>sts.amazonaws.com</Audience>')
    expect(text).toContain(
      `<Provider>arn:aws:iam::${OTHER_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com</Provider>`
    )
    expect(text).toMatch(/<Expiration>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expiration>/)
    expect(text).toMatch(new RegExp(`<RequestId>${response.headers.get('x-amzn-requestid')}</RequestId>`))
  })

  it('rejects tokens it did not issue and tokens for another audience', async () => {
    await expect(assumeRole('eyJhbGciOiJSUzI1NiJ9.e30.c2ln')).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException'
    })
    const wrongAudience = await idToken('https://github.com/octo-org')
    await expect(assumeRole(wrongAudience)).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: 'Incorrect token audience'
    })
    expect(emu.issuedCredentials).toHaveLength(0)
  })

  it.each([
    [{ Version: '2010-01-01' }, /Version/],
    [{ RoleArn: 'not-a-role-arn-at-all' }, /ARN is invalid/],
    [{ RoleSessionName: 'a' }, /roleSessionName/],
    [{ RoleSessionName: 'has space' }, /roleSessionName/],
    [{ DurationSeconds: '899' }, /durationSeconds/],
    [{ DurationSeconds: '43201' }, /durationSeconds/]
  ])('answers ValidationError for %p', async (override, message) => {
    const token = await idToken()
    const response = await stsPost({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: GITHUB_ROLE_ARN,
      RoleSessionName: 's1',
      WebIdentityToken: token,
      ...override
    })
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).toContain('<Type>Sender</Type>')
    expect(text).toContain('<Code>ValidationError</Code>')
    expect(text).toMatch(message)
  })

  it('injects Throttling and 5xx errors as XML ErrorResponse', async () => {
    const token = await idToken()
    emu.fault(
      'sts',
      'AssumeRoleWithWebIdentity',
      { kind: 'error', status: 400, type: 'Throttling', message: 'Rate exceeded' },
      { kind: 'error', status: 503, type: 'ServiceUnavailable' }
    )
    await expect(assumeRole(token)).rejects.toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 }
    })
    const response = await stsPost({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: GITHUB_ROLE_ARN,
      RoleSessionName: 's1',
      WebIdentityToken: token
    })
    expect(response.status).toBe(503)
    const text = await response.text()
    expect(text).toContain('<Type>Receiver</Type>')
    expect(text).toContain('<Code>ServiceUnavailable</Code>')
  })

  it('accepts audiences listed in stsAudiences', async () => {
    emu.stsAudiences = ['sts.amazonaws.com', 'custom-aud']
    try {
      const credentials = await assumeRole(await idToken('custom-aud'))
      expect(credentials.accessKeyId).toBe(emu.issuedCredentials[0]?.accessKeyId)
    } finally {
      emu.stsAudiences = ['sts.amazonaws.com']
    }
  })
})

/** STS AssumeRole signed with `credentials`, as a role-chaining client sends it. */
async function assumeRoleWith(
  credentials: Credentials,
  input: { RoleArn?: string; ExternalId?: string; DurationSeconds?: number } = {}
) {
  const { sessionToken, ...keys } = credentials
  const identity = { ...keys, ...(sessionToken !== undefined ? { sessionToken } : {}) }
  const client = new STSClient({ region: 'us-east-1', endpoint: emu.stsUrl, credentials: identity, maxAttempts: 1 })
  try {
    return await client.send(new AssumeRoleCommand({ RoleArn: GITHUB_ROLE_ARN, RoleSessionName: 'chained', ...input }))
  } finally {
    client.destroy()
  }
}

describe("STS AssumeRole, signed with the caller's keys (role chaining)", () => {
  it('issues credentials for the role that Clean Rooms ML accepts, naming the caller as their subject', async () => {
    const answer = await assumeRoleWith(KEY, { DurationSeconds: 900 })
    const issued = emu.issuedCredentials[0]!
    expect(answer.Credentials).toMatchObject({
      AccessKeyId: issued.accessKeyId,
      SecretAccessKey: issued.secretAccessKey,
      SessionToken: issued.sessionToken
    })
    expect(answer.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/github-deploy/chained`)
    expect(issued.subject).toBe(`arn:aws:iam::${ACCOUNT}:user/emulator-user`)
    const lifetime = (answer.Credentials?.Expiration?.getTime() ?? 0) - Date.now()
    expect(lifetime).toBeLessThanOrEqual(900 * 1000)
    expect(lifetime).toBeGreaterThan(800 * 1000)
    const credentials = {
      accessKeyId: issued.accessKeyId,
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken
    }
    expect((await start(startBody(), credentials)).status).toBe(200)
    expect(emu.jobs[0]?.startedBy).toBe(OTHER_ACCOUNT)
  })

  it("refuses a caller it cannot verify, in STS's codes", async () => {
    await expect(assumeRoleWith({ accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'x' })).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 }
    })
    await expect(assumeRoleWith({ ...KEY, secretAccessKey: 'wrong-secret' })).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 }
    })
    const unsigned = await stsPost({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: GITHUB_ROLE_ARN,
      RoleSessionName: 's1'
    })
    expect(unsigned.status).toBe(403)
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>')
    expect(emu.issuedCredentials).toHaveLength(0)
  })

  it('requires the external id a role is configured with, refusing as AccessDenied', async () => {
    emu.roles = { [GITHUB_ROLE_ARN]: { externalId: 'partner-4711' } }
    const refusal = {
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT}:user/emulator-user is not authorized to perform: sts:AssumeRole on resource: ${GITHUB_ROLE_ARN}`,
      $metadata: { httpStatusCode: 403 }
    }
    await expect(assumeRoleWith(KEY)).rejects.toMatchObject(refusal)
    await expect(assumeRoleWith(KEY, { ExternalId: 'partner-0000' })).rejects.toMatchObject(refusal)
    expect(emu.issuedCredentials).toHaveLength(0)
    await assumeRoleWith(KEY, { ExternalId: 'partner-4711' })
    expect(emu.issuedCredentials).toHaveLength(1)
    await expect(assumeRoleWith(KEY, { ExternalId: 'x' })).rejects.toMatchObject({ name: 'ValidationError' })
  })

  it('trusts only the principals a role is configured with', async () => {
    emu.roles = { [GITHUB_ROLE_ARN]: { trustedPrincipals: [`arn:aws:iam::${OTHER_ACCOUNT}:root`] } }
    await expect(assumeRoleWith(KEY)).rejects.toMatchObject({ name: 'AccessDenied' })
    await assumeRoleWith(OTHER_KEY)
    expect(emu.issuedCredentials[0]?.subject).toBe(`arn:aws:iam::${OTHER_ACCOUNT}:user/emulator-user`)
    emu.reset()
    expect(emu.roles).toEqual({})
  })

  it('limits a session assumed with another role session to one hour', async () => {
    await assumeRoleWith(KEY)
    const hub = emu.issuedCredentials[0]!
    const session = {
      accessKeyId: hub.accessKeyId,
      secretAccessKey: hub.secretAccessKey,
      sessionToken: hub.sessionToken
    }
    await expect(assumeRoleWith(session, { DurationSeconds: 7200 })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('1 hour session limit for roles assumed by role chaining')
    })
    const chained = await assumeRoleWith(session, { DurationSeconds: 3600 })
    expect(chained.AssumedRoleUser?.Arn).toContain(':assumed-role/github-deploy/chained')
    expect(emu.issuedCredentials[1]?.subject).toBe(hub.assumedRoleArn)
  })
})

describe('GitHub OIDC token endpoint', () => {
  it('requires the request token', async () => {
    expect((await fetch(`${emu.oidcRequestUrl}&audience=sts.amazonaws.com`)).status).toBe(401)
    const wrong = await fetch(emu.oidcRequestUrl, { headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
    expect(emu.issuedTokens).toHaveLength(0)
  })

  it('issues a GitHub-shaped JWT and records it', async () => {
    const token = await idToken()
    const [header, , signature] = token.split('.')
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({ typ: 'JWT', alg: 'RS256' })
    expect(signature).toMatch(/^[\w-]{300,}$/)
    const claims = decodeJwtPayload(token)
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      aud: 'sts.amazonaws.com',
      repository: 'octo-org/octo-repo'
    })
    expect((claims.exp as number) - (claims.iat as number)).toBeGreaterThan(0)
    expect(emu.issuedTokens).toEqual([expect.objectContaining({ value: token, audience: 'sts.amazonaws.com' })])
    expect(emu.secrets()).toEqual(expect.arrayContaining([token, emu.oidcRequestToken]))
  })

  it('uses the repository owner URL as audience when none is asked for', async () => {
    const response = await fetch(emu.oidcRequestUrl, { headers: { authorization: `Bearer ${emu.oidcRequestToken}` } })
    const { value } = (await response.json()) as { value: string }
    expect(decodeJwtPayload(value).aud).toBe('https://github.com/octo-org')
  })

  it('records every request with its service and operation', async () => {
    await idToken('aud-x')
    const recorded = emu.requests.at(-1)
    expect(recorded).toMatchObject({
      service: 'oidc',
      operation: 'GetIdToken',
      method: 'GET',
      path: '/token',
      query: { 'api-version': '2.0', audience: 'aud-x' },
      body: ''
    })
    expect(recorded?.headers.authorization).toBe(`Bearer ${emu.oidcRequestToken}`)
    expect(typeof recorded?.time).toBe('number')
  })

  it('injects plain HTTP errors', async () => {
    emu.fault('oidc', 'GetIdToken', { kind: 'error', status: 503, message: 'unavailable' })
    const response = await fetch(emu.oidcRequestUrl, { headers: { authorization: `Bearer ${emu.oidcRequestToken}` } })
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ message: 'unavailable' })
  })
})

describe('Clean Rooms ML: quality metrics and SQL seeds', () => {
  const METRICS: AudienceQualityMetrics = {
    relevanceMetrics: [{ audienceSize: { type: 'ABSOLUTE', value: 5000 }, score: 3.5 }],
    recallMetric: 0.25
  }

  afterEach(() => {
    emu.metrics = DEFAULT_METRICS
  })

  it('reports realistic metrics once a job is ACTIVE, and none before', async () => {
    const arn = await startedArn()
    expect((await get(arn)).json).not.toHaveProperty('metrics')
    const active = await get(arn)
    expect(active.json.status).toBe('ACTIVE')
    expect(active.json.metrics).toEqual(DEFAULT_METRICS)
    const sizes = DEFAULT_METRICS.relevanceMetrics.map((metric) => metric.audienceSize.type)
    expect(new Set(sizes)).toEqual(new Set(['ABSOLUTE', 'PERCENTAGE']))
  })

  it('reports the metrics a test sets, none when set to null, and restores the default on reset', async () => {
    emu.metrics = METRICS
    const arn = await startedArn()
    await get(arn)
    expect((await get(arn)).json.metrics).toEqual(METRICS)
    emu.metrics = null
    const none = await startedArn(startBody({ name: 'audience-2' }))
    await get(none)
    expect((await get(none)).json).not.toHaveProperty('metrics')
    emu.reset()
    expect(emu.metrics).toEqual(DEFAULT_METRICS)
  })

  it('gives a seeded job its own metrics, or none, and never lists them', async () => {
    const own = emu.addJob({ name: 'own', configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE', metrics: METRICS })
    const bare = emu.addJob({ name: 'bare', configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE', metrics: null })
    expect((await get(own.audienceGenerationJobArn)).json.metrics).toEqual(METRICS)
    expect((await get(bare.audienceGenerationJobArn)).json).not.toHaveProperty('metrics')
    const listed = await call({ method: 'GET', path: '/audience-generation-job' })
    expect(JSON.stringify(listed.json)).not.toContain('relevanceMetrics')
  })

  it('refuses metrics the service could not send', () => {
    expect(() => (emu.metrics = { relevanceMetrics: [], recallMetric: 1.5 })).toThrow(/metrics do not match the model/)
    expect(() =>
      emu.addJob({
        name: 'bad',
        configuredAudienceModelArn: MODEL_ARN,
        metrics: { relevanceMetrics: [{ audienceSize: { type: 'PERCENTAGE', value: 0 }, score: 1 }] }
      })
    ).toThrow(/metrics do not match the model/)
  })

  it('names the protected query of a SQL seed, and shows the seed only when asked to', async () => {
    const sqlSeed = { roleArn: ROLE_ARN, sqlParameters: { queryString: 'SELECT 1', parameters: { a: 'b' } } }
    const arn = await startedArn(startBody({ seedAudience: sqlSeed }))
    const job = await get(arn)
    expect(job.json.protectedQueryIdentifier).toMatch(/^[0-9a-f-]{36}$/)
    expect(job.json).not.toHaveProperty('seedAudience')
    expect((await get(await startedArn(startBody({ name: 'audience-s3' })))).json).not.toHaveProperty(
      'protectedQueryIdentifier'
    )
    const shown = emu.addJob({
      name: 'shown',
      configuredAudienceModelArn: MODEL_ARN,
      seedAudience: sqlSeed,
      showSeedAudience: true
    })
    expect((await get(shown.audienceGenerationJobArn)).json.seedAudience).toEqual(sqlSeed)
  })
})
