// A small HTTP proxy on 127.0.0.1 for tests of the action behind a proxy. It serves plain
// requests (an absolute URL) and CONNECT tunnels, and routes every name under example.test to
// the same port on 127.0.0.1: names that nothing resolves, so a request that does not go
// through the proxy fails, while @actions/http-client's rule of going direct to loopback
// names does not apply.
import { createServer, request as httpRequest } from 'node:http'
import { connect, type Socket } from 'node:net'

export interface ProxiedRequest {
  method: string
  /** host:port as asked of the proxy. */
  target: string
  proxyAuthorization: string | undefined
}

export interface TestProxy {
  url: string
  readonly requests: ProxiedRequest[]
  close: () => Promise<void>
}

const ROUTED = /^[a-z0-9-]+\.example\.test$/

export interface ProxyOptions {
  /** Answers 407 to every request without this Proxy-Authorization header, as a proxy with credentials does. */
  proxyAuthorization?: string
  /** Accepts connections and never answers a CONNECT request. */
  silent?: boolean
  /** Called with each request as it arrives. */
  onRequest?: (request: ProxiedRequest) => void
}

/** The Proxy-Authorization header of basic credentials. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxiedRequest[] = []
  const record = (request: ProxiedRequest): void => {
    requests.push(request)
    options.onRequest?.(request)
  }
  const authorized = (header: string | undefined): boolean =>
    options.proxyAuthorization === undefined || header === options.proxyAuthorization
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/')
    record({
      method: req.method ?? '',
      target: target.host,
      proxyAuthorization: req.headers['proxy-authorization']
    })
    if (!authorized(req.headers['proxy-authorization'])) {
      return void res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"' }).end()
    }
    if (!ROUTED.test(target.hostname)) return void res.writeHead(502).end()
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    record({ method: 'CONNECT', target, proxyAuthorization: req.headers['proxy-authorization'] })
    if (options.silent) return
    if (!authorized(req.headers['proxy-authorization'])) {
      return void client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n'
      )
    }
    const [host = '', port = ''] = target.split(':')
    if (!ROUTED.test(host)) return void client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
    const upstream = connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** The same URL with its host renamed under example.test, for example cleanrooms.example.test. */
export function routedUrl(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.hostname = `${name}.example.test`
  return parsed.href.replace(/\/$/, url.endsWith('/') ? '/' : '')
}
