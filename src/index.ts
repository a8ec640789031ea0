// The action's entry point. The explicit exit ends the step as soon as the work is done,
// even if a socket to an unresponsive endpoint is still open.
import * as core from '@actions/core'
import { run } from './main.js'

run().then(
  () => process.exit(),
  (error: unknown) => {
    // run() annotates every failure itself; this is the last guard against a stack trace.
    core.error(String((error as Error)?.message ?? error), { title: 'Unexpected failure' })
    process.exit(1)
  }
)
