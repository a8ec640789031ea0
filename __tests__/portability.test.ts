// Contributors clone, install and test on any OS, in any folder: npm runs scripts in cmd.exe on Windows, a
// macOS home folder often has a space in its path, and a Windows checkout would turn LF into CRLF. These
// tests hold the repository to what that needs, and run a small suite from a path with a space in it.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

describe('npm scripts run in any shell, cmd.exe included', () => {
  const scripts = Object.entries((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts)

  it('sets no variable with a `NAME=value command` prefix', () => {
    expect(scripts.filter(([, line]) => /(^|&&|\|\||;)\s*[A-Za-z_][A-Za-z0-9_]*=/.test(line))).toEqual([])
  })

  it('uses no POSIX-only command (rm, cp, mv, mkdir -p, export) or shell quoting cmd.exe reads differently', () => {
    const posixOnly = /(^|&&|\|\||;)\s*(rm|cp|mv|export|cat|ls)\s|mkdir -p|'/
    expect(scripts.filter(([, line]) => posixOnly.test(line))).toEqual([])
  })
})

describe('a checkout on any OS has the bytes the repository holds', () => {
  it('checks every text file out with LF endings, and dist/ byte for byte', () => {
    const rules = read('.gitattributes')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
    expect(rules).toEqual(['* text=auto eol=lf', 'dist/** -text'])
  })
})

describe('CI runs npm test on Linux, macOS and Windows', () => {
  it('has a job whose matrix covers the three runners and runs npm test', () => {
    const workflow = parseYaml(read('.github/workflows/ci.yml')) as {
      jobs: Record<
        string,
        { 'runs-on': string; strategy?: { matrix?: Record<string, unknown> }; steps: { run?: string }[] }
      >
    }
    const testJobs = Object.values(workflow.jobs).filter((job) => job.steps.some((step) => step.run === 'npm test'))
    const runners = testJobs.flatMap((job) => {
      const matrix = job.strategy?.matrix ?? {}
      const include = (matrix['include'] as { os?: string }[] | undefined) ?? []
      return [...((matrix['os'] as string[] | undefined) ?? []), ...include.flatMap((entry) => entry.os ?? [])]
    })
    expect(testJobs.every((job) => job['runs-on'] === '${{ matrix.os }}')).toBe(true)
    expect([...new Set(runners)].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest'])
  })
})

describe('file paths come from fileURLToPath, never from a file URL', () => {
  // The project's own lint rule (eslint.config.js), fed the forms that broke checkouts with a space.
  it.each([
    ['__tests__/sample.test.ts', "export const root = new URL('..', import.meta.url).pathname\n"],
    ['scripts/sample.js', 'export const here = new URL(import.meta.url).pathname\n'],
    ['scripts/sample.js', 'export const main = import.meta.url === `file://${process.argv[1]}`\n']
  ])('lint refuses it in %s: %s', (file, source) => {
    const lint = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'],
      { cwd: ROOT, input: source, encoding: 'utf8', timeout: 60_000 }
    )
    const [report] = JSON.parse(lint.stdout) as { messages: { ruleId: string; message: string }[] }[]
    expect(report?.messages).toEqual([
      expect.objectContaining({ ruleId: 'no-restricted-syntax', message: expect.stringMatching(/fileURLToPath/) })
    ])
  })

  it('lint accepts fileURLToPath, and the pathname of an HTTP URL', () => {
    const source =
      "import { fileURLToPath } from 'node:url'\n" +
      "export const root = fileURLToPath(new URL('..', import.meta.url))\n" +
      "export const path = new URL('https://example.com/a').pathname\n"
    const lint = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', 'scripts/sample.js'],
      { cwd: ROOT, input: source, encoding: 'utf8', timeout: 60_000 }
    )
    expect({ status: lint.status, output: lint.stdout }).toEqual({ status: 0, output: '' })
  })
})

describe('the tests pass in a checkout whose path has a space', () => {
  let copy = ''
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true })
  })

  // Suites that take their paths from import.meta.url: the action's bundle through the run-action helper,
  // and a script of scripts/.
  it('runs end-to-end and script suites there', () => {
    copy = join(mkdtempSync(join(tmpdir(), 'checkout-')), 'my projects', 'audience action')
    for (const entry of [
      '__tests__',
      'dist',
      'emulator',
      'scripts',
      'src',
      'package.json',
      'tsconfig.json',
      'jest.config.js'
    ])
      cpSync(join(ROOT, entry), join(copy, entry), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'junction')
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env['JEST_WORKER_ID']
    const jest = spawnSync(
      process.execPath,
      [
        'scripts/jest.js',
        '--ci',
        '--coverage=false',
        '__tests__/e2e-regions.test.ts',
        '__tests__/node24-rerun.test.ts'
      ],
      { cwd: copy, env, encoding: 'utf8', timeout: 240_000 }
    )
    expect({ status: jest.status, output: jest.status === 0 ? '' : jest.stderr }).toEqual({ status: 0, output: '' })
    expect(jest.stderr).toMatch(/Tests: +\d+ passed, \d+ total/)
  }, 300_000)
})
