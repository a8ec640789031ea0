// seed-audience-sql-query-file: a SQL seed from a reviewed file of the workspace, never from elsewhere
// on the runner. e2e-seed-file.test.ts sends a 400,000-character query through dist/.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSettings } from '../src/inputs/settings.js'
import { MAX_SEED_FILE_BYTES, readSeedFile } from '../src/inputs/seed-file.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'
import { SEEDLESS_INPUTS } from './helpers/fixtures.js'

const QUERY = 'SELECT user_id FROM seed_table_private WHERE region = :region'
const INPUTS = {
  ...SEEDLESS_INPUTS,
  name: 'sql-file',
  'seed-audience-sql-query-file': 'sql/seed.sql'
}

let root: string
let workspace: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'seed-file-'))
  workspace = join(root, 'workspace')
  mkdirSync(join(workspace, 'sql', 'nested'), { recursive: true })
  writeFileSync(join(workspace, 'sql', 'seed.sql'), QUERY)
  writeFileSync(join(workspace, 'sql', 'bom.sql'), `\uFEFF${QUERY}`)
  writeFileSync(join(workspace, 'sql', 'empty.sql'), '')
  writeFileSync(join(workspace, 'sql', 'blank.sql'), ' \n\t\n')
  writeFileSync(join(workspace, 'sql', 'latin1.sql'), Buffer.from([0x53, 0x45, 0x4c, 0xe9, 0x0a]))
  writeFileSync(join(workspace, 'sql', 'long.sql'), `SELECT '${'é'.repeat(500_000 - 9)}'`)
  writeFileSync(join(workspace, 'sql', 'too-long.sql'), `SELECT '${'é'.repeat(500_000 - 8)}'`)
  writeFileSync(join(workspace, 'sql', 'huge.sql'), Buffer.alloc(MAX_SEED_FILE_BYTES + 1, 0x20))
  writeFileSync(join(root, 'outside.sql'), 'SELECT outside_secret')
  symlinkSync(join(root, 'outside.sql'), join(workspace, 'sql', 'link-out.sql'))
  symlinkSync(root, join(workspace, 'sql', 'dir-out'))
  symlinkSync(join(workspace, 'sql', 'seed.sql'), join(workspace, 'sql', 'nested', 'link-in.sql'))
  symlinkSync(join(workspace, 'sql', 'loop.sql'), join(workspace, 'sql', 'loop.sql'))
  // A named pipe would block a reader until something writes to it.
  expect(spawnSync('mkfifo', [join(workspace, 'sql', 'pipe.sql')]).status).toBe(0)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function problemOf(path: string): string {
  const result = readSeedFile(path, workspace)
  if (result.ok) throw new Error(`expected a problem for ${path}`)
  return result.problem
}

describe('the query is read as UTF-8 from a file inside the workspace', () => {
  it.each([
    ['a path relative to the workspace', 'sql/seed.sql'],
    ['a path that stays inside through ..', 'sql/nested/../seed.sql'],
    ['an absolute path inside the workspace', '<workspace>/sql/seed.sql'],
    ['a symbolic link to a file inside', 'sql/nested/link-in.sql'],
    ['a file that starts with a byte order mark', 'sql/bom.sql']
  ])('%s', (_, path) => {
    expect(readSeedFile(path.replace('<workspace>', workspace), workspace)).toEqual({ ok: true, query: QUERY })
  })

  it('takes a query of exactly the 500,000 characters the model allows, counted in characters', () => {
    const result = readSeedFile('sql/long.sql', workspace)
    expect(result.ok && [...result.query].length).toBe(500_000)
  })
})

