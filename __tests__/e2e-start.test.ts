// End to end: the bundled action, run as a runner runs it, against the local emulator.
// On node 24 too: the main path, OIDC token, STS and a signed start over real sockets, outputs and summary files.
import { startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { DEPLOY_ROLE, MODEL_ARN, SEED_ROLE, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'weekly-audience' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => emulator.reset())

/** A run with fast retries (every delay and timeout scaled down alike); it must show no secret. */
async function run(inputs: Record<string, string>, env: Record<string, string | undefined> = {}): Promise<ActionRun> {
  const result = await runAction({
    inputs,
    env: { ...runnerEnv(emulator), CLEANROOMS_ML_ACTION_TIME_SCALE: '0.05', ...env }
  })
  expect(leaksIn(result, secretsOf(emulator))).toEqual([])
  return result
}

function operations(): string[] {
  return emulator.requests.map((request) => `${request.service}:${request.operation}`)
}

function expectCleanFailure(result: ActionRun): void {
  expect(result.code).toBe(1)
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
}

describe('starting a job with the workflow OIDC token', () => {
  it('assumes the role, starts the job with exactly the given inputs, and outputs its ARN', async () => {
    const result = await run({ ...INPUTS, 'role-to-assume': DEPLOY_ROLE, tags: 'team=ads' })
    expect(result.code).toBe(0)
    expect(operations()).toEqual([
      'oidc:GetIdToken',
      'sts:AssumeRoleWithWebIdentity',
      'cleanrooms-ml:StartAudienceGenerationJob'
    ])
    const job = emulator.jobs[0]!
    expect(result.outputs['audience-generation-job-arn']).toBe(job.audienceGenerationJobArn)
    expect(result.outputs['created']).toBe('true')
    expect(result.outputs['error-type']).toBeUndefined()
    expect(JSON.parse(emulator.requests[2]!.body)).toEqual({
      name: 'weekly-audience',
      configuredAudienceModelArn: MODEL_ARN,
      seedAudience: { roleArn: SEED_ROLE, dataSource: { s3Uri: 's3://seed-bucket/seed.jsonl' } },
      description:
        'Started by GitHub Actions: octo-org/octo-repo, workflow "release", run https://github.com/octo-org/octo-repo/actions/runs/4242',
      tags: { team: 'ads' }
    })
    // Signed with the credentials STS issued for the assumed role.
    const issued = emulator.issuedCredentials[0]!
    expect(emulator.requests[2]!.headers['authorization']).toContain(`Credential=${issued.accessKeyId}/`)
    expect(emulator.requests[1]!.body).toContain('RoleSessionName=GitHubActions')
  })

  it('writes a job summary with the job and where it runs', async () => {
    const result = await run({ ...INPUTS, 'role-to-assume': DEPLOY_ROLE })
    const arn = result.outputs['audience-generation-job-arn']!
    expect(result.summary).toContain('Clean Rooms ML audience generation job')
    for (const value of ['weekly-audience', arn, MODEL_ARN, 'S3 file s3://seed-bucket/seed.jsonl', 'us-east-1']) {
      expect(result.summary).toContain(value)
    }
  })

  it('explains the missing id-token permission, before any request', async () => {
    const result = await run(
      { ...INPUTS, 'role-to-assume': DEPLOY_ROLE },
      { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }
    )
    expectCleanFailure(result)
    expect(result.annotations).toEqual([
      expect.objectContaining({ level: 'error', title: 'MissingIdTokenPermission: Getting AWS credentials failed' })
    ])
    expect(result.annotations[0]!.message).toContain('permissions: id-token: write')
    expect(result.outputs['error-type']).toBe('MissingIdTokenPermission')
    expect(emulator.requests).toEqual([])
  })

  it('explains a rejected token with the trust policy conditions, without retrying', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', {
      kind: 'error',
      status: 400,
      type: 'InvalidIdentityToken',
      message: 'Incorrect token audience'
    })
    const result = await run({ ...INPUTS, 'role-to-assume': DEPLOY_ROLE })
    expectCleanFailure(result)
    expect(result.outputs['error-type']).toBe('InvalidIdentityTokenException')
    expect(result.annotations[0]!.message).toContain('Incorrect token audience')
    expect(result.annotations[0]!.message).toContain('token.actions.githubusercontent.com:aud = sts.amazonaws.com')
    expect(result.annotations[0]!.message).toContain('repo:octo-org/octo-repo:*')
    expect(operations()).toEqual(['oidc:GetIdToken', 'sts:AssumeRoleWithWebIdentity'])
  })
})

describe('starting a job with credentials from the environment', () => {
  it('signs with the environment credentials and makes a single request', async () => {
    const result = await run({ ...INPUTS, description: 'from env' }, ENV_CREDENTIALS)
    expect(result.code).toBe(0)
    expect(operations()).toEqual(['cleanrooms-ml:StartAudienceGenerationJob'])
    expect(emulator.requests[0]!.headers['authorization']).toContain(`Credential=${ENV_CREDENTIALS.AWS_ACCESS_KEY_ID}/`)
    expect(result.outputs['audience-generation-job-arn']).toMatch(
      /^arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job\//
    )
    expect(JSON.parse(emulator.requests[0]!.body).description).toBe('from env')
  })

  it('names both ways to get credentials when there are none', async () => {
    const result = await run(INPUTS)
    expectCleanFailure(result)
    expect(result.outputs['error-type']).toBe('CredentialsNotFound')
    expect(result.annotations[0]!.message).toContain('role-to-assume')
    expect(result.annotations[0]!.message).toContain('configure-aws-credentials')
    expect(emulator.requests).toEqual([])
  })

  it('sends a SQL seed, and never prints its query or parameter values', async () => {
    const result = await run(
      {
        ...INPUTS,
        'seed-audience-s3-uri': '',
        'seed-audience-sql-query': 'SELECT user_id FROM purchases WHERE sku = :sku',
        'seed-audience-sql-parameters': '{"sku": "very-secret-sku-4711"}',
        'sql-compute-worker-type': 'CR.4X',
        'sql-compute-worker-count': '8'
      },
      ENV_CREDENTIALS
    )
    expect(result.code).toBe(0)
    expect(JSON.parse(emulator.requests[0]!.body).seedAudience).toEqual({
      roleArn: SEED_ROLE,
      sqlParameters: {
        queryString: 'SELECT user_id FROM purchases WHERE sku = :sku',
        parameters: { sku: 'very-secret-sku-4711' }
      },
      sqlComputeConfiguration: { worker: { type: 'CR.4X', number: 8 } }
    })
    const printed = result.stdout + result.stderr + result.summary
    expect(printed).not.toContain('very-secret-sku-4711')
    expect(printed).not.toContain('FROM purchases')
  })
})

