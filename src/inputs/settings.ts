// Reads every input once into a typed Settings object, checking each against AWS's model and
// the action's own rules. Every problem is collected, so a user fixes them all in one go.
import type { StartAudienceGenerationJobRequest, WorkerComputeConfiguration } from '../cleanroomsml/models.js'
import {
  MAPS,
  RESERVED_TAG_PREFIX,
  SHAPES,
  USER_TAG_LIMIT,
  WORKER_COMPUTE_TYPES,
  WORKER_COUNT,
  type MapShape,
  type StringShape
} from './constraints.js'
import { checkMap, checkString, parseBoolean, parseDecimal, parseMap, parseWholeNumber, quote } from './validation.js'
import { parseAudienceSize, RECALL, RELEVANCE_SCORE, type QualityGates } from './quality-gates.js'
import { readSeedFile } from './seed-file.js'
import { mistypedInputs, variableOf } from './names.js'

export type IfExists = 'fail' | 'reuse' | 'replace-failed'

/**
 * Where the credentials come from: role-to-assume assumed with the workflow's OIDC token, or (role-chaining)
 * with the credentials already in the environment, or those credentials themselves.
 */
export type CredentialSettings =
  | { source: 'oidc'; roleArn: string; audience: string; roleSessionName: string; durationSeconds: number }
  | { source: 'chained'; roleArn: string; roleSessionName: string; durationSeconds: number; externalId?: string }
  | { source: 'environment' }

export interface Settings {
  /** The request body, exactly as it will be sent (description may still be filled in). */
  request: StartAudienceGenerationJobRequest
  region: string
  credentials: CredentialSettings
  waitForCompletion: boolean
  waitTimeoutSeconds: number
  ifExists: IfExists
  dryRun: boolean
  /** Quality gates on the finished job; empty when none is asked for. */
  qualityGates: QualityGates
  /** The workspace file the SQL seed query was read from, as the input gives it. */
  seedQueryFile?: string
}

export interface Problem {
  input: string
  message: string
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: Problem[] }

/** The process environment as the step was given it: read once, by index.ts. */
export type Environment = Record<string, string | undefined>

/** Reads an input's value. */
export type InputReader = (name: string) => string

/** Inputs as the runner passes them, INPUT_<NAME> variables, trimmed as @actions/core's getInput reads them. */
export function inputsFrom(env: Environment): InputReader {
  return (name) => (env[variableOf(name)] ?? '').trim()
}

/** The longest wait a GitHub-hosted job allows: 6 hours. */
export const MAX_WAIT_SECONDS = 21_600

/** A Region code, or a FIPS pseudo-Region: the code with `fips-` before it or `-fips` after it. */
const REGION_PATTERN = /^(?:fips-)?(?!fips-)[a-z]{2,5}(-[a-z]+)+-\d+$|^(?!fips-)[a-z]{2,5}(-[a-z]+)+-\d+-fips$/
const STS_SESSION_NAME = /[^\w+=,.@-]/g
/** STS's rule for AssumeRole's ExternalId. */
const STS_EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/

class InputCollector {
  readonly problems: Problem[] = []

  constructor(private readonly read: InputReader) {}

  problem(input: string, message: string): void {
    this.problems.push({ input, message })
  }

  /** An optional input: undefined when empty. */
  optional(input: string): string | undefined {
    const value = this.read(input)
    return value === '' ? undefined : value
  }

  required(input: string): string | undefined {
    const value = this.optional(input)
    if (value === undefined) this.problem(input, 'is required')
    return value
  }

  string(input: string, shape: StringShape, required = false): string | undefined {
    const value = required ? this.required(input) : this.optional(input)
    if (value === undefined) return undefined
    const problems = checkString(value, shape)
    problems.forEach((message) => this.problem(input, message))
    return problems.length === 0 ? value : undefined
  }

  boolean(input: string, fallback: boolean): boolean {
    const value = this.optional(input)
    if (value === undefined) return fallback
    const parsed = parseBoolean(value)
    if (typeof parsed === 'string') this.problem(input, parsed)
    return parsed === true
  }

  /** An optional number; `parse` gives the number, or what is wrong with the value. */
  private number(input: string, parse: (value: string) => number | string): number | undefined {
    const value = this.optional(input)
    if (value === undefined) return undefined
    const parsed = parse(value)
    if (typeof parsed === 'string') {
      this.problem(input, parsed)
      return undefined
    }
    return parsed
  }

  wholeNumber(input: string, min: number, max: number): number | undefined {
    return this.number(input, (value) => parseWholeNumber(value, min, max))
  }

