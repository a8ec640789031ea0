import { randomBytes, randomUUID } from 'node:crypto'
import { TokenRejected } from './github-oidc.js'
import { parseQuery } from './server.js'
import { checkClock, parseAmzDate, verifySigV4 } from './sigv4.js'

/**
 * AWS STS AssumeRoleWithWebIdentity and AssumeRole over the AWS query protocol: a form-encoded
 * POST in, XML out, in the namespace and element layout AWS uses, so that the AWS SDK's own XML
 * parser reads it as it reads the real service's answer. AssumeRole is SigV4-signed with the
 * caller's keys (role chaining), and each role may require an external id or trust only some
 * principals, as its trust policy would.
 */

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/'
const VERSION = '2011-06-15'
const ACTIONS = ['AssumeRoleWithWebIdentity', 'AssumeRole']
const ROLE_ARN = /^arn:(aws[-a-z]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/
const SESSION_NAME = /^[\w+=,.@-]*$/
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/
/** A session of a role assumed with another role's session lasts at most an hour. */
const CHAINED_MAX_SECONDS = 3600

/** What STS answers for each way a signature can fail, in its own codes (Clean Rooms ML's differ). */
const SIGNATURE_ERRORS = {
  MissingAuthenticationTokenException: [403, 'MissingAuthenticationToken'],
  IncompleteSignatureException: [400, 'IncompleteSignature'],
  InvalidSignatureException: [403, 'SignatureDoesNotMatch'],
  UnrecognizedClientException: [403, 'InvalidClientTokenId'],
  ExpiredTokenException: [400, 'ExpiredToken']
}

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
  const action = params.Action
  if (params.Version !== VERSION) {
    throw new StsError(
      400,
      'ValidationError',
      `Unsupported or missing Version '${params.Version ?? ''}'; expected ${VERSION}`
    )
  }
  const required = [
    ['RoleArn', 'roleArn'],
    ['RoleSessionName', 'roleSessionName'],
    ...(action === 'AssumeRoleWithWebIdentity' ? [['WebIdentityToken', 'webIdentityToken']] : [])
  ]
  for (const [param, field] of required) {
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
  const externalId = params.ExternalId
  if (
    action === 'AssumeRole' &&
    externalId !== undefined &&
    (externalId.length < 2 || externalId.length > 1224 || !EXTERNAL_ID.test(externalId))
  ) {
    throw new StsError(
      400,
      'ValidationError',
      "1 validation error detected: Value at 'externalId' failed to satisfy constraint: Member must have length between 2 and 1224 and satisfy regular expression pattern: [\\w+=,.@:\\/-]*"
    )
  }
  return {
    arn: params.RoleArn,
    partition: role[1],
    accountId: role[2],
    roleName: role[3],
    sessionName: name,
    durationSeconds
  }
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

/** The caller's identity, as STS names it in a refusal: the assumed-role session, or the key's user. */
function callerArn(credential) {
  return credential.assumedRoleArn ?? credential.arn ?? `arn:aws:iam::${credential.accountId}:user/emulator-user`
}

/** The principal a trust policy names for the caller: a session's role, or the key's user. */
function callerPrincipal(credential) {
  return credential.roleArn ?? credential.arn ?? `arn:aws:iam::${credential.accountId}:user/emulator-user`
}

/** AssumeRole is signed with the caller's keys: STS refuses a request it cannot verify, in its own codes. */
function checkCaller(ctx, request) {
  const auth = verifySigV4(request, {
    region: ctx.region,
    service: 'sts',
    lookup: ctx.lookupCredential,
    now: ctx.now()
  })
  if (auth.ok) return auth.credential
  const [status, code] = SIGNATURE_ERRORS[auth.type] ?? [auth.status, auth.type]
  throw new StsError(status, code, auth.message)
}

/**
 * The role's trust policy, as the emulator is configured with it: the principals it trusts (any,
 * when not configured) and the external id it requires (sts:ExternalId), refused as AccessDenied
 * in AWS's words, which do not say which condition failed.
 */
function checkTrust(ctx, role, caller, externalId) {
  const trust = ctx.roleTrust(role.arn)
  const refused = new StsError(
    403,
    'AccessDenied',
    `User: ${callerArn(caller)} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`
  )
  const principal = callerPrincipal(caller)
  const root = `arn:${role.partition}:iam::${caller.accountId}:root`
  if (trust?.trustedPrincipals && !trust.trustedPrincipals.some((p) => p === principal || p === root)) throw refused
  if (trust?.externalId !== undefined && trust.externalId !== externalId) throw refused
}

/** A role session assumed with another role's session lasts at most an hour, and STS refuses to ask for more. */
function checkChainedDuration(role, caller) {
  if (caller.assumedRoleArn === undefined || role.durationSeconds <= CHAINED_MAX_SECONDS) return
  throw new StsError(
    400,
    'ValidationError',
    'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
  )
}

function issueCredentials(ctx, role, subject) {
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
    subject
  }
  ctx.addIssuedCredential(credential)
  return credential
}

function credentialsXml(credential) {
  return (
    '    <Credentials>\n' +
    `      <SessionToken>${xmlEscape(credential.sessionToken)}</SessionToken>\n` +
    `      <SecretAccessKey>${xmlEscape(credential.secretAccessKey)}</SecretAccessKey>\n` +
    `      <Expiration>${credential.expiration}</Expiration>\n` +
    `      <AccessKeyId>${credential.accessKeyId}</AccessKeyId>\n` +
    '    </Credentials>\n'
  )
}

function assumeRoleBody(credential, requestId) {
  return (
    `<AssumeRoleResponse xmlns="${XMLNS}">\n` +
    '  <AssumeRoleResult>\n' +
    '    <AssumedRoleUser>\n' +
    `      <AssumedRoleId>${xmlEscape(credential.assumedRoleId)}</AssumedRoleId>\n` +
    `      <Arn>${xmlEscape(credential.assumedRoleArn)}</Arn>\n` +
    '    </AssumedRoleUser>\n' +
    credentialsXml(credential) +
    '  </AssumeRoleResult>\n' +
    '  <ResponseMetadata>\n' +
    `    <RequestId>${requestId}</RequestId>\n` +
    '  </ResponseMetadata>\n' +
    '</AssumeRoleResponse>\n'
  )
}

function webIdentityBody(credential, issued, requestId) {
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
    credentialsXml(credential) +
    `    <Provider>arn:aws:iam::${credential.accountId}:oidc-provider/${xmlEscape(iss.host)}</Provider>\n` +
    '  </AssumeRoleWithWebIdentityResult>\n' +
    '  <ResponseMetadata>\n' +
    `    <RequestId>${requestId}</RequestId>\n` +
    '  </ResponseMetadata>\n' +
    '</AssumeRoleWithWebIdentityResponse>\n'
  )
}

