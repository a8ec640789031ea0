// Proxies, as a self-hosted runner behind one needs them: HTTPS_PROXY, HTTP_PROXY and NO_PROXY
// (upper or lower case) apply to every request the action makes, with the rules and the proxy
// agents of @actions/http-client, which the OIDC request already uses. Loopback names always go
// direct, as the toolkit decides.
import type { Agent } from 'node:http'
import { getProxyUrl, HttpClient } from '@actions/http-client'
import { NodeHttpHandler } from '@smithy/node-http-handler'

/** The agent for requests to `url` through the proxy the environment names, or undefined to go direct. */
function proxyAgentFor(url: string): Agent | undefined {
  if (!usesProxy(url)) return undefined
  const agent = new HttpClient('cleanrooms-ml-audience-generation-action').getAgent(url) as Agent & {
    sockets?: unknown
  }
  // The toolkit's tunnelling agent has no destroy(), without which NodeHttpHandler would take it
  // for options; destroying it ends the tunnels it holds.
  if (typeof agent.destroy !== 'function') {
    agent.destroy = () => {
      for (const socket of Array.isArray(agent.sockets) ? (agent.sockets as { destroy?: () => void }[]) : []) {
        socket.destroy?.()
      }
    }
  }
  return agent
}

/** Whether requests to `url` go through a proxy: said in the log, never with the proxy's address. */
export function usesProxy(url: string): boolean {
  return getProxyUrl(url) !== ''
}

/**
 * An HTTP handler for AWS requests to `url`, through the environment's proxy where it applies. Its
 * requestTimeout ends a request (and its socket) that outlasts an attempt, whatever abandoned it.
 */
export function requestHandlerFor(url: string, attemptTimeoutMs: number): NodeHttpHandler {
  const agent = proxyAgentFor(url)
  return new NodeHttpHandler({
    connectionTimeout: Math.min(5_000, attemptTimeoutMs),
    requestTimeout: attemptTimeoutMs,
    throwOnRequestTimeout: true,
    ...(agent ? (url.startsWith('https:') ? { httpsAgent: agent } : { httpAgent: agent }) : {})
  })
}
