// The README's first example, as a user copies it: the step's inputs are read from the README's first
// workflow, `${{ github.* }}` expressions take the runner's values, and the bundled action runs against
// the emulator. Pressing "Re-run jobs" runs the same run id again with the next run attempt.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'

const README = new URL('../README.md', import.meta.url)
const ACTION = /^OWNER\/cleanrooms-ml-audience-generation-action@/

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

/** The inputs of the action's step in the README's first YAML block. */
function firstExampleInputs(): Record<string, unknown> {
  const block = /```yaml\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1]
  if (!block) throw new Error('README.md has no YAML example')
  const workflow = parse(block) as { jobs: Record<string, { steps: Step[] }> }
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((s) => ACTION.test(s.uses ?? ''))
  if (!step?.with) throw new Error("README.md's first example has no step that uses the action")
  return step.with
}

/** Input values as the runner passes them: strings, with `${{ github.<name> }}` from its environment. */
function asRunnerInputs(inputs: Record<string, unknown>, env: Record<string, string>): Record<string, string> {
  const resolved: Record<string, string> = {}
  for (const [name, value] of Object.entries(inputs)) {
    resolved[name] = String(value).replace(/\$\{\{\s*github\.(\w+)\s*\}\}/g, (expression, key: string) => {
      const variable = env[`GITHUB_${key.toUpperCase()}`]
      if (variable === undefined) throw new Error(`no runner value for ${expression}`)
      return variable
    })
  }
  return resolved
}

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

async function attempt(runAttempt: string): Promise<ActionRun> {
  const env = { ...runnerEnv(emulator), GITHUB_RUN_ATTEMPT: runAttempt, CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' }
  return runAction({ inputs: asRunnerInputs(firstExampleInputs(), env), env })
}

describe("the README's first example survives Re-run jobs", () => {
  it('starts a job, then on a re-run of the same run carries on with that job: two green steps, one job', async () => {
    const first = await attempt('1')
    expect({ code: first.code, created: first.outputs['created'], errors: first.annotations }).toEqual({
      code: 0,
      created: 'true',
      errors: []
    })

    const rerun = await attempt('2')
    expect(rerun.code).toBe(0)
    expect(rerun.outputs).toMatchObject({
      'audience-generation-job-arn': first.outputs['audience-generation-job-arn'],
      created: 'false'
    })
    expect(rerun.annotations.filter((annotation) => annotation.level === 'error')).toEqual([])
    expect(emulator.jobs).toHaveLength(1)
    expect(emulator.jobs[0]?.name).toBe(`weekly-lookalike-${runnerEnv(emulator)['GITHUB_RUN_ID']}`)
  })
})
