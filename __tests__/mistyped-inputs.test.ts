// An INPUT_ variable the action does not read but that looks meant for one of its inputs
// (INPUT_DRY_RUN for dry-run: `env INPUT_DRY_RUN=true node dist/index.js`, or `with: dry_run: true`)
// is named in a warning before anything is sent; a dry run asked for that way starts nothing.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { INPUT_NAMES, mistypedInputs } from '../src/inputs/names.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const inProcess = inProcessSteps()
const step = inProcess.step

describe('the action knows every input action.yml declares', () => {
  it('lists the same inputs as action.yml, in its order', () => {
    const action = parseYaml(readFileSync(fileURLToPath(new URL('../action.yml', import.meta.url)), 'utf8')) as {
      inputs: Record<string, unknown>
    }
    expect([...INPUT_NAMES]).toEqual(Object.keys(action.inputs))
  })
})

describe('finding INPUT_ variables spelt otherwise than the runner spells them', () => {
  it('finds `_` for `-` and lower case, and leaves exact names and unrelated variables alone', () => {
    const env = {
      'INPUT_DRY-RUN': 'true',
      INPUT_DRY_RUN: 'true',
      INPUT_wait_for_completion: 'true',
      'input_if-exists': 'reuse',
      INPUT_NAME: 'job',
      INPUT_NOT_AN_INPUT: 'x',
      DRY_RUN: 'true',
      INPUT_ROLE_TO_ASSUME: undefined
    }
    expect(mistypedInputs(env)).toEqual([
      { variable: 'INPUT_DRY_RUN', input: 'dry-run', value: 'true' },
      { variable: 'INPUT_wait_for_completion', input: 'wait-for-completion', value: 'true' },
      { variable: 'input_if-exists', input: 'if-exists', value: 'reuse' }
    ])
  })
})

describe('a mistyped input variable is named before anything is sent', () => {
  it('refuses a dry run asked for as INPUT_DRY_RUN: an invalid dry-run, a warning, and no request', async () => {
    const result = await step({ ...VALID_INPUTS, dry_run: 'true' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(result.log).toMatch(/^::warning title=Input dry-run misspelt::INPUT_DRY_RUN is not an input/m)
    expect(result.log).toContain('dry-run is not set, but INPUT_DRY_RUN is ("true")')
    expect(inProcess.emulator().requests).toEqual([])
  })

  it('refuses any value but false there, since the step cannot tell what was meant', async () => {
    const result = await step({ ...VALID_INPUTS, dry_run: 'yes' }, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toBe('InvalidInput')
    expect(inProcess.emulator().requests).toEqual([])
  })

  it('only warns when dry-run itself is set: the input decides', async () => {
    const result = await step({ ...VALID_INPUTS, 'dry-run': 'true', dry_run: 'false' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.log).toContain('INPUT_DRY_RUN is not an input of this action and is ignored')
    expect(result.log).toContain('Dry run: every input is valid.')
  })

  it('launches as asked with INPUT_DRY_RUN=false, and says it was not read', async () => {
    const result = await step({ ...VALID_INPUTS, dry_run: 'false' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expect(result.outputs['created']).toBe('true')
    expect(result.log).toContain('the input dry-run is read from INPUT_DRY-RUN')
  })

  it('warns about any other input spelt with underscores, naming it, and carries on', async () => {
    const result = await step(
      { ...VALID_INPUTS, wait_for_completion: 'true', min_recall_metric: '0.9' },
      ENV_CREDENTIALS
    )
    expect(result.exitCode).toBe(0)
    const warnings = result.log.split('\n').filter((line) => line.startsWith('::warning'))
    expect(warnings).toEqual([
      expect.stringMatching(/^::warning title=Input min-recall-metric misspelt::INPUT_MIN_RECALL_METRIC is not/),
      expect.stringMatching(/^::warning title=Input wait-for-completion misspelt::INPUT_WAIT_FOR_COMPLETION is not/)
    ])
    // The log's first line, written before the first request.
    expect(result.log.split('\n')[0]).toMatch(/^::warning title=Input min-recall-metric misspelt::/)
    expect(result.outputs['status']).toBeUndefined()
  })
})
