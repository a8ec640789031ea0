// The process boundary: reads the process environment and the time scale once and hands them to run(),
// listens for the runner's signals, and ends the process. (run() reads the environment itself only when
// a local runner calls it with no argument.)
import * as log from './log.js'
import { cancelOnRunnerSignals } from './aws/cancellation.js'
import { run } from './main.js'
import { EXIT_FAILURE } from './report/progress.js'
import { parseTimeScale, TIME_SCALE_VARIABLE } from './aws/timing.js'

/** How long the process may outlive its work, for example on the socket of an abandoned request. */
const EXIT_GRACE_MS = 500

function timeScale(env: NodeJS.ProcessEnv): number {
  const scale = parseTimeScale(env[TIME_SCALE_VARIABLE])
  if (scale !== undefined) return scale
  log.info(`${TIME_SCALE_VARIABLE} is not a number in (0, 1]; it is ignored.`)
  return 1
}

const env = { ...process.env }
const cancellation = cancelOnRunnerSignals()
run({ env, timeScale: timeScale(env), signal: cancellation.signal })
  .then((exitCode) => {
    process.exitCode = exitCode
  })
  .catch((error: unknown) => {
    // run() annotates every failure itself; this is the last guard against a stack trace.
    log.error(String((error as Error)?.message ?? error), { title: 'Unexpected failure' })
    process.exitCode = EXIT_FAILURE
  })
  .finally(() => {
    cancellation.dispose()
    // The exit code is set, never process.exit() at once: that could cut off output a slow reader
    // has not taken yet. Only what is left hanging after the grace period is cut short.
    setTimeout(() => process.stdout.write('', () => process.exit()), EXIT_GRACE_MS).unref()
  })
