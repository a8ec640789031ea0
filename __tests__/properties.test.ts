// Hostile and random input, checked as properties over many generated cases (fast-check):
// the action never throws, reports every problem, and a request built from valid inputs carries
// exactly those inputs.
import fc from 'fast-check'
import { readSettings } from '../src/inputs/settings.js'
import { SHAPES } from '../src/inputs/constraints.js'
import { checkString } from '../src/inputs/validation.js'
import { inputsFrom } from '../src/inputs/settings.js'
import { INPUT_NAMES } from './helpers/action-yml.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS, parseAnnotations, runnerEnv } from './helpers/run-action.js'

/** Any text at all: control characters, lone surrogates, characters outside the BMP, huge sizes. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\n', '\r', '\t', ' ', '=', '{', '}', '"', '\\', '\uD800', '😀'),
    maxLength: 50
  }),
  fc.constantFrom('{"a":"1","a":"2"}', '{"a":1}', '[]', 'null', 'a=1\na=2', '=x', '9'.repeat(400), 'x'.repeat(600_001)),
  fc.json()
)

const ACCOUNT = fc.stringMatching(/^[0-9]{12}$/)
const ID = fc.stringMatching(/^[-a-zA-Z0-9_/.]{1,40}$/)
const REGION = fc.constantFrom('us-east-1', 'eu-west-2', 'ap-southeast-5', 'cn-north-1', 'us-gov-west-1')
/** A name the model accepts, without the surrounding white space that getInput trims. */
const NAME = fc
  .string({
    unit: fc
      .oneof(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0xa1, max: 0xd7ff }))
      .map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 63
  })
  .filter((name) => name === name.trim() && checkString(name, SHAPES.NameString).length === 0)
const PLAIN = fc.stringMatching(/^[A-Za-z0-9_.:/-]{1,40}$/)
const TAGS = fc.dictionary(
  PLAIN.filter((key) => !key.toLowerCase().startsWith('aws:')),
  fc.stringMatching(/^[A-Za-z0-9 _.:/=+-]{0,60}$/).map((value) => value.trim()),
  { maxKeys: 50 }
)

const VALID = fc.record({
  name: NAME,
  account: ACCOUNT,
  model: ID,
  role: fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,64}$/),
  region: REGION,
  s3: fc.stringMatching(/^[a-z0-9.-]{3,30}\/[A-Za-z0-9/_.-]{1,60}$/),
  tags: TAGS,
  asJson: fc.boolean(),
  includeSeed: fc.boolean()
})
type Valid = typeof VALID extends fc.Arbitrary<infer T> ? T : never

function inputsOf(v: Valid): Record<string, string> {
  const tags = v.asJson
    ? JSON.stringify(v.tags)
    : Object.entries(v.tags)
        .map(([key, value]) => `${key}=${value}`)
        .join('\n')
  return {
    name: v.name,
    'configured-audience-model-arn': `arn:aws:cleanrooms-ml:${v.region}:${v.account}:configured-audience-model/${v.model}`,
    'seed-audience-role-arn': `arn:aws:iam::${v.account}:role/${v.role}`,
    'seed-audience-s3-uri': `s3://${v.s3}`,
    'aws-region': v.region,
    tags,
    'include-seed-in-output': String(v.includeSeed)
  }
}

function read(inputs: Record<string, string>) {
  return readSettings((name) => inputs[name] ?? '', {})
}

describe('the inputs fuzzed are those of action.yml', () => {
  it('reads them from action.yml, required and optional', () => {
    expect(INPUT_NAMES).toEqual(expect.arrayContaining(['name', 'seed-audience-sql-query-file', 'dry-run']))
    expect(INPUT_NAMES.length).toBeGreaterThan(20)
  })
})

describe('hostile input never crashes the action', () => {
  it('reads any text in any input without throwing, and names a real input in every problem', () => {
    const runs = 400
    let refused = 0
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...INPUT_NAMES), hostileText), (inputs) => {
        const result = read(inputs)
        if (result.ok) return
        refused++
        expect(result.problems.length).toBeGreaterThan(0)
        for (const problem of result.problems) {
          expect([...INPUT_NAMES, 'AWS_REGION']).toContain(problem.input)
          expect(problem.message.length).toBeLessThan(2_000)
        }
      }),
      { numRuns: runs }
    )
    // Hostile text almost never makes every required input valid: the checks above ran for most cases.
    expect(refused).toBeGreaterThan(runs / 2)
  })
})

describe('valid inputs become exactly the request', () => {
  it('round-trips every value, in either map format', () => {
    fc.assert(
      fc.property(VALID, (v) => {
        const result = read(inputsOf(v))
        if (!result.ok) throw new Error(JSON.stringify(result.problems))
        // `{}` is a given (empty) map; empty key=value text is no input at all.
        const tagsGiven = v.asJson || Object.keys(v.tags).length > 0
        expect(result.settings.request).toEqual({
          name: v.name,
          configuredAudienceModelArn: `arn:aws:cleanrooms-ml:${v.region}:${v.account}:configured-audience-model/${v.model}`,
          seedAudience: { roleArn: `arn:aws:iam::${v.account}:role/${v.role}`, dataSource: { s3Uri: `s3://${v.s3}` } },
          ...(v.includeSeed ? { includeSeedInOutput: true } : {}),
          ...(tagsGiven ? { tags: v.tags } : {})
        })
      }),
      { numRuns: 300 }
    )
  })
})