async function assumeRoleWithWebIdentity(ctx, params) {
  const role = checkParams(params)
  const issued = await checkToken(ctx, params.WebIdentityToken)
  const credential = issueCredentials(ctx, role, issued.claims.sub)
  const requestId = randomUUID()
  return xml(200, webIdentityBody(credential, issued, requestId), requestId)
}

function assumeRole(ctx, request, params) {
  const caller = checkCaller(ctx, request)
  const role = checkParams(params)
  checkChainedDuration(role, caller)
  checkTrust(ctx, role, caller, params.ExternalId)
  const credential = issueCredentials(ctx, role, callerArn(caller))
  const requestId = randomUUID()
  return xml(200, assumeRoleBody(credential, requestId), requestId)
}

/**
 * @param {object} ctx { region, findToken(jwt) → issued|undefined, verifyTrusted?(jwt) → Promise<issued>,
 *   lookupCredential(accessKeyId) → credential|undefined (the keys AssumeRole is signed with),
 *   roleTrust(roleArn) → { externalId?, trustedPrincipals? }|undefined,
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
        if (!ACTIONS.includes(params.Action)) {
          throw new StsError(
            400,
            'InvalidAction',
            `Could not find operation ${params.Action ?? ''} for version ${VERSION}`
          )
        }
        return params.Action === 'AssumeRole'
          ? assumeRole(ctx, request, params)
          : await assumeRoleWithWebIdentity(ctx, params)
      } catch (err) {
        if (err instanceof StsError)
          return stsErrorResponse({ status: err.status, type: err.code, message: err.message })
        throw err
      }
    }
  }
}
