// `npm run contract` (scripts/contract.js), the contract test against the real service, run here against the
// emulator (restJson1, SigV4 verified) through AWS_ENDPOINT_URL_CLEANROOMSML, so that its own logic cannot rot:
// it stops at once without credentials, passes when each answer is what AWS gives, and fails, naming the call,
// when one is not.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { startEmulator, type Emulator } from '../emulator/index.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SCRIPT = join(ROOT, 'scripts', 'contract.js')
const CREDENTIALS = { accessKeyId: 'AKIACONTRACTEXAMPLE1', secretAccessKey: 'contract/secret/EXAMPLE0123456789' }
const OPERATIONS = [
  'ListAudienceGenerationJobs',
  'GetAudienceGenerationJob',
  'StartAudienceGenerationJob',
  'ListAudienceGenerationJobs'
]

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [CREDENTIALS] })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

interface ContractRun {
  code: number | null
  stdout: string
  stderr: string
}

function contract(env: Record<string, string>): Promise<ContractRun> {
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env['PATH'] ?? '',
      // Windows needs it to start node at all.
      ...(process.env['SYSTEMROOT'] ? { SYSTEMROOT: process.env['SYSTEMROOT'] } : {}),
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

/** The environment `npm run contract` gets in the contract workflow, pointed at the emulator. */
function awsEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_CLEANROOMSML: emulator.cleanroomsUrl,
    ...overrides
  }
}

/** The Start the service refuses: its configured audience model does not exist. */
function refuseStart(): void {
  emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
    kind: 'error',
    status: 404,
    type: 'ResourceNotFoundException',
    message: 'Configured audience model not found'
  })
}

function contractFolders(): string[] {
  const cache = join(ROOT, 'node_modules', '.cache')
  return existsSync(cache) ? readdirSync(cache).filter((name) => name.startsWith('contract-')) : []
}

describe('without credentials or a Region, it stops at once and says what it needs', () => {
  it.each([
    [
      'no credentials',
      { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
      'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.'
    ],
    ['no Region', { AWS_REGION: '' }, 'AWS_REGION (or AWS_DEFAULT_REGION).']
  ])('%s: names what is missing, exits 1, sends nothing', async (_, overrides, missing) => {
    const run = await contract(awsEnv(overrides))
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`Missing: ${missing}`)
    expect(run.stderr).toContain('Nothing was sent.')
    expect(emulator.requests).toEqual([])
  })
})

