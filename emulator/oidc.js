import { randomBytes, randomUUID } from 'node:crypto'

/**
 * The GitHub Actions ID token endpoint (what ACTIONS_ID_TOKEN_REQUEST_URL points at).
 * Tokens look like GitHub's JWTs but carry a random signature: the fake STS accepts a
 * token because this endpoint issued it, not because of its signature.
 */

export const ISSUER = 'https://token.actions.githubusercontent.com'
const TOKEN_LIFETIME_S = 300

function b64url(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
}

function json(status, body) {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }
}

/** Injected OIDC errors are plain HTTP statuses with a short JSON body, as GitHub's are. */
export function oidcErrorResponse({ status = 500, type, message = 'Injected fault' }) {
  return json(status, { message, ...(type ? { type } : {}) })
}

/** Claims of a token for `audience`, in the shape GitHub uses for a push to main. */
export function claimsFor(audience, extraClaims = {}, now = Date.now()) {
  const iat = Math.floor(now / 1000)
  return {
    jti: randomUUID(),
    sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
    aud: audience,
    ref: 'refs/heads/main',
    sha: randomBytes(20).toString('hex'),
    repository: 'octo-org/octo-repo',
    repository_owner: 'octo-org',
    run_id: '1',
    run_attempt: '1',
    actor: 'octocat',
    event_name: 'push',
    ref_type: 'branch',
    workflow: 'CI',
    iss: ISSUER,
    nbf: iat - 5,
    exp: iat + TOKEN_LIFETIME_S,
    iat,
    ...extraClaims
  }
}

export function makeJwt(claims) {
  const header = { typ: 'JWT', alg: 'RS256', kid: randomBytes(20).toString('hex').toUpperCase() }
  return `${b64url(header)}.${b64url(claims)}.${randomBytes(256).toString('base64url')}`
}

/**
 * @param {object} ctx { requestToken, claims → extra claims object, addIssuedToken(t), now() → ms }
 */
export function createOidcService(ctx) {
  return {
    name: 'oidc',
    operationOf: (request) => (request.method === 'GET' && request.rawPath === '/token' ? 'GetIdToken' : 'Unknown'),
    renderError: oidcErrorResponse,
    async handle(request) {
      if (request.method !== 'GET' || request.rawPath !== '/token') return json(404, { message: 'Not Found' })
      if (request.headers.authorization !== `Bearer ${ctx.requestToken}`) {
        return json(401, { message: 'Bad credentials' })
      }
      // Without an audience GitHub uses the repository owner's URL.
      const audience = request.query.audience || 'https://github.com/octo-org'
      const claims = claimsFor(audience, ctx.claims(), ctx.now())
      const value = makeJwt(claims)
      ctx.addIssuedToken({ value, audience, claims, time: Date.now() })
      return json(200, { count: value.length, value })
    }
  }
}