/** Ways to break one valid input, each with the input that must then be named. */
const BREAKS: [string, (inputs: Record<string, string>) => Record<string, string>][] = [
  ['name', (i) => ({ ...i, name: 'n'.repeat(64) })],
  ['name', (i) => ({ ...i, name: `${i['name']}\u0001` })],
  [
    'configured-audience-model-arn',
    (i) => ({
      ...i,
      'configured-audience-model-arn': i['configured-audience-model-arn']!.replace('cleanrooms-ml', 'cleanrooms')
    })
  ],
  ['seed-audience-role-arn', (i) => ({ ...i, 'seed-audience-role-arn': 'role/x' })],
  ['seed-audience-sql-query', (i) => ({ ...i, 'seed-audience-sql-query': 'SELECT 1' })],
  ['include-seed-in-output', (i) => ({ ...i, 'include-seed-in-output': 'yes' })],
  ['collaboration-id', (i) => ({ ...i, 'collaboration-id': 'ABCDEF01-2345-6789-ABCD-EF0123456789' })],
  ['tags', (i) => ({ ...i, tags: 'aws:owner=me' })],
  ['tags', (i) => ({ ...i, tags: 'k=1\nk=2' })],
  ['tags', (i) => ({ ...i, tags: '{"k": 1}' })],
  ['sql-compute-worker-count', (i) => ({ ...i, 'sql-compute-worker-count': '1025' })],
  ['role-duration-seconds', (i) => ({ ...i, 'role-duration-seconds': '899' })],
  ['aws-region', (i) => ({ ...i, 'aws-region': 'us_east_1' })]
]

describe('any invalid input is reported, naming it', () => {
  it('fails, and names the broken input, whatever the other inputs are', () => {
    fc.assert(
      fc.property(VALID, fc.constantFrom(...BREAKS), (v, [input, breakIt]) => {
        const result = read(breakIt(inputsOf(v)))
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.problems.map((p) => p.input)).toContain(input)
      }),
      { numRuns: 300 }
    )
  })
})

describe('through the whole step, against the model-checking emulator', () => {
  const { emulator, step } = inProcessSteps()

  it('sends valid inputs as exactly the body the service stores, and invalid ones not at all', async () => {
    await fc.assert(
      fc.asyncProperty(VALID, fc.option(fc.constantFrom(...BREAKS), { nil: undefined }), async (v, broken) => {
        emulator().reset()
        // The emulator serves one Region; the inputs' own Region still shapes the ARNs.
        const valid: Record<string, string> = { ...inputsOf(v), 'aws-region': 'us-east-1' }
        const inputs = broken ? broken[1](valid) : valid
        const result = await step(inputs, ENV_CREDENTIALS)
        if (broken) {
          expect(result.exitCode).toBe(1)
          expect(emulator().requests).toEqual([])
          return
        }
        expect(result.exitCode).toBe(0)
        const sent = emulator().requests.find((request) => request.operation === 'StartAudienceGenerationJob')!
        const tagsGiven = v.asJson || Object.keys(v.tags).length > 0
        expect(JSON.parse(sent.body)).toEqual({
          name: v.name,
          configuredAudienceModelArn: inputs['configured-audience-model-arn'],
          seedAudience: {
            roleArn: inputs['seed-audience-role-arn'],
            dataSource: { s3Uri: inputs['seed-audience-s3-uri'] }
          },
          ...(v.includeSeed ? { includeSeedInOutput: true } : {}),
          ...(tagsGiven ? { tags: v.tags } : {}),
          description: expect.stringMatching(/^Started by GitHub Actions: octo-org\/octo-repo/)
        })
        const job = emulator().jobs[0]!
        expect([job.name, job.tags ?? {}]).toEqual([v.name, v.tags])
        expect(result.outputs['audience-generation-job-arn']).toBe(job.audienceGenerationJobArn)
      }),
      { numRuns: 40 }
    )
  })

  it('never crashes on hostile text in any input, and sends nothing when it reports a problem', async () => {
    // Environment variables cannot hold NUL, so neither can a runner's inputs.
    const envSafe = hostileText.map((text) => text.split('\u0000').join(''))
    const runs = 60
    let refused = 0
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...INPUT_NAMES), envSafe, { maxKeys: 6 }), async (given) => {
        emulator().reset()
        const inputs = { 'dry-run': 'true', ...given }
        const result = await step(inputs, ENV_CREDENTIALS)
        // What the step reads from the same environment, read here the way src/main.ts reads it.
        const env: Record<string, string> = { ...runnerEnv(emulator()), ...ENV_CREDENTIALS }
        for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
        const expected = readSettings(inputsFrom(env), env)
        const errors = parseAnnotations(result.log).filter((annotation) => annotation.level === 'error')
        if (expected.ok) {
          // A dry run (or, were every input valid and dry-run false, a launch): it ends in one way or the other.
          expect({ exitCode: result.exitCode, annotated: errors.length > 0 }).toEqual(
            result.exitCode === 0 ? { exitCode: 0, annotated: false } : { exitCode: 1, annotated: true }
          )
          if (expected.settings.dryRun) expect(emulator().requests).toEqual([])
          return
        }
        refused++
        const count = expected.problems.length
        expect({ exitCode: result.exitCode, errors: errors.length, requests: emulator().requests }).toEqual({
          exitCode: 1,
          errors: Math.min(count, 10),
          requests: []
        })
        expect(result.log).toContain(`${count} input problem${count === 1 ? '' : 's'} found; nothing was sent to AWS.`)
      }),
      { numRuns: runs }
    )
    expect(refused).toBeGreaterThan(runs / 2)
  })
})
