// End to end: the errors a step meets most when its credentials or network are wrong each come with a hint
// that fits how the step got its credentials. The emulator answers as AWS does (SigV4 checked).
import { startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { DEPLOY_ROLE, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'hinted-job' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => emulator.reset())

async function run(inputs: Record<string, string>, env: Record<string, string | undefined>): Promise<ActionRun> {
  const result = await runAction({
    inputs: { ...INPUTS, ...inputs },
    env: { ...runnerEnv(emulator), CLEANROOMS_ML_ACTION_TIME_SCALE: '0.05', ...env }
  })
  expect(leaksIn(result, secretsOf(emulator))).toEqual([])
  expect(result.code).toBe(1)
  expect(result.annotations.filter((annotation) => annotation.level === 'error')).toHaveLength(1)
  return result
}

describe('wrong credentials in the environment are explained, not only named', () => {
  it('an unknown access key: UnrecognizedClientException says the key is unknown, deleted or rotated', async () => {
    const result = await run({}, { ...ENV_CREDENTIALS, AWS_ACCESS_KEY_ID: 'AKIAROTATEDAWAY00000' })
    expect(result.outputs['error-type']).toBe('UnrecognizedClientException')
    const { message } = result.annotations[0]!
    expect(message).toContain('AWS does not know the access key the request was signed with')
    expect(message).toContain('The credentials came from the environment')
    expect(emulator.jobs).toHaveLength(0)
  })

  it("a secret key that is not the key's: InvalidSignatureException says so", async () => {
    const result = await run(
      {},
      { ...ENV_CREDENTIALS, AWS_SECRET_ACCESS_KEY: 'not/the/secret/of/this/key/000000000000' }
    )
    expect(result.outputs['error-type']).toBe('InvalidSignatureException')
    expect(result.annotations[0]!.message).toContain('the secret access key does not belong to the access key ID')
  })

  it('expired session credentials: the hint speaks of the environment, never of an OIDC token', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 403,
      type: 'ExpiredTokenException',
      message: 'The security token included in the request is expired'
    })
    const result = await run({}, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('ExpiredTokenException')
    const { message } = result.annotations[0]!
    expect(message).toContain('The session credentials in the environment (AWS_SESSION_TOKEN')
    expect(message).not.toContain('OIDC token')
  })

  it('an OIDC token STS finds expired: the hint says so', async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', {
      kind: 'error',
      status: 400,
      type: 'ExpiredTokenException',
      message: 'Token expired'
    })
    const result = await run({ 'role-to-assume': DEPLOY_ROLE }, {})
    expect(result.outputs['error-type']).toBe('ExpiredTokenException')
    expect(result.annotations[0]!.message).toContain("The workflow's OIDC token expired before STS saw it")
  })
})

describe('a refusal without an AWS error type is said to come from the network, not AWS', () => {
  it('HTTP 403 from a proxy or firewall', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'raw',
      status: 403,
      reason: 'Forbidden',
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Blocked by the egress policy</body></html>'
    })
    const result = await run({}, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('HTTP403')
    const { message } = result.annotations[0]!
    expect(message).toContain('HTTP 403: Forbidden: Blocked by the egress policy')
    expect(message).toContain('(HTTP 403) carried no AWS error type')
    expect(message).toContain('a proxy, a firewall or a gateway')
  })

  it("HTTP 403 in place of STS's answer", async () => {
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', {
      kind: 'raw',
      status: 403,
      reason: 'Forbidden',
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Blocked</body></html>'
    })
    const result = await run({ 'role-to-assume': DEPLOY_ROLE }, {})
    expect(result.annotations[0]!.title).toMatch(/: Getting AWS credentials failed$/)
    expect(result.annotations[0]!.message).toContain('(HTTP 403) carried no AWS error type')
  })
})
