// The runner cancels a step with SIGINT, then SIGTERM, and kills it about 10 s later. Either
// signal aborts the one AbortSignal that every phase of the step is handed (the OIDC request,
// STS, the default credential chain, every Clean Rooms ML call, every backoff and the wait), so
// nothing new starts after it and whatever is in flight is abandoned at once.
import * as log from '../log.js'
import { ActionError } from '../report/error-types.js'

export interface Cancellation {
  signal: AbortSignal
  /** Stops listening, so that a signal after the step's end has its usual effect. */
  dispose: () => void
}

export function cancelOnRunnerSignals(): Cancellation {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    log.info(`Received ${signal}: stopping.`)
    // The reason every phase sees; its name is the `error-type`.
    controller.abort(new ActionError('StepCancelled', `The runner cancelled the step (${signal}).`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
