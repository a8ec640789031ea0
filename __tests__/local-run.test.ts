// `npx @github/local-action run . src/main.ts .env.example`: local-action loads .env.example into the
// process environment, puts its own stand-in in the place of @actions/core, and calls `run()` with no
// argument. The stand-in here has exactly the members of local-action 7.0.1's (CORE_STUBS), so a use of
// anything else (core.ExitCode) fails here as it would there.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import { jest } from '@jest/globals'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The members of @github/local-action 7.0.1's @actions/core stand-in (src/stubs/core/core.ts). */
const LOCAL_ACTION_CORE = [
  'addPath',
  'debug',
  'endGroup',
  'error',
  'exportVariable',
  'getBooleanInput',
  'getIDToken',
  'getInput',
  'getMultilineInput',
  'getState',
  'group',
  'info',
  'isDebug',
  'notice',
  'platform',
  'saveState',
  'setCommandEcho',
  'setFailed',
  'setOutput',
  'setSecret',
  'startGroup',
  'summary',
  'toPlatformPath',
  'toPosixPath',
  'toWin32Path',
  'warning'
]

const lines: string[] = []
const outputs: Record<string, string> = {}
const standIn: Record<string, unknown> = Object.fromEntries(LOCAL_ACTION_CORE.map((name) => [name, jest.fn()]))
for (const level of ['info', 'warning', 'error', 'notice']) {
  standIn[level] = (message: string) => lines.push(`${level}: ${message}`)
}
standIn['setOutput'] = (name: string, value: string) => (outputs[name] = value)
standIn['getIDToken'] = () => Promise.reject(new Error('local-action cannot serve getIDToken()'))
jest.unstable_mockModule('@actions/core', () => standIn)
const { run } = await import('../src/main.js')

const savedEnv = { ...process.env }
afterEach(() => {
  process.env = { ...savedEnv }
  lines.length = 0
  for (const name of Object.keys(outputs)) delete outputs[name]
})

/** The environment as local-action leaves it: the machine's, with the file's values over it. */
function loadEnvFile(path: string, overrides: Record<string, string> = {}): void {
  const file = parseEnv(readFileSync(join(ROOT, path), 'utf8'))
  process.env = { PATH: savedEnv['PATH'] ?? '', AWS_EC2_METADATA_DISABLED: 'true', ...file, ...overrides }
}

describe('run() as @github/local-action calls it, with .env.example', () => {
  it('reads the process environment itself and, as committed, only does a dry run', async () => {
    loadEnvFile('.env.example')
    const exitCode = await run()
    expect(exitCode).toBe(0)
    expect(lines[0]).toBe(
      'info: Dry run: every input is valid. This request would be sent (sensitive values redacted):'
    )
    expect(lines).toContain('info: POST https://cleanrooms-ml.us-east-1.amazonaws.com/audience-generation-job')
    expect(lines.join('\n')).toContain('"name": "local-example"')
    expect(outputs).toEqual({})
  })

  it('gives the exit code of a failure without core.ExitCode', async () => {
    loadEnvFile('.env.example', { 'INPUT_SQL-COMPUTE-WORKER-COUNT': '2000' })
    const exitCode = await run()
    expect(exitCode).toBe(1)
    expect(outputs).toEqual({ 'error-type': 'InvalidInput' })
  })

  it('uses only what the stand-in provides: no member of @actions/core outside it', () => {
    const used = new Set<string>()
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    for (const file of files.filter((name) => name.endsWith('.ts'))) {
      for (const match of readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/\bcore\.(\w+)/g)) used.add(match[1]!)
    }
    expect(used.size).toBeGreaterThan(3)
    expect([...used].filter((name) => !LOCAL_ACTION_CORE.includes(name))).toEqual([])
  })
})