  decimal(input: string, min: number, max: number): number | undefined {
    return this.number(input, (value) => parseDecimal(value, min, max))
  }

  oneOf<T extends string>(input: string, allowed: readonly T[]): T | undefined {
    const value = this.optional(input)
    if (value === undefined) return undefined
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problem(input, `must be one of ${allowed.join(', ')}; got ${quote(value)}`)
    return undefined
  }

  map(input: string, shape: MapShape): Record<string, string> | undefined {
    const value = this.optional(input)
    if (value === undefined) return undefined
    const { map, problems } = parseMap(value, shape.sensitive === true)
    problems.push(...checkMap(map, shape))
    problems.forEach((message) => this.problem(input, message))
    return problems.length === 0 ? map : undefined
  }
}

function readRegion(inputs: InputCollector, env: Environment): string {
  const [input, region] = firstSet([
    ['aws-region', inputs.optional('aws-region')],
    ['AWS_REGION', env['AWS_REGION']],
    ['AWS_DEFAULT_REGION', env['AWS_DEFAULT_REGION']]
  ])
  if (region === undefined) {
    inputs.problem('aws-region', 'is required: set the aws-region input, or AWS_REGION in the environment')
    return ''
  }
  if (!REGION_PATTERN.test(region)) {
    inputs.problem(input, `must be an AWS Region code such as us-east-1; got ${quote(region)}`)
  }
  return region
}

function firstSet(candidates: [string, string | undefined][]): [string, string | undefined] {
  return candidates.find(([, value]) => value !== undefined && value.trim() !== '') ?? ['', undefined]
}

/** STS allows [\w+=,.@-] and 2 to 64 characters; other characters become '-'. */
export function sanitizeSessionName(name: string): string {
  return name.replace(STS_SESSION_NAME, '-').slice(0, 64)
}

function readCredentials(inputs: InputCollector): CredentialSettings {
  const roleArn = inputs.string('role-to-assume', SHAPES.IamRoleArn)
  const audience = inputs.optional('audience') ?? 'sts.amazonaws.com'
  const sessionName = sanitizeSessionName(inputs.optional('role-session-name') ?? 'GitHubActions')
  if (sessionName.length < 2) inputs.problem('role-session-name', 'must be at least 2 characters long (STS)')
  const durationSeconds = inputs.wholeNumber('role-duration-seconds', 900, 43_200) ?? 3600
  const chaining = inputs.boolean('role-chaining', false)
  const externalId = readExternalId(inputs, chaining)
  if (inputs.optional('role-to-assume') === undefined) {
    if (chaining) {
      inputs.problem(
        'role-chaining',
        'needs role-to-assume: the role to assume with the credentials already in the environment'
      )
    }
    return { source: 'environment' }
  }
  const session = { roleArn: roleArn ?? '', roleSessionName: sessionName, durationSeconds }
  if (chaining) return { source: 'chained', ...session, ...(externalId !== undefined ? { externalId } : {}) }
  return { source: 'oidc', ...session, audience }
}

/** An external id is sent with AssumeRole only: AssumeRoleWithWebIdentity (the OIDC token) takes none. */
function readExternalId(inputs: InputCollector, chaining: boolean): string | undefined {
  const externalId = inputs.optional('role-external-id')
  if (externalId === undefined) return undefined
  if (!chaining) {
    inputs.problem(
      'role-external-id',
      'applies only with role-chaining: true: role-to-assume with the OIDC token uses AssumeRoleWithWebIdentity, ' +
        'which takes no external id. Set role-chaining: true to assume the role with the credentials already in the environment'
    )
    return undefined
  }
  if (!STS_EXTERNAL_ID.test(externalId)) {
    inputs.problem(
      'role-external-id',
      `must be 2 to 1224 characters, each a letter, digit or one of _+=,.@:/- (STS); it has ${externalId.length}` +
        (/^[\w+=,.@:/-]*$/.test(externalId) ? '' : ' and other characters')
    )
    return undefined
  }
  return externalId
}

/**
 * mask-aws-account-id, read before the other inputs are checked so that even their problems are printed with
 * account ids masked: any value but an empty or false one masks.
 */
export function masksAccountIds(read: InputReader): boolean {
  const value = read('mask-aws-account-id')
  return value !== '' && parseBoolean(value) !== false
}

