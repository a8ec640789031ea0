// The Clean Rooms ML client as the action uses it. The client itself is the SDK's shape (see
// src/cleanroomsml/); the action's policies reach it only through the SDK's extension points:
//   - retryStrategy: the action's RetryStrategyV2 (retry.ts): what is tried again, backoff, deadline;
//   - requestHandler: a NodeHttpHandler with requestTimeout and the environment's proxy (proxy.ts);
//   - customUserAgent: the action's name and version (user-agent.ts);
//   - middleware on client.middlewareStack: each attempt bounded on the injected clock by its timeout
//     and what is left of the deadline, the step's cancellation, and the clock-skew warning.
import { CleanRoomsMLClient, type CleanRoomsMLClientConfig } from '../cleanroomsml/index.js'
import type { HttpRequest } from '@smithy/core/protocols'
import {
  SMITHY_CONTEXT_KEY,
  type AwsCredentialIdentityProvider,
  type HttpHandlerOptions,
  type FinalizeHandler,
  type HandlerExecutionContext,
  type InitializeHandler,
  type MetadataBearer
} from '@smithy/types'
import type { Clock } from './clock.js'
import { requestHandlerFor } from './proxy.js'
import {
  attemptTimeout,
  reportedFailure,
  retryStrategy,
  runAttempt,
  type RetryNotice,
  type RetryPolicy
} from './retry.js'
import { USER_AGENT } from './user-agent.js'

export interface ClientOptions {
  region: string
  endpoint: string
  credentials: AwsCredentialIdentityProvider
  retryPolicy: RetryPolicy
  clock: Clock
  /** The step's cancellation: no request starts after it, and the one in flight is abandoned. */
  signal: AbortSignal
  onRetry?: (notice: RetryNotice) => void
  /** Told when AWS's answers show the runner's clock is off. */
  warnClock: (message: string) => void
  /** What sends the requests; by default a NodeHttpHandler for the endpoint (proxy.ts). */
  requestHandler?: CleanRoomsMLClientConfig['requestHandler']
}

export function createClient(options: ClientOptions): CleanRoomsMLClient {
  const { retryPolicy: policy } = options
  const attempts = new WeakMap<object, AbortSignal>()
  const client = new CleanRoomsMLClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    requestHandler: attemptAware(
      options.requestHandler ?? requestHandlerFor(options.endpoint, policy.attemptTimeoutMs),
      attempts
    ),
    retryStrategy: retryStrategy({
      policy,
      clock: options.clock,
      signal: options.signal,
      ...(options.onRetry ? { onRetry: options.onRetry } : {})
    }),
    maxAttempts: policy.maxAttempts,
    customUserAgent: USER_AGENT
  })
  client.middlewareStack.add(callMiddleware(client, options), {
    step: 'initialize',
    priority: 'high',
    name: 'actionCallMiddleware'
  })
  client.middlewareStack.add(attemptMiddleware(options, attempts), {
    step: 'finalizeRequest',
    priority: 'low',
    name: 'actionAttemptMiddleware'
  })
  return client
}

type RequestHandler = NonNullable<CleanRoomsMLClientConfig['requestHandler']>

/**
 * The request handler, aborting each request also when its attempt ends (a timeout, a cancellation),
 * so that no socket outlives the attempt the middleware abandoned. Its errors are made the client's
 * own: the SDK's retry middleware keeps only the enumerable members of an error of another realm
 * (Node's, under some test sandboxes), which drops the `errors` of Node's AggregateError, by which
 * a network failure is named.
 */
function attemptAware(handler: RequestHandler, attempts: WeakMap<object, AbortSignal>): RequestHandler {
  return Object.assign(Object.create(handler) as RequestHandler, {
    handle: (request: HttpRequest, options: HttpHandlerOptions = {}) => {
      const attempt = attempts.get(request)
      const own = options.abortSignal as AbortSignal | undefined
      const abortSignal = attempt && own ? AbortSignal.any([attempt, own]) : (attempt ?? own)
      return handler
        .handle(request, { ...options, ...(abortSignal ? { abortSignal: abortSignal as never } : {}) })
        .catch((error: unknown) => {
          throw ownRealm(error)
        })
    }
  })
}

function ownRealm(error: unknown): unknown {
  if (error instanceof Error || typeof error !== 'object' || error === null) return error
  const { message, name, code, errors } = error as {
    message?: unknown
    name?: unknown
    code?: unknown
    errors?: unknown
  }
  return Object.assign(
    new Error(String(message)),
    error,
    typeof name === 'string' ? { name } : {},
    code !== undefined ? { code } : {},
    Array.isArray(errors) ? { errors } : {}
  )
}

/** When a call's first attempt started, for the deadline of its later attempts. */
const CALL_STARTED = Symbol('callStarted')
/** How the call's last attempt failed. */
const LAST_FAILURE = Symbol('lastFailure')

type CallContext = HandlerExecutionContext & { [CALL_STARTED]?: number; [LAST_FAILURE]?: unknown }

/**
 * Each attempt, signed and about to be sent: none after the step's cancellation, and each abandoned
 * at its timeout on the clock, or when what is left of the deadline runs out (the request handler's
 * requestTimeout ends its socket).
 */
function attemptMiddleware(
  { clock, signal, retryPolicy: policy }: ClientOptions,
  attempts: WeakMap<object, AbortSignal>
) {
  return (
      next: FinalizeHandler<object, MetadataBearer>,
      context: CallContext
    ): FinalizeHandler<object, MetadataBearer> =>
    (args) => {
      signal.throwIfAborted()
      const started = (context[CALL_STARTED] ??= clock.now())
      const timeout = attemptTimeout(policy, clock.now() - started)
      const attempt = runAttempt(
        (abort) => {
          // The request handler reads it: the request itself is aborted when the attempt ends.
          attempts.set(args.request as object, abort)
          return next(args)
        },
        timeout,
        clock,
        signal
      )
      return attempt.catch((error: unknown) => {
        const previous = context[LAST_FAILURE]
        context[LAST_FAILURE] = error
        // An attempt the deadline cut short is the last one.
        throw reportedFailure(error, previous, timeout, policy)
      })
    }
}

/**
 * The whole call: a cancellation (the step's, or the call's own abortSignal) is reported as such,
 * not as whatever it interrupted; and a clock that AWS's answers corrected is told once.
 */
function callMiddleware(client: CleanRoomsMLClient, { signal, warnClock }: ClientOptions) {
  return (
      next: InitializeHandler<object, MetadataBearer>,
      context: HandlerExecutionContext
    ): InitializeHandler<object, MetadataBearer> =>
    async (args) => {
      const offset = client.config.systemClockOffset
      try {
        return await next(args)
      } catch (error) {
        const own = (context[SMITHY_CONTEXT_KEY] as { abortSignal?: AbortSignal } | undefined)?.abortSignal
        if (signal.aborted) throw signal.reason
        if (own?.aborted) throw own.reason
        throw error
      } finally {
        const corrected = client.config.systemClockOffset
        if (corrected !== offset) {
          warnClock(
            `The runner's clock is ${describeOffset(corrected)} AWS's clock; requests are now signed with AWS's time. ` +
              "Correct the runner's clock (for example with NTP)."
          )
        }
      }
    }
}

function describeOffset(offsetMs: number): string {
  // AWS's Date header has whole seconds: the offset is told to the minute.
  const seconds = Math.round(Math.abs(offsetMs) / 1000)
  const text = seconds >= 90 ? `about ${Math.round(seconds / 60)} min` : `about ${seconds} s`
  return offsetMs > 0 ? `${text} behind` : `${text} ahead of`
}
