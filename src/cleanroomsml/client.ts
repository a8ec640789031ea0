// A Clean Rooms ML client with the configuration and behaviour of @aws-sdk/client-cleanroomsml's
// CleanRoomsMLClient, built from the same Smithy parts: the Client/Command classes and middleware
// stack, the SDK's retry middleware (which takes any RetryStrategyV2), SigV4 signing of each attempt
// with the clock-skew correction AWS SDKs make, and @smithy/node-http-handler. What a caller adds
// (a retry policy, timeouts, logging) comes in through the SDK's own extension points.
import { Sha256 } from '@aws-crypto/sha256-js'
import { Client, normalizeProvider } from '@smithy/core/client'
import type { HttpRequest } from '@smithy/core/protocols'
import { getRetryPlugin, resolveRetryConfig } from '@smithy/core/retry'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { SignatureV4 } from '@smithy/signature-v4'
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  EndpointV2,
  FinalizeHandler,
  HttpHandlerOptions,
  HttpResponse,
  Logger,
  MetadataBearer,
  Provider,
  RetryStrategy,
  RetryStrategyV2,
  UserAgent
} from '@smithy/types'

/** What sends a request: @smithy/node-http-handler by default, any HttpHandler of the same shape otherwise. */
export interface CleanRoomsMLRequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>
  destroy?(): void
}

/** The members of the official client's configuration that this client reads. */
export interface CleanRoomsMLClientConfig {
  /** The Region, or a FIPS pseudo-Region such as `fips-us-east-1`, which signs as its real Region. */
  region?: string | Provider<string>
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider
  /** The endpoint. Unlike the official client, this one does not resolve one from the Region. */
  endpoint?: string | EndpointV2 | Provider<EndpointV2>
  requestHandler?: CleanRoomsMLRequestHandler
  /** How failed attempts are retried: the SDK's retry middleware asks it before each retry. */
  retryStrategy?: RetryStrategyV2 | RetryStrategy
  /** Attempts in all, for the default strategy (3, as in the SDK). */
  maxAttempts?: number | Provider<number>
  logger?: Logger
  /** Milliseconds added to the machine's time when signing; corrected from AWS's answers, as in the SDK. */
  systemClockOffset?: number
  /** Added to the User-Agent of every request. */
  customUserAgent?: string | UserAgent
}

export interface CleanRoomsMLClientResolvedConfig {
  region: Provider<string>
  credentials: AwsCredentialIdentityProvider
  endpoint: Provider<EndpointV2>
  requestHandler: CleanRoomsMLRequestHandler
  retryStrategy: Provider<RetryStrategyV2 | RetryStrategy>
  maxAttempts: Provider<number>
  logger?: Logger
  systemClockOffset: number
  customUserAgent?: UserAgent
  apiVersion: string
}

const SIGNING_NAME = 'cleanrooms-ml'

function missing(what: string): never {
  throw Object.assign(new Error(`${what} is missing from the CleanRoomsMLClient configuration.`), {
    name: 'ConfigurationError'
  })
}

function resolveEndpoint(endpoint: CleanRoomsMLClientConfig['endpoint']): Provider<EndpointV2> {
  if (endpoint === undefined) return () => missing('endpoint')
  if (typeof endpoint === 'string') {
    const url = new URL(endpoint)
    return () => Promise.resolve({ url })
  }
  return normalizeProvider(endpoint)
}

function userAgentOf(custom: string | UserAgent | undefined): UserAgent | undefined {
  if (custom === undefined) return undefined
  return typeof custom === 'string' ? [[custom]] : custom
}

function resolveConfig(config: CleanRoomsMLClientConfig): CleanRoomsMLClientResolvedConfig {
  const customUserAgent = userAgentOf(config.customUserAgent)
  const retry = resolveRetryConfig({
    retryMode: 'standard',
    ...(config.maxAttempts !== undefined ? { maxAttempts: config.maxAttempts } : {}),
    ...(config.retryStrategy ? { retryStrategy: config.retryStrategy } : {}),
    ...(config.logger ? { logger: config.logger } : {})
  })
  return {
    region: config.region === undefined ? () => missing('region') : normalizeProvider(config.region),
    credentials:
      config.credentials === undefined ? () => missing('credentials') : normalizeProvider(config.credentials),
    endpoint: resolveEndpoint(config.endpoint),
    requestHandler: config.requestHandler ?? new NodeHttpHandler({ connectionTimeout: 5_000 }),
    retryStrategy: retry.retryStrategy,
    maxAttempts: retry.maxAttempts,
    ...(config.logger ? { logger: config.logger } : {}),
    systemClockOffset: config.systemClockOffset ?? 0,
    ...(customUserAgent ? { customUserAgent } : {}),
    apiVersion: '2023-09-06'
  }
}

