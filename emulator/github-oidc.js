import { createPublicKey, verify } from 'node:crypto'

/**
 * Verifies a real GitHub Actions OIDC token the way STS does for an OIDC identity provider: an RS256
 * signature by a key of the issuer's JWKS, the issuer, and the validity window. Lets the emulator's STS
 * accept the token a real runner issues (a workflow job with `permissions: id-token: write`), so the
 * whole path, GitHub's OIDC included, runs on real runners against the emulator. Only the JWKS request
 * leaves the machine, and only when the emulator is started with a trusted issuer.
 */

const JWKS_TIMEOUT_MS = 10_000

export class TokenRejected extends Error {
  /** @param {'InvalidIdentityToken'|'IDPCommunicationError'} code */
  constructor(code, message) {
    super(message)
    this.code = code
  }
}

function decodePart(part) {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
  } catch {
    throw new TokenRejected('InvalidIdentityToken', 'The web identity token is not a JWT.')
  }
}

/** The issuer's signing keys by kid, fetched once per emulator. */
function keyStore(jwksUrl) {
  let keys
  return async (kid) => {
    if (!keys) {
      let jwks
      try {
        const response = await fetch(jwksUrl, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        jwks = await response.json()
      } catch (err) {
        throw new TokenRejected(
          'IDPCommunicationError',
          `Could not fetch the issuer's keys from ${jwksUrl}: ${err.message}`
        )
      }
      keys = new Map((jwks.keys ?? []).filter((k) => k.kty === 'RSA' && k.kid).map((k) => [k.kid, k]))
    }
    return keys.get(kid)
  }
}

/**
 * @param {{ issuer: string, jwksUrl: string }} trusted
 * @returns {(token: string) => Promise<{ value: string, audience: string, claims: object }>}
 */
export function githubTokenVerifier(trusted) {
  const keyFor = keyStore(trusted.jwksUrl)
  return async (token) => {
    const parts = token.split('.')
    if (parts.length !== 3) throw new TokenRejected('InvalidIdentityToken', 'The web identity token is not a JWT.')
    const [headerPart, claimsPart, signaturePart] = parts
    const header = decodePart(headerPart)
    const claims = decodePart(claimsPart)
    if (header.alg !== 'RS256') throw new TokenRejected('InvalidIdentityToken', `Unsupported algorithm ${header.alg}.`)
    const jwk = await keyFor(header.kid)
    if (!jwk) throw new TokenRejected('InvalidIdentityToken', 'The token was not signed by a key of the issuer.')
    const signed = Buffer.from(`${headerPart}.${claimsPart}`)
    const signature = Buffer.from(signaturePart, 'base64url')
    if (
      !verify(
        'RSA-SHA256',
        signed,
        createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' }),
        signature
      )
    ) {
      throw new TokenRejected('InvalidIdentityToken', 'The token signature does not verify.')
    }
    if (claims.iss !== trusted.issuer) {
      throw new TokenRejected('InvalidIdentityToken', `The token's issuer is not ${trusted.issuer}.`)
    }
    // STS checks the expiry of every token, this issuer's included.
    if (typeof claims.exp !== 'number') throw new TokenRejected('InvalidIdentityToken', 'The token has no expiry.')
    if (typeof claims.nbf === 'number' && claims.nbf > Date.now() / 1000 + 60) {
      throw new TokenRejected('InvalidIdentityToken', 'The token is not valid yet.')
    }
    const audience = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud
    return { value: token, audience: String(audience), claims, time: Date.now() }
  }
}
