// End to end: role-chaining, role-external-id and mask-aws-account-id through the bundled action, as
// configure-aws-credentials users write them: role-to-assume assumed with STS AssumeRole, signed with the
// credentials an earlier step left in the environment.
import { startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { ENV_CREDENTIALS, EMULATOR_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { readAsRunner } from './helpers/runner-commands.js'
import { ACCOUNT, VALID_INPUTS } from './helpers/fixtures.js'

/** The account of the hub identity an earlier step left in the environment. */
const HUB_ACCOUNT = '111122223333'
/** The Clean Rooms ML account, whose role the step hops to. */
const TARGET_ACCOUNT = '210987654321'
const TARGET_ROLE = `arn:aws:iam::${TARGET_ACCOUNT}:role/cleanrooms-ml-launcher`
const HUB_IDENTITY = `arn:aws:iam::${HUB_ACCOUNT}:user/ci-hub`
const CHAINED = { ...VALID_INPUTS, 'role-to-assume': TARGET_ROLE, 'role-chaining': 'true' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({
    credentials: [{ ...EMULATOR_CREDENTIALS, accountId: HUB_ACCOUNT, arn: HUB_IDENTITY }]
  })
})
afterAll(async () => emulator.close())
beforeEach(() => emulator.reset())

/** A run with fast retries; it must show no secret. */
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

function expectOneFailure(result: ActionRun, errorType: string): string {
  expect(result.code).toBe(1)
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(result.outputs['error-type']).toBe(errorType)
  expect(result.annotations).toHaveLength(1)
  expect(result.annotations[0]!.title).toBe(`${errorType}: Getting AWS credentials failed`)
  return result.annotations[0]!.message
}

describe('role-chaining: role-to-assume assumed with the credentials already in the environment', () => {
  it('makes one AssumeRole signed with those credentials, no OIDC request, and signs the job as the role', async () => {
    const result = await run(
      { ...CHAINED, 'role-session-name': 'hop', 'role-duration-seconds': '900' },
      { ...ENV_CREDENTIALS }
    )
    expect(result.code).toBe(0)
    expect(operations()).toEqual(['sts:AssumeRole', 'cleanrooms-ml:StartAudienceGenerationJob'])
    const [assume, start] = emulator.requests
    expect(assume!.headers['authorization']).toContain(`Credential=${ENV_CREDENTIALS.AWS_ACCESS_KEY_ID}/`)
    expect(assume!.headers['x-amz-security-token']).toBe(ENV_CREDENTIALS.AWS_SESSION_TOKEN)
    expect(Object.fromEntries(new URLSearchParams(assume!.body))).toEqual({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: TARGET_ROLE,
      RoleSessionName: 'hop',
      DurationSeconds: '900'
    })
    const issued = emulator.issuedCredentials[0]!
    expect(issued.subject).toBe(HUB_IDENTITY)
    expect(start!.headers['authorization']).toContain(`Credential=${issued.accessKeyId}/`)
    expect(emulator.jobs[0]!.startedBy).toBe(TARGET_ACCOUNT)
    expect(result.outputs['audience-generation-job-arn']).toBe(emulator.jobs[0]!.audienceGenerationJobArn)
    expect(result.stdout).toContain(`Credentials: role chaining, assuming ${TARGET_ROLE}`)
  })

  it("masks the role's keys and session token before any line after the AssumeRole answer", async () => {
    const result = await run(CHAINED, { ...ENV_CREDENTIALS })
    expect(result.code).toBe(0)
    const issued = emulator.issuedCredentials[0]!
    const lines = result.stdout.split('\n')
    const masks = [issued.accessKeyId, issued.secretAccessKey, issued.sessionToken].map((secret) =>
      lines.indexOf(`::add-mask::${secret}`)
    )
    expect(masks.every((index) => index >= 0)).toBe(true)
    // The line announcing the credentials comes before the request; everything after the masks is the launch.
    const announced = lines.findIndex((line) => line.startsWith('Credentials: role chaining'))
    const firstAfter = lines.findIndex((line, index) => index > announced && !line.startsWith('::add-mask::'))
    expect(Math.max(...masks)).toBeLessThan(firstAfter)
  })

  it('sends role-external-id as ExternalId, as the role requires', async () => {
    emulator.roles = { [TARGET_ROLE]: { externalId: 'partner-4711', trustedPrincipals: [HUB_IDENTITY] } }
    const result = await run({ ...CHAINED, 'role-external-id': 'partner-4711' }, { ...ENV_CREDENTIALS })
    expect(result.code).toBe(0)
    expect(new URLSearchParams(emulator.requests[0]!.body).get('ExternalId')).toBe('partner-4711')
    expect(operations()).toEqual(['sts:AssumeRole', 'cleanrooms-ml:StartAudienceGenerationJob'])
  })

  it('reports a wrong external id as AccessDenied once, naming the role and its trust policy', async () => {
    emulator.roles = { [TARGET_ROLE]: { externalId: 'partner-4711' } }
    const result = await run({ ...CHAINED, 'role-external-id': 'partner-0000' }, { ...ENV_CREDENTIALS })
    const message = expectOneFailure(result, 'AccessDenied')
    expect(message).toContain(`User: ${HUB_IDENTITY} is not authorized to perform: sts:AssumeRole`)
    expect(message).toContain('HTTP 403')
    expect(message).toContain(`STS refused to let the environment's credentials assume ${TARGET_ROLE}`)
    expect(message).toContain("role's trust policy: it must allow sts:AssumeRole for the source identity")
    expect(message).toContain('sts:ExternalId condition must equal role-external-id')
    expect(message).not.toContain('partner-')
    // Not retried, and nothing reaches Clean Rooms ML.
    expect(operations()).toEqual(['sts:AssumeRole'])
    expect(result.summary).toContain('AccessDenied')
  })

  it('without an external id, says to set role-external-id when the role requires one', async () => {
    emulator.roles = { [TARGET_ROLE]: { externalId: 'partner-4711' } }
    const message = expectOneFailure(await run(CHAINED, { ...ENV_CREDENTIALS }), 'AccessDenied')
    expect(message).toContain(
      'If the trust policy requires an external id (an sts:ExternalId condition), set role-external-id'
    )
    expect(operations()).toEqual(['sts:AssumeRole'])
  })

  it('retries AssumeRole after throttling and a 5xx, as every AWS call, and launches once', async () => {
    emulator.fault(
      'sts',
      'AssumeRole',
      { kind: 'error', status: 400, type: 'Throttling', message: 'Rate exceeded' },
      { kind: 'error', status: 503, type: 'ServiceUnavailable' }
    )
    const result = await run(CHAINED, { ...ENV_CREDENTIALS })
    expect(result.code).toBe(0)
    expect(operations()).toEqual([
      'sts:AssumeRole',
      'sts:AssumeRole',
      'sts:AssumeRole',
      'cleanrooms-ml:StartAudienceGenerationJob'
    ])
    expect(result.stdout).toContain('Throttling; trying again in')
    expect(emulator.jobs).toHaveLength(1)
  })

  it('with nothing to chain from, says chaining needs credentials from an earlier step, before any request', async () => {
    const message = expectOneFailure(await run(CHAINED), 'CredentialsNotFound')
    expect(message).toContain(
      'role-chaining: true assumes role-to-assume with AWS credentials already in the environment'
    )
    expect(message).toContain('aws-actions/configure-aws-credentials')
    expect(emulator.requests).toEqual([])
  })
})

describe('role-external-id is an input error without role-chaining', () => {
  it('names role-chaining: true, and sends nothing', async () => {
    const result = await run(
      { ...VALID_INPUTS, 'role-to-assume': TARGET_ROLE, 'role-external-id': 'partner-4711' },
      { ...ENV_CREDENTIALS }
    )
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(result.annotations.map((annotation) => annotation.title)).toEqual(['Invalid input: role-external-id'])
    expect(result.annotations[0]!.message).toContain('Set role-chaining: true')
    expect(result.annotations[0]!.message).toContain('AssumeRoleWithWebIdentity')
    expect(emulator.requests).toEqual([])
  })
})

describe('mask-aws-account-id: true masks every account id before the first line that shows it', () => {
  const ACCOUNTS = [ACCOUNT, TARGET_ACCOUNT, HUB_ACCOUNT]

  /** For each account id the output shows, whether `::add-mask::<id>` came before any other line holding it. */
  function maskedFirst(stdout: string): Record<string, boolean> {
    const lines = stdout.split('\n')
    const verdicts: Record<string, boolean> = {}
    for (const id of ACCOUNTS) {
      const first = lines.findIndex((line) => line.includes(id))
      if (first >= 0) verdicts[id] = lines[first] === `::add-mask::${id}`
    }
    return verdicts
  }

  it('in the log, the annotations and the summary of a chained launch', async () => {
    const result = await run({ ...CHAINED, 'mask-aws-account-id': 'true' }, { ...ENV_CREDENTIALS })
    expect(result.code).toBe(0)
    // The model's and seed role's account (inputs), and the role's, which the job's ARN from AWS carries too.
    expect(maskedFirst(result.stdout)).toEqual({ [ACCOUNT]: true, [TARGET_ACCOUNT]: true })
    const masked = readAsRunner(result.stdout)
      .commands.filter((c) => c.name === 'add-mask')
      .map((c) => c.data)
    const shown = readAsRunner(result.stdout).shown
    for (const id of [ACCOUNT, TARGET_ACCOUNT]) expect(shown).not.toContain(id)
    expect(result.summary).toContain(emulator.jobs[0]!.audienceGenerationJobArn)
    for (const [id] of result.summary.matchAll(/\d{12}/g)) expect(masked).toContain(id)
  })

  it('in a refusal, for the account of the identity STS names', async () => {
    emulator.roles = { [TARGET_ROLE]: { trustedPrincipals: [`arn:aws:iam::${ACCOUNT}:root`] } }
    const result = await run({ ...CHAINED, 'mask-aws-account-id': 'true' }, { ...ENV_CREDENTIALS })
    const message = expectOneFailure(result, 'AccessDenied')
    expect(message).toContain(HUB_IDENTITY)
    expect(maskedFirst(result.stdout)).toEqual({ [ACCOUNT]: true, [TARGET_ACCOUNT]: true, [HUB_ACCOUNT]: true })
    expect(readAsRunner(result.stdout).shown).not.toMatch(/\d{12}/)
  })

  it('in input problems too; without it, account ids are shown', async () => {
    const invalid = { ...CHAINED, 'role-duration-seconds': '60', 'mask-aws-account-id': 'true' }
    const result = await run(invalid, { ...ENV_CREDENTIALS })
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(maskedFirst(result.stdout)).toEqual({ [ACCOUNT]: true, [TARGET_ACCOUNT]: true })

    const plain = await run(CHAINED, { ...ENV_CREDENTIALS })
    expect(plain.code).toBe(0)
    expect(plain.stdout).not.toMatch(/::add-mask::\d{12}$/m)
    expect(readAsRunner(plain.stdout).shown).toContain(TARGET_ROLE)
  })
})
