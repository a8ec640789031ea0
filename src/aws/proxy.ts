// Proxies, as a self-hosted runner behind one needs them: HTTPS_PROXY, HTTP_PROXY and NO_PROXY
// (upper or lower case) apply to every request the action makes, with the rules and the proxy
// agents of @actions/http-client, which the OIDC request already uses. Loopback names always go
// direct, as the toolkit decides.
import type { Agent, ClientRequest, IncomingMessage } from 'node:http'
import { getProxyUrl, HttpClient } from '@actions/http-client'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { ProxyFailure } from '../report/failures.js'

/** The toolkit's tunnelling agent (the `tunnel` package), as far as it is used here. */
interface TunnelAgent {
  destroy: () => void
  proxyOptions?: { host?: unknown; port?: unknown; proxyAuth?: unknown }
  request?: (options: { path?: unknown }) => ClientRequest
  createSocket?: (options: { request?: ClientRequest }, done: unknown) => void
  sockets?: unknown
}

/** How long a connection may take: a part of an attempt's time. */
function connectionTimeoutFor(attemptTimeoutMs: number): number {
  return Math.min(5_000, attemptTimeoutMs)
}

/**
 * How long a proxy may take to answer the tunnel request: at most half an attempt's time, so that
 * a silent proxy is named as such before the attempt itself times out.
 */
export function tunnelTimeoutFor(attemptTimeoutMs: number): number {
  return Math.min(5_000, Math.ceil(attemptTimeoutMs / 2))
}

/** The agent for requests to `url` through the proxy the environment names, or undefined to go direct. */
function proxyAgentFor(url: string, attemptTimeoutMs: number): Agent | undefined {
  if (!usesProxy(url)) return undefined
  const agent = new HttpClient('cleanrooms-ml-audience-generation-action').getAgent(url)
  return watchTunnels(agent, tunnelTimeoutFor(attemptTimeoutMs))
}

/** Whether requests to `url` go through a proxy: said in the log, never with the proxy's address. */
export function usesProxy(url: string): boolean {
  return getProxyUrl(url) !== ''
}

/** An HTTP handler for AWS requests to `url`, through the environment's proxy where it applies. */
export function requestHandlerFor(url: string, attemptTimeoutMs: number): NodeHttpHandler {
  const agent = proxyAgentFor(url, attemptTimeoutMs)
  return new NodeHttpHandler({
    connectionTimeout: connectionTimeoutFor(attemptTimeoutMs),
    ...(agent ? (url.startsWith('https:') ? { httpsAgent: agent } : { httpAgent: agent }) : {})
  })
}

/**
 * Prepares the toolkit's tunnelling agent for `agent`'s requests, and returns it. That agent has
 * no destroy(), without which NodeHttpHandler would take it for options: here destroying it ends
 * its tunnels and the tunnel requests in flight. It reports every failure of its CONNECT request
 * as `ECONNRESET`, keeping the real cause only in its message, and waits for the proxy without a
 * bound: here the failure it reports carries what happened (the proxy's host, never its
 * credentials, and Node's own code or the proxy's HTTP status) in fields that retries and the
 * annotation read, and a proxy that does not answer in `connectTimeoutMs` fails with ETIMEDOUT.
 */
export function watchTunnels(agent: Agent, connectTimeoutMs: number): Agent {
  const tunnel = agent as unknown as TunnelAgent
  const { createSocket, request } = tunnel
  if (typeof createSocket !== 'function' || typeof request !== 'function') return agent
  const proxy = proxyHost(tunnel)
  const hasCredentials = typeof tunnel.proxyOptions?.proxyAuth === 'string'
  const connecting = new Set<ClientRequest>()
  tunnel.destroy = () => {
    for (const connect of connecting) connect.destroy()
    for (const socket of Array.isArray(tunnel.sockets) ? (tunnel.sockets as { destroy?: () => void }[]) : []) {
      socket.destroy?.()
    }
  }
  let outer: ClientRequest | undefined
  // createSocket makes the CONNECT request synchronously, for the request in its options.
  tunnel.createSocket = function (this: TunnelAgent, options, done) {
    outer = options.request
    try {
      createSocket.call(this, options, done)
    } finally {
      outer = undefined
    }
  }
  tunnel.request = (options) => {
    const connect = request(options)
    connecting.add(connect)
    const facts: ProxyFailure = { proxy, target: typeof options.path === 'string' ? options.path : '', hasCredentials }
    const timer = setTimeout(() => {
      const silent = new Error(`No answer from the proxy within ${connectTimeoutMs} ms.`)
      connect.destroy(Object.assign(silent, { code: 'ETIMEDOUT' }))
    }, connectTimeoutMs)
    const settled = (): void => {
      clearTimeout(timer)
      connecting.delete(connect)
    }
    // Registered before the agent's own listeners, so the facts are known when it reports the failure.
    connect.once('error', (cause: NodeJS.ErrnoException & { errors?: NodeJS.ErrnoException[] }) => {
      settled()
      const code = cause.code ?? cause.errors?.[0]?.code
      if (typeof code === 'string') facts.code = code
    })
    connect.once('connect', (answer: IncomingMessage) => {
      settled()
      if (answer.statusCode !== 200) facts.status = answer.statusCode ?? 0
    })
    connect.once('close', settled)
    outer?.prependOnceListener('error', (error: Error) => describeTunnelFailure(error, facts))
    return connect
  }
  return agent
}

/** host:port of the agent's proxy: never its credentials, which the agent keeps apart. */
function proxyHost(agent: TunnelAgent): string {
  const { host, port } = agent.proxyOptions ?? {}
  const name = typeof host === 'string' ? host : 'the proxy'
  return (typeof port === 'string' && port !== '') || typeof port === 'number' ? `${name}:${port}` : name
}

/**
 * Gives the agent's `ECONNRESET` the real failure's classification: Node's code (ECONNREFUSED,
 * ENOTFOUND, ETIMEDOUT), retried like any network error; or the proxy's HTTP status, where a 407
 * (the proxy refused the credentials, or wants some) is its own error type, never retried.
 */
function describeTunnelFailure(error: Error, facts: ProxyFailure): void {
  if (facts.code === undefined && facts.status === undefined) return
  const described = error as Error & { code?: string; proxyFailure?: ProxyFailure; $metadata?: object }
  described.proxyFailure = facts
  if (facts.code !== undefined) {
    // The log of each retry names it; the code classifies it.
    described.name = 'NetworkError'
    described.code = facts.code
    return
  }
  delete described.code
  described.name = facts.status === 407 ? 'ProxyAuthenticationRequired' : 'NetworkError'
  described.$metadata = { httpStatusCode: facts.status }
}
