// AWS credentials for the call: the workflow's GitHub OIDC token exchanged with STS
// AssumeRoleWithWebIdentity when role-to-assume is set, or with role-chaining, STS AssumeRole
// signed with the environment's credentials; otherwise the AWS SDK's default chain itself (for
// example keys exported by an earlier configure-aws-credentials step).
// Every secret is masked the moment it exists, before anything can print it.
import { defaultProvider } from '@aws-sdk/credential-provider-node'
import { fromWebToken } from '@aws-sdk/credential-provider-web-identity'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts'
import { partition } from '@aws-sdk/util-endpoints'
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import type { HttpRequest } from '@smithy/core/protocols'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpHandlerOptions } from '@smithy/types'
import type { Clock } from './clock.js'
import { stsEndpointOverride } from './endpoints.js'
import type { CredentialSettings, Environment } from '../inputs/settings.js'
import { requestHandlerFor } from './proxy.js'
import { ActionError, isErrorLike } from '../report/error-types.js'
import { maskCredentials } from './secrets.js'
import { USER_AGENT } from './user-agent.js'
import { requestIdToken } from './oidc.js'
import { withRetries, type RetryNotice, type RetryOptions, type RetryPolicy } from './retry.js'

export interface CredentialContext {
  region: string
  env: Environment
  clock: Clock
  retryPolicy: RetryPolicy
  onRetry?: (notice: RetryNotice) => void
  signal?: AbortSignal
}

/** Temporary credentials are renewed this long before they expire. */
const RENEWAL_MARGIN_MS = 5 * 60_000

/**
 * Gets credentials now, so that a failure is reported before anything starts, and returns a
 * provider that renews them before they expire: a wait may outlast a role session (6 hours
 * against the default hour), and every check of the job must still be signed.
 */
export async function resolveCredentials(
  settings: CredentialSettings,
  context: CredentialContext
): Promise<AwsCredentialIdentityProvider> {
  const fetch = async (): Promise<AwsCredentialIdentity> => {
    const credentials =
      settings.source === 'oidc'
        ? await assumeRoleWithOidc(settings, context)
        : settings.source === 'chained'
          ? await assumeRoleChained(settings, context)
          : await fromDefaultChain(context)
    maskCredentials(credentials)
    return credentials
  }
  let current = await fetch()
  return async () => {
    const expiration = current.expiration?.getTime()
    if (expiration !== undefined && expiration - context.clock.now() < RENEWAL_MARGIN_MS) current = await fetch()
    return current
  }
}

/**
 * The SDK's chain, bounded like every other request: each attempt runs the chain with an STS
 * client (web identity, as on EKS runners) of one attempt whose request the attempt's timeout
 * aborts; the chain's other sources, which take no signal, are abandoned at that moment. The
 * retries, their timing and the deadline are the action's own.
 */
async function fromDefaultChain(context: CredentialContext): Promise<AwsCredentialIdentity> {
  try {
    return await withStsAttempts(context, (clientConfig) => defaultProvider({ clientConfig })())
  } catch (error) {
    if ((error as Error).name === 'CredentialsProviderError') {
      throw new ActionError('CredentialsNotFound', 'No AWS credentials were found.')
    }
    throw error
  }
}

/** What each attempt's STS client is given: one attempt, whose requests the attempt's signal aborts. */
interface StsAttemptConfig {
  region: string
  maxAttempts: number
  requestHandler: NodeHttpHandler
  customUserAgent: string
}

/**
 * Runs `call` with the action's retries, their timing and deadline: each attempt gets an STS client
 * configuration of one attempt, so the SDK retries nothing itself. No socket of those clients outlives
 * the call.
 */
async function withStsAttempts<T>(
  context: CredentialContext,
  call: (clientConfig: StsAttemptConfig) => Promise<T>
): Promise<T> {
  const handler = requestHandlerFor(stsUrl(context), context.retryPolicy.attemptTimeoutMs)
  try {
    return await withRetries(
      (signal) =>
        call({
          region: context.region,
          maxAttempts: 1,
          requestHandler: abortingWith(handler, signal),
          customUserAgent: USER_AGENT
        }),
      retryOptions(context)
    )
  } finally {
    handler.destroy()
  }
}

/** The configured STS endpoint, for the clients the action builds itself. */
function stsEndpoint(context: CredentialContext): { endpoint?: string } {
  const endpoint = stsEndpointOverride(context.env)
  return endpoint ? { endpoint } : {}
}

