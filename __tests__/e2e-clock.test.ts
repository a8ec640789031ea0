// End to end: a runner whose clock is 20 minutes off. The emulator's clock is moved the other way
// (emulator.clockOffsetMs), so AWS refuses the first signature as AWS does, with its Date header;
// the action corrects its clock from that header, says so once, and signs every later request
// (the wait's included) with AWS's time.
import { startEmulator, type Emulator } from '../emulator/index.js'
import { readAsRunner } from './helpers/runner-commands.js'
import { EMULATOR_CREDENTIALS, runAction, runnerEnv } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = {
  ...VALID_INPUTS,
  name: 'clock-audience',
  'role-to-assume': 'arn:aws:iam::123456789012:role/deploy',
  'wait-for-completion': 'true'
}
const MINUTE = 60_000

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
})
afterAll(async () => emulator.close())
beforeEach(() => emulator.reset())
afterEach(() => {
  emulator.clockOffsetMs = 0
})

describe("a runner's clock 20 minutes off AWS's is corrected from AWS's Date header", () => {
  it.each([
    ['behind', 20 * MINUTE],
    ['ahead of', -20 * MINUTE]
  ])("runner %s AWS's clock", async (words, offset) => {
    emulator.clockOffsetMs = offset
    const result = await runAction({
      inputs: INPUTS,
      env: { ...runnerEnv(emulator), CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01' }
    })
    expect(result.code).toBe(0)
    const count = (operation: string): number =>
      emulator.requests.filter((request) => request.operation === operation).length
    // One refused start, then every request signed with AWS's time: no other request is refused.
    expect([count('StartAudienceGenerationJob'), count('GetAudienceGenerationJob')]).toEqual([2, 2])
    expect(result.outputs['status']).toBe('ACTIVE')
    const warnings = readAsRunner(result.stdout).commands.filter((command) => command.name === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.data).toContain(`The runner's clock is about 20 min ${words} AWS's clock`)
  })
})
