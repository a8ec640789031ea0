// `npm run emulator` and the README's "Try it locally": the emulator for a shell prints `export` lines a POSIX
// shell can eval, serves until Ctrl-C, and the README's own `env 'INPUT_...' node dist/index.js` command, with
// those values, launches a job through the bundled action.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { runAction } from './helpers/run-action.js'

const SCRIPT = fileURLToPath(new URL('../scripts/emulator.js', import.meta.url))
const README = fileURLToPath(new URL('../README.md', import.meta.url))
const EXPORTED = [
  'AWS_REGION',
  'AWS_ENDPOINT_URL_CLEANROOMSML',
  'AWS_ENDPOINT_URL_STS',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN'
]
/** `export NAME='value'`, where a ' in the value is written '\'' : what a POSIX shell reads literally. */
const EXPORT_LINE = /^export ([A-Z][A-Z0-9_]*)='((?:[^']|'\\'')*)'$/

let emulator: ChildProcessWithoutNullStreams
let stdout = ''
let stderr = ''

/** Resolves once the emulator has printed every line, or rejects when it ends first or takes too long. */
function exportLines(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no export lines in 20 s:\n${stdout}${stderr}`)), 20_000)
    const check = (): void => {
      const lines = stdout.split('\n').filter((line) => line !== '')
      if (lines.length < EXPORTED.length) return
      clearTimeout(timer)
      resolve(lines)
    }
    emulator.stdout.on('data', check)
    emulator.on('exit', () => reject(new Error(`the emulator ended:\n${stdout}${stderr}`)))
  })
}

beforeAll(() => {
  emulator = spawn(process.execPath, [SCRIPT, 'local'], { stdio: ['pipe', 'pipe', 'pipe'] })
  emulator.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  emulator.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
})

afterAll(() => {
  if (emulator.exitCode === null && emulator.signalCode === null) emulator.kill('SIGKILL')
})

/** The values of the lines, read as a POSIX shell reads single quotes. */
function valuesOf(lines: string[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const line of lines) {
    const match = EXPORT_LINE.exec(line)
    if (!match) throw new Error(`not an export line a shell can eval: ${line}`)
    values[match[1]!] = match[2]!.replace(/'\\''/g, "'")
  }
  return values
}

/** The README's "Try it locally" command: each 'INPUT_NAME=value' argument of its `env ... node dist/index.js`. */
function readmeInputs(): Record<string, string> {
  const section = /## Try it locally\n([\s\S]*?)\n## /.exec(readFileSync(README, 'utf8'))?.[1] ?? ''
  const command = /```sh\neval "\$\(cat emulator\.env\)"\nenv ([\s\S]*?)node dist\/index\.js\n```/.exec(section)?.[1]
  if (!command) throw new Error('README.md\'s "Try it locally" has no `env ... node dist/index.js` command')
  return Object.fromEntries(
    [...command.matchAll(/'(INPUT_[^=']+)=([^']*)'/g)].map((match) => [match[1]!, match[2]!] as [string, string])
  )
}

describe('npm run emulator prints what a shell needs to reach it, and serves until Ctrl-C', () => {
  let values: Record<string, string>

  it('prints one export line for each variable a step needs, quoted for a POSIX shell', async () => {
    const lines = await exportLines()
    values = valuesOf(lines)
    expect(Object.keys(values)).toEqual(EXPORTED)
    expect(values['AWS_ENDPOINT_URL_CLEANROOMSML']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(values['ACTIONS_ID_TOKEN_REQUEST_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/token\?/)
  })

  // sh: the shell the lines are for (on Windows, Git's, which GitHub's runners have on the PATH).
  it('gives a POSIX shell, through eval, exactly those values', () => {
    const probe = `process.stdout.write(JSON.stringify(Object.fromEntries(${JSON.stringify(EXPORTED)}.map((n) => [n, process.env[n]]))))`
    const shell = spawnSync('sh', ['-c', 'eval "$LINES" && "$NODE" -e "$PROBE"'], {
      env: { ...process.env, LINES: stdout, NODE: process.execPath, PROBE: probe },
      encoding: 'utf8'
    })
    expect(shell.stderr).toBe('')
    expect(JSON.parse(shell.stdout)).toEqual(values)
  })

  it("launches and waits for a job with the README's command and those values", async () => {
    const inputs = readmeInputs()
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['INPUT_NAME', 'INPUT_ROLE-TO-ASSUME']))
    const run = await runAction({
      inputs: {},
      env: { ...values, ...inputs, PATH: process.env['PATH'] ?? '', CLEANROOMS_ML_ACTION_TIME_SCALE: '0.02' }
    })
    expect({ code: run.code, annotations: run.annotations }).toEqual({ code: 0, annotations: [] })
    expect(run.outputs).toMatchObject({ created: 'true', status: 'ACTIVE' })
    expect(stderr).toContain('until Ctrl-C')
    // The emulator lists what it answered: the whole OIDC path, the start and the wait.
    for (const request of [
      'oidc GetIdToken',
      'sts AssumeRoleWithWebIdentity',
      'cleanrooms-ml StartAudienceGenerationJob',
      'cleanrooms-ml GetAudienceGenerationJob'
    ]) {
      expect(stderr).toContain(request)
    }
  }, 60_000)

  it('stops on Ctrl-C (SIGINT), closing its ports', async () => {
    const port = Number(new URL(values['AWS_ENDPOINT_URL_CLEANROOMSML']!).port)
    const exited = new Promise<number | null>((resolve) => emulator.on('exit', (code) => resolve(code)))
    emulator.kill('SIGINT')
    const code = await exited
    // Windows has no SIGINT for another process: kill() ends it at once there, so only POSIX sees the clean exit.
    if (process.platform !== 'win32') expect(code).toBe(0)
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.on('connect', () => (socket.destroy(), resolve(false)))
      socket.on('error', () => resolve(true))
    })
    expect(refused).toBe(true)
  })
})