/** The workflow's OIDC token; only a job with `permissions: id-token: write` can request one. */
async function getOidcToken(audience: string, context: CredentialContext): Promise<string> {
  if (!context.env['ACTIONS_ID_TOKEN_REQUEST_URL'] || !context.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
    throw new ActionError(
      'MissingIdTokenPermission',
      "role-to-assume needs the workflow's OIDC token, but this job cannot request one."
    )
  }
  return requestIdToken(audience, context.env, retryOptions(context))
}

function retryOptions(context: CredentialContext): RetryOptions {
  return {
    policy: context.retryPolicy,
    clock: context.clock,
    ...(context.onRetry ? { onRetry: context.onRetry } : {}),
    ...(context.signal ? { signal: context.signal } : {})
  }
}

async function assumeRoleWithOidc(
  settings: Extract<CredentialSettings, { source: 'oidc' }>,
  context: CredentialContext
): Promise<AwsCredentialIdentity> {
  const webIdentityToken = await getOidcToken(settings.audience, context)
  return withStsAttempts(context, (clientConfig) =>
    fromWebToken({
      roleArn: settings.roleArn,
      roleSessionName: settings.roleSessionName,
      durationSeconds: settings.durationSeconds,
      webIdentityToken,
      clientConfig: { ...clientConfig, ...stsEndpoint(context) }
    })()
  )
}

/**
 * Role chaining: role-to-assume assumed with STS AssumeRole, signed with the credentials already in the
 * environment. They are read again for every session, so that a source that renews itself (an instance
 * or container role) is current when a long wait renews the chained session.
 */
async function assumeRoleChained(
  settings: Extract<CredentialSettings, { source: 'chained' }>,
  context: CredentialContext
): Promise<AwsCredentialIdentity> {
  const source = await chainingSource(context)
  const input = {
    RoleArn: settings.roleArn,
    RoleSessionName: settings.roleSessionName,
    DurationSeconds: settings.durationSeconds,
    ...(settings.externalId !== undefined ? { ExternalId: settings.externalId } : {})
  }
  const answer = await withStsAttempts(context, (clientConfig) =>
    new STSClient({ ...clientConfig, ...stsEndpoint(context), credentials: source }).send(new AssumeRoleCommand(input))
  )
  const issued = answer.Credentials
  if (!issued?.AccessKeyId || !issued.SecretAccessKey) {
    throw new ActionError('MalformedResponse', 'STS AssumeRole answered without credentials.')
  }
  return {
    accessKeyId: issued.AccessKeyId,
    secretAccessKey: issued.SecretAccessKey,
    ...(issued.SessionToken ? { sessionToken: issued.SessionToken } : {}),
    ...(issued.Expiration ? { expiration: issued.Expiration } : {})
  }
}

/** The credentials chaining starts from, masked: an instance or container role's are not in the environment. */
async function chainingSource(context: CredentialContext): Promise<AwsCredentialIdentity> {
  let source: AwsCredentialIdentity
  try {
    source = await fromDefaultChain(context)
  } catch (error) {
    if (isErrorLike(error) && error.name === 'CredentialsNotFound') {
      throw new ActionError(
        'CredentialsNotFound',
        'role-chaining: true assumes role-to-assume with AWS credentials already in the environment, but none were found.'
      )
    }
    throw error
  }
  maskCredentials(source)
  return source
}

/** Where STS requests go: the configured endpoint, or the Region's own, as the STS client resolves it. */
function stsUrl(context: CredentialContext): string {
  return stsEndpointOverride(context.env) ?? `https://sts.${context.region}.${partition(context.region).dnsSuffix}`
}

/**
 * The STS client is built by fromWebToken and is handed no signal; its request handler is
 * wrapped instead, so an attempt's timeout or the step's cancellation aborts the request itself.
 */
function abortingWith(handler: NodeHttpHandler, signal: AbortSignal): NodeHttpHandler {
  return Object.assign(Object.create(handler) as NodeHttpHandler, {
    handle: (request: HttpRequest, options?: HttpHandlerOptions) =>
      handler
        .handle(request, { ...options, abortSignal: signal as NonNullable<HttpHandlerOptions['abortSignal']> })
        .catch((error: unknown) => {
          throw ownRealm(error)
        })
  })
}

/**
 * The SDK keeps only the text of an error that is not an `Error` of its own realm (Node's errors
 * are of another realm under some test sandboxes): a copy keeps Node's code and address, by
 * which a network failure is named.
 */
function ownRealm(error: unknown): unknown {
  if (error instanceof Error || typeof error !== 'object' || error === null) return error
  const { message, name } = error as { message?: unknown; name?: unknown }
  return Object.assign(new Error(String(message)), error, typeof name === 'string' ? { name } : {})
}
