// A small Clean Rooms ML client on AWS's own building blocks: the Smithy Client/Command
// classes and middleware stack, SigV4 from @smithy/signature-v4 (re-signed on every
// attempt), and @smithy/node-http-handler. Its names match @aws-sdk/client-cleanroomsml.
import { Sha256 } from '@aws-crypto/sha256-js'
import { Client, Command } from '@smithy/core/client'
import type { HttpRequest } from '@smithy/core/protocols'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { SignatureV4 } from '@smithy/signature-v4'
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  FinalizeHandler,
  FinalizeHandlerArguments,
  Handler,
  HttpHandlerOptions,
  HttpResponse,
  Logger,
  MiddlewareStack
} from '@smithy/types'
import type { MetadataBearer } from './models.js'
import { metadataOf, parseSuccess, toHttpRequest, type HttpOperation } from './protocol.js'
import { regionOf } from './regions.js'

/** The SigV4 signing name of Clean Rooms ML. */
export const SIGNING_NAME = 'cleanrooms-ml'

/** The options of one call's attempts. */
export interface RetryCall {
  /** The call's own abortSignal: no attempt starts, and none goes on, once it aborts. */
  signal?: AbortSignal
  /** Told each backoff before it is slept, for `$metadata.totalRetryDelay`. */
  onRetry?: (delayMs: number) => void
}

/**
 * Runs the attempts of one call, each with a signal of its own that aborts it, until one succeeds
 * or the strategy gives up and throws the last error. The SDK's token-based strategies sleep on the
 * machine's timers and bound no attempt; this one is handed in, so that the caller decides which
 * errors are tried again, the backoff, each attempt's timeout, a deadline and a cancellation.
 */
export interface RetryStrategy {
  retry<T>(attempt: (signal: AbortSignal) => Promise<T>, call: RetryCall): Promise<T>
}

/** Without a strategy, each call makes one attempt, bounded only by the call's own abortSignal. */
const SINGLE_ATTEMPT: RetryStrategy = {
  retry: (attempt, call) => {
    call.signal?.throwIfAborted()
    return attempt(call.signal ?? new AbortController().signal)
  }
}

export interface CleanRoomsMLClientConfig {
  region: string
  /** The resolved endpoint URL. */
  endpoint: string
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
  retryStrategy?: RetryStrategy
  requestHandler?: RequestHandler
  /**
   * Milliseconds added to the machine's time when signing, as the SDK's `systemClockOffset`:
   * AWS rejects a signature dated more than 5 minutes from its own clock.
   */
  systemClockOffset?: number
  /** Where the client reports what a user should know (a runner's clock that is off). */
  logger?: Pick<Logger, 'warn'>
}

/** What sends a request: @smithy/node-http-handler in the action, a fake in unit tests. */
export interface RequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>
  destroy?(): void
}

export interface CleanRoomsMLClientResolvedConfig {
  region: string
  endpoint: URL
  signer: SignatureV4
  retryStrategy: RetryStrategy
  requestHandler: RequestHandler
  systemClockOffset: number
  logger?: Pick<Logger, 'warn'>
  apiVersion: string
}

function resolveConfig(config: CleanRoomsMLClientConfig): CleanRoomsMLClientResolvedConfig {
  return {
    region: config.region,
    endpoint: new URL(config.endpoint),
    signer: new SignatureV4({
      service: SIGNING_NAME,
      // A FIPS pseudo-Region signs as its real Region, as in AWS SDKs.
      region: regionOf(config.region).region,
      credentials: config.credentials,
      sha256: Sha256
    }),
    retryStrategy: config.retryStrategy ?? SINGLE_ATTEMPT,
    requestHandler: config.requestHandler ?? new NodeHttpHandler({ connectionTimeout: 5_000 }),
    systemClockOffset: config.systemClockOffset ?? 0,
    ...(config.logger ? { logger: config.logger } : {}),
    apiVersion: '2023-09-06'
  }
}

export class CleanRoomsMLClient extends Client<object, object, MetadataBearer, CleanRoomsMLClientResolvedConfig> {
  constructor(config: CleanRoomsMLClientConfig) {
    super(resolveConfig(config))
  }
}

/** Per-call state shared by the middleware of one operation. */
interface CallContext {
  /** The call's own `abortSignal`, which stops the whole call. */
  stop: AbortSignal | undefined
  /** The current attempt's signal, which also fires at that attempt's timeout. */
  signal?: AbortSignal
  /** The `Date` header of the last answer: AWS's time, for correcting the runner's clock. */
  serverDate: string | undefined
}

/**
 * Base of every operation: serializes the input, retries (each attempt signed afresh,
 * with its own timeout), sends, and deserializes the answer.
 */
export abstract class CleanRoomsMLCommand<Input extends object, Output extends MetadataBearer> extends Command<
  Input,
  Output,
  CleanRoomsMLClientResolvedConfig