function readTags(inputs: InputCollector): Record<string, string> | undefined {
  const tags = inputs.map('tags', MAPS.TagMap)
  if (tags === undefined) return undefined
  const count = Object.keys(tags).length
  if (count > USER_TAG_LIMIT)
    inputs.problem('tags', `must have at most ${USER_TAG_LIMIT} tags (AWS tagging rules); it has ${count}`)
  for (const key of Object.keys(tags)) {
    if (key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) {
      inputs.problem('tags', `key ${quote(key)} uses the prefix aws:, which AWS reserves for its own tags`)
    }
  }
  return tags
}

/** A SQL query from a file of the workspace; undefined when not given or when the file breaks a rule. */
function readQueryFile(inputs: InputCollector, env: Environment): string | undefined {
  const path = inputs.optional('seed-audience-sql-query-file')
  if (path === undefined) return undefined
  const result = readSeedFile(path, env['GITHUB_WORKSPACE'])
  if (result.ok) return result.query
  inputs.problem('seed-audience-sql-query-file', result.problem)
  return undefined
}

const SEED_INPUTS = [
  'seed-audience-s3-uri',
  'seed-audience-sql-query',
  'seed-audience-sql-query-file',
  'seed-audience-analysis-template-arn'
]

/** The seed: an S3 file, or a SQL query (inline or from a file) or analysis template, never more than one. */
function readSeedAudience(inputs: InputCollector, env: Environment): StartAudienceGenerationJobRequest['seedAudience'] {
  const roleArn = inputs.string('seed-audience-role-arn', SHAPES.IamRoleArn, true)
  const s3Uri = inputs.string('seed-audience-s3-uri', SHAPES.S3Path)
  const inlineQuery = inputs.string('seed-audience-sql-query', SHAPES.ProtectedQuerySQLParametersQueryStringString)
  const fileQuery = readQueryFile(inputs, env)
  const queryString = inlineQuery ?? fileQuery
  const analysisTemplateArn = inputs.string('seed-audience-analysis-template-arn', SHAPES.AnalysisTemplateArn)
  const parameters = inputs.map('seed-audience-sql-parameters', MAPS.ParameterMap)
  const compute = readCompute(inputs)

  const given = (name: string): boolean => inputs.optional(name) !== undefined
  const seeds = SEED_INPUTS.filter(given)
  if (seeds.length === 0) {
    inputs.problem(
      'seed-audience-s3-uri',
      'is required unless seed-audience-sql-query, seed-audience-sql-query-file or seed-audience-analysis-template-arn ' +
        'is given: give exactly one seed source'
    )
  }
  for (const extra of seeds.slice(1)) {
    inputs.problem(extra, `cannot be given together with ${seeds[0]}: give exactly one seed source`)
  }
  const sqlSeed = !given('seed-audience-s3-uri') && seeds.length > 0
  if (!sqlSeed) {
    for (const input of ['seed-audience-sql-parameters', ...COMPUTE_INPUTS].filter(given)) {
      inputs.problem(
        input,
        'applies only to a SQL seed (seed-audience-sql-query, seed-audience-sql-query-file or seed-audience-analysis-template-arn)'
      )
    }
  }
  return {
    roleArn: roleArn ?? '',
    ...(s3Uri !== undefined ? { dataSource: { s3Uri } } : {}),
    ...(queryString !== undefined || analysisTemplateArn !== undefined
      ? {
          sqlParameters: {
            ...(queryString !== undefined ? { queryString } : {}),
            ...(analysisTemplateArn !== undefined ? { analysisTemplateArn } : {}),
            ...(parameters !== undefined ? { parameters } : {})
          }
        }
      : {}),
    ...(compute !== undefined ? { sqlComputeConfiguration: { worker: compute } } : {})
  }
}

const COMPUTE_INPUTS = ['sql-compute-worker-type', 'sql-compute-worker-count', 'sql-compute-spark-properties']

