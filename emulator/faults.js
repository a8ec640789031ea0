/**
 * Scripted failures. Tests queue faults per (service, operation); each request of that
 * operation takes the next one, so a test can say "the first Get is throttled, the
 * second hangs, the third succeeds" without timing tricks.
 */

export const SERVICES = ['cleanrooms-ml', 'sts', 'oidc']

/** Which extra fields each fault kind needs to be meaningful. */
const KINDS = {
  error: () => undefined,
  reset: () => undefined,
  hang: () => undefined,
  raw: () => undefined,
  'store-then-reset': () => undefined,
  trickle: (f) => (f.intervalMs > 0 ? undefined : 'trickle needs intervalMs > 0'),
  delay: (f) => (f.ms >= 0 ? undefined : 'delay needs ms >= 0')
}

function checkFault(fault) {
  if (!fault || typeof fault !== 'object' || !Object.hasOwn(KINDS, fault.kind)) {
    throw new Error(
      `unknown fault kind ${JSON.stringify(fault?.kind)}; expected one of ${Object.keys(KINDS).join(', ')}`
    )
  }
  const problem = KINDS[fault.kind](fault)
  if (problem) throw new Error(problem)
}

export class FaultQueue {
  constructor() {
    this.queues = new Map()
  }

  static key(service, operation) {
    return `${service} ${operation}`
  }

  /** Queue faults, in order, for the next requests of `operation` on `service`. */
  add(service, operation, faults) {
    if (!SERVICES.includes(service)) {
      throw new Error(`unknown service ${JSON.stringify(service)}; expected one of ${SERVICES.join(', ')}`)
    }
    if (typeof operation !== 'string' || operation === '') throw new Error('operation must be a non-empty string')
    faults.forEach(checkFault)
    const key = FaultQueue.key(service, operation)
    this.queues.set(key, [...(this.queues.get(key) ?? []), ...faults.map((f) => ({ ...f }))])
  }

  /** The next fault for this request, removed from the queue, or undefined. */
  take(service, operation) {
    const queue = this.queues.get(FaultQueue.key(service, operation))
    return queue?.shift()
  }

  /** Faults still waiting, all of them or those of one operation: lets tests assert each was used. */
  pending(service, operation) {
    if (service !== undefined && operation !== undefined) {
      return this.queues.get(FaultQueue.key(service, operation))?.length ?? 0
    }
    let n = 0
    for (const [key, queue] of this.queues) {
      if (service === undefined || key.startsWith(`${service} `)) n += queue.length
    }
    return n
  }

  clear() {
    this.queues.clear()
  }
}

/**
 * Carry out one fault for a request.
 *
 * @param {object} fault one queued fault
 * @param {object} io {
 *   res, transport,
 *   perform: () => Promise<response>  (runs the operation for real),
 *   renderError: (fault) => response   (the service's own error format)
 * }
 */
export async function runFault(fault, { res, transport, perform, renderError }) {
  switch (fault.kind) {
    case 'error':
      return transport.send(res, renderError(fault))
    case 'reset':
      return transport.reset(res)
    case 'hang':
      // Keep the socket open; Transport.close() destroys it.
      return undefined
    case 'raw':
      return transport.sendRaw(res, fault)
    case 'trickle':
      return transport.trickle(res, await perform(), fault.intervalMs)
    case 'store-then-reset':
      await perform()
      return transport.reset(res)
    case 'delay':
      if (!(await transport.sleep(fault.ms))) return undefined
      return transport.send(res, await perform())
    default:
      throw new Error(`unknown fault kind ${fault.kind}`)
  }
}
