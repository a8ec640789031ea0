// The action's inputs by name, and INPUT_ variables that look meant for one of them but are not its
// name as the runner writes it. A step run by hand (`env INPUT_DRY_RUN=true node dist/index.js`, or
// `with: dry_run: true`) would otherwise have that input silently ignored.
/** Every input action.yml declares (a test compares the two). */
export const INPUT_NAMES = [
  'name',
  'configured-audience-model-arn',
  'seed-audience-role-arn',
  'seed-audience-s3-uri',
  'seed-audience-sql-query',
  'seed-audience-sql-query-file',
  'seed-audience-analysis-template-arn',
  'seed-audience-sql-parameters',
  'sql-compute-worker-type',
  'sql-compute-worker-count',
  'sql-compute-spark-properties',
  'include-seed-in-output',
  'collaboration-id',
  'description',
  'tags',
  'aws-region',
  'role-to-assume',
  'audience',
  'role-session-name',
  'role-duration-seconds',
  'role-chaining',
  'role-external-id',
  'mask-aws-account-id',
  'wait-for-completion',
  'wait-timeout-seconds',
  'min-recall-metric',
  'min-relevance-score',
  'relevance-audience-size',
  'if-exists',
  'dry-run'
] as const

export type InputName = (typeof INPUT_NAMES)[number]

/** The variable the runner passes an input in (as @actions/core's getInput reads it). */
export function variableOf(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

export interface MistypedInput {
  /** The variable as set, which the action does not read. */
  variable: string
  /** The input it looks meant for. */
  input: InputName
  value: string
}

/** Read with any case and `_` for `-`: how a mistyped variable still names its input. */
function looseName(variable: string): string {
  return variable.toUpperCase().replace(/_/g, '-')
}

const EXACT = new Set<string>(INPUT_NAMES.map(variableOf))
const LOOSE = new Map<string, InputName>(INPUT_NAMES.map((input) => [looseName(variableOf(input)), input]))

/**
 * INPUT_ variables that are no input's variable but would be one read with `_` as `-` (and any case):
 * INPUT_DRY_RUN for dry-run. Sorted, so that the warnings read the same on every run.
 */
export function mistypedInputs(env: Record<string, string | undefined>): MistypedInput[] {
  return Object.entries(env)
    .filter(([variable]) => /^input_/i.test(variable) && !EXACT.has(variable))
    .flatMap(([variable, value]) => {
      const input = LOOSE.get(looseName(variable))
      return input && value !== undefined ? [{ variable, input, value }] : []
    })
    .sort((a, b) => (a.variable < b.variable ? -1 : a.variable > b.variable ? 1 : 0))
}
