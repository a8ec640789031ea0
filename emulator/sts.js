import { randomBytes, randomUUID } from 'node:crypto'
import { TokenRejected } from './github-oidc.js'
import { parseQuery } from './server.js'
import { checkClock, parseAmzDate } from './sigv4.js'

/**
 * AWS STS AssumeRoleWithWebIdentity over the AWS query protocol: a form-encoded POST in,
 * XML out, in the namespace and element layout AWS uses, so that the AWS SDK's own XML
 * parser reads it as it reads the real service's answer.
 */

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/'
const VERSION = '2011-06-15'
const ACTION = 'AssumeRoleWithWebIdentity'
const ROLE_ARN = /^arn:(aws[-a-z]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/
const SESSION_NAME = /^[\w+=,.@-]*$/

export function xmlEscape(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function randomId(prefix, length) {
  const bytes = randomBytes(length)
  let id = prefix
  for (const b of bytes) id += ALNUM_UPPER[b % ALNUM_UPPER.length]
  return id
}

/** STS writes times without milliseconds. */
function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

class StsError extends Error {
  constructor(status, code, message) {
    super(message)
    this.status = status
    this.code = code
  }
}

function xml(status, text, requestId) {
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${text}`
  }
}

/** `<ErrorResponse>` as STS sends it; Type is Sender for client faults and Receiver for server faults. */
export function stsErrorResponse({ status = 500, type, message = 'Injected fault' }) {
  const code = type ?? (status >= 500 ? 'InternalFailure' : 'ValidationError')
  const requestId = randomUUID()
  return xml(
    status,
    `<ErrorResponse xmlns="${XMLNS}">\n` +
      '  <Error>\n' +
      `    <Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>\n` +
      `    <Code>${xmlEscape(code)}</Code>\n` +
      `    <Message>${xmlEscape(message)}</Message>\n` +
      '  </Error>\n' +
      `  <RequestId>${requestId}</RequestId>\n` +
      '</ErrorResponse>\n',
    requestId
  )
}

const notNull = (field) =>
  `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`

/** Parameters checked in the order STS reports them. */
function checkParams(params) {
  if (params.Version !== VERSION) {
    throw new StsError(
      400,
      'ValidationError',
      `Unsupported or missing Version '${params.Version ?? ''}'; expected ${VERSION}`
    )
  }
  for (const [param, field] of [
    ['RoleArn', 'roleArn'],
    ['RoleSessionName', 'roleSessionName'],
    ['WebIdentityToken', 'webIdentityToken']
  ]) {
    if (params[param] === undefined) throw new StsError(400, 'ValidationError', notNull(field))
  }
  const role = ROLE_ARN.exec(params.RoleArn)
  if (!role || params.RoleArn.length < 20 || params.RoleArn.length > 2048) {
    throw new StsError(400, 'ValidationError', `Request ARN is invalid`)
  }
  const name = params.RoleSessionName
  if (name.length < 2 || name.length > 64 || !SESSION_NAME.test(name)) {
    throw new StsError(
      400,
      'ValidationError',
      `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and satisfy regular expression pattern: [\\w+=,.@-]*`
    )
  }
  let durationSeconds = 3600
  if (params.DurationSeconds !== undefined) {
    durationSeconds = /^\d+$/.test(params.DurationSeconds) ? Number(params.DurationSeconds) : Number.NaN
    if (!(durationSeconds >= 900 && durationSeconds <= 43200)) {
      throw new StsError(
        400,
        'ValidationError',
        `1 validation error detected: Value '${params.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`
      )
    }
  }
  return { partition: role[1], accountId: role[2], roleName: role[3], sessionName: name, durationSeconds }
}

/**
 * AssumeRoleWithWebIdentity is not signed (the token is the proof), but a signed request is dated,
 * and STS refuses one dated more than 5 minutes from its clock, as SignatureDoesNotMatch.
 */
function checkSignedDate(request, now) {
  const date = request.headers['x-amz-date'] ?? request.query['X-Amz-Date']
  if (date === undefined) return
  if (Number.isNaN(parseAmzDate(date))) {
    throw new StsError(400, 'IncompleteSignature', "Authorization header requires existence of a valid 'X-Amz-Date'.")
  }
  const problem = checkClock(date, now)
  if (problem) throw new StsError(403, 'SignatureDoesNotMatch', problem)
}

/** A token of the trusted issuer (a real runner's), when the emulator has one and the token verifies. */
async function verifyTrusted(ctx, token) {
  if (!ctx.verifyTrusted) return undefined
  try {
    return await ctx.verifyTrusted(token)
  } catch (err) {
    if (err instanceof TokenRejected) throw new StsError(400, err.code, err.message)
    throw err
  }
}

/**
 * Only tokens the fake GitHub endpoint issued verify, or ones the trusted issuer signed, and only for an
 * accepted audience.
 */
