// Audience quality in-process (src/main.ts run() against the emulator): the metrics of a finished job
// as outputs and in the summary, and the gates on them. e2e-quality.test.ts runs the same through dist/.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { DEFAULT_METRICS, type AudienceQualityMetrics, type Emulator } from '../emulator/index.js'
import {
  AUDIENCE_SIZE,
  RECALL,
  RELEVANCE_SCORE,
  formatAudienceSize,
  parseAudienceSize
} from '../src/inputs/quality-gates.js'
import { readQuality } from '../src/job/quality.js'
import { parseDecimal } from '../src/inputs/validation.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'
import { MODEL_ARN, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'quality' }
const WAIT = { ...INPUTS, 'wait-for-completion': 'true' }
const METRICS: AudienceQualityMetrics = {
  relevanceMetrics: [
    { audienceSize: { type: 'PERCENTAGE', value: 20 }, score: 6.25 },
    { audienceSize: { type: 'ABSOLUTE', value: 100000 }, score: 7.5 },
    { audienceSize: { type: 'ABSOLUTE', value: 20 } }
  ],
  recallMetric: 0.31
}

const inProcess = inProcessSteps()
const step = inProcess.step
let emulator: Emulator
beforeEach(() => {
  emulator = inProcess.emulator()
  emulator.metrics = METRICS
})

function annotations(log: string, level = 'error'): string[] {
  return [...log.matchAll(new RegExp(`^::${level}[^:]*::(.*)$`, 'gm'))].map((match) =>
    match[1]!.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  )
}

describe('the model sets the ranges the gates and metrics are held to', () => {
  const model = JSON.parse(readFileSync(new URL('../model/cleanroomsml.service-2.json', import.meta.url), 'utf8')) as {
    shapes: Record<string, { min?: number; max?: number; enum?: string[] }>
  }
  it.each([
    ['AudienceQualityMetricsRecallMetricDouble', RECALL],
    ['RelevanceMetricScoreDouble', RELEVANCE_SCORE],
    ['AudienceSizeValue', AUDIENCE_SIZE]
  ])('%s', (shape, range) => {
    expect({ min: model.shapes[shape]?.min, max: model.shapes[shape]?.max }).toEqual(range)
  })

  it('AudienceSizeType has the two types relevance-audience-size writes', () => {
    expect(model.shapes['AudienceSizeType']?.enum).toEqual(['ABSOLUTE', 'PERCENTAGE'])
    expect(parseAudienceSize('20%')).toEqual({ type: 'PERCENTAGE', value: 20 })
    expect(parseAudienceSize('100000')).toEqual({ type: 'ABSOLUTE', value: 100000 })
  })
})

describe('thresholds and audience sizes read back exactly as written', () => {
  it('takes any plain decimal within the range as its value, and nothing else', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (value) => {
        const plain = value.toFixed(6)
        expect(parseDecimal(plain, 0, 10)).toBe(Number(plain))
        expect(typeof parseDecimal(`${plain}e0`, 0, 10)).toBe('string')
        expect(typeof parseDecimal(`-${plain}`, 0, 10)).toBe('string')
      })
    )
  })

  it('matches every audience size the model allows as the API reports it', () => {
    const size = fc.oneof(
      fc.record({ type: fc.constant('PERCENTAGE' as const), value: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ type: fc.constant('ABSOLUTE' as const), value: fc.integer(AUDIENCE_SIZE) })
    )
    fc.assert(
      fc.property(size, (audienceSize) =>
        expect(parseAudienceSize(formatAudienceSize(audienceSize))).toEqual(audienceSize)
      )
    )
  })
})

describe('metrics that break the model are left out, never shown or compared', () => {
  it('keeps only values within the model', () => {
    const report = readQuality({
      metrics: {
        relevanceMetrics: [
          { audienceSize: { type: 'PERCENTAGE', value: 20 }, score: 11 },
          { audienceSize: { type: 'OTHER', value: 5 }, score: 1 } as never,
          { audienceSize: { type: 'ABSOLUTE', value: 0.5 }, score: 1 },
          { audienceSize: { type: 'ABSOLUTE', value: 1000 }, score: 3 }
        ],
        recallMetric: 'high' as never
      }
    })
    expect(report).toEqual({
      relevance: [{ audienceSize: { type: 'ABSOLUTE', value: 1000 }, score: 3 }],
      reported: true,
      dropped: 4
    })
    expect(readQuality({ metrics: { recallMetric: 0.5 } as never })).toMatchObject({ recall: 0.5, dropped: 1 })
  })
})

