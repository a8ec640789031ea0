// End to end: the job summary on the workflow run's page says what the step did and, when it
// failed, what went wrong and what to do, without opening the log.
import { startEmulator, type Emulator } from '../emulator/index.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { MODEL_ARN, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'summary-job' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => {
  emulator.reset()
  emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE']
})

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { ...INPUTS, ...inputs },
    env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' }
  })
}

interface Summary {
  heading: string
  /** The sentences before the table, by their label: "What happened" → its text. */
  says: Record<string, string>
  rows: Record<string, string>
}

/** The summary's heading, sentences and table as item → value, read as a person sees them. */
function readSummary(summary: string): Summary {
  const text = (html: string): string =>
    html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
  const heading = text(/<h3>(.*?)<\/h3>/.exec(summary)?.[1] ?? '')
  const says: Record<string, string> = {}
  for (const match of summary.matchAll(/<p><strong>(.*?):<\/strong> (.*?)<\/p>/g)) {
    says[text(match[1]!)] = text(match[2]!)
  }
  const rows: Record<string, string> = {}
  for (const match of summary.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)) {
    rows[text(match[1]!)] = text(match[2]!)
  }
  return { heading, says, rows }
}

/** What a failed step's summary says, in the order a person reads it. */
const FAILURE_LABELS = ['What failed', 'What happened', 'What to do']

describe('the job summary says what the step did', () => {
  it('names the job it created and how long the wait took', async () => {
    const result = await run({ 'wait-for-completion': 'true' })
    const { heading, says, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job')
    expect(says['What happened']).toMatch(/^The step started the job summary-job\. It was ACTIVE after \d+s\.$/)
    expect(result.summary).toContain('<code>summary-job</code>')
    expect(rows).toMatchObject({
      'Job ARN': emulator.jobs[0]!.audienceGenerationJobArn,
      'Created by this step': 'yes',
      Status: 'ACTIVE'
    })
    expect(rows['Waited']).toMatch(/^\d+s$/)
    expect(rows['Error type']).toBeUndefined()
  })

  it('says a reused job was not created by this step', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    const { says, rows } = readSummary((await run({ 'if-exists': 'reuse' })).summary)
    expect(rows['Created by this step']).toBe('no: an existing job of that name was reused')
    expect(says['What happened']).toContain('The step carried on with the existing job summary-job')
    expect(says['What happened']).toContain('The step did not wait for it to finish')
  })
})

describe('the job summary says in a sentence which failed job a new one replaced', () => {
  it('names both', async () => {
    const failed = emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'CREATE_FAILED'
    })
    const result = await run({ 'if-exists': 'replace-failed' })
    expect(result.code).toBe(0)
    const { says } = readSummary(result.summary)
    expect(says['What happened']).toBe(
      `The step started the job summary-job in place of the failed job ${failed.audienceGenerationJobArn}. ` +
        'The step did not wait for it to finish (wait-for-completion is false).'
    )
  })
})

