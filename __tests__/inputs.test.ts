import {
  masksAccountIds,
  readSettings,
  sanitizeSessionName,
  type Settings,
  type SettingsResult
} from '../src/inputs/settings.js'
import { MODEL_ARN, SEED_ROLE, TEMPLATE_ARN, VALID_INPUTS, VALID_REQUEST } from './helpers/fixtures.js'

const BASE: Record<string, string> = VALID_INPUTS

function read(inputs: Record<string, string | undefined>, env: Record<string, string> = {}): SettingsResult {
  const merged: Record<string, string | undefined> = { ...BASE, ...inputs }
  return readSettings((name) => merged[name] ?? '', env)
}

function settings(inputs: Record<string, string | undefined> = {}, env: Record<string, string> = {}): Settings {
  const result = read(inputs, env)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.settings
}

function problems(inputs: Record<string, string | undefined>, env: Record<string, string> = {}): string[] {
  const result = read(inputs, env)
  if (result.ok) throw new Error('expected problems')
  return result.problems.map((p) => `${p.input}: ${p.message}`)
}

describe('inputs become exactly the API request', () => {
  it('builds the minimal S3 request, leaving out members not given', () => {
    expect(settings().request).toEqual(VALID_REQUEST)
  })

  it('builds a SQL seed with parameters and compute configuration', () => {
    const request = settings({
      'seed-audience-s3-uri': undefined,
      'seed-audience-sql-query': 'SELECT user_id FROM t WHERE d > :since',
      'seed-audience-sql-parameters': 'since=2026-01-01\nlimit = 10',
      'sql-compute-worker-type': 'CR.8X',
      'sql-compute-worker-count': '1024',
      'sql-compute-spark-properties': '{"spark.executor.memory":"4g"}',
      'include-seed-in-output': 'true',
      'collaboration-id': '01234567-89ab-cdef-0123-456789abcdef',
      description: 'nightly',
      tags: 'team=ads\ncost-center=42'
    }).request
    expect(request).toEqual({
      name: 'weekly-audience',
      configuredAudienceModelArn: MODEL_ARN,
      seedAudience: {
        roleArn: SEED_ROLE,
        sqlParameters: {
          queryString: 'SELECT user_id FROM t WHERE d > :since',
          parameters: { since: '2026-01-01', limit: '10' }
        },
        sqlComputeConfiguration: {
          worker: { type: 'CR.8X', number: 1024, properties: { spark: { 'spark.executor.memory': '4g' } } }
        }
      },
      includeSeedInOutput: true,
      collaborationId: '01234567-89ab-cdef-0123-456789abcdef',
      description: 'nightly',
      tags: { team: 'ads', 'cost-center': '42' }
    })
  })

  it('takes an analysis template as the seed', () => {
    const seed = settings({ 'seed-audience-s3-uri': undefined, 'seed-audience-analysis-template-arn': TEMPLATE_ARN })
      .request.seedAudience
    expect(seed).toEqual({ roleArn: SEED_ROLE, sqlParameters: { analysisTemplateArn: TEMPLATE_ARN } })
  })

  it('applies the documented defaults', () => {
    const s = settings()
    expect(s.credentials).toEqual({ source: 'environment' })
    expect([s.waitForCompletion, s.waitTimeoutSeconds, s.ifExists, s.dryRun]).toEqual([false, 3600, 'fail', false])
  })
})

