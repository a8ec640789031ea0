import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * AWS Signature Version 4 verification, written from the published algorithm and not
 * from any SDK, so that a client bug in canonicalisation (path encoding, query sorting,
 * header folding, payload hash) shows up here as it would against AWS.
 */

const ALGORITHM = 'AWS4-HMAC-SHA256'
/** AWS refuses a signature dated more than 5 minutes from its own clock. */
export const MAX_SKEW_MS = 5 * 60 * 1000
const TOKEN_HEADER = 'x-amz-security-token'

export function sha256Hex(data) {
  return createHash('sha256').update(data).digest('hex')
}

function hmac(key, data) {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Za-z0-9-._~ is escaped. */
export function uriEscape(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * Canonical URI for every service but S3: remove empty and dot segments, then encode
 * the path as received once more (so a label sent as `%3A` is signed as `%253A`).
 */
export function canonicalUri(rawPath) {
  const segments = []
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : ''
  const normalized = `/${segments.join('/')}${trailing}`
  return uriEscape(normalized).replace(/%2F/g, '/')
}

/** Canonical query: decode what was sent, re-encode strictly, sort by name then value. */
export function canonicalQuery(rawQuery) {
  const pairs = []
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = safeDecode(eq === -1 ? part : part.slice(0, eq))
    const value = eq === -1 ? '' : safeDecode(part.slice(eq + 1))
    if (name.toLowerCase() === 'x-amz-signature') continue
    pairs.push([uriEscape(name), uriEscape(value)])
  }
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  return pairs.map(([k, v]) => `${k}=${v}`).join('&')
}

/** Header values as sent (Node's rawHeaders), repeated headers joined with commas. */
function headerValues(rawHeaders) {
  const values = new Map()
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase()
    const value = rawHeaders[i + 1]
      .replace(/[\r\n]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .trim()
    values.set(name, values.has(name) ? `${values.get(name)},${value}` : value)
  }
  return values
}

/** Parse `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(header) {
  if (typeof header !== 'string' || !header.startsWith(`${ALGORITHM} `)) return undefined
  const fields = {}
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=')
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  if (!fields.Credential || !fields.SignedHeaders || !fields.Signature) return undefined
  const [accessKeyId, date, region, service, terminator, ...rest] = fields.Credential.split('/')
  if (rest.length > 0 || !terminator) return undefined
  return {
    accessKeyId,
    scope: { date, region, service, terminator },
    signedHeaders: fields.SignedHeaders.split(';'),
    signature: fields.Signature
  }
}

function deny(status, type, message) {
  return { ok: false, status, type, message }
}

/** `20240102T030405Z` → epoch ms, or NaN when malformed. */
export function parseAmzDate(value) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '')
  if (!m) return Number.NaN
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
}

function amzDate(ms) {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function checkScope(scope, amzDateValue, region, service) {
  if (scope.date !== amzDateValue.slice(0, 8)) {
    return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDateValue.slice(0, 8)}', from '${amzDateValue}'.`
  }
  if (scope.region !== region)
    return `Credential should be scoped to a valid region. Expected '${region}', got '${scope.region}'.`
  if (scope.service !== service) return `Credential should be scoped to correct service: '${service}'.`
  if (scope.terminator !== 'aws4_request') {
    return `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'.`
  }
  return undefined
}

/** AWS's own words for a signature dated too far from its clock, or undefined when it is not. */
export function checkClock(amzDateValue, now) {
  const signedAt = parseAmzDate(amzDateValue)
  if (signedAt < now - MAX_SKEW_MS) {
    return `Signature expired: ${amzDateValue} is now earlier than ${amzDate(now - MAX_SKEW_MS)} (${amzDate(now)} - 5 min.)`
  }
  if (signedAt > now + MAX_SKEW_MS) {
    return `Signature not yet current: ${amzDateValue} is still later than ${amzDate(now + MAX_SKEW_MS)} (${amzDate(now)} + 5 min.)`
  }
  return undefined
}

