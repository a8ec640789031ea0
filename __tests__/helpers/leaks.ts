// Secrets must never reach what a workflow shows: the log, outputs or the job summary. The one
// place a secret may appear is the ::add-mask:: command that hides it.
import type { Emulator } from '../../emulator/index.js'
import { ENV_CREDENTIALS, type ActionRun } from './run-action.js'

/** Every secret a run could have seen: the emulator's tokens and keys, and the environment's. */
export function secretsOf(emulator: Emulator, extra: string[] = []): string[] {
  return [
    ...emulator.secrets(),
    ...emulator.issuedCredentials.map((credential) => credential.accessKeyId),
    ...Object.values(ENV_CREDENTIALS),
    ...extra
  ]
}

/** The secrets that appear anywhere outside a mask command. */
export function leaksIn(
  run: Pick<ActionRun, 'stdout' | 'stderr' | 'outputs' | 'summary'>,
  secrets: string[]
): string[] {
  const shown = [
    run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    run.stderr,
    JSON.stringify(run.outputs),
    run.summary
  ].join('\n')
  return secrets.filter((secret) => secret.length >= 4 && shown.includes(secret))
}