describe('every problem is reported at once, naming the input and the rule', () => {
  it('reports all missing required inputs together', () => {
    const result = readSettings(() => '', {})
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.problems.map((p) => p.input)).toEqual([
      'name',
      'configured-audience-model-arn',
      'seed-audience-role-arn',
      'seed-audience-s3-uri',
      'aws-region'
    ])
  })

  it('checks lengths in Unicode code points and patterns anchored at both ends', () => {
    expect(settings({ name: '名'.repeat(63) }).request.name).toHaveLength(63)
    expect(problems({ name: 'x'.repeat(64) })).toEqual([
      'name: must be at most 63 characters long (NameString); it has 64'
    ])
    expect(problems({ name: 'a😀' })[0]).toMatch(
      /^name: must match the pattern .*outside the Basic Multilingual Plane$/
    )
    expect(problems({ name: 'a\nb' })[0]).toContain('control character U+000A')
    expect(problems({ name: '   ' })[0]).toContain('it is blank')
    expect(problems({ 'seed-audience-s3-uri': 'http://bucket/key' })).toEqual([
      'seed-audience-s3-uri: must be of the form s3://BUCKET/KEY (S3Path); got "http://bucket/key"'
    ])
    expect(problems({ 'configured-audience-model-arn': `${MODEL_ARN}\nextra` })).toEqual([
      'configured-audience-model-arn: must be of the form ' +
        'arn:aws:cleanrooms-ml:REGION:ACCOUNT:configured-audience-model/ID (ConfiguredAudienceModelArn); ' +
        `got ${JSON.stringify(`${MODEL_ARN}\nextra`)}: it contains the control character U+000A`
    ])
    expect(problems({ 'collaboration-id': '01234567-89AB-CDEF-0123-456789ABCDEF' })).toEqual([
      'collaboration-id: must be of the form 01234567-89ab-cdef-0123-456789abcdef (UUID); ' +
        'got "01234567-89AB-CDEF-0123-456789ABCDEF": it must be in lower case'
    ])
  })

  it('rejects an analysis template ARN whose region the model does not allow', () => {
    const arn = 'arn:aws-us-gov:cleanrooms:us-gov-west-1:123456789012:membership/m/analysistemplate/t'
    expect(problems({ 'seed-audience-s3-uri': undefined, 'seed-audience-analysis-template-arn': arn })).toEqual([
      'seed-audience-analysis-template-arn: must be of the form ' +
        'arn:aws:cleanrooms:REGION:ACCOUNT:membership/MEMBERSHIP-ID/analysistemplate/TEMPLATE-ID ' +
        `(AnalysisTemplateArn); got "${arn}": its Region "us-gov-west-1" is not one this ARN may have`
    ])
  })

  it('requires exactly one seed source, and SQL-only inputs only with a SQL seed', () => {
    expect(problems({ 'seed-audience-sql-query': 'SELECT 1' })).toEqual([
      'seed-audience-sql-query: cannot be given together with seed-audience-s3-uri: give exactly one seed source'
    ])
    expect(problems({ 'sql-compute-worker-count': '4', 'seed-audience-sql-parameters': 'a=1' })).toEqual([
      'seed-audience-sql-parameters: applies only to a SQL seed (seed-audience-sql-query, seed-audience-sql-query-file or seed-audience-analysis-template-arn)',
      'sql-compute-worker-count: applies only to a SQL seed (seed-audience-sql-query, seed-audience-sql-query-file or seed-audience-analysis-template-arn)'
    ])
  })

  it('accepts only true or false for booleans and whole numbers in range', () => {
    expect(problems({ 'include-seed-in-output': 'yes', 'dry-run': '1' })).toEqual([
      'include-seed-in-output: must be true or false; got "yes"',
      'dry-run: must be true or false; got "1"'
    ])
    expect(problems({ 'wait-timeout-seconds': '21601', 'role-duration-seconds': '1.5' })).toEqual([
      'role-duration-seconds: must be a whole number from 900 to 43200; got "1.5"',
      'wait-timeout-seconds: must be from 1 to 21600; got 21601'
    ])
    expect(settings({ 'dry-run': 'TRUE' }).dryRun).toBe(true)
  })

  it('checks enums against the newest model', () => {
    expect(
      problems({
        'seed-audience-s3-uri': undefined,
        'seed-audience-sql-query': 'q',
        'sql-compute-worker-type': 'CR.2X'
      })
    ).toEqual(['sql-compute-worker-type: must be one of CR.1X, CR.4X, CR.8X; got "CR.2X"'])
    expect(problems({ 'if-exists': 'ignore' })).toEqual([
      'if-exists: must be one of fail, reuse, replace-failed; got "ignore"'
    ])
  })
})