export class CleanRoomsMLClient extends Client<
  HttpHandlerOptions,
  object,
  MetadataBearer,
  CleanRoomsMLClientResolvedConfig
> {
  constructor(...[configuration]: [CleanRoomsMLClientConfig] | []) {
    const config = resolveConfig(configuration ?? {})
    super(config)
    this.middlewareStack.use(getRetryPlugin(config))
    this.middlewareStack.addRelativeTo(signingMiddleware(config), {
      name: 'httpSigningMiddleware',
      relation: 'after',
      toMiddleware: 'retryMiddleware'
    })
    this.middlewareStack.add(userAgentMiddleware(config), { step: 'build', name: 'userAgentMiddleware' })
  }
}

/** `user-agent` and `x-amz-user-agent` name the client and whatever the caller added. */
function userAgentMiddleware(config: CleanRoomsMLClientResolvedConfig) {
  const pairs: UserAgent = [
    ['lang/js'],
    ['md/nodejs', process.versions.node],
    ['api/cleanroomsml'],
    ...(config.customUserAgent ?? [])
  ]
  const text = pairs.map(([name, version]) => (version ? `${name}#${version}` : name)).join(' ')
  return (next: FinalizeHandler<object, MetadataBearer>): FinalizeHandler<object, MetadataBearer> =>
    (args) => {
      const request = args.request as HttpRequest
      request.headers['user-agent'] = text
      request.headers['x-amz-user-agent'] = text
      return next(args)
    }
}

/** How far apart two clocks may be before a signature is refused (AWS allows 5 minutes). */
const SKEW_TOLERANCE_MS = 4 * 60_000

/** Errors AWS answers when a signature's date is too far from its clock (the SDKs' list). */
const CLOCK_SKEW_ERRORS = new Set([
  'AuthFailure',
  'InvalidSignatureException',
  'RequestExpired',
  'RequestInTheFuture',
  'RequestTimeTooSkewed',
  'SignatureDoesNotMatch'
])

/**
 * Signs each attempt afresh with the machine's time plus the offset. As the AWS SDKs do: when AWS
 * refuses a signature for its date and its `Date` header shows the offset is wrong, the offset is
 * corrected for later requests and the error is marked `$metadata.clockSkewCorrected`, which the
 * SDK's retry strategies (and the classifiers of @smithy/core/retry) take as worth one more attempt.
 */
function signingMiddleware(config: CleanRoomsMLClientResolvedConfig) {
  return (next: FinalizeHandler<object, MetadataBearer>): FinalizeHandler<object, MetadataBearer> =>
    async (args) => {
      const region = await config.region()
      const signer = new SignatureV4({
        service: SIGNING_NAME,
        // A FIPS pseudo-Region signs as its real Region, as in AWS SDKs.
        region: region.replace(/^fips-|-fips$/, ''),
        credentials: config.credentials,
        sha256: Sha256
      })
      const signingDate = new Date(Date.now() + config.systemClockOffset)
      const signed = await signer.sign(args.request as HttpRequest, { signingDate })
      try {
        return await next({ ...args, request: signed })
      } catch (error) {
        correctClockSkew(config, error)
        throw error
      }
    }
}

function correctClockSkew(config: CleanRoomsMLClientResolvedConfig, error: unknown): void {
  const failure = error as { name?: unknown; $response?: HttpResponse; $metadata?: Record<string, unknown> } | null
  const serverDate = failure?.$response?.headers['date']
  if (typeof failure?.name !== 'string' || !CLOCK_SKEW_ERRORS.has(failure.name) || serverDate === undefined) return
  const serverTime = Date.parse(serverDate)
  const offset = serverTime - Date.now()
  if (Number.isNaN(serverTime) || Math.abs(offset - config.systemClockOffset) < SKEW_TOLERANCE_MS) return
  config.systemClockOffset = offset
  failure.$metadata = { ...failure.$metadata, clockSkewCorrected: true }
}