describe('with answers as AWS gives them, every check passes', () => {
  it('lists a page, meets ResourceNotFoundException for the job and a refusal for the model, and no job', async () => {
    const before = contractFolders()
    refuseStart()
    const run = await contract(awsEnv())
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(
      /^Clean Rooms ML contract: us-east-1, http:\/\/127\.0\.0\.1:\d+ \(endpoint from AWS_ENDPOINT_URL_CLEANROOMSML\)\n/
    )
    expect(run.stdout).toMatch(
      /^ {2}ok {4}ListAudienceGenerationJobs, one page: 0 job\(s\), HTTP 200 \(request id [-0-9a-f]{36}\)$/m
    )
    expect(run.stdout).toMatch(
      /^ {2}ok {4}GetAudienceGenerationJob of a job that cannot exist: ResourceNotFoundException, HTTP 404 \(request id [-0-9a-f]{36}\)$/m
    )
    expect(run.stdout).toMatch(
      /^ {2}ok {4}StartAudienceGenerationJob of a model that cannot exist: ResourceNotFoundException, HTTP 404 \(request id /m
    )
    expect(run.stdout).toContain('4 of 4 checks passed.')
    // Every call signed (the emulator checks SigV4), to the endpoint given, and nothing created.
    expect(emulator.requests.map((request) => request.operation)).toEqual(OPERATIONS)
    expect(
      emulator.requests.every((request) => String(request.headers['authorization']).startsWith('AWS4-HMAC-SHA256 '))
    ).toBe(true)
    expect(emulator.jobs).toEqual([])
    // The transpiled client is removed afterwards.
    expect(contractFolders()).toEqual(before)
  })

  it("uses the account of a listed job for the ARNs that cannot exist, or AWS_ACCOUNT_ID's", async () => {
    emulator.addJob({
      name: 'existing',
      configuredAudienceModelArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/m',
      accountId: emulator.accountId
    })
    refuseStart()
    const listed = await contract(awsEnv())
    expect(listed.code).toBe(0)
    const get = emulator.requests.find((request) => request.operation === 'GetAudienceGenerationJob')
    expect(decodeURIComponent(get!.path)).toContain(`:${emulator.accountId}:audience-generation-job/`)

    emulator.requests.length = 0
    refuseStart()
    const given = await contract(awsEnv({ AWS_ACCOUNT_ID: '210987654321' }))
    expect(given.stdout).toContain('GetAudienceGenerationJob of a job that cannot exist: ResourceNotFoundException')
    const start = emulator.requests.find((request) => request.operation === 'StartAudienceGenerationJob')
    expect(JSON.parse(start!.body)).toMatchObject({
      configuredAudienceModelArn: expect.stringMatching(
        /^arn:aws:cleanrooms-ml:us-east-1:210987654321:configured-audience-model\//
      )
    })
  })
})

describe('an answer that breaks the contract fails the run, naming the call', () => {
  it('a signature AWS refuses', async () => {
    refuseStart()
    const run = await contract(awsEnv({ AWS_SECRET_ACCESS_KEY: 'not-the-secret' }))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^ {2}FAIL {2}ListAudienceGenerationJobs, one page: InvalidSignatureException, HTTP 403/m
    )
    expect(run.stdout).toMatch(
      /^ {2}FAIL {2}GetAudienceGenerationJob of a job that cannot exist: expected ResourceNotFoundException, got InvalidSignatureException/m
    )
  })

  it('another error type than the one expected', async () => {
    refuseStart()
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', {
      kind: 'error',
      status: 409,
      type: 'ConflictException'
    })
    const run = await contract(awsEnv())
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^ {2}FAIL {2}GetAudienceGenerationJob of a job that cannot exist: expected ResourceNotFoundException, got ConflictException, HTTP 409/m
    )
    expect(run.stdout).toContain('3 of 4 checks passed.')
  })

  it('a start that AWS accepts: the job it made is named, to be deleted', async () => {
    const run = await contract(awsEnv())
    expect(run.code).toBe(1)
    const arn = emulator.jobs[0]!.audienceGenerationJobArn
    expect(run.stdout).toContain(`FAIL  StartAudienceGenerationJob of a model that cannot exist: AWS accepted it`)
    expect(run.stdout).toContain(`it started ${arn}: delete that job`)
    expect(run.stdout).toContain(`FAIL  no job of the refused start: ${arn} exists`)
  })
})

describe('the contract workflow runs it weekly and on demand, only where a role is configured', () => {
  const workflow = parseYaml(readFileSync(join(ROOT, '.github', 'workflows', 'contract.yml'), 'utf8')) as {
    on: Record<string, unknown>
    jobs: Record<
      string,
      {
        if?: string
        permissions?: Record<string, string>
        steps: { uses?: string; run?: string; with?: Record<string, string> }[]
      }
    >
  }
  const [job, ...others] = Object.values(workflow.jobs)

  it('on workflow_dispatch and a weekly schedule, with the OIDC token, when AWS_CONTRACT_ROLE_ARN is set', () => {
    expect(others).toEqual([])
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(workflow.on['schedule']).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \d$/) }])
    expect(job!.if).toBe("vars.AWS_CONTRACT_ROLE_ARN != ''")
    expect(job!.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    const credentials = job!.steps.findIndex((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'))
    const contractStep = job!.steps.findIndex((step) => step.run === 'npm run contract')
    expect(job!.steps[credentials]?.with?.['role-to-assume']).toBe('${{ vars.AWS_CONTRACT_ROLE_ARN }}')
    expect(credentials).toBeGreaterThanOrEqual(0)
    expect(contractStep).toBeGreaterThan(credentials)
  })

  it('is not part of npm test, which needs no AWS account', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts
    expect(scripts['contract']).toBe('node scripts/contract.js')
    expect(scripts['test']).not.toContain('contract')
  })
})
