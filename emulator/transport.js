import http from 'node:http'

/**
 * HTTP plumbing shared by the three fake services: servers bound to 127.0.0.1 only,
 * every socket and timer tracked so that close() leaves nothing behind (jest reports
 * open handles otherwise), and the ways of answering that faults need (slowly, not at
 * all, or by cutting the connection).
 */
export class Transport {
  /** @param {{delayMs?: number, now?: () => number}} options now: the clock the Date header reads */
  constructor({ delayMs = 0, now = () => Date.now() } = {}) {
    this.delayMs = delayMs
    this.now = now
    this.closed = false
    this.servers = new Set()
    this.sockets = new Set()
    this.timers = new Set()
  }

  /**
   * Start a server on a random free port of 127.0.0.1.
   * @param {(req: http.IncomingMessage, res: http.ServerResponse) => void} handler
   * @returns {Promise<string>} the base URL, `http://127.0.0.1:PORT`
   */
  async listen(handler) {
    const server = http.createServer(handler)
    server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    this.servers.add(server)
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', resolve)
    })
    return `http://127.0.0.1:${server.address().port}`
  }

  /**
   * A timer that close() can cancel.
   * @returns {Promise<boolean>} false when the emulator closed before the time was up
   */
  sleep(ms) {
    if (this.closed) return Promise.resolve(false)
    if (!(ms > 0)) return Promise.resolve(true)
    return new Promise((resolve) => {
      const entry = { resolve, timer: undefined }
      entry.timer = setTimeout(() => {
        this.timers.delete(entry)
        resolve(true)
      }, ms)
      this.timers.add(entry)
    })
  }

  /** True when nothing more can or should be written to `res`. */
  gone(res) {
    return this.closed || res.destroyed || res.writableEnded
  }

  /** The Date header, from the emulator's clock: clients correct their clock skew from it. */
  dateHeader() {
    return { date: new Date(this.now()).toUTCString() }
  }

  /** Answer with `{status, headers, body}` after the configured global latency. */
  async send(res, response) {
    if (!(await this.sleep(this.delayMs)) || this.gone(res)) return
    const body = toBuffer(response.body)
    res.writeHead(response.status, { ...this.dateHeader(), ...response.headers, 'content-length': body.length })
    res.end(body)
  }

  /** Answer exactly as given (a status line's reason too), adding only a length so the client can frame the body. */
  async sendRaw(res, { status = 200, reason, headers = {}, body = '' }) {
    if (!(await this.sleep(this.delayMs)) || this.gone(res)) return
    const buffer = toBuffer(body)
    const names = Object.keys(headers).map((h) => h.toLowerCase())
    const framed = names.includes('content-length') || names.includes('transfer-encoding')
    res.sendDate = false
    const allHeaders = framed ? headers : { ...headers, 'content-length': buffer.length }
    if (reason === undefined) res.writeHead(status, allHeaders)
    else res.writeHead(status, reason, allHeaders)
    res.end(buffer)
  }

  /** Send the status line and headers at once, then the body one byte per interval. */
  async trickle(res, response, intervalMs) {
    if (!(await this.sleep(this.delayMs)) || this.gone(res)) return
    const body = toBuffer(response.body)
    res.writeHead(response.status, { ...this.dateHeader(), ...response.headers, 'content-length': body.length })
    res.flushHeaders()
    for (const byte of body) {
      if (!(await this.sleep(intervalMs)) || this.gone(res)) return
      res.write(Buffer.of(byte))
    }
    res.end()
  }

  /** Drop the connection with a TCP reset, as a lost response looks to the client. */
  reset(res) {
    const socket = res.socket
    if (!socket || socket.destroyed) return
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
    else socket.destroy()
  }

  /** Stop every server, cancel pending timers and destroy every open socket. */
  async close() {
    this.closed = true
    for (const entry of this.timers) {
      clearTimeout(entry.timer)
      entry.resolve(false)
    }
    this.timers.clear()
    const closing = [...this.servers].map((server) => new Promise((resolve) => server.close(() => resolve())))
    for (const server of this.servers) server.closeAllConnections()
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    await Promise.all(closing)
    this.servers.clear()
  }
}

function toBuffer(body) {
  if (body === undefined || body === null) return Buffer.alloc(0)
  return Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8')
}

/** Read the whole request body. */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
