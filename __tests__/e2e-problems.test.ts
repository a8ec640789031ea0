// End to end: input problems are all reported, within what GitHub shows, and never with the
// values of sensitive inputs.
import { runAction, type ActionRun } from './helpers/run-action.js'
import { readAsRunner } from './helpers/runner-commands.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'audience', 'dry-run': 'true' }

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ inputs: { ...INPUTS, ...inputs }, env: { PATH: process.env['PATH'] } })
}

function errorTitles(result: ActionRun): string[] {
  return readAsRunner(result.stdout)
    .commands.filter((command) => command.name === 'error')
    .map((command) => command.properties['title'] ?? '')
}

describe('many input problems: at most 10 annotations, every problem in the log', () => {
  it('annotates 9, counts the rest in a tenth, and lists all 10,000 in the log', async () => {
    const result = await run({ tags: Array.from({ length: 10_000 }, () => `x`).join('\n') })
    expect(result.code).toBe(1)
    expect(errorTitles(result)).toEqual([
      ...Array.from({ length: 9 }, () => 'Invalid input: tags'),
      'Invalid inputs: 9991 more'
    ])
    const listed = result.stdout.match(/line \d+ is not key=value/g) ?? []
    expect(new Set(listed).size).toBe(10_000)
    expect(result.stdout).toContain('10000 input problems found; nothing was sent to AWS.')
    // The summary lists what fits in GitHub's limit for it, then says where the rest are.
    expect(result.summary).toContain('line 1 is not key=value')
    expect(result.summary).toMatch(/\d+ more problems, listed in the log/)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
  })

  it('annotates each of 10 problems, with no count', async () => {
    const result = await run({ tags: Array.from({ length: 10 }, (_, i) => `not a pair ${i}`).join('\n') })
    expect(errorTitles(result)).toEqual(Array.from({ length: 10 }, () => 'Invalid input: tags'))
    expect(result.summary).toContain('line 10 is not key=value')
    expect(result.summary).not.toContain('more problems')
  })
})

describe('SQL parameter values never appear, even when they cannot be parsed', () => {
  it.each([
    ['JSON with a bare word', '{"since": pSecret-4711}'],
    ['JSON cut short', '{"since": "pSecret-4711'],
    ['JSON with a value that is not a string', '{"since": ["pSecret-4711"]}']
  ])('%s', async (_, parameters) => {
    const result = await run({
      'seed-audience-s3-uri': '',
      'seed-audience-sql-query': 'SELECT id FROM t WHERE d > :since',
      'seed-audience-sql-parameters': parameters
    })
    expect(result.code).toBe(1)
    expect(errorTitles(result)).toEqual(['Invalid input: seed-audience-sql-parameters'])
    expect(result.stdout + result.stderr + result.summary).not.toContain('pSecret')
  })
})
