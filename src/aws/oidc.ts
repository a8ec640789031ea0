// The workflow's GitHub OIDC token, requested from the runner's token endpoint with
// @actions/http-client (which honours the runner's proxy settings). Requested here rather than
// with core.getIDToken so that a 5xx or a silent endpoint gets the same bounded retries,
// timeouts and classification by status as every AWS call, and a 4xx fails at once.
import { HttpClient, HttpClientError } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'
import type { Environment } from '../inputs/settings.js'
import { withRetries, type RetryOptions } from './retry.js'
import { ActionError } from '../report/error-types.js'
import { mask } from './secrets.js'
import { tunnelTimeoutFor, usesProxy, watchTunnels } from './proxy.js'

export async function requestIdToken(audience: string, env: Environment, options: RetryOptions): Promise<string> {
  const url = `${env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? ''}&audience=${encodeURIComponent(audience)}`
  const connectTimeoutMs = tunnelTimeoutFor(options.policy.attemptTimeoutMs)
  const token = await withRetries((signal) => requestOnce(url, env, signal, connectTimeoutMs), options)
  mask(token)
  return token
}

/**
 * One request, on a client of its own: @actions/http-client takes no AbortSignal, so an abort
 * (the attempt's timeout, or the step's cancellation) destroys that client's sockets instead.
 */
async function requestOnce(
  url: string,
  env: Environment,
  signal: AbortSignal,
  connectTimeoutMs: number
): Promise<string> {
  // Behind a proxy the client keeps its tunnelling agent only with keepAlive: so kept, it can be
  // made to say what the proxy did, and destroyed with the request (dispose() ends only a direct one).
  const proxied = usesProxy(url)
  const client = new HttpClient(
    'cleanrooms-ml-audience-generation-action',
    [new BearerCredentialHandler(env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '')],
    proxied ? { keepAlive: true } : undefined
  )
  const tunnels = proxied ? watchTunnels(client.getAgent(url), connectTimeoutMs) : undefined
  const onAbort = (): void => {
    client.dispose()
    tunnels?.destroy()
  }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    const response = await client.getJson<{ value?: unknown }>(url)
    if (typeof response.result?.value !== 'string' || response.result.value === '') {
      throw new ActionError('OidcTokenUnavailable', 'The GitHub OIDC token endpoint answered without a token.')
    }
    return response.result.value
  } catch (error) {
    if (error instanceof HttpClientError) {
      // The status lets the retry logic classify it: a 5xx is tried again, a 4xx is not.
      throw new ActionError(
        'OidcTokenUnavailable',
        `The GitHub OIDC token endpoint answered HTTP ${error.statusCode}.`,
        error.statusCode
      )
    }
    throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
    onAbort()
  }
}