describe('invalid inputs are reported together and nothing is sent', () => {
  it('reports every problem as its own annotation and makes no request at all', async () => {
    const result = await run(
      {
        ...INPUTS,
        name: 'x'.repeat(64),
        'seed-audience-sql-query': 'SELECT 1',
        tags: 'aws:team=x',
        'role-to-assume': DEPLOY_ROLE
      },
      ENV_CREDENTIALS
    )
    expectCleanFailure(result)
    expect(result.annotations.map((a) => a.title)).toEqual([
      'Invalid input: name',
      'Invalid input: seed-audience-sql-query',
      'Invalid input: tags'
    ])
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(emulator.requests).toEqual([])
  })
})

describe('each failure of the service gets one annotation that says what to do', () => {
  const cases = [
    ['ValidationException', 400, 'Seed size below the model minimum', 'a rule only the service knows'],
    ['AccessDeniedException', 403, 'not authorized', `iam:PassRole on ${SEED_ROLE}`],
    ['ResourceNotFoundException', 404, 'model not found', `configured audience model ${MODEL_ARN} exists in us-east-1`],
    ['ServiceQuotaExceededException', 402, 'too many jobs', 'Quota Pending audience generation jobs (10)']
  ] as const
  it.each(cases)('%s', async (type, status, message, hint) => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status,
      type,
      message,
      extra: { quotaName: 'Pending audience generation jobs', quotaValue: 10 }
    })
    const result = await run(INPUTS, ENV_CREDENTIALS)
    expectCleanFailure(result)
    expect(result.outputs['error-type']).toBe(type)
    expect(result.annotations).toHaveLength(1)
    const annotation = result.annotations[0]!
    expect(annotation.title).toBe(`${type}: Starting the audience generation job failed`)
    expect(annotation.message).toContain(message)
    expect(annotation.message).toMatch(new RegExp(`HTTP ${status}, request id [0-9a-f-]{36}, 1 attempt\\)`))
    expect(annotation.message).toContain(hint)
    expect(emulator.requests).toHaveLength(1)
  })

  it('ConflictException: the name is taken in this account', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN })
    const result = await run(INPUTS, ENV_CREDENTIALS)
    expectCleanFailure(result)
    expect(result.outputs['error-type']).toBe('ConflictException')
    expect(result.annotations[0]!.message).toContain('job names are unique per account')
    expect(result.annotations[0]!.message).toContain('if-exists: reuse')
    expect(result.summary).toContain('<h3>Clean Rooms ML audience generation job: failed</h3>')
    expect(emulator.jobs).toHaveLength(1)
  })

  it('AccessDeniedException names TagResource when tags are sent', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 403,
      type: 'AccessDeniedException'
    })
    const result = await run({ ...INPUTS, tags: 'a=b' }, ENV_CREDENTIALS)
    expect(result.annotations[0]!.message).toContain('cleanrooms-ml:TagResource')
  })

  it('ThrottlingException: retried, then reported with the number of attempts', async () => {
    const throttle = { kind: 'error', status: 429, type: 'ThrottlingException', message: 'Rate exceeded' } as const
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', ...Array.from({ length: 12 }, () => throttle))
    const result = await run(INPUTS, ENV_CREDENTIALS)
    expectCleanFailure(result)
    expect(result.outputs['error-type']).toBe('ThrottlingException')
    expect(result.annotations[0]!.message).toContain('12 attempts')
    expect(emulator.requests).toHaveLength(12)
    expect(emulator.jobs).toHaveLength(0)
  })
})

describe('throttling and server errors are retried', () => {
  it('succeeds after throttling with exactly one job', async () => {
    const throttle = { kind: 'error', status: 429, type: 'ThrottlingException' } as const
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', throttle, throttle, {
      kind: 'error',
      status: 503,
      type: 'ServiceUnavailable'
    })
    const result = await run(INPUTS, ENV_CREDENTIALS)
    expect(result.code).toBe(0)
    expect(emulator.requests).toHaveLength(4)
    expect(emulator.jobs).toHaveLength(1)
    expect(result.stdout).toContain('ThrottlingException; trying again in')
    expect(result.stdout).toContain('4 attempts')
  })
})

describe('an error answer with no type keeps what it said', () => {
  it("reports the status line's reason and the start of a body that is not JSON", async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'raw',
      status: 403,
      reason: 'Forbidden',
      headers: { 'content-type': 'text/plain' },
      body: 'request blocked by proxy policy'
    })
    const result = await run(INPUTS, ENV_CREDENTIALS)
    expectCleanFailure(result)
    expect(result.outputs['error-type']).toBe('HTTP403')
    expect(result.annotations[0]!.message).toContain('HTTP 403: Forbidden: request blocked by proxy policy')
    expect(emulator.requests).toHaveLength(1)
  })
})
