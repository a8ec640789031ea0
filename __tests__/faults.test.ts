// Reliability in-process: every fault scenario (fault-scenarios.ts) through src/main.ts run() against
// the emulator, with the checks e2e-faults.test.ts makes through dist/index.js. Time is a fake clock's,
// so a scenario's bound is checked in the clock's time: the run ends within it, whatever the fault.
import type { Emulator } from '../emulator/index.js'
import { E2E_TIME_SCALE, FAULT_SCENARIOS, THROUGH_DIST, type FaultScenario } from './fault-scenarios.js'
import { expectFaultHandled } from './helpers/fault-checks.js'
import { FakeClock } from './helpers/fake-clock.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS, parseAnnotations } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'reliability' }
const GROUPS = ['Clean Rooms ML', 'Hostile answers', 'Lost answers', 'STS', 'GitHub OIDC', 'Network'] as const

const inProcess = inProcessSteps()
let emulator: Emulator
beforeEach(() => {
  emulator = inProcess.emulator()
})

describe.each(GROUPS)('faults: %s', (group) => {
  const scenarios = FAULT_SCENARIOS.filter((scenario) => scenario.group === group)
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_, scenario) => {
    scenario.setup(emulator)
    const oidc = 'role-to-assume' in (scenario.inputs ?? {})
    const clock = new FakeClock()
    const started = clock.now()
    const result = await inProcess.step(
      { ...INPUTS, ...scenario.inputs },
      { ...(oidc ? {} : ENV_CREDENTIALS), ...scenario.env },
      clock
    )
    expectFaultHandled(
      scenario,
      {
        code: result.exitCode,
        stdout: result.log,
        stderr: '',
        outputs: result.outputs,
        summary: result.summary,
        annotations: parseAnnotations(result.log)
      },
      emulator
    )
    // The bound holds for the scaled run of dist/; unscaled, it is that bound over the scale.
    expect(clock.now() - started).toBeLessThan(scenario.withinMs / (scenario.timeScale ?? E2E_TIME_SCALE))
  })
})

describe('the scenarios that also run through dist/', () => {
  it('name scenarios that exist, and at least one of each group', () => {
    const names = new Set(FAULT_SCENARIOS.map((scenario: FaultScenario) => scenario.name))
    expect([...THROUGH_DIST].filter((name) => !names.has(name))).toEqual([])
    const represented = new Set(FAULT_SCENARIOS.filter((s) => THROUGH_DIST.has(s.name)).map((s) => s.group))
    expect([...represented].sort()).toEqual([...GROUPS].sort())
  })
})
