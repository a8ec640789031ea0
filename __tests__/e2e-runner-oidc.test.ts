// What the CI job "Launch through the action" does on real runners: `node scripts/emulator.js start` leaves
// the emulator running for the job's later steps and points them at it through GITHUB_ENV; its STS takes the
// job's own GitHub OIDC token, verified against the issuer's published keys. Here a local stand-in for
// GitHub signs the tokens with an RSA key and publishes that key, as GitHub does with its own.
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clockEnvironment, runAction } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const SCRIPT = fileURLToPath(new URL('../scripts/emulator.js', import.meta.url))
const REQUEST_TOKEN = 'runner-request-token'
const INPUTS = {
  ...VALID_INPUTS,
  'role-to-assume': 'arn:aws:iam::123456789012:role/ci-emulator',
  name: 'ci-launch',
  'wait-for-completion': 'true'
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
const keyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 })
const published = keyPair()
const unpublished = keyPair()

/** A token shaped like a runner's, signed by `key`. */
function githubToken(audience: string, key: KeyObject): string {
  const now = Math.floor(Date.now() / 1000)
  const claims = {
    iss: 'https://token.actions.githubusercontent.com',
    aud: audience,
    sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
    iat: now,
    nbf: now - 5,
    exp: now + 300
  }
  const signed = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'published-key' })}.${b64url(claims)}`
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`
}

let signingKey: KeyObject = published.privateKey
let github: Server
let githubUrl = ''
let temp = ''
let endpoints: Record<string, string> = {}

/** GitHub's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) and its key set, on 127.0.0.1. */
async function startGitHub(): Promise<void> {
  github = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/.well-known/jwks') {
      // GitHub's keys carry x5c and x5t besides the RSA members.
      const jwk = {
        ...published.publicKey.export({ format: 'jwk' }),
        kid: 'published-key',
        alg: 'RS256',
        use: 'sig',
        x5t: 'thumbprint',
        x5c: ['certificate']
      }
      response.end(JSON.stringify({ keys: [jwk] }))
    } else if (url.pathname === '/token' && request.headers.authorization === `Bearer ${REQUEST_TOKEN}`) {
      response.end(JSON.stringify({ value: githubToken(url.searchParams.get('audience') ?? '', signingKey) }))
    } else {
      response.writeHead(404).end('{}')
    }
  })
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve))
  const address = github.address()
  githubUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

beforeAll(async () => {
  await startGitHub()
  temp = mkdtempSync(join(tmpdir(), 'runner-'))
  const githubEnv = join(temp, 'github-env')
  const start = spawnSync(process.execPath, [SCRIPT, 'start'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...clockEnvironment(),
      PATH: process.env['PATH'] ?? '',
      GITHUB_ENV: githubEnv,
      RUNNER_TEMP: temp,
      EMULATOR_OIDC_JWKS_URL: `${githubUrl}/.well-known/jwks`
    }
  })
  if (start.status !== 0) throw new Error(`scripts/emulator.js start failed:\n${start.stdout}${start.stderr}`)
  endpoints = Object.fromEntries(
    readFileSync(githubEnv, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string])
  )
})

afterAll(async () => {
  // Everything this file started is stopped even when the setup failed half-way, so jest can exit.
  await new Promise((resolve) => github.close(resolve))
  // The background emulator stands for what the runner stops at the end of a job.
  const readyFile = join(temp, 'emulator-ready.json')
  if (existsSync(readyFile)) process.kill((JSON.parse(readFileSync(readyFile, 'utf8')) as { pid: number }).pid)
  rmSync(temp, { recursive: true, force: true })
})

function launch(name: string) {
  return runAction({
    inputs: { ...INPUTS, name },
    env: {
      PATH: process.env['PATH'] ?? '',
      ...endpoints,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${githubUrl}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
      AWS_EC2_METADATA_DISABLED: 'true',
      CLEANROOMS_ML_ACTION_TIME_SCALE: '0.01'
    }
  })
}

describe("the emulator a workflow job starts takes the runner's own OIDC token", () => {
  it('points later steps at itself, where the action launches a job and waits for it with a GitHub-signed token', async () => {
    expect(Object.keys(endpoints).sort()).toEqual(['AWS_ENDPOINT_URL_CLEANROOMSML', 'AWS_ENDPOINT_URL_STS'])
    signingKey = published.privateKey
    const result = await launch('ci-launch')
    expect({ code: result.code, errors: result.annotations.filter((a) => a.level === 'error') }).toEqual({
      code: 0,
      errors: []
    })
    expect(result.outputs).toMatchObject({ created: 'true', status: 'ACTIVE' })
    expect(result.outputs['audience-generation-job-arn']).toMatch(
      /^arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job\//
    )
  })

  it('rejects a token signed by a key the issuer does not publish', async () => {
    signingKey = unpublished.privateKey
    const result = await launch('ci-launch-forged')
    expect({ code: result.code, errorType: result.outputs['error-type'] }).toEqual({
      code: 1,
      errorType: 'InvalidIdentityTokenException'
    })
    expect(result.annotations[0]?.message).toContain('The token signature does not verify.')
  })
})