/** Temporary credentials only work with their own session token, and only until they expire. */
function checkCredential(credential, token, now) {
  const invalid = 'The security token included in the request is invalid.'
  if (!credential) return deny(403, 'UnrecognizedClientException', invalid)
  if ((credential.sessionToken ?? undefined) !== (token ?? undefined)) {
    return deny(403, 'UnrecognizedClientException', invalid)
  }
  if (credential.expiration && Date.parse(credential.expiration) <= now) {
    return deny(403, 'ExpiredTokenException', 'The security token included in the request is expired')
  }
  return undefined
}

export function signingKey(secretAccessKey, date, region, service) {
  const kDate = hmac(`AWS4${secretAccessKey}`, date)
  return hmac(hmac(hmac(kDate, region), service), 'aws4_request')
}

/**
 * Shown in InvalidSignatureException like AWS does, but with the session token blanked:
 * clients often log error messages, and a test scanning logs for leaked secrets must not
 * trip over the emulator's own message.
 */
function redactToken(canonical) {
  return canonical.replace(/^x-amz-security-token:.*$/m, `${TOKEN_HEADER}:<redacted>`)
}

/**
 * Verify a request's SigV4 Authorization header.
 *
 * @param {object} request { method, rawPath, rawQuery, rawHeaders, body: Buffer }
 * @param {object} options { region, service, lookup(accessKeyId) → credential|undefined, now? }
 * @returns {{ok: true, credential: object} | {ok: false, status: number, type: string, message: string}}
 */
export function verifySigV4(request, { region, service, lookup, now = Date.now() }) {
  const headers = headerValues(request.rawHeaders)
  const authHeader = headers.get('authorization')
  if (authHeader === undefined) return deny(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token')
  const auth = parseAuthorization(authHeader)
  if (!auth) {
    return deny(
      403,
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters and the ${ALGORITHM} algorithm. Authorization=${authHeader.split(' ')[0]}`
    )
  }
  const amzDateValue = headers.get('x-amz-date')
  if (Number.isNaN(parseAmzDate(amzDateValue))) {
    return deny(
      403,
      'IncompleteSignatureException',
      "Authorization header requires existence of a valid 'X-Amz-Date' header."
    )
  }
  const scopeError = checkScope(auth.scope, amzDateValue, region, service)
  if (scopeError) return deny(403, 'InvalidSignatureException', scopeError)
  const clockError = checkClock(amzDateValue, now)
  if (clockError) return deny(403, 'InvalidSignatureException', clockError)

  const credential = lookup(auth.accessKeyId)
  const credentialError = checkCredential(credential, headers.get(TOKEN_HEADER), now)
  if (credentialError) return credentialError

  if (!auth.signedHeaders.includes('host')) {
    return deny(403, 'InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.")
  }
  const missing = auth.signedHeaders.filter((h) => !headers.has(h))
  if (missing.length > 0) {
    return deny(403, 'InvalidSignatureException', `Signed header(s) not present in the request: ${missing.join(', ')}`)
  }
  const bodyHash = sha256Hex(request.body)
  const declaredHash = headers.get('x-amz-content-sha256')
  if (declaredHash !== undefined && declaredHash !== bodyHash) {
    return deny(
      403,
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed."
    )
  }

  const canonicalRequest = [
    request.method,
    canonicalUri(request.rawPath),
    canonicalQuery(request.rawQuery),
    ...auth.signedHeaders.map((h) => `${h}:${headers.get(h)}`),
    '',
    auth.signedHeaders.join(';'),
    declaredHash ?? bodyHash
  ].join('\n')
  const scope = `${auth.scope.date}/${auth.scope.region}/${auth.scope.service}/aws4_request`
  const stringToSign = [ALGORITHM, amzDateValue, scope, sha256Hex(canonicalRequest)].join('\n')
  const key = signingKey(credential.secretAccessKey, auth.scope.date, auth.scope.region, auth.scope.service)
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex')
  if (!sameHex(expected, auth.signature)) {
    return deny(
      403,
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. ' +
        'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
        `The Canonical String for this request should have been\n'${redactToken(canonicalRequest)}'\n\n` +
        `The String-to-Sign should have been\n'${stringToSign}'\n`
    )
  }
  return { ok: true, credential }
}

function sameHex(a, b) {
  const x = Buffer.from(a)
  const y = Buffer.from(String(b))
  return x.length === y.length && timingSafeEqual(x, y)
}
