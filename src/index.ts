// The action's entry point. The explicit exit ends the step as soon as the work is done,
// even if a socket to an unresponsive endpoint is still open.
import { run } from './main.js'

run().then(
  () => process.exit(),
  (error: unknown) => {
    // run() annotates every failure itself; this is the last guard against a stack trace.
    process.stdout.write(`::error title=Unexpected failure::${(error as Error)?.message ?? String(error)}\n`)
    process.exit(1)
  }
)
