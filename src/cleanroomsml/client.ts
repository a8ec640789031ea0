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
  MiddlewareStack
} from '@smithy/types'
import { systemClock, type Clock } from '../clock.js'
import { regionOf } from '../regions.js'
import { withRetries, type RetryNotice, type RetryPolicy } from '../retry.js'
import { DEFAULT_RETRY_POLICY } from '../timing.js'
import type { MetadataBearer } from './models.js'
import { toHttpRequest, type HttpOperation } from './protocol.js'

/** The SigV4 signing name of Clean Rooms ML. */
export const SIGNING_NAME = 'cleanrooms-ml'

export interface CleanRoomsMLClientConfig {
  region: string
  /** The resolved endpoint URL (see endpoints.ts). */
  endpoint: string
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
  retryPolicy?: RetryPolicy
  clock?: Clock
  onRetry?: (notice: RetryNotice) => void
  /** Aborts every call in flight, for example when the runner cancels the step. */
  signal?: AbortSignal
  requestHandler?: RequestHandler
  /**
   * Milliseconds added to the machine's time when signing, as the SDK's `systemClockOffset`:
   * AWS rejects a signature dated more than 5 minutes from its own clock.
   */
  systemClockOffset?: number
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
  retryPolicy: RetryPolicy
  clock: Clock
  onRetry?: (notice: RetryNotice) => void
  signal?: AbortSignal
  requestHandler: RequestHandler
  systemClockOffset: number
  apiVersion: string
}

function resolveConfig(config: CleanRoomsMLClientConfig): CleanRoomsMLClientResolvedConfig {
  const retryPolicy = config.retryPolicy ?? DEFAULT_RETRY_POLICY
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
    retryPolicy,
    clock: config.clock ?? systemClock,
    ...(config.onRetry ? { onRetry: config.onRetry } : {}),
    ...(config.signal ? { signal: config.signal } : {}),
    requestHandler:
      config.requestHandler ??
      new NodeHttpHandler({ connectionTimeout: Math.min(5_000, retryPolicy.attemptTimeoutMs) }),
    systemClockOffset: config.systemClockOffset ?? 0,
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
  signal?: AbortSignal
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
  protected abstract deserialize(response: HttpResponse): Promise<Output>

  resolveMiddleware(
    clientStack: MiddlewareStack<object, MetadataBearer>,
    config: CleanRoomsMLClientResolvedConfig
  ): Handler<Input, Output> {
    const stack = clientStack.concat(this.middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>)
    const call: CallContext = {}
    stack.add(
      (next) => (args) =>
        next({ ...args, request: toHttpRequest(config.endpoint, this.serialize(args.input as Input)) }),
      { step: 'serialize', name: 'serializerMiddleware' }
    )
    stack.add(retryMiddleware(config, call), { step: 'finalizeRequest', name: 'retryMiddleware', priority: 'high' })
    stack.add(signingMiddleware(config), { step: 'finalizeRequest', name: 'awsAuthMiddleware', priority: 'low' })
    stack.add(
      (next) => async (args) => {
        const { response } = await next(args)
        return { response, output: await this.deserialize(response as HttpResponse) }
      },
      { step: 'deserialize', name: 'deserializerMiddleware' }
    )
    const send = async (args: FinalizeHandlerArguments<object>) => {
      const options = call.signal ? { abortSignal: call.signal } : {}
      return config.requestHandler.handle(args.request as HttpRequest, options)
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
      const result = await withRetries(
        (signal) => {
          attempts++
          call.signal = signal
          // A fresh copy per attempt, so that each is signed with its own date.
          return next({ ...args, request: (args.request as HttpRequest).clone() })
        },
        {
          policy: config.retryPolicy,
          clock: config.clock,
          onRetry: (notice) => {
            totalRetryDelay += notice.delayMs
            config.onRetry?.(notice)
          },
          ...(config.signal ? { signal: config.signal } : {})
        }
      )
      result.output.$metadata = { ...result.output.$metadata, attempts, totalRetryDelay }
      return result
    }
}

function signingMiddleware(config: CleanRoomsMLClientResolvedConfig) {
  return (next: FinalizeHandler<object, MetadataBearer>): FinalizeHandler<object, MetadataBearer> =>
    async (args) => {
      // Signed with the machine's time (corrected by the offset), whatever clock paces the
      // retries: AWS compares the signature's date with its own clock.
      const signingDate = new Date(Date.now() + config.systemClockOffset)
      const signed = await config.signer.sign(args.request as HttpRequest, { signingDate })
      return next({ ...args, request: signed })
    }
}