describe('a path or file that breaks a rule is an input problem naming the path and the rule', () => {
  it.each([
    ['../outside.sql', 'must name a file inside the workspace (GITHUB_WORKSPACE); "../outside.sql" leaves it'],
    ['sql/../../outside.sql', 'leaves it'],
    ['<root>/outside.sql', 'outside.sql" leaves it'],
    ['sql/link-out.sql', '"sql/link-out.sql" is a symbolic link to a file outside it'],
    ['sql/dir-out/outside.sql', 'is a symbolic link to a file outside it'],
    ['sql/missing.sql', 'must name a file of the workspace (GITHUB_WORKSPACE); "sql/missing.sql" does not exist there'],
    ['sql/seed.sql/x', 'does not exist there'],
    ['sql', 'must name a file; "sql" is not a regular file'],
    ['.', 'is not a regular file'],
    ['sql/pipe.sql', '"sql/pipe.sql" is not a regular file'],
    ['sql/loop.sql', 'must name a readable file; "sql/loop.sql" cannot be reached (ELOOP)'],
    ['sql/empty.sql', 'must name a file with a SQL query; "sql/empty.sql" is empty'],
    ['sql/blank.sql', '"sql/blank.sql" is empty'],
    ['sql/latin1.sql', 'must be UTF-8 text; "sql/latin1.sql" is not valid UTF-8'],
    [
      'sql/too-long.sql',
      'must name a query of at most 500000 characters (ProtectedQuerySQLParametersQueryStringString); "sql/too-long.sql" has 500001 characters'
    ],
    ['sql/huge.sql', `"sql/huge.sql" has ${MAX_SEED_FILE_BYTES + 1} bytes`],
    ['sql/\0.sql', 'contains a NUL character']
  ])('%j', (path, problem) => {
    expect(problemOf(path.replace('<root>', root))).toContain(problem)
  })

  it('needs GITHUB_WORKSPACE', () => {
    expect(readSeedFile('sql/seed.sql', undefined)).toEqual({
      ok: false,
      problem: 'needs GITHUB_WORKSPACE, the folder its path is relative to; it is not set (path "sql/seed.sql")'
    })
  })

  it('never quotes what the file holds', () => {
    expect(problemOf('sql/link-out.sql')).not.toContain('outside_secret')
  })
})

describe('exactly one seed source, the file counted among them', () => {
  function problems(inputs: Record<string, string>): string[] {
    const merged: Record<string, string> = { ...INPUTS, ...inputs }
    const result = readSettings((name) => merged[name] ?? '', { GITHUB_WORKSPACE: workspace })
    return result.ok ? [] : result.problems.map((problem) => `${problem.input}: ${problem.message}`)
  }

  it('builds the request with the query from the file', () => {
    const merged: Record<string, string> = { ...INPUTS, 'seed-audience-sql-parameters': 'region=eu' }
    const result = readSettings((name) => merged[name] ?? '', { GITHUB_WORKSPACE: workspace })
    expect(result.ok && result.settings.request.seedAudience).toEqual({
      roleArn: INPUTS['seed-audience-role-arn'],
      sqlParameters: { queryString: QUERY, parameters: { region: 'eu' } }
    })
  })

  it('refuses the file with another seed source, and reports the file problem too', () => {
    expect(
      problems({ 'seed-audience-sql-query': 'SELECT 1', 'seed-audience-sql-query-file': 'sql/missing.sql' })
    ).toEqual([
      expect.stringMatching(/^seed-audience-sql-query-file: must name a file of the workspace/),
      'seed-audience-sql-query-file: cannot be given together with seed-audience-sql-query: give exactly one seed source'
    ])
    expect(problems({ 'seed-audience-s3-uri': 's3://b/k' })).toEqual([
      'seed-audience-sql-query-file: cannot be given together with seed-audience-s3-uri: give exactly one seed source'
    ])
  })
})

describe('a run with the query from a file', () => {
  const inProcess = inProcessSteps()

  it('sends the file as the query and never prints it', async () => {
    const result = await inProcess.step(
      { ...INPUTS, 'seed-audience-sql-parameters': 'region=eu-secret' },
      { ...ENV_CREDENTIALS, GITHUB_WORKSPACE: workspace }
    )
    expect(result.exitCode).toBe(0)
    const sent = JSON.parse(inProcess.emulator().requests[0]!.body) as {
      seedAudience: { sqlParameters: { queryString: string } }
    }
    expect(sent.seedAudience.sqlParameters.queryString).toBe(QUERY)
    expect(result.log + result.summary + JSON.stringify(result.outputs)).not.toMatch(/seed_table_private|eu-secret/)
  })

  it('prints it redacted in a dry run', async () => {
    const result = await inProcess.step({ ...INPUTS, 'dry-run': 'true' }, { GITHUB_WORKSPACE: workspace })
    expect(result.exitCode).toBe(0)
    expect(result.log).toContain('"queryString": "***"')
    expect(result.log).not.toContain('seed_table_private')
  })

  it('fails before any call on a path that leaves the workspace', async () => {
    const result = await inProcess.step(
      { ...INPUTS, 'seed-audience-sql-query-file': 'sql/link-out.sql' },
      { ...ENV_CREDENTIALS, GITHUB_WORKSPACE: workspace }
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(result.log).toContain('title=Invalid input%3A seed-audience-sql-query-file')
    expect(inProcess.emulator().requests).toEqual([])
  })
})