async function checkToken(ctx, token) {
  if (token.length < 4 || token.length > 20000) {
    throw new StsError(
      400,
      'ValidationError',
      "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length between 4 and 20000"
    )
  }
  const issued = ctx.findToken(token) ?? (await verifyTrusted(ctx, token))
  if (!issued) {
    throw new StsError(
      400,
      'InvalidIdentityToken',
      'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.'
    )
  }
  if (!ctx.stsAudiences().includes(issued.audience))
    throw new StsError(400, 'InvalidIdentityToken', 'Incorrect token audience')
  const now = ctx.now()
  if (issued.claims.exp * 1000 <= now) {
    throw new StsError(
      400,
      'ExpiredTokenException',
      `Token expired: current date/time ${isoSeconds(now)} must be before the expiration date/time ${isoSeconds(issued.claims.exp * 1000)}`
    )
  }
  return issued
}

function issueCredentials(ctx, role, issued) {
  const assumedRoleArn = `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.roleName}/${role.sessionName}`
  const credential = {
    accessKeyId: randomId('ASIA', 16),
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(300).toString('base64')}`,
    expiration: isoSeconds(ctx.now() + (ctx.sessionSeconds() ?? role.durationSeconds) * 1000),
    accountId: role.accountId,
    roleArn: `arn:${role.partition}:iam::${role.accountId}:role/${role.roleName}`,
    assumedRoleArn,
    assumedRoleId: `${randomId('AROA', 17)}:${role.sessionName}`,
    subject: issued.claims.sub
  }
  ctx.addIssuedCredential(credential)
  return credential
}

function successBody(credential, issued, requestId) {
  const iss = new URL(issued.claims.iss)
  return (
    `<AssumeRoleWithWebIdentityResponse xmlns="${XMLNS}">\n` +
    '  <AssumeRoleWithWebIdentityResult>\n' +
    `    <SubjectFromWebIdentityToken>${xmlEscape(issued.claims.sub)}</SubjectFromWebIdentityToken>\n` +
    `    <Audience>${xmlEscape(issued.audience)}</Audience>\n` +
    '    <AssumedRoleUser>\n' +
    `      <Arn>${xmlEscape(credential.assumedRoleArn)}</Arn>\n` +
    `      <AssumedRoleId>${xmlEscape(credential.assumedRoleId)}</AssumedRoleId>\n` +
    '    </AssumedRoleUser>\n' +
    '    <Credentials>\n' +
    `      <SessionToken>${xmlEscape(credential.sessionToken)}</SessionToken>\n` +
    `      <SecretAccessKey>${xmlEscape(credential.secretAccessKey)}</SecretAccessKey>\n` +
    `      <Expiration>${credential.expiration}</Expiration>\n` +
    `      <AccessKeyId>${credential.accessKeyId}</AccessKeyId>\n` +
    '    </Credentials>\n' +
    `    <Provider>arn:aws:iam::${credential.accountId}:oidc-provider/${xmlEscape(iss.host)}</Provider>\n` +
    '  </AssumeRoleWithWebIdentityResult>\n' +
    '  <ResponseMetadata>\n' +
    `    <RequestId>${requestId}</RequestId>\n` +
    '  </ResponseMetadata>\n' +
    '</AssumeRoleWithWebIdentityResponse>\n'
  )
}

/**
 * @param {object} ctx { findToken(jwt) → issued|undefined, verifyTrusted?(jwt) → Promise<issued>,
 *   stsAudiences() → string[], addIssuedCredential(c),
 *   sessionSeconds() → number|undefined (lifetime of issued credentials, overriding DurationSeconds),
 *   now() → the emulator's clock in ms }
 */
export function createStsService(ctx) {
  return {
    name: 'sts',
    operationOf: (request) =>
      request.method === 'POST' && request.rawPath === '/'
        ? (parseQuery(request.bodyText).Action ?? 'Unknown')
        : 'Unknown',
    renderError: stsErrorResponse,
    async handle(request) {
      try {
        if (request.method !== 'POST' || request.rawPath !== '/') {
          throw new StsError(404, 'UnknownOperation', `No STS operation at ${request.method} ${request.rawPath}`)
        }
        checkSignedDate(request, ctx.now())
        const params = parseQuery(request.bodyText)
        if (params.Action !== ACTION) {
          throw new StsError(
            400,
            'InvalidAction',
            `Could not find operation ${params.Action ?? ''} for version ${VERSION}`
          )
        }
        const role = checkParams(params)
        const issued = await checkToken(ctx, params.WebIdentityToken)
        const credential = issueCredentials(ctx, role, issued)
        const requestId = randomUUID()
        return xml(200, successBody(credential, issued, requestId), requestId)
      } catch (err) {
        if (err instanceof StsError)
          return stsErrorResponse({ status: err.status, type: err.code, message: err.message })
        throw err
      }
    }
  }
}
