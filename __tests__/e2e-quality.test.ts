// End to end through dist/index.js: a finished job's quality as outputs and in the summary, and the
// gates a release step relies on. quality.test.ts covers the same in-process, with more cases.
import { DEFAULT_METRICS, startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { MODEL_ARN, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'quality-audience', 'wait-for-completion': 'true' }

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => emulator.reset())

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const result = await runAction({
    inputs,
    env: { ...runnerEnv(emulator), ...ENV_CREDENTIALS, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' }
  })
  expect(leaksIn(result, secretsOf(emulator))).toEqual([])
  return result
}

describe('a finished job reports its quality', () => {
  it('as outputs a later step can read, and a table in the job summary', async () => {
    const result = await run(INPUTS)
    expect(result.code).toBe(0)
    expect(Number(result.outputs['recall-metric'])).toBe(DEFAULT_METRICS.recallMetric)
    expect(JSON.parse(result.outputs['relevance-metrics']!)).toEqual(DEFAULT_METRICS.relevanceMetrics)
    expect(result.summary).toContain('<h4>Audience quality</h4>')
    for (const metric of DEFAULT_METRICS.relevanceMetrics) {
      expect(result.summary).toContain(`<td><code>${metric.audienceSize.type}</code></td><td><code>${metric.score}`)
    }
    expect(result.summary).toContain(`Recall: ${DEFAULT_METRICS.recallMetric}`)
  })

  it('with empty metrics outputs for a job that reports none', async () => {
    emulator.metrics = null
    const result = await run(INPUTS)
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ 'recall-metric': '', 'relevance-metrics': '[]' })
  })

  it('for a job if-exists: reuse finds ACTIVE, without wait-for-completion', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    const result = await run({ ...INPUTS, 'wait-for-completion': 'false', 'if-exists': 'reuse' })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      created: 'false',
      status: 'ACTIVE',
      'recall-metric': String(DEFAULT_METRICS.recallMetric)
    })
  })
})

describe('quality gates', () => {
  it('pass a job that meets them', async () => {
    const result = await run({
      ...INPUTS,
      'min-recall-metric': '0.4',
      'min-relevance-score': '7',
      'relevance-audience-size': '20%'
    })
    expect(result.code).toBe(0)
    expect(result.annotations).toEqual([])
    expect(result.summary).toContain('min-recall-metric 0.4: passed; min-relevance-score 7 at 20%: passed')
  })

  it('fail a job below a threshold with AudienceQualityBelowThreshold, keeping the ARN and metrics', async () => {
    const result = await run({ ...INPUTS, 'min-relevance-score': '6', 'relevance-audience-size': '1000000' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      'error-type': 'AudienceQualityBelowThreshold',
      'audience-generation-job-arn': emulator.jobs[0]!.audienceGenerationJobArn,
      status: 'ACTIVE'
    })
    expect(result.outputs['relevance-metrics']).toContain('"score":5.3')
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]).toMatchObject({
      level: 'error',
      title: 'AudienceQualityBelowThreshold: Checking the audience quality failed'
    })
    expect(result.annotations[0]!.message).toContain(
      'The relevance score at audience size 1000000 is 5.3, below min-relevance-score 6.'
    )
  })

  it('fail, not pass, when the job does not report the metric', async () => {
    emulator.metrics = { relevanceMetrics: [{ audienceSize: { type: 'PERCENTAGE', value: 20 }, score: 9 }] }
    const result = await run({ ...INPUTS, 'min-recall-metric': '0.1' })
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('AudienceQualityUnavailable')
    expect(result.annotations[0]!.message).toContain('the job reports no recall metric: the gate cannot be checked')
  })

  it('are input errors without wait-for-completion, reported before any call', async () => {
    const result = await run({ ...INPUTS, 'wait-for-completion': 'false', 'min-recall-metric': '2' })
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(result.annotations.map((annotation) => annotation.message)).toEqual([
      'Input min-recall-metric must be a number from 0 to 1; got 2.',
      'Input min-recall-metric needs wait-for-completion: true: the job reports its quality metrics only once it has finished.'
    ])
    expect(emulator.requests).toEqual([])
  })
})

describe('the whole job as an output', () => {
  it('gives later steps the last answer as JSON, and the protected query of a SQL seed', async () => {
    const result = await run({
      ...INPUTS,
      'seed-audience-s3-uri': '',
      'seed-audience-sql-query': 'SELECT user_id FROM seed_table_x',
      'seed-audience-sql-parameters': 'since=2026-01-01'
    })
    expect(result.code).toBe(0)
    const job = JSON.parse(result.outputs['job']!) as Record<string, unknown>
    expect(job).toMatchObject({
      audienceGenerationJobArn: result.outputs['audience-generation-job-arn'],
      status: 'ACTIVE',
      metrics: DEFAULT_METRICS,
      protectedQueryIdentifier: emulator.jobs[0]!.protectedQueryIdentifier
    })
    expect(job).not.toHaveProperty('$metadata')
    expect(result.outputs['protected-query-identifier']).toBe(emulator.jobs[0]!.protectedQueryIdentifier)
    expect(JSON.stringify(result)).not.toMatch(/seed_table_x|2026-01-01/)
  })

  it('redacts a SQL seed the answer shows', async () => {
    emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'ACTIVE',
      showSeedAudience: true,
      seedAudience: {
        roleArn: INPUTS['seed-audience-role-arn'],
        sqlParameters: { queryString: 'SELECT hidden_column', parameters: { p: 'hidden-value' } }
      }
    })
    const result = await run({ ...INPUTS, 'if-exists': 'reuse' })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.outputs['job']!).seedAudience.sqlParameters).toEqual({
      queryString: '***',
      parameters: { p: '***' }
    })
    expect(JSON.stringify(result)).not.toMatch(/hidden_column|hidden-value/)
  })
})
