// restJson1 on the wire: how each operation becomes an HTTP request, and how an HTTP
// response becomes an output object or one of the modelled exceptions.
import { extendedEncodeURIComponent, HttpRequest, loadRestJsonErrorCode } from '@smithy/core/protocols'
import type { HttpResponse } from '@smithy/types'
import {
  AccessDeniedException,
  CleanRoomsMLServiceException,
  ConflictException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException
} from './errors.js'
import type { ResponseMetadata } from './models.js'

/** Answers larger than this are not read: no answer of these operations comes near it. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024

export interface HttpOperation {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  query?: Record<string, string>
  body?: unknown
}

/** Builds the HTTP request for an operation against an endpoint URL (which may carry a base path). */
export function toHttpRequest(endpoint: URL, operation: HttpOperation): HttpRequest {
  const basePath = endpoint.pathname.replace(/\/+$/, '')
  const headers: Record<string, string> = { host: endpoint.host }
  let body: string | undefined
  if (operation.body !== undefined) {
    body = JSON.stringify(operation.body)
    headers['content-type'] = 'application/json'
  }
  return new HttpRequest({
    method: operation.method,
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    path: `${basePath}${operation.path}`,
    query: operation.query ?? {},
    headers,
    ...(body !== undefined ? { body } : {})
  })
}

/** A path label, percent-encoded as restJson1 requires (`:` and `/` included). */
export function pathLabel(value: string): string {
  return extendedEncodeURIComponent(value)
}

export function metadataOf(response: HttpResponse): ResponseMetadata {
  const requestId = response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id']
  return { httpStatusCode: response.statusCode, ...(requestId ? { requestId } : {}) }
}

/** Reads the whole body as text, refusing answers larger than MAX_RESPONSE_BYTES. */
async function readBody(response: HttpResponse): Promise<string> {
  const body: unknown = response.body
  if (body === undefined || body === null) return ''
  if (typeof body === 'string') return body
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const buffer = Buffer.from(chunk)
    size += buffer.length
    if (size > MAX_RESPONSE_BYTES) {
      throw new CleanRoomsMLServiceException({
        name: 'ResponseTooLarge',
        $fault: 'server',
        $metadata: metadataOf(response),
        message: `The service's answer exceeded ${MAX_RESPONSE_BYTES} bytes and was not read.`
      })
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Parses a 2xx answer into a plain object, or throws when it is not one. */
export async function parseSuccess(response: HttpResponse): Promise<Record<string, unknown>> {
  if (response.statusCode < 200 || response.statusCode > 299) throw await parseError(response)
  const data = parseJson(await readBody(response))
  if (!isObject(data)) {
    throw new CleanRoomsMLServiceException({
      name: 'MalformedResponse',
      $fault: 'server',
      $metadata: metadataOf(response),
      message: 'The service answered with a body that is not a JSON object.'
    })
  }
  return data
}

const MODELLED_EXCEPTIONS = {
  AccessDeniedException,
  ConflictException,
  ResourceNotFoundException,
  ThrottlingException,
  ValidationException
} as const

/** Characters of a body that is not JSON kept in an error's message: a proxy's reason fits. */
export const BODY_EXCERPT_CHARS = 300

/** Text of a body that is not JSON, its markup and runs of white space removed, bounded. */
function excerptOf(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const kept = [...plain].slice(0, BODY_EXCERPT_CHARS).join('')
  return kept.length < plain.length ? `${kept}…` : kept
}

/**
 * What an error answer said when its body gives no message, for example a proxy's
 * `HTTP 403: Forbidden: request blocked by proxy policy`: the status, the status line's
 * reason, and an excerpt of a body that is not JSON.
 */
function describeAnswer(response: HttpResponse, text: string, json: boolean): string {
  const reason = response.reason?.trim()
  const excerpt = json ? '' : excerptOf(text)
  return [`HTTP ${response.statusCode}`, reason, excerpt].filter((part) => part).join(': ')
}

function messageOf(data: Record<string, unknown>): string | undefined {
  const message = data['message'] ?? data['Message']
  return typeof message === 'string' ? message : undefined
}

/** Turns an error answer into the exception it names (restJson1 error rules), or a generic one. */
async function parseError(response: HttpResponse): Promise<CleanRoomsMLServiceException> {
  let text = ''
  try {
    text = await readBody(response)
  } catch {
    // An unreadable error body still has a status and perhaps a type header.
  }
  const parsed = parseJson(text)
  const data = isObject(parsed) ? parsed : {}
  const code: string | undefined = loadRestJsonErrorCode(response, data)
  const message = messageOf(data) ?? describeAnswer(response, text, parsed !== undefined)
  const options = { $metadata: metadataOf(response), message }
  if (code === 'ServiceQuotaExceededException') {
    const { quotaName, quotaValue } = data
    return new ServiceQuotaExceededException({
      ...options,
      ...(typeof quotaName === 'string' ? { quotaName } : {}),
      ...(typeof quotaValue === 'number' ? { quotaValue } : {})
    })
  }
  if (code !== undefined && code in MODELLED_EXCEPTIONS) {
    return new MODELLED_EXCEPTIONS[code as keyof typeof MODELLED_EXCEPTIONS](options)
  }
  return new CleanRoomsMLServiceException({
    name: code ?? `HTTP${response.statusCode}`,
    $fault: response.statusCode >= 500 ? 'server' : 'client',
    ...options
  })
}
