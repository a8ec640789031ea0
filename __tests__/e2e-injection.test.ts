// End to end: text the action did not write (inputs, AWS answers) never becomes a runner command,
// never stands on a log line of its own, and never unmasks a secret. The output of dist/index.js
// is read as the runner reads it (helpers/runner-commands.ts).
import { startEmulator, type Emulator } from '../emulator/index.js'
import { secretsOf } from './helpers/leaks.js'
import { readAsRunner, type RunnerView } from './helpers/runner-commands.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { DEPLOY_ROLE, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'audience' }

/** Every payload carries FORGED where a forged command or line would begin. */
const STOP = '##[stop-commands]halt'
const ZERO_WIDTH_STOP = '#\u200b#[stop-commands]halt'
const NEWLINE_ERROR = 'x\n::error::FORGED annotation'
const LEGACY_ERROR = 'x ##[error]FORGED annotation'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => {
  emulator.reset()
  emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE']
  emulator.statusDetails = undefined
  emulator.stsSessionSeconds = undefined
})

async function run(inputs: Record<string, string>, env: Record<string, string | undefined> = {}): Promise<ActionRun> {
  return runAction({ inputs, env: { ...runnerEnv(emulator), CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01', ...env } })
}

/**
 * What the runner would do with the run's output, checked against what the action means to do:
 * masks for real secrets only, exactly the annotations expected, never the `##[` form, no secret
 * left visible, and no line of the log beginning with text the action did not write.
 */
function expectOnlyOwnCommands(result: ActionRun, annotations: unknown[]): RunnerView {
  const view = readAsRunner(`${result.stdout}\n${result.stderr}`)
  const secrets = secretsOf(emulator)
  expect(view.commands.filter((command) => command.form !== '::')).toEqual([])
  expect(view.commands.filter((command) => command.name === 'add-mask' && !secrets.includes(command.data))).toEqual([])
  expect(
    view.commands
      .filter((command) => command.name !== 'add-mask')
      .map((command) => `${command.name}: ${command.properties['title'] ?? ''}`)
  ).toEqual(annotations)
  expect(secrets.filter((secret) => view.shown.includes(secret))).toEqual([])
  const lines = `${result.stdout}\n${result.stderr}`.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
  expect(lines.filter((line) => /^\s*FORGED/.test(line))).toEqual([])
  return view
}

describe('hostile inputs are shown, never obeyed', () => {
  it('a dry run prints every hostile value neutralised, as JSON that reads back to the request', async () => {
    const description = `fine${NEWLINE_ERROR}\r##[warning]FORGED\u2028::notice::FORGED\u0085::error::FORGED`
    const tags = { [`k${NEWLINE_ERROR}`]: LEGACY_ERROR, '::error::FORGED key': ZERO_WIDTH_STOP }
    const result = await run({
      ...INPUTS,
      name: `job ${LEGACY_ERROR}`,
      'seed-audience-s3-uri': `s3://bucket/${STOP}/seed.jsonl`,
      'role-to-assume': `arn:aws:iam::123456789012:role/${STOP}`,
      description,
      tags: JSON.stringify(tags),
      'dry-run': 'true'
    })
    expect(result.code).toBe(0)
    const view = expectOnlyOwnCommands(result, [])
    expect(emulator.requests).toEqual([])
    // The printout is still the request: the escapes are JSON's own.
    const json = /^\{$[\s\S]*?^\}$/m.exec(result.stdout)![0]
    expect(JSON.parse(json)).toMatchObject({
      name: `job ${LEGACY_ERROR}`,
      seedAudience: { dataSource: { s3Uri: `s3://bucket/${STOP}/seed.jsonl` } },
      description,
      tags
    })
    expect(view.shown).toContain('arn:aws:iam::123456789012:role/##')
  })

  it("the environment's text, a workflow name in the default description, is shown the same way", async () => {
    const result = await run(
      { ...INPUTS, 'dry-run': 'true' },
      { GITHUB_WORKFLOW: `release${NEWLINE_ERROR} ${STOP} ${ZERO_WIDTH_STOP}` }
    )
    expect(result.code).toBe(0)
    expectOnlyOwnCommands(result, [])
    const json = /^\{$[\s\S]*?^\}$/m.exec(result.stdout)![0]
    expect((JSON.parse(json) as { description: string }).description).toContain(`release${NEWLINE_ERROR} ${STOP}`)
  })

  it('a hostile job name and seed URI reach the service unchanged, and only the failure is annotated', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 400,
      type: 'ValidationException',
      message: `Seed too small${NEWLINE_ERROR}\n##[group]FORGED group\n${STOP}`
    })
    const name = `job ${LEGACY_ERROR} ${ZERO_WIDTH_STOP}`
    const seed = `s3://bucket/${LEGACY_ERROR}`
    const result = await run({ ...INPUTS, name, 'seed-audience-s3-uri': seed }, ENV_CREDENTIALS)
    expect(result.code).toBe(1)
    expectOnlyOwnCommands(result, ['error: ValidationException: Starting the audience generation job failed'])
    const sent = JSON.parse(emulator.requests[0]!.body) as { name: string; seedAudience: { dataSource: unknown } }
    expect(sent.name).toBe(name)
    expect(sent.seedAudience.dataSource).toEqual({ s3Uri: seed })
  })
})

