// The runner cancels a step with SIGINT, then SIGTERM, and kills it about 10 s later. Either
// signal aborts the one AbortSignal that every phase of the step is handed (the OIDC request,
// STS, the default credential chain, every Clean Rooms ML call, every backoff and the wait), so
// nothing new starts after it and whatever is in flight is abandoned at once.
import * as log from './log.js'

/** The reason every phase sees when the runner cancels the step; its name is the `error-type`. */
export class StepCancelled extends Error {
  override readonly name = 'StepCancelled'
  constructor(readonly signal: NodeJS.Signals) {
    super(`The runner cancelled the step (${signal}).`)
  }
}

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
    controller.abort(new StepCancelled(signal))
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
