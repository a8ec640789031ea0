import { redactJob, redactRequest, REDACTED } from '../src/report/redaction.js'
import { describeSeed } from '../src/report/summary.js'
import { defaultDescription, fitDescription } from '../src/inputs/github-context.js'
import { systemClock } from '../src/aws/clock.js'
import type { JobRequest } from '../src/inputs/settings.js'
import { VALID_REQUEST } from './helpers/fixtures.js'

const BASE: JobRequest = {
  ...VALID_REQUEST,
  seedAudience: { roleArn: VALID_REQUEST.seedAudience.roleArn }
}

describe('logs never show SQL seed values', () => {
  it('replaces the query and parameter values, keeping parameter names and the template ARN', () => {
    const request = {
      ...BASE,
      seedAudience: {
        ...BASE.seedAudience,
        sqlParameters: { queryString: 'SELECT secret', analysisTemplateArn: 'arn:t', parameters: { a: 'x', b: 'y' } }
      }
    }
    expect(redactRequest(request).seedAudience.sqlParameters).toEqual({
      queryString: REDACTED,
      analysisTemplateArn: 'arn:t',
      parameters: { a: REDACTED, b: REDACTED }
    })
    expect(request.seedAudience.sqlParameters.queryString).toBe('SELECT secret')
  })

  it('leaves S3 seeds and templates without parameters as they are', () => {
    const s3 = { ...BASE, seedAudience: { ...BASE.seedAudience, dataSource: { s3Uri: 's3://b/k' } } }
    expect(redactRequest(s3)).toBe(s3)
    const template = {
      ...BASE,
      seedAudience: { ...BASE.seedAudience, sqlParameters: { analysisTemplateArn: 'arn:t' } }
    }
    expect(redactRequest(template).seedAudience.sqlParameters).toEqual({ analysisTemplateArn: 'arn:t' })
  })

  it('describes each kind of seed', () => {
    expect(describeSeed({ ...BASE, seedAudience: { ...BASE.seedAudience, dataSource: { s3Uri: 's3://b/k' } } })).toBe(
      'S3 file s3://b/k'
    )
    expect(
      describeSeed({ ...BASE, seedAudience: { ...BASE.seedAudience, sqlParameters: { analysisTemplateArn: 'arn:t' } } })
    ).toBe('analysis template arn:t')
    expect(describeSeed({ ...BASE, seedAudience: { ...BASE.seedAudience, sqlParameters: { queryString: 'q' } } })).toBe(
      'SQL query'
    )
    expect(
      describeSeed(
        { ...BASE, seedAudience: { ...BASE.seedAudience, sqlParameters: { queryString: 'q' } } },
        'sql/s.sql'
      )
    ).toBe('SQL query in sql/s.sql')
  })
})

describe('the default description always fits the model', () => {
  it('drops characters the pattern refuses and shortens to 255 code points', () => {
    expect(fitDescription('a\u0000b\u0007c 😀 d\te\nf')).toBe('abc  d\te\nf')
    const long = fitDescription('名'.repeat(300))
    expect([...long]).toHaveLength(255)
    expect(long.endsWith('…')).toBe(true)
  })

  it('names the run from the environment the step was given, not the process', () => {
    const env = {
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_WORKFLOW: 'nightly',
      GITHUB_RUN_ID: '77',
      GITHUB_SERVER_URL: 'https://ghe.example'
    }
    expect(defaultDescription(env)).toBe(
      'Started by GitHub Actions: o/r, workflow "nightly", run https://ghe.example/o/r/actions/runs/77'
    )
    expect(defaultDescription({ ...env, GITHUB_SERVER_URL: undefined })).toContain('https://github.com/o/r/')
    expect(defaultDescription({})).toBe('Started by GitHub Actions')
  })
})

describe('the system clock sleeps and can be cancelled', () => {
  it('sleeps for the time asked', async () => {
    const started = Date.now()
    await systemClock.sleep(20)
    expect(Date.now() - started).toBeGreaterThanOrEqual(15)
    expect(systemClock.random()).toBeLessThan(1)
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(1000)
  })

  it('stops sleeping when its signal aborts, or at once when already aborted', async () => {
    const controller = new AbortController()
    const sleeping = systemClock.sleep(60_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(sleeping).rejects.toThrow('stop')
    await expect(systemClock.sleep(10, controller.signal)).rejects.toThrow('stop')
  })
})

describe('the job output never shows SQL seed values either', () => {
  const JOB = {
    $metadata: { httpStatusCode: 200, requestId: 'r' },
    createTime: new Date('2026-01-01T00:00:00Z'),
    updateTime: new Date('2026-01-01T00:00:00Z'),
    audienceGenerationJobArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/j',
    name: 'n',
    status: 'ACTIVE' as const,
    configuredAudienceModelArn: BASE.configuredAudienceModelArn
  }

  it('drops the client metadata and keeps every member of the answer', () => {
    const { $metadata: _metadata, ...answer } = JOB
    expect(redactJob({ ...JOB, protectedQueryIdentifier: 'q' })).toEqual({ ...answer, protectedQueryIdentifier: 'q' })
  })

  it('redacts the seed of an answer, whatever shape its parameters have', () => {
    const seed = (sqlParameters: unknown) =>
      redactJob({ ...JOB, seedAudience: { roleArn: 'r', sqlParameters } as never }).seedAudience?.sqlParameters
    expect(seed({ queryString: 'SELECT secret', parameters: { a: 'x' } })).toEqual({
      queryString: REDACTED,
      parameters: { a: REDACTED }
    })
    expect(seed({ queryString: 7, parameters: 'secret' })).toEqual({
      queryString: REDACTED,
      parameters: { [REDACTED]: REDACTED }
    })
    expect(JSON.stringify(seed({ parameters: ['secret'] }))).not.toContain('secret')
    expect(redactJob({ ...JOB, seedAudience: 'secret' as never }).seedAudience).toBe('secret')
  })
})