describe('secrets stay masked whatever the inputs say', () => {
  it('a role ARN that would stop commands cannot unmask the OIDC token', async () => {
    const result = await run({ ...INPUTS, 'role-to-assume': `arn:aws:iam::123456789012:role/${STOP}` })
    // STS refuses the role: by then the token was fetched and masked.
    expect(result.code).toBe(1)
    expect(emulator.issuedTokens).toHaveLength(1)
    const view = expectOnlyOwnCommands(result, ['error: ValidationError: Getting AWS credentials failed'])
    expect(view.commands.filter((command) => command.name === 'add-mask').map((command) => command.data)).toContain(
      emulator.issuedTokens[0]!.value
    )
  })

  it('a job name that would stop commands cannot unmask credentials renewed during a wait', async () => {
    // Sessions shorter than the renewal margin: every check of the job renews the credentials.
    emulator.stsSessionSeconds = 60
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS', 'ACTIVE']
    const result = await run({
      ...INPUTS,
      name: `wait ${STOP} ${ZERO_WIDTH_STOP}`,
      'role-to-assume': DEPLOY_ROLE,
      'wait-for-completion': 'true'
    })
    expect(result.code).toBe(0)
    expect(emulator.issuedCredentials.length).toBeGreaterThanOrEqual(3)
    const view = expectOnlyOwnCommands(result, [])
    const masked = view.commands.filter((command) => command.name === 'add-mask').map((command) => command.data)
    for (const credential of emulator.issuedCredentials) {
      expect(masked).toEqual(expect.arrayContaining([credential.secretAccessKey, credential.sessionToken]))
    }
  })
})

describe("the service's answers are shown, never obeyed", () => {
  const answer = (body: object) => ({
    kind: 'raw' as const,
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })

  it('statuses with line breaks and command forms are logged on one line', async () => {
    emulator.fault(
      'cleanrooms-ml',
      'GetAudienceGenerationJob',
      answer({ status: `CREATE_IN_PROGRESS${NEWLINE_ERROR}` }),
      answer({ status: `CREATE_IN_PROGRESS ${LEGACY_ERROR}\r::add-mask::CREATE` }),
      answer({ status: `CREATE_IN_PROGRESS\u2028::warning::FORGED ${ZERO_WIDTH_STOP}` })
    )
    const result = await run({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS)
    expect(result.code).toBe(0)
    const view = expectOnlyOwnCommands(result, [])
    expect(view.shown).toContain('Status CREATE_IN_PROGRESSx\\n::error::FORGED annotation after')
    expect(emulator.faults.pending()).toBe(0)
  })

  it("a failed job's hostile details end in the one failure annotation", async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: `SEED ${LEGACY_ERROR}`, message: `bad seed${NEWLINE_ERROR}\n${STOP}` }
    const result = await run({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS)
    expect(result.code).toBe(1)
    const view = expectOnlyOwnCommands(result, ['error: JobFailed: Waiting for the audience generation job failed'])
    expect(view.commands.find((command) => command.name === 'error')!.data).toContain('bad seed')
  })

  it('hostile error types of retried answers are logged on one line', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 500,
      type: 'Boom\nFORGED line',
      bodyOnly: true
    })
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'error', status: 500, type: `Boom${NEWLINE_ERROR}` })
    const result = await run({ ...INPUTS, 'role-to-assume': DEPLOY_ROLE })
    expect(result.code).toBe(0)
    expectOnlyOwnCommands(result, [])
    expect(emulator.faults.pending()).toBe(0)
  })
})

describe('the job summary shows hostile values as text', () => {
  it('an error type with blank lines, HTML and Markdown stays inside its sentence and its table cell', async () => {
    const type =
      'Denied\n\n<img src=x onerror=alert(1)>![i](https://example.test/i.png) | [link](https://example.test) |'
    emulator.fault('sts', 'AssumeRoleWithWebIdentity', { kind: 'error', status: 403, type })
    const result = await run({ ...INPUTS, name: 'n | <b>bold</b> ![x](y)', 'role-to-assume': DEPLOY_ROLE })
    expect(result.code).toBe(1)
    expectOnlyOwnCommands(result, [expect.stringMatching(/^error: Denied.*: Getting AWS credentials failed$/)])
    const lines = result.summary.split('\n')
    const table = lines.filter((line) => line.startsWith('<table>'))
    expect(table).toHaveLength(1)
    expect(table[0]).toMatch(/<\/table>$/)
    expect(table[0]).toContain('n &#124; &#60;b&#62;bold')
    const sentences = lines.filter((line) => line.startsWith('<p>'))
    expect(sentences.map((line) => /^<p><strong>(.*?):/.exec(line)?.[1])).toEqual([
      'What failed',
      'What happened',
      'What to do'
    ])
    expect(sentences[0]).toMatch(/^<p><strong>What failed:<\/strong> Getting AWS credentials failed with <code>Denied/)
    for (const line of [...table, ...sentences]) {
      expect(line).toMatch(/<\/(table|p)>$/)
      // Nothing in it can open a tag, a link, an image or a cell.
      expect(line.replace(/<\/?(table|tr|th|td|code|p|strong)>/g, '')).not.toMatch(/[<>|[\]()!]/)
    }
    expect(lines.filter((line) => line.trim() !== '' && !/^<(h3|table|p)>/.test(line))).toEqual([])
  })
})
