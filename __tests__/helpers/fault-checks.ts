// What every fault scenario must show, however the step ran (in-process or through dist/index.js):
// the outcome, the job count and request counts the scenario names, and a log the runner reads as
// masks and annotations only, with one error annotation on failure, no stack trace and no secret.
import type { Emulator } from '../../emulator/index.js'
import type { FaultScenario } from '../fault-scenarios.js'
import { leaksIn, secretsOf } from './leaks.js'
import { readAsRunner } from './runner-commands.js'
import type { ActionRun } from './run-action.js'

/** The part of a run the checks read. */
export type FaultRun = Pick<ActionRun, 'code' | 'stdout' | 'stderr' | 'outputs' | 'summary' | 'annotations'>

export function expectFaultHandled(scenario: FaultScenario, run: FaultRun, emulator: Emulator): void {
  expect({ code: run.code, errorType: run.outputs['error-type'] ?? '', jobs: emulator.jobs.length }).toEqual({
    code: scenario.expect.code,
    errorType: scenario.expect.errorType ?? '',
    jobs: scenario.expect.jobs
  })
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
  if (scenario.expect.errorType === 'NetworkError') {
    expect(run.annotations[0]!.message).toMatch(/to 127\.0\.0\.1:1 failed: ECONNREFUSED/)
  }
  if (run.code === 0) expect(run.outputs['audience-generation-job-arn']).toMatch(/^arn:aws:cleanrooms-ml:/)
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(leaksIn(run, secretsOf(emulator))).toEqual([])
}
