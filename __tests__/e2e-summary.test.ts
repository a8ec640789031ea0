// End to end: the job summary on the workflow run's page says what the step did and, when it
// failed, what went wrong and what to do, without opening the log.
import { startEmulator, type Emulator } from '../emulator/index.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'

const MODEL_ARN = 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/summary-model'
const INPUTS = {
  name: 'summary-job',
  'configured-audience-model-arn': MODEL_ARN,
  'seed-audience-role-arn': 'arn:aws:iam::123456789012:role/seed-reader',
  'seed-audience-s3-uri': 's3://seed-bucket/seed.jsonl',
  'aws-region': 'us-east-1'
}

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

/** The summary's heading and its table as item → value, read as a person sees them. */
function readSummary(summary: string): { heading: string; rows: Record<string, string> } {
  const text = (html: string): string =>
    html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
  const heading = text(/<h3>(.*?)<\/h3>/.exec(summary)?.[1] ?? '')
  const rows: Record<string, string> = {}
  for (const match of summary.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)) {
    rows[text(match[1]!)] = text(match[2]!)
  }
  return { heading, rows }
}

describe('the job summary says what the step did', () => {
  it('names the job it created and how long the wait took', async () => {
    const result = await run({ 'wait-for-completion': 'true' })
    const { heading, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job')
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
    const { rows } = readSummary((await run({ 'if-exists': 'reuse' })).summary)
    expect(rows['Created by this step']).toBe('no: an existing job of that name was reused')
  })
})

describe('a failed step says so in its summary, with what to do', () => {
  it('shows the error type, the message, the hint and the request id', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN })
    const result = await run({})
    const { heading, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job: failed')
    expect(rows['What failed']).toBe('Starting the audience generation job failed')
    expect(rows['Error type']).toBe('ConflictException')
    expect(rows['What happened']).toContain(INPUTS.name)
    expect(rows['What to do']).toContain('if-exists: reuse')
    expect(rows['Request id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("shows a failed job's status code and message", async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: 'SEED_TOO_SMALL', message: 'The seed has fewer than 25 matching users.' }
    const result = await run({ 'wait-for-completion': 'true' })
    const { heading, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job: failed')
    expect(rows).toMatchObject({
      'Error type': 'JobFailed',
      Status: 'CREATE_FAILED',
      'Status code': 'SEED_TOO_SMALL',
      'Status message': 'The seed has fewer than 25 matching users.'
    })
    expect(rows['What to do']).toBeTruthy()
  })

  it('lists every invalid input with its rule', async () => {
    const result = await run({ name: '', 'wait-timeout-seconds': '0' })
    const { heading, rows } = readSummary(result.summary)
    expect(heading).toBe('Clean Rooms ML audience generation job: invalid inputs')
    expect(Object.keys(rows)).toEqual(expect.arrayContaining(['name', 'wait-timeout-seconds']))
    expect(rows['wait-timeout-seconds']).toMatch(/1 to 21600|at least 1/)
  })
})
