// What went wrong, in words a workflow author can act on: one annotation per failure, titled
// with the exception's name, carrying the service's message, the request id and a hint for
// that kind of failure. Classification is by name and HTTP status, never by message text.
import type { Environment, Settings } from '../inputs/settings.js'
import { inline } from '../log.js'
import { hintFor, isErrorLike, type ErrorFacts, type ErrorType } from './error-types.js'
import type { Phase, StepState } from './progress.js'

export interface Failure {
  /** The exception name, reported in the `error-type` output: a type of the table, or the service's own. */
  errorType: ErrorType | (string & {})
  title: string
  /** Which phase of the step failed, in words: "Getting AWS credentials failed". */
  failedStep: string
  /** The annotation: what happened, its details, and what to do. */
  message: string
  /** What happened, as the service or the action said it. */
  reason: string
  /** What to do about it; empty when there is nothing to add. */
  hint: string
  requestId?: string
}

/** Node's codes for a connection that could not be made or was lost. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE'
])

interface NodeNetworkError {
  code?: unknown
  hostname?: unknown
  address?: unknown
  port?: unknown
  /** Node's connection attempts to each address of a host, when there were several. */
  errors?: NodeNetworkError[]
}

/** A network failure, named as such with Node's code and the host it tried, whichever client met it. */
function networkFacts(error: NodeNetworkError): { code: string; host?: string } | undefined {
  const cause = typeof error.code === 'string' ? error : error.errors?.[0]
  if (!cause || typeof cause.code !== 'string' || !NETWORK_ERROR_CODES.has(cause.code)) return undefined
  const host =
    typeof cause.hostname === 'string'
      ? cause.hostname
      : typeof cause.address === 'string'
        ? `${cause.address}${typeof cause.port === 'number' ? `:${cause.port}` : ''}`
        : undefined
  return { code: cause.code, ...(host ? { host } : {}) }
}

/**
 * What the proxy's tunnel request met, added by aws/proxy.ts to the failure the toolkit's tunnel
 * agent reports (which names every one ECONNRESET): the proxy's host:port (never its credentials),
 * the host:port the tunnel was for, and Node's code or the proxy's HTTP status.
 */
export interface ProxyFailure {
  proxy: string
  target: string
  /** Whether the proxy's URL has credentials: a 407 then means the proxy refused them. */
  hasCredentials: boolean
  code?: string
  status?: number
}

function proxyFailureOf(error: unknown): ProxyFailure | undefined {
  const facts = (error as { proxyFailure?: Partial<ProxyFailure> }).proxyFailure
  return typeof facts?.proxy === 'string' && typeof facts.target === 'string' ? (facts as ProxyFailure) : undefined
}

/** What the proxy did, in words; the status, if any, is among the annotation's details. */
function proxyMessage(facts: ProxyFailure): string {
  const tunnel = facts.target ? ` to ${facts.target}` : ''
  if (facts.code !== undefined) return `The connection to the proxy ${facts.proxy} failed: ${facts.code}.`
  if (facts.status === 407) {
    return facts.hasCredentials
      ? `The proxy ${facts.proxy} refused the credentials of the proxy URL for the connection${tunnel}.`
      : `The proxy ${facts.proxy} asks for credentials, and the proxy URL has none.`
  }
  return `The proxy ${facts.proxy} refused the connection${tunnel}.`
}

/** The name and message of a network failure, a proxy's included; undefined for any other error. */
function networkMessage(error: Error): { name: string; message: string } | undefined {
  const proxy = proxyFailureOf(error)
  if (proxy) {
    const name: ErrorType = proxy.status === 407 ? 'ProxyAuthenticationRequired' : 'NetworkError'
    return { name, message: proxyMessage(proxy) }
  }
  const network = networkFacts(error as NodeNetworkError)
  if (!network) return undefined
  return {
    name: 'NetworkError',
    message: `The connection${network.host ? ` to ${network.host}` : ''} failed: ${network.code}.`
  }
}

function factsOf(error: unknown): ErrorFacts {
  if (!isErrorLike(error)) return { name: 'Error', message: String(error) }
  const network = networkMessage(error)
  const meta = (error as { $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number } }).$metadata
  const extra = error as { quotaName?: unknown; quotaValue?: unknown }
  return {
    name: network ? network.name : error.name,
    message: network ? network.message : error.message,
    ...(meta?.httpStatusCode !== undefined ? { status: meta.httpStatusCode } : {}),
    ...(meta?.requestId ? { requestId: meta.requestId } : {}),
    ...(meta?.attempts !== undefined ? { attempts: meta.attempts } : {}),
    ...(typeof extra.quotaName === 'string' ? { quotaName: extra.quotaName } : {}),
    ...(typeof extra.quotaValue === 'number' ? { quotaValue: extra.quotaValue } : {})
  }
}

function details(facts: ErrorFacts): string {
  const parts = [
    ...(facts.status !== undefined ? [`HTTP ${facts.status}`] : []),
    ...(facts.requestId ? [`request id ${facts.requestId}`] : []),
    ...(facts.attempts !== undefined ? [`${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'}`] : [])
  ]
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

const PHASES: Record<Phase, string> = {
  credentials: 'Getting AWS credentials',
  start: 'Starting the audience generation job',
  reuse: 'Finding the existing job to reuse',
  replace: 'Replacing the failed job of the same name',
  wait: 'Waiting for the audience generation job',
  quality: 'Checking the audience quality'
}

/** Describes a failure of the step, for one error annotation and the `error-type` output. */
export function describeFailure(error: unknown, settings: Settings, env: Environment, progress: StepState): Failure {
  const facts = factsOf(error)
  const doing = PHASES[progress.phase]
  const hint = hintFor({ facts, settings, env, progress })
  const serviceMessage = facts.message.trim() || 'no message'
  return {
    errorType: facts.name,
    // The name may be the service's: a title is one line.
    title: `${inline(facts.name)}: ${doing} failed`,
    failedStep: `${doing} failed`,
    message: `${serviceMessage}${details(facts)}${hint ? `\n${hint}` : ''}`,
    reason: serviceMessage,
    hint,
    ...(facts.requestId ? { requestId: facts.requestId } : {})
  }
}
