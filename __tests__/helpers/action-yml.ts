// action.yml, the one list of the action's inputs and outputs: tests that go through every input or
// output read them from it, so a new one is never left out.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const ACTION = parse(readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8')) as ActionYml

/** Every input action.yml declares, in its order. */
export const INPUT_NAMES: readonly string[] = Object.keys(ACTION.inputs)

/** Every output action.yml declares, in its order. */
export const OUTPUT_NAMES: readonly string[] = Object.keys(ACTION.outputs)