describe('a job that ends ACTIVE reports its quality', () => {
  it('sets recall-metric and relevance-metrics, logs them and adds a table to the summary', async () => {
    const result = await step(WAIT, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['recall-metric']).toBe('0.31')
    expect(JSON.parse(result.outputs['relevance-metrics']!)).toEqual(METRICS.relevanceMetrics)
    expect(result.log).toContain('Audience quality: recall 0.31; relevance 6.25 at 20%, 7.5 at 100000, no score at 20.')
    expect(result.summary).toContain('Audience quality')
    expect(result.summary).toContain('<th>Audience size</th><th>Type</th><th>Relevance score</th>')
    expect(result.summary).toContain(
      '<td><code>20%</code></td><td><code>PERCENTAGE</code></td><td><code>6.25</code></td>'
    )
    expect(result.summary).toContain(
      '<td><code>20</code></td><td><code>ABSOLUTE</code></td><td><code>not reported</code>'
    )
    expect(result.summary).toContain('Recall: 0.31')
  })

  it('sets an empty recall-metric and [] for a job that reports no metrics, and says so', async () => {
    emulator.metrics = null
    const result = await step(WAIT, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ 'recall-metric': '', 'relevance-metrics': '[]' })
    expect(result.log).toContain('The job reports no quality metrics.')
    expect(result.summary).toContain('The job reports no quality metrics.')
  })

  it('warns about metrics that break the model, and leaves them out', async () => {
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', {
      kind: 'raw',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        audienceGenerationJobArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/x',
        name: INPUTS.name,
        status: 'ACTIVE',
        configuredAudienceModelArn: MODEL_ARN,
        createTime: '2026-01-01T00:00:00Z',
        updateTime: '2026-01-01T00:00:00Z',
        metrics: { relevanceMetrics: [{ audienceSize: { type: '::error::x', value: 1 }, score: 1 }], recallMetric: 2 }
      })
    })
    const result = await step({ ...WAIT, 'min-recall-metric': '0.5' }, ENV_CREDENTIALS)
    expect(annotations(result.log, 'warning')).toEqual([
      "2 of the job's quality metrics do not match the API model and are left out."
    ])
    expect(result.outputs).toMatchObject({
      'recall-metric': '',
      'relevance-metrics': '[]',
      'error-type': 'AudienceQualityUnavailable'
    })
    expect(result.log).not.toMatch(/^::error::x/m)
  })

  it('reports the metrics of a job if-exists: reuse finds ACTIVE, without waiting', async () => {
    const existing = emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'ACTIVE',
      metrics: DEFAULT_METRICS
    })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      'audience-generation-job-arn': existing.audienceGenerationJobArn,
      created: 'false',
      status: 'ACTIVE',
      'recall-metric': String(DEFAULT_METRICS.recallMetric)
    })
    expect(JSON.parse(result.outputs['relevance-metrics']!)).toEqual(DEFAULT_METRICS.relevanceMetrics)
    expect(emulator.requests.filter((request) => request.operation === 'GetAudienceGenerationJob')).toHaveLength(1)
  })

  it('still succeeds with the reused job when its metrics cannot be read, with a warning', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', {
      kind: 'error',
      status: 403,
      type: 'AccessDeniedException'
    })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['created']).toBe('false')
    expect(result.outputs['recall-metric']).toBeUndefined()
    expect(annotations(result.log, 'warning')).toEqual([
      "The reused job's quality metrics could not be read (AccessDeniedException); reading them needs cleanrooms-ml:GetAudienceGenerationJob."
    ])
  })

  it("stops at once when cancelled while reading the reused job's metrics", async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE' })
    emulator.fault('cleanrooms-ml', 'GetAudienceGenerationJob', { kind: 'hang' })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS, undefined, {
      onRequest: (request) => {
        if (request.operation === 'GetAudienceGenerationJob') process.emit('SIGTERM', 'SIGTERM')
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('StepCancelled')
    expect(result.log).toContain('The job keeps running in AWS')
  })

  it('reads nothing more for a reused job that is not ACTIVE yet, without a wait', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'CREATE_IN_PROGRESS' })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['recall-metric']).toBeUndefined()
    expect(emulator.requests.filter((request) => request.operation === 'GetAudienceGenerationJob')).toHaveLength(0)
  })

  it('sets no metrics for a job that fails', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    const result = await step({ ...WAIT, 'min-recall-metric': '0.1' }, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('JobFailed')
    expect(result.outputs['recall-metric']).toBeUndefined()
  })
})

