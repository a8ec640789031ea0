// Reliability: every fault scenario through dist/index.js, checking the outcome, that the run
// ends within its bound, how many jobs exist afterwards, and that no secret was shown.
// With RELIABILITY_REPORT set, the results are written to RELIABILITY.md.
import { writeFileSync } from 'node:fs'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { E2E_TIME_SCALE, FAULT_SCENARIOS, type FaultScenario } from './fault-scenarios.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { readAsRunner } from './helpers/runner-commands.js'
import { EMULATOR_CREDENTIALS, ENV_CREDENTIALS, runAction, runnerEnv } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'reliability' }

interface Result {
  scenario: FaultScenario
  code: number | null
  errorType: string
  jobs: number
  durationMs: number
}

const results: Result[] = []
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => {
  await emulator.close()
  if (process.env['RELIABILITY_REPORT']) writeFileSync('RELIABILITY.md', report(results))
})

describe.each(['Clean Rooms ML', 'Hostile answers', 'Lost answers', 'STS', 'GitHub OIDC', 'Network'])(
  'faults: %s',
  (group) => {
    const scenarios = FAULT_SCENARIOS.filter((scenario) => scenario.group === group)
    it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_, scenario) => {
      emulator.reset()
      scenario.setup(emulator)
      const oidc = 'role-to-assume' in (scenario.inputs ?? {})
      const run = await runAction({
        inputs: { ...INPUTS, ...scenario.inputs },
        env: {
          ...runnerEnv(emulator),
          ...(oidc ? {} : ENV_CREDENTIALS),
          CLEANROOMS_ML_ACTION_TIME_SCALE: String(scenario.timeScale ?? E2E_TIME_SCALE),
          ...scenario.env
        },
        timeoutMs: scenario.withinMs + 5_000
      })
      const errorType = run.outputs['error-type'] ?? ''
      results.push({ scenario, code: run.code, errorType, jobs: emulator.jobs.length, durationMs: run.durationMs })

      expect({ code: run.code, errorType, jobs: emulator.jobs.length }).toEqual({
        code: scenario.expect.code,
        errorType: scenario.expect.errorType ?? '',
        jobs: scenario.expect.jobs
      })
      expect(run.durationMs).toBeLessThan(scenario.withinMs)
      for (const [operation, count] of Object.entries(scenario.expect.requests ?? {})) {
        expect([operation, emulator.requests.filter((request) => request.operation === operation).length]).toEqual([
          operation,
          count
        ])
      }
      // The runner sees the action's own commands only: masks, and one error annotation on failure.
      const commands = readAsRunner(`${run.stdout}\n${run.stderr}`).commands
      expect(
        commands.filter((c) => c.form !== '::' || !['add-mask', 'error', 'warning', 'notice'].includes(c.name))
      ).toEqual([])
      expect(commands.filter((c) => c.name === 'error')).toHaveLength(run.code === 1 ? 1 : 0)
      if (expected(scenario, 'NetworkError')) {
        expect(run.annotations[0]!.message).toMatch(/to 127\.0\.0\.1:1 failed: ECONNREFUSED/)
      }
      if (run.code === 0) expect(run.outputs['audience-generation-job-arn']).toMatch(/^arn:aws:cleanrooms-ml:/)
      expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
      expect(leaksIn(run, secretsOf(emulator))).toEqual([])
    })
  }
)

function expected(scenario: FaultScenario, errorType: string): boolean {
  return scenario.expect.errorType === errorType
}

function report(rows: Result[]): string {
  const lines = [
    '# Reliability',
    '',
    'Written by `npm run reliability` from the results of `__tests__/e2e-faults.test.ts`, which runs the bundled',
    `action (\`dist/index.js\`) against the local emulator for each fault, with every delay scaled by ${E2E_TIME_SCALE}`,
    '(`CLEANROOMS_ML_ACTION_TIME_SCALE`), or by a larger scale where an answer must arrive within an attempt timeout,',
    'so that a loaded machine cannot turn a slow answer into a timeout. Every scenario also checks, reading the output',
    'as the runner does, that the only commands are masks and annotations, with exactly one error annotation on failure',
    'and none on success, that no stack trace is printed, and that no credential, session token or OIDC token appears',
    'in the log, the outputs or the job summary (outside the `::add-mask::` commands that hide them).',
    '',
    '| group | fault | outcome | error-type | jobs after | took | bound | proves |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |'
  ]
  for (const row of rows) {
    const expected = row.scenario.expect
    const ok = row.code === expected.code && row.errorType === (expected.errorType ?? '') && row.jobs === expected.jobs
    lines.push(
      `| ${row.scenario.group} | ${row.scenario.name} | ${row.code === 0 ? 'success' : `exit ${row.code}`}${ok ? '' : ' (unexpected)'} | ` +
        `${row.errorType || '–'} | ${row.jobs} | ${(row.durationMs / 1000).toFixed(1)} s | ${row.scenario.withinMs / 1000} s | ${row.scenario.proves} |`
    )
  }
  return lines.join('\n') + '\n'
}
