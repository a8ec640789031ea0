// Reliability through dist/index.js: fault scenarios run as a runner runs the action, checking what
// faults.test.ts checks in-process (outcome, jobs, requests, commands, no stack trace, no secret) and
// that the run ends within its bound in real time. `npm test` runs the scenarios of THROUGH_DIST, a few
// of each group; with RELIABILITY_REPORT set, every scenario runs and RELIABILITY.md is written.
// On node 24 too: real sockets and timers: resets, hangs, trickles, refused connections, a 5 MB body.
import { writeFileSync } from 'node:fs'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { E2E_TIME_SCALE, FAULT_SCENARIOS, THROUGH_DIST, type FaultScenario } from './fault-scenarios.js'
import { expectFaultHandled } from './helpers/fault-checks.js'
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

const REPORT = Boolean(process.env['RELIABILITY_REPORT'])
const SCENARIOS = REPORT ? FAULT_SCENARIOS : FAULT_SCENARIOS.filter((scenario) => THROUGH_DIST.has(scenario.name))

const results: Result[] = []
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => {
  await emulator.close()
  if (REPORT) writeFileSync('RELIABILITY.md', report(results))
})

describe.each(['Clean Rooms ML', 'Hostile answers', 'Lost answers', 'STS', 'GitHub OIDC', 'Network'])(
  'faults: %s',
  (group) => {
    const scenarios = SCENARIOS.filter((scenario) => scenario.group === group)
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
      expectFaultHandled(scenario, run, emulator)
      expect(run.durationMs).toBeLessThan(scenario.withinMs)
    })
  }
)

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