describe('quality gates fail the step on a job below a threshold', () => {
  it('passes a job at or above every threshold, saying so in the log and the summary', async () => {
    const result = await step(
      { ...WAIT, 'min-recall-metric': '0.31', 'min-relevance-score': '7.5', 'relevance-audience-size': '100000' },
      ENV_CREDENTIALS
    )
    expect(result.exitCode).toBe(0)
    expect(result.log).toContain(
      'The recall metric is 0.31, at or above min-recall-metric 0.31. The relevance score at audience size 100000 is 7.5, at or above min-relevance-score 7.5.'
    )
    expect(result.summary).toContain('min-recall-metric 0.31: passed; min-relevance-score 7.5 at 100000: passed')
  })

  it('fails below min-recall-metric, naming the metric, its value and the threshold, with the outputs set', async () => {
    const result = await step({ ...WAIT, 'min-recall-metric': '0.4' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({
      'error-type': 'AudienceQualityBelowThreshold',
      'audience-generation-job-arn': emulator.jobs[0]!.audienceGenerationJobArn,
      status: 'ACTIVE',
      'recall-metric': '0.31'
    })
    const errors = annotations(result.log)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('The recall metric is 0.31, below min-recall-metric 0.4.')
    expect(result.log).toContain('title=AudienceQualityBelowThreshold%3A Checking the audience quality failed')
    expect(result.summary).toContain('min-recall-metric 0.4: missed')
    expect(result.summary).toContain('<td><code>6.25</code></td>')
  })

  it('fails below min-relevance-score at the audience size as the API reports it', async () => {
    const result = await step(
      { ...WAIT, 'min-relevance-score': '6.5', 'relevance-audience-size': '20%' },
      ENV_CREDENTIALS
    )
    expect(result.outputs['error-type']).toBe('AudienceQualityBelowThreshold')
    expect(annotations(result.log)[0]).toContain(
      'The relevance score at audience size 20% is 6.25, below min-relevance-score 6.5.'
    )
  })

  it('names every gate missed in one annotation', async () => {
    const result = await step(
      { ...WAIT, 'min-recall-metric': '0.9', 'min-relevance-score': '9', 'relevance-audience-size': '100000' },
      ENV_CREDENTIALS
    )
    const errors = annotations(result.log)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/recall metric is 0\.31, below.*\nThe relevance score at audience size 100000 is 7\.5/)
  })

  it('does not pass a gate whose metric the job does not report', async () => {
    const noSize = await step(
      { ...WAIT, 'min-relevance-score': '1', 'relevance-audience-size': '50%' },
      ENV_CREDENTIALS
    )
    expect(noSize.exitCode).toBe(1)
    expect(noSize.outputs['error-type']).toBe('AudienceQualityUnavailable')
    expect(annotations(noSize.log)[0]).toContain(
      'min-relevance-score is 1 at relevance-audience-size 50%, but the job reports no relevance score at that size (it reports scores at 20%, 100000): the gate cannot be checked.'
    )
    const noScore = await step(
      { ...WAIT, name: 'quality-2', 'min-relevance-score': '1', 'relevance-audience-size': '20' },
      ENV_CREDENTIALS
    )
    expect(noScore.outputs['error-type']).toBe('AudienceQualityUnavailable')

    emulator.metrics = null
    const none = await step({ ...WAIT, name: 'quality-3', 'min-recall-metric': '0' }, ENV_CREDENTIALS)
    expect(none.outputs['error-type']).toBe('AudienceQualityUnavailable')
    expect(annotations(none.log)[0]).toContain(
      'min-recall-metric is 0, but the job reports no recall metric: the gate cannot be checked.'
    )
    expect(none.summary).toContain('min-recall-metric 0: cannot be checked')
  })

  it('gates a job if-exists: reuse finds already ACTIVE at the first status check of the wait', async () => {
    emulator.addJob({ name: INPUTS.name, configuredAudienceModelArn: MODEL_ARN, status: 'ACTIVE', metrics: METRICS })
    const result = await step({ ...WAIT, 'if-exists': 'reuse', 'min-recall-metric': '0.5' }, ENV_CREDENTIALS)
    expect(result.outputs).toMatchObject({ created: 'false', 'error-type': 'AudienceQualityBelowThreshold' })
    expect(emulator.requests.filter((request) => request.operation === 'GetAudienceGenerationJob')).toHaveLength(1)
  })

  it('reports a missed gate before a gate that cannot be checked', async () => {
    const result = await step(
      { ...WAIT, 'min-recall-metric': '0.5', 'min-relevance-score': '1', 'relevance-audience-size': '5%' },
      ENV_CREDENTIALS
    )
    expect(result.outputs['error-type']).toBe('AudienceQualityBelowThreshold')
    expect(annotations(result.log)[0]).toContain('the gate cannot be checked')
  })
})

describe('gate inputs are checked with the others, before any call', () => {
  it('needs wait-for-completion, and reports every problem at once', async () => {
    const result = await step(
      {
        ...INPUTS,
        'min-recall-metric': '1.5',
        'min-relevance-score': 'high',
        'relevance-audience-size': '0%',
        name: 'x'.repeat(64)
      },
      ENV_CREDENTIALS
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(emulator.requests).toEqual([])
    expect(annotations(result.log)).toEqual([
      'Input name must be at most 63 characters long (NameString); it has 64.',
      'Input min-recall-metric must be a number from 0 to 1; got 1.5.',
      'Input min-relevance-score must be a number from 0 to 10; got "high".',
      'Input relevance-audience-size must be an audience size as the API reports it: a percentage from 1% to 100% (for example 20%) or a number of users from 1 to 20000000 (for example 100000); got 0%.',
      'Input min-recall-metric needs wait-for-completion: true: the job reports its quality metrics only once it has finished.',
      'Input min-relevance-score needs wait-for-completion: true: the job reports its quality metrics only once it has finished.'
    ])
  })
})

describe('the whole job is an output for later steps', () => {
  const SQL = { 'seed-audience-s3-uri': '', 'seed-audience-sql-query': 'SELECT user_id FROM seed_table_x' }

  it("sets job to the last status check's answer, and protected-query-identifier for a SQL seed", async () => {
    const result = await step({ ...WAIT, ...SQL }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    const job = JSON.parse(result.outputs['job']!) as Record<string, unknown>
    const stored = emulator.jobs[0]!
    expect(job).toEqual({
      createTime: stored.createTime,
      updateTime: stored.updateTime,
      audienceGenerationJobArn: stored.audienceGenerationJobArn,
      name: INPUTS.name,
      status: 'ACTIVE',
      configuredAudienceModelArn: MODEL_ARN,
      includeSeedInOutput: false,
      startedBy: '123456789012',
      description: stored.description,
      metrics: METRICS,
      protectedQueryIdentifier: stored.protectedQueryIdentifier
    })
    expect(result.outputs['protected-query-identifier']).toBe(stored.protectedQueryIdentifier)
  })

  it('sets job for a failed job and one past the wait, with the status it had then', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: 'SEED_TOO_SMALL', message: 'too small' }
    const failed = await step(WAIT, ENV_CREDENTIALS)
    expect(JSON.parse(failed.outputs['job']!)).toMatchObject({
      status: 'CREATE_FAILED',
      statusDetails: { statusCode: 'SEED_TOO_SMALL', message: 'too small' }
    })
    expect(failed.outputs['protected-query-identifier']).toBeUndefined()
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS']
    const timedOut = await step({ ...WAIT, name: 'quality-2', 'wait-timeout-seconds': '60' }, ENV_CREDENTIALS)
    expect(timedOut.outputs['error-type']).toBe('WaitTimeout')
    expect(JSON.parse(timedOut.outputs['job']!)).toMatchObject({ status: 'CREATE_IN_PROGRESS' })
  })

  it('redacts the SQL query text and parameter values of a seed the answer shows', async () => {
    const existing = emulator.addJob({
      name: INPUTS.name,
      configuredAudienceModelArn: MODEL_ARN,
      status: 'ACTIVE',
      showSeedAudience: true,
      seedAudience: {
        roleArn: INPUTS['seed-audience-role-arn'],
        sqlParameters: { queryString: 'SELECT secret_column FROM t', parameters: { since: 'secret-value' } }
      }
    })
    const result = await step({ ...INPUTS, 'if-exists': 'reuse' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    const job = JSON.parse(result.outputs['job']!) as { seedAudience: unknown }
    expect(job.seedAudience).toEqual({
      roleArn: INPUTS['seed-audience-role-arn'],
      sqlParameters: { queryString: '***', parameters: { since: '***' } }
    })
    expect(result.outputs['protected-query-identifier']).toBe(existing.protectedQueryIdentifier)
    for (const text of [result.log, result.summary, JSON.stringify(result.outputs)]) {
      expect(text).not.toMatch(/secret_column|secret-value/)
    }
  })

  it('sets no job output when the step never read the job', async () => {
    const result = await step(INPUTS, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['job']).toBeUndefined()
  })
})
