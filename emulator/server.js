import { runFault } from './faults.js'
import { readBody } from './transport.js'

/**
 * One HTTP server per fake service. Every request is recorded before anything else
 * happens (so tests can assert on what the client sent even when the answer is a fault),
 * then either the next queued fault or the service itself answers.
 *
 * A service is `{ name, operationOf(request), handle(request), renderError(fault) }`,
 * where `handle` resolves to `{ status, headers, body }` and never writes to the socket:
 * that keeps the protocol logic separate from the fault machinery, which may send the
 * same answer slowly, late, or not at all.
 */

function safeDecode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%20'))
  } catch {
    return s
  }
}

/** Query string as an object of decoded values (a repeated name keeps its last value). */
export function parseQuery(rawQuery) {
  const query = {}
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = safeDecode(eq === -1 ? part : part.slice(0, eq))
    query[name] = eq === -1 ? '' : safeDecode(part.slice(eq + 1))
  }
  return query
}

/** Everything a service needs to know about a request, raw forms kept for SigV4. */
function describe(req, body) {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const rawPath = q === -1 ? url : url.slice(0, q)
  const rawQuery = q === -1 ? '' : url.slice(q + 1)
  return {
    method: req.method ?? 'GET',
    url,
    rawPath,
    rawQuery,
    query: parseQuery(rawQuery),
    headers: { ...req.headers },
    rawHeaders: [...req.rawHeaders],
    body,
    bodyText: body.toString('utf8')
  }
}

function record(request, service, operation) {
  return {
    service,
    operation,
    method: request.method,
    path: request.rawPath,
    url: request.url,
    query: request.query,
    headers: request.headers,
    body: request.bodyText,
    time: Date.now()
  }
}

/**
 * Start the server of one service.
 * @param {object} service see the module comment
 * @param {{transport: import('./transport.js').Transport, faults: import('./faults.js').FaultQueue, requests: object[]}} ctx
 * @returns {Promise<string>} base URL
 */
export function serve(service, ctx) {
  return ctx.transport.listen((req, res) => {
    dispatch(service, ctx, req, res).catch((err) => {
      if (!ctx.transport.gone(res)) {
        ctx.transport.send(res, service.renderError({ status: 500, message: String(err?.message ?? err) }))
      }
    })
  })
}

async function dispatch(service, ctx, req, res) {
  const request = describe(req, await readBody(req))
  const operation = service.operationOf(request)
  const recorded = record(request, service.name, operation)
  ctx.requests.push(recorded)
  const perform = async () => {
    try {
      return await service.handle(request)
    } catch (err) {
      return service.renderError({ status: 500, message: String(err?.message ?? err) })
    }
  }
  const fault = ctx.faults.take(service.name, operation)
  ctx.onRequest?.(recorded, fault)
  if (!fault) return ctx.transport.send(res, await perform())
  return runFault(fault, {
    res,
    transport: ctx.transport,
    perform,
    renderError: (f) => service.renderError(f)
  })
}