> {
  constructor(readonly input: Input) {
    super()
  }

  protected abstract serialize(input: Input): HttpOperation

  /** Every operation here answers a JSON object whose members are the output's, as restJson1 has it. */
  protected async deserialize(response: HttpResponse): Promise<Output> {
    const data = await parseSuccess(response)
    return { ...data, $metadata: metadataOf(response) } as unknown as Output
  }

  resolveMiddleware(
    clientStack: MiddlewareStack<object, MetadataBearer>,
    config: CleanRoomsMLClientResolvedConfig,
    options?: HttpHandlerOptions
  ): Handler<Input, Output> {
    const stack = clientStack.concat(this.middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>)
    const call: CallContext = {
      stop: options?.abortSignal as AbortSignal | undefined,
      serverDate: undefined
    }
    stack.add(
      (next) => (args) =>
        next({ ...args, request: toHttpRequest(config.endpoint, this.serialize(args.input as Input)) }),
      { step: 'serialize', name: 'serializerMiddleware' }
    )
    stack.add(retryMiddleware(config, call), { step: 'finalizeRequest', name: 'retryMiddleware', priority: 'high' })
    stack.add(signingMiddleware(config, call), { step: 'finalizeRequest', name: 'awsAuthMiddleware', priority: 'low' })
    stack.add(
      (next) => async (args) => {
        const { response } = await next(args)
        return { response, output: await this.deserialize(response as HttpResponse) }
      },
      { step: 'deserialize', name: 'deserializerMiddleware' }
    )
    const send = async (args: FinalizeHandlerArguments<object>) => {
      const options = call.signal ? { abortSignal: call.signal } : {}
      const answer = await config.requestHandler.handle(args.request as HttpRequest, options)
      call.serverDate = answer.response.headers['date']
      return answer
    }
    return stack.resolve(send as unknown as FinalizeHandler<object, MetadataBearer>, {
      clientName: 'CleanRoomsMLClient',
      commandName: this.constructor.name
    }) as unknown as Handler<Input, Output>
  }
}

function retryMiddleware(config: CleanRoomsMLClientResolvedConfig, call: CallContext) {
  return (next: FinalizeHandler<object, MetadataBearer>): FinalizeHandler<object, MetadataBearer> =>
    async (args) => {
      let attempts = 0
      let totalRetryDelay = 0
      const result = await config.retryStrategy.retry(
        (signal) => {
          attempts++
          call.signal = signal
          // A fresh copy per attempt, so that each is signed with its own date.
          return next({ ...args, request: (args.request as HttpRequest).clone() })
        },
        {
          onRetry: (delayMs) => {
            totalRetryDelay += delayMs
          },
          ...(call.stop ? { signal: call.stop } : {})
        }
      )
      result.output.$metadata = { ...result.output.$metadata, attempts, totalRetryDelay }
      return result
    }
}

function signingMiddleware(config: CleanRoomsMLClientResolvedConfig, call: CallContext) {
  return (next: FinalizeHandler<object, MetadataBearer>): FinalizeHandler<object, MetadataBearer> =>
    async (args) => {
      // Signed with the machine's time (corrected by the offset), whatever clock paces the
      // retries: AWS compares the signature's date with its own clock.
      const signingDate = new Date(Date.now() + config.systemClockOffset)
      const signed = await config.signer.sign(args.request as HttpRequest, { signingDate })
      call.serverDate = undefined
      try {
        return await next({ ...args, request: signed })
      } catch (error) {
        correctClockSkew(config, error, call.serverDate)
        throw error
      }
    }
}

/** Errors AWS answers when a signature's date is too far from its clock (the SDKs' list). */
const CLOCK_SKEW_ERRORS = new Set([
  'AuthFailure',
  'InvalidSignatureException',
  'RequestExpired',
  'RequestInTheFuture',
  'RequestTimeTooSkewed',
  'SignatureDoesNotMatch'
])

/** How far apart two clocks may be before a signature is refused (AWS allows 5 minutes). */
const SKEW_TOLERANCE_MS = 4 * 60_000

/**
 * As the AWS SDKs do: when AWS refuses a signature for its date and its own `Date` header shows
 * the runner's clock is off, later requests are signed with AWS's time, and the error is marked
 * `$metadata.clockSkewCorrected` so that the retry logic tries it again.
 */
function correctClockSkew(config: CleanRoomsMLClientResolvedConfig, error: unknown, serverDate: string | undefined) {
  const name = (error as { name?: unknown } | null)?.name
  if (typeof name !== 'string' || !CLOCK_SKEW_ERRORS.has(name) || serverDate === undefined) return
  const serverTime = Date.parse(serverDate)
  const offset = serverTime - Date.now()
  if (Number.isNaN(serverTime) || Math.abs(offset - config.systemClockOffset) < SKEW_TOLERANCE_MS) return
  config.systemClockOffset = offset
  const bearer = error as { $metadata?: Record<string, unknown> }
  bearer.$metadata = { ...bearer.$metadata, clockSkewCorrected: true }
  config.logger?.warn(
    `The runner's clock is ${describeOffset(offset)} AWS's clock; requests are now signed with AWS's time. ` +
      "Correct the runner's clock (for example with NTP)."
  )
}

function describeOffset(offsetMs: number): string {
  // AWS's Date header has whole seconds: the offset is told to the minute.
  const seconds = Math.round(Math.abs(offsetMs) / 1000)
  const text = seconds >= 90 ? `about ${Math.round(seconds / 60)} min` : `about ${seconds} s`
  return offsetMs > 0 ? `${text} behind` : `${text} ahead of`
}