function readCompute(inputs: InputCollector): WorkerComputeConfiguration | undefined {
  const type = inputs.oneOf('sql-compute-worker-type', WORKER_COMPUTE_TYPES)
  const number = inputs.wholeNumber('sql-compute-worker-count', WORKER_COUNT.min, WORKER_COUNT.max)
  const spark = inputs.map('sql-compute-spark-properties', MAPS.SparkProperties)
  if (type === undefined && number === undefined && spark === undefined) return undefined
  return {
    ...(type !== undefined ? { type } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(spark !== undefined ? { properties: { spark } } : {})
  }
}

function readRequest(inputs: InputCollector, env: Environment): StartAudienceGenerationJobRequest {
  const name = inputs.string('name', SHAPES.NameString, true)
  const configuredAudienceModelArn = inputs.string(
    'configured-audience-model-arn',
    SHAPES.ConfiguredAudienceModelArn,
    true
  )
  const seedAudience = readSeedAudience(inputs, env)
  const includeSeedInOutput = inputs.boolean('include-seed-in-output', false)
  const collaborationId = inputs.string('collaboration-id', SHAPES.UUID)
  const description = inputs.string('description', SHAPES.ResourceDescription)
  const tags = readTags(inputs)
  return {
    name: name ?? '',
    configuredAudienceModelArn: configuredAudienceModelArn ?? '',
    seedAudience,
    ...(includeSeedInOutput ? { includeSeedInOutput } : {}),
    ...(collaborationId !== undefined ? { collaborationId } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(tags !== undefined ? { tags } : {})
  }
}

const GATE_INPUTS = ['min-recall-metric', 'min-relevance-score'] as const

/**
 * Quality gates: each optional, checked on the finished job, so they need the wait. The relevance
 * gate names its audience size, and the size means nothing without the gate.
 */
function readQualityGates(inputs: InputCollector, waitForCompletion: boolean): QualityGates {
  const minRecall = inputs.decimal('min-recall-metric', RECALL.min, RECALL.max)
  const minScore = inputs.decimal('min-relevance-score', RELEVANCE_SCORE.min, RELEVANCE_SCORE.max)
  const sizeText = inputs.optional('relevance-audience-size')
  const size = sizeText === undefined ? undefined : parseAudienceSize(sizeText)
  if (typeof size === 'string') inputs.problem('relevance-audience-size', size)
  const scoreGiven = inputs.optional('min-relevance-score') !== undefined
  if (scoreGiven && sizeText === undefined) {
    inputs.problem(
      'relevance-audience-size',
      'is required with min-relevance-score: the audience size whose score is checked, as the API reports it (for example 20% or 100000)'
    )
  }
  if (!scoreGiven && sizeText !== undefined) {
    inputs.problem('relevance-audience-size', 'applies only with min-relevance-score')
  }
  if (!waitForCompletion) {
    for (const input of GATE_INPUTS.filter((name) => inputs.optional(name) !== undefined)) {
      inputs.problem(
        input,
        'needs wait-for-completion: true: the job reports its quality metrics only once it has finished'
      )
    }
  }
  return {
    ...(minRecall !== undefined ? { minRecall } : {}),
    ...(minScore !== undefined && typeof size === 'object' ? { minRelevance: { score: minScore, size } } : {})
  }
}

/**
 * A dry run asked for in a variable the action does not read (INPUT_DRY_RUN) would start a real job:
 * without dry-run itself, any value but false there stops the step before anything is sent.
 */
function checkMistypedDryRun(inputs: InputCollector, env: Environment): void {
  if (inputs.optional('dry-run') !== undefined) return
  for (const { variable, input, value } of mistypedInputs(env)) {
    if (input !== 'dry-run' || value.trim() === '' || parseBoolean(value.trim()) === false) continue
    inputs.problem(
      'dry-run',
      `is not set, but ${variable} is (${quote(value)}): the action reads dry-run from ${variableOf('dry-run')} ` +
        '(with: dry-run), so this step would start a real job; nothing was sent'
    )
  }
}

/** Reads and checks every input. Nothing here touches the network. */
export function readSettings(read: InputReader, env: Environment): SettingsResult {
  const inputs = new InputCollector(read)
  const request = readRequest(inputs, env)
  const region = readRegion(inputs, env)
  const credentials = readCredentials(inputs)
  const waitForCompletion = inputs.boolean('wait-for-completion', false)
  const waitTimeoutSeconds = inputs.wholeNumber('wait-timeout-seconds', 1, MAX_WAIT_SECONDS) ?? 3600
  const ifExists = inputs.oneOf('if-exists', ['fail', 'reuse', 'replace-failed'] as const) ?? 'fail'
  const dryRun = inputs.boolean('dry-run', false)
  inputs.boolean('mask-aws-account-id', false)
  if (!dryRun) checkMistypedDryRun(inputs, env)
  const qualityGates = readQualityGates(inputs, waitForCompletion)
  const seedQueryFile = inputs.optional('seed-audience-sql-query-file')
  if (inputs.problems.length > 0) return { ok: false, problems: inputs.problems }
  const settings = {
    request,
    region,
    credentials,
    waitForCompletion,
    waitTimeoutSeconds,
    ifExists,
    dryRun,
    qualityGates
  }
  return { ok: true, settings: seedQueryFile !== undefined ? { ...settings, seedQueryFile } : settings }
}
