// End to end through dist/index.js: a SQL seed from a workspace file, far larger than the 128 KiB an
// input's environment variable may hold, reaches the service whole and never the log.
// On node 24 too: files, links and paths as the runtime's file system reads them.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { SEEDLESS_INPUTS } from './helpers/fixtures.js'

const QUERY_LENGTH = 400_000
const INPUTS = {
  ...SEEDLESS_INPUTS,
  name: 'sql-file-audience',
  'seed-audience-sql-query-file': 'sql/seed.sql'
}

/** A query of exactly `length` characters, some of them outside ASCII, with a marker to look for in the log. */
function bigQuery(length: number): string {
  const head = "SELECT user_id FROM seed_users_marker WHERE segment IN ('é"
  const tail = "')"
  const ids = Array.from({ length: length / 10 }, (_, i) => `u${String(i).padStart(6, '0')}','`).join('')
  return head + ids.slice(0, length - head.length - tail.length) + tail
}

let emulator: Emulator
let root: string
let workspace: string
const query = bigQuery(QUERY_LENGTH)
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
  root = mkdtempSync(join(tmpdir(), 'e2e-seed-file-'))
  workspace = join(root, 'workspace')
  mkdirSync(join(workspace, 'sql'), { recursive: true })
  writeFileSync(join(workspace, 'sql', 'seed.sql'), query)
  writeFileSync(join(workspace, 'sql', 'empty.sql'), '')
  writeFileSync(join(workspace, 'sql', 'too-long.sql'), 'x'.repeat(500_001))
  writeFileSync(join(root, 'outside.sql'), 'SELECT 1')
  symlinkSync(join(root, 'outside.sql'), join(workspace, 'sql', 'outside.sql'))
})
afterAll(async () => {
  await emulator.close()
  rmSync(root, { recursive: true, force: true })
})
beforeEach(() => emulator.reset())

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const result = await runAction({
    inputs,
    env: {
      ...runnerEnv(emulator),
      ...ENV_CREDENTIALS,
      GITHUB_WORKSPACE: workspace,
      CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01'
    }
  })
  expect(leaksIn(result, secretsOf(emulator))).toEqual([])
  return result
}

describe('seed-audience-sql-query-file', () => {
  it(`sends a ${QUERY_LENGTH}-character query from the workspace whole, and never prints it`, async () => {
    expect([...query].length).toBe(QUERY_LENGTH)
    const result = await run({ ...INPUTS, 'wait-for-completion': 'true' })
    expect(result.code).toBe(0)
    const stored = emulator.jobs[0]!.seedAudience as { sqlParameters: { queryString: string } }
    expect(stored.sqlParameters.queryString).toBe(query)
    expect(result.outputs['protected-query-identifier']).toBe(emulator.jobs[0]!.protectedQueryIdentifier)
    expect(JSON.stringify(result)).not.toContain('seed_users_marker')
    expect(result.summary).toContain('<code>SQL query in sql/seed.sql</code>')
    expect(result.stdout).toContain('from SQL query in sql/seed.sql with configured audience model')
  })

  it('refuses a symbolic link out of the workspace, and a path through .. out of it, before any call', async () => {
    const outside = await run({ ...INPUTS, 'seed-audience-sql-query-file': 'sql/outside.sql' })
    expect(outside.code).toBe(1)
    expect(outside.outputs['error-type']).toBe('InvalidInput')
    expect(outside.annotations.map((annotation) => annotation.message)).toEqual([
      'Input seed-audience-sql-query-file must name a file inside the workspace (GITHUB_WORKSPACE); "sql/outside.sql" is a symbolic link to a file outside it.'
    ])
    const parent = await run({ ...INPUTS, 'seed-audience-sql-query-file': '../outside.sql' })
    expect(parent.annotations[0]!.message).toContain('"../outside.sql" leaves it')
    expect(emulator.requests).toEqual([])
  })

  it('names a hostile path without letting it act as a workflow command', async () => {
    const result = await run({ ...INPUTS, 'seed-audience-sql-query-file': 'sql/x\n::error::forged\n##[error]forged' })
    expect(result.code).toBe(1)
    expect(result.annotations).toHaveLength(1)
    expect(result.stdout).not.toMatch(/^::error::forged|##\[error\]forged/m)
    expect(result.annotations[0]!.message).toContain('"sql/x\\n::error::forged\\n##\\u005berror]forged" does not exist')
  })

  it.each([
    ['a missing file', 'sql/missing.sql', '"sql/missing.sql" does not exist there'],
    ['an empty file', 'sql/empty.sql', '"sql/empty.sql" is empty'],
    ['a file over the limit', 'sql/too-long.sql', 'at most 500000 characters'],
    ['a folder', 'sql', '"sql" is not a regular file'],
    ['an absolute path elsewhere', '<root>/outside.sql', 'outside.sql" leaves it']
  ])('refuses %s, naming the path and the rule, before any call', async (_, path, problem) => {
    const result = await run({ ...INPUTS, 'seed-audience-sql-query-file': path.replace('<root>', root) })
    expect(result.code).toBe(1)
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(result.annotations).toHaveLength(1)
    expect(result.annotations[0]).toMatchObject({ title: 'Invalid input: seed-audience-sql-query-file' })
    expect(result.annotations[0]!.message).toContain(problem)
    expect(emulator.requests).toEqual([])
  })
})