describe('an ARN input problem shows the value and the form expected, once', () => {
  const MODEL_FORM =
    'configured-audience-model-arn: must be of the form ' +
    'arn:aws:cleanrooms-ml:REGION:ACCOUNT:configured-audience-model/ID (ConfiguredAudienceModelArn); got '

  it.each([
    ['a short ARN', 'arn:aws:cleanrooms-ml', 'it has 3 of the 6 parts an ARN has between colons'],
    [
      'another service',
      'arn:aws:cleanrooms:us-east-1:123456789012:configured-audience-model/m',
      'its service is "cleanrooms", not cleanrooms-ml'
    ],
    [
      'an account ID that is not 12 digits',
      'arn:aws:cleanrooms-ml:us-east-1:12345:configured-audience-model/m',
      'its account ID must be 12 digits'
    ],
    [
      'another resource type',
      'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/j',
      'its resource must start with configured-audience-model/'
    ],
    [
      'a Region in capitals',
      'arn:aws:cleanrooms-ml:US-EAST-1:123456789012:configured-audience-model/m',
      'its Region "US-EAST-1" is not one this ARN may have'
    ],
    ['a name instead of an ARN', 'my-model', 'it does not start with arn:']
  ])('%s is one problem, with the value, the form and what differs', (_case, value, detail) => {
    expect(problems({ 'configured-audience-model-arn': value })).toEqual([
      `${MODEL_FORM}${JSON.stringify(value)}: ${detail}`
    ])
  })

  it('never shows the regular expression', () => {
    for (const input of ['configured-audience-model-arn', 'seed-audience-role-arn', 'role-to-assume']) {
      const [problem, ...more] = problems({ [input]: 'arn:aws:x' })
      expect(more).toEqual([])
      expect(problem).not.toMatch(/pattern|\[|\^/)
      expect(problem).toContain('got "arn:aws:x"')
    }
  })

  it('shows a long value shortened, and a too long one by its length alone', () => {
    const long = `arn:aws:iam::123456789012:user/${'x'.repeat(300)}`
    const [problem] = problems({ 'seed-audience-role-arn': long })
    expect(problem).toContain(`got ${JSON.stringify(long.slice(0, 200))}…: its resource must start with role/`)
    expect(problems({ 'seed-audience-role-arn': `arn:aws:iam::123456789012:role/${'r'.repeat(2048)}` })).toEqual([
      'seed-audience-role-arn: must be at most 2048 characters long (IamRoleArn); it has 2079'
    ])
  })
})

describe('map inputs take a JSON object or key=value lines, and nothing else', () => {
  it('rejects malformed maps instead of dropping entries', () => {
    expect(problems({ tags: 'team ads' })).toEqual([
      'tags: line 1 is not key=value (and the input is not a JSON object)'
    ])
    expect(problems({ tags: '{"team": 1}' })).toEqual([
      'tags: the value of key "team" must be a JSON string; it is a number'
    ])
    expect(problems({ tags: '{"team": "a", "team": "b"}' })).toEqual(['tags: has the key "team" more than once'])
    expect(problems({ tags: 'a=1\na=2' })).toEqual(['tags: has the key "a" more than once'])
    expect(problems({ tags: '{"a":' })[0]).toMatch(/^tags: is not valid JSON/)
    expect(problems({ tags: '["a"]' })).toEqual(['tags: must be a JSON object or key=value lines'])
  })

  it("names what is wrong with sensitive SQL parameters without the parser's quote of their values", () => {
    const sql = { 'seed-audience-s3-uri': undefined, 'seed-audience-sql-query': 'SELECT 1' }
    const found = problems({ ...sql, 'seed-audience-sql-parameters': '{"since": pSecret}' })
    expect(found).toEqual([expect.stringMatching(/^seed-audience-sql-parameters: is not valid JSON \(/)])
    expect(found.join()).not.toContain('pSecret')
    // Tags are not sensitive: their parse errors keep the parser's detail.
    expect(problems({ tags: '{"team": oops}' })[0]).toContain('oops')
  })

  it('keeps = inside values and skips blank lines', () => {
    expect(settings({ tags: '\nquery=a=b\n\n' }).request.tags).toEqual({ query: 'a=b' })
  })

  it('applies the tag rules: 50 tags at most, no aws: prefix', () => {
    const many = Array.from({ length: 51 }, (_, i) => `k${i}=v`).join('\n')
    expect(problems({ tags: many })).toEqual(['tags: must have at most 50 tags (AWS tagging rules); it has 51'])
    expect(problems({ tags: 'AWS:owner=x' })).toEqual([
      'tags: key "AWS:owner" uses the prefix aws:, which AWS reserves for its own tags'
    ])
  })

  it('checks SQL parameter names and value lengths without echoing values', () => {
    const secret = 'S'.repeat(1001)
    const found = problems({
      'seed-audience-s3-uri': undefined,
      'seed-audience-sql-query': 'q',
      'seed-audience-sql-parameters': `bad-name=1\nok=${secret}`
    })
    expect(found).toEqual([
      'seed-audience-sql-parameters: key "bad-name" must match the pattern ^[0-9a-zA-Z_]+$ (ParameterName)',
      'seed-audience-sql-parameters: the value of key "ok" must be at most 1000 characters long (ParameterValue); it has 1001'
    ])
    expect(found.join('')).not.toContain('SSSS')
  })

  it('limits spark properties to 50', () => {
    const many = Array.from({ length: 51 }, (_, i) => `k${i}=v`).join('\n')
    expect(
      problems({
        'seed-audience-s3-uri': undefined,
        'seed-audience-sql-query': 'q',
        'sql-compute-spark-properties': many
      })
    ).toEqual(['sql-compute-spark-properties: must have at most 50 entries (SparkProperties); it has 51'])
  })
})

describe('region and credentials', () => {
  it('takes the region from the input, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(settings({ 'aws-region': 'eu-west-1' }, { AWS_REGION: 'us-west-2' }).region).toBe('eu-west-1')
    expect(settings({ 'aws-region': undefined }, { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'x' }).region).toBe(
      'us-west-2'
    )
    expect(settings({ 'aws-region': undefined }, { AWS_DEFAULT_REGION: 'cn-north-1' }).region).toBe('cn-north-1')
    expect(problems({ 'aws-region': 'us-east1' })).toEqual([
      'aws-region: must be an AWS Region code such as us-east-1; got "us-east1"'
    ])
    expect(problems({ 'aws-region': undefined }, { AWS_REGION: 'Nowhere' })).toEqual([
      'AWS_REGION: must be an AWS Region code such as us-east-1; got "Nowhere"'
    ])
  })

  it('accepts FIPS pseudo-Regions in both forms, as AWS SDKs do', () => {
    for (const region of ['fips-us-east-1', 'us-gov-west-1-fips', 'fips-cn-north-1', 'us-iso-east-1-fips']) {
      expect(settings({ 'aws-region': region }).region).toBe(region)
    }
    expect(problems({ 'aws-region': 'fips-us-east-1-fips' })).toEqual([
      'aws-region: must be an AWS Region code such as us-east-1; got "fips-us-east-1-fips"'
    ])
  })

  it('assumes a role with OIDC when role-to-assume is set', () => {
    expect(
      settings({ 'role-to-assume': SEED_ROLE, 'role-session-name': 'deploy run#7', 'role-duration-seconds': '900' })
        .credentials
    ).toEqual({
      source: 'oidc',
      roleArn: SEED_ROLE,
      audience: 'sts.amazonaws.com',
      roleSessionName: 'deploy-run-7',
      durationSeconds: 900
    })
    expect(problems({ 'role-to-assume': 'my-role' })).toEqual([
      'role-to-assume: must be of the form arn:aws:iam::ACCOUNT:role/NAME (IamRoleArn); got "my-role": ' +
        'it does not start with arn:'
    ])
  })

  it('sanitizes session names to STS rules', () => {
    expect(sanitizeSessionName('a b/c:d')).toBe('a-b-c-d')
    expect(sanitizeSessionName('x'.repeat(80))).toHaveLength(64)
    expect(problems({ 'role-session-name': '*' })).toEqual([
      'role-session-name: must be at least 2 characters long (STS)'
    ])
  })
})

describe('role-chaining, role-external-id and mask-aws-account-id, as configure-aws-credentials takes them', () => {
  it("assumes role-to-assume with the environment's credentials with role-chaining, with the session inputs", () => {
    expect(
      settings({
        'role-to-assume': SEED_ROLE,
        'role-chaining': 'true',
        'role-external-id': 'partner:4711/a=b',
        'role-session-name': 'hop 2',
        'role-duration-seconds': '1800'
      }).credentials
    ).toEqual({
      source: 'chained',
      roleArn: SEED_ROLE,
      roleSessionName: 'hop-2',
      durationSeconds: 1800,
      externalId: 'partner:4711/a=b'
    })
    expect(settings({ 'role-to-assume': SEED_ROLE, 'role-chaining': 'false' }).credentials.source).toBe('oidc')
    expect(settings({ 'role-chaining': 'false' }).credentials).toEqual({ source: 'environment' })
  })

  it('refuses an external id without role-chaining, since AssumeRoleWithWebIdentity takes none', () => {
    expect(problems({ 'role-to-assume': SEED_ROLE, 'role-external-id': 'partner-4711' })).toEqual([
      'role-external-id: applies only with role-chaining: true: role-to-assume with the OIDC token uses ' +
        'AssumeRoleWithWebIdentity, which takes no external id. Set role-chaining: true to assume the role with ' +
        'the credentials already in the environment'
    ])
  })

  it("refuses role-chaining without a role, and external ids outside STS's rule, without echoing them", () => {
    expect(problems({ 'role-chaining': 'true' })).toEqual([
      'role-chaining: needs role-to-assume: the role to assume with the credentials already in the environment'
    ])
    const chained = { 'role-to-assume': SEED_ROLE, 'role-chaining': 'true' }
    expect(problems({ ...chained, 'role-external-id': 'x' })).toEqual([
      'role-external-id: must be 2 to 1224 characters, each a letter, digit or one of _+=,.@:/- (STS); it has 1'
    ])
    expect(problems({ ...chained, 'role-external-id': 'secret id' })).toEqual([
      'role-external-id: must be 2 to 1224 characters, each a letter, digit or one of _+=,.@:/- (STS); it has 9 and other characters'
    ])
    expect(settings({ ...chained, 'role-external-id': 'e'.repeat(1224) }).credentials).toMatchObject({
      externalId: 'e'.repeat(1224)
    })
    expect(problems({ ...chained, 'role-external-id': 'e'.repeat(1225) })).toHaveLength(1)
    expect(problems({ 'role-chaining': 'yes', 'mask-aws-account-id': 'on' })).toEqual([
      'role-chaining: must be true or false; got "yes"',
      'mask-aws-account-id: must be true or false; got "on"'
    ])
  })

  it('masks account ids unless mask-aws-account-id is empty or false, even when its value is invalid', () => {
    const masks = (value: string): boolean => masksAccountIds((name) => (name === 'mask-aws-account-id' ? value : ''))
    expect([masks(''), masks('false'), masks('FALSE'), masks('true'), masks('True'), masks('on')]).toEqual([
      false,
      false,
      false,
      true,
      true,
      true
    ])
  })
})

describe('quality gates are plain numbers within the metric range, and need the wait', () => {
  const WAIT = { 'wait-for-completion': 'true' }

  it('reads both gates, the audience size as the API reports it', () => {
    expect(
      settings({ ...WAIT, 'min-recall-metric': '.35', 'min-relevance-score': '10', 'relevance-audience-size': '20%' })
        .qualityGates
    ).toEqual({ minRecall: 0.35, minRelevance: { score: 10, size: { type: 'PERCENTAGE', value: 20 } } })
    expect(
      settings({ ...WAIT, 'min-relevance-score': '0', 'relevance-audience-size': '20000000' }).qualityGates
    ).toEqual({
      minRelevance: { score: 0, size: { type: 'ABSOLUTE', value: 20000000 } }
    })
    expect(settings().qualityGates).toEqual({})
  })

  it.each(['1e-1', '-0.1', '0x1', 'NaN', 'Infinity', '1.01', ' 0.5', '0,5'])(
    'refuses min-recall-metric %j',
    (value) => {
      expect(problems({ ...WAIT, 'min-recall-metric': value })).toEqual([
        expect.stringMatching(/^min-recall-metric: must be a number from 0 to 1; got /)
      ])
    }
  )

  it.each(['101%', '20000001', '20.5%', '%', 'twenty'])('refuses relevance-audience-size %j', (value) => {
    expect(problems({ ...WAIT, 'min-relevance-score': '5', 'relevance-audience-size': value })).toEqual([
      expect.stringMatching(/^relevance-audience-size: must be an audience size as the API reports it/)
    ])
  })

  it('needs the audience size with the score, and the score with the size', () => {
    expect(problems({ ...WAIT, 'min-relevance-score': '5' })).toEqual([
      expect.stringMatching(/^relevance-audience-size: is required with min-relevance-score/)
    ])
    expect(problems({ ...WAIT, 'relevance-audience-size': '20%' })).toEqual([
      'relevance-audience-size: applies only with min-relevance-score'
    ])
  })

  it('refuses a gate without wait-for-completion: true', () => {
    expect(problems({ 'min-recall-metric': '0.2', 'wait-for-completion': 'false', 'if-exists': 'reuse' })).toEqual([
      'min-recall-metric: needs wait-for-completion: true: the job reports its quality metrics only once it has finished'
    ])
  })
})