describe('a failed step says so in its summary, with what to do', () => {
  it('says what failed, what happened and what to do as sentences, with the values in code', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN })
    const result = await run({})
    const { heading, says, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job: failed')
    expect(Object.keys(says)).toEqual(FAILURE_LABELS)
    expect(says['What failed']).toBe('Starting the audience generation job failed with ConflictException.')
    expect(result.summary).toContain('<code>ConflictException</code>')
    expect(says['What happened']).toContain(INPUTS.name)
    expect(says['What happened']).toMatch(/ Request id: [0-9a-f-]{36}\.$/)
    expect(result.summary).toMatch(/Request id: <code>[0-9a-f-]{36}<\/code>/)
    expect(says['What to do']).toContain('if-exists: reuse')
    // The sentences are text, not code; the table keeps the values.
    expect(result.summary).not.toMatch(/<code>[^<]*if-exists: reuse/)
    expect(rows['Configured audience model']).toBe(MODEL_ARN)
    expect(rows['Error type']).toBeUndefined()
  })

  it("shows a failed job's status code and message", async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: 'SEED_TOO_SMALL', message: 'The seed has fewer than 25 matching users.' }
    const result = await run({ 'wait-for-completion': 'true' })
    const { heading, says, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job: failed')
    expect(says['What failed']).toBe('Waiting for the audience generation job failed with JobFailed.')
    expect(says['What happened']).toBe(
      'The job ended CREATE_FAILED with SEED_TOO_SMALL: The seed has fewer than 25 matching users.'
    )
    expect(says['What to do']).toContain('AWS Clean Rooms console')
    // Said once: not repeated in the table.
    expect(rows).toMatchObject({ Status: 'CREATE_FAILED' })
    expect(rows['Status message']).toBeUndefined()
    expect(result.summary.split('fewer than 25').length).toBe(2)
  })

  it('lists every invalid input with its rule', async () => {
    const result = await run({ name: '', 'wait-timeout-seconds': '0' })
    const { heading, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job: invalid inputs')
    expect(readSummary(result.summary).says).toEqual({
      'What happened': '2 input problems were found, each listed with the rule it breaks. Nothing was sent to AWS.',
      'What to do': 'Correct every input listed, then run the workflow again.'
    })
    expect(result.summary).toContain('<tr><th>Input</th><th>Problem</th></tr>')
    // Each problem is the sentence of its annotation, read as text, with the input's name in code.
    expect(rows).toEqual({
      name: 'Input name is required.',
      'wait-timeout-seconds': 'Input wait-timeout-seconds must be from 1 to 21600; got 0.'
    })
    expect(result.summary).toContain('<td>Input <code>name</code> is required.</td>')
  })

  it('shows an ARN input problem with the value given and the form expected', async () => {
    const result = await run({ 'configured-audience-model-arn': 'arn:aws:cleanrooms-ml:us-east-1:123:model/m' })
    const { rows } = readSummary(result.summary)
    expect(rows).toEqual({
      'configured-audience-model-arn':
        'Input configured-audience-model-arn must be of the form ' +
        'arn:aws:cleanrooms-ml:REGION:ACCOUNT:configured-audience-model/ID (ConfiguredAudienceModelArn); ' +
        'got "arn:aws:cleanrooms-ml:us-east-1:123:model/m": its account ID must be 12 digits.'
    })
    expect(result.annotations.map((annotation) => annotation.title)).toEqual([
      'Invalid input: configured-audience-model-arn'
    ])
  })
})

describe('a dry run shows the request it would send', () => {
  it('as the log shows it, SQL query and parameter values redacted', async () => {
    const result = await run({
      'dry-run': 'true',
      'seed-audience-s3-uri': '',
      'seed-audience-sql-query': "SELECT user_id FROM private_seed WHERE region = :region AND note = '<b>'",
      'seed-audience-sql-parameters': 'region=eu-secret',
      tags: 'team=<ads>'
    })
    expect(result.code).toBe(0)
    const { heading, says } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job (dry run)')
    expect(says['What happened']).toContain('Dry run: every input is valid, and nothing was sent to AWS')
    const block = /<pre><code>([^]*?)<\/code><\/pre>/.exec(result.summary)?.[1] ?? ''
    const [requestLine, ...json] = block
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .split('\n')
    expect(requestLine).toBe(`POST ${emulator.cleanroomsUrl}/audience-generation-job`)
    const body = JSON.parse(json.join('\n')) as Record<string, unknown>
    expect(body).toMatchObject({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      seedAudience: { sqlParameters: { queryString: '***', parameters: { region: '***' } } },
      tags: { team: '<ads>' }
    })
    // The same body as the log prints.
    expect(result.stdout).toContain(json.join('\n'))
    expect(result.summary).not.toMatch(/private_seed|eu-secret|<b>|<ads>/)
  })
})

describe("the summary and outputs stay within GitHub's limits, whatever the service says", () => {
  it("a failed job's 1.07 MiB status message", async () => {
    const message = `The seed failed: ${'<a & "b"> 😀 '.repeat(80_000)}end`
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: 'SEED_TOO_SMALL', message }
    const result = await run({ 'wait-for-completion': 'true' })
    expect(result.outputs['error-type']).toBe('JobFailed')
    for (const value of Object.values(result.outputs)) expect(Buffer.byteLength(value)).toBeLessThan(1_000_000)
    expect(result.outputs['status-details']).toMatch(/ …\[[\d,]+ more characters cut\]$/)
    expect(JSON.parse(result.outputs['job']!)).toMatchObject({
      status: 'CREATE_FAILED',
      statusDetails: { statusCode: 'SEED_TOO_SMALL', message: result.outputs['status-details'] }
    })
    expect(Buffer.byteLength(result.summary)).toBeLessThan(64 * 1024)
  })

  it('a 575 KB error message', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 400,
      type: 'ValidationException',
      message: `Rejected: ${"'<x>' ".repeat(100_000)}`
    })
    const result = await run({})
    expect(result.outputs['error-type']).toBe('ValidationException')
    const { says } = readSummary(result.summary)
    expect(says['What happened']).toMatch(/^Rejected: .* …\[[\d,]+ more characters cut\] Request id: [0-9a-f-]{36}\.$/)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(64 * 1024)
  })
})
