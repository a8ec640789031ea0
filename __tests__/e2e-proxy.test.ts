// End to end: a self-hosted runner behind a proxy. The endpoints have names only the proxy
// can reach (see helpers/proxy.ts): through it the step succeeds; without it, or for a name
// in NO_PROXY, the request goes direct and fails.
// On node 24 too: proxies, which the HTTP client and the runtime's sockets handle.
import type { ChildProcess } from 'node:child_process'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { leaksIn, secretsOf } from './helpers/leaks.js'
import { basicAuthorization, routedUrl, startProxy, type ProxyOptions, type TestProxy } from './helpers/proxy.js'
import { EMULATOR_CREDENTIALS, runAction, runnerEnv, type ActionRun } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = {
  ...VALID_INPUTS,
  name: 'behind-a-proxy',
  'role-to-assume': 'arn:aws:iam::123456789012:role/deploy',
  'wait-for-completion': 'true'
}
const PROXY_PASSWORD = 'proxy-password-EXAMPLE'

let emulator: Emulator
let proxy: TestProxy
beforeAll(async () => {
  emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
  proxy = await startProxy()
})
afterAll(async () => {
  await proxy.close()
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  proxy.requests.length = 0
})

/** The runner's environment with every endpoint renamed under example.test. */
function routedEnv(extra: Record<string, string>): Record<string, string> {
  return {
    ...runnerEnv(emulator),
    AWS_ENDPOINT_URL_CLEANROOMSML: routedUrl(emulator.cleanroomsUrl, 'cleanrooms'),
    AWS_ENDPOINT_URL_STS: routedUrl(emulator.stsUrl, 'sts'),
    ACTIONS_ID_TOKEN_REQUEST_URL: routedUrl(emulator.oidcRequestUrl, 'oidc'),
    CLEANROOMS_ML_ACTION_TIME_SCALE: '0.02',
    ...extra
  }
}

function withPassword(url: string): string {
  const parsed = new URL(url)
  parsed.username = 'runner'
  parsed.password = PROXY_PASSWORD
  return parsed.href
}

const proxiedHosts = (): string[] => [...new Set(proxy.requests.map((request) => request.target.split(':')[0]!))].sort()

function expectNoSecretShown(run: ActionRun): void {
  expect(leaksIn(run, secretsOf(emulator, [PROXY_PASSWORD]))).toEqual([])
}

describe('requests go through the proxy the environment names', () => {
  it.each(['HTTP_PROXY', 'http_proxy'])('launches and waits through %s, never showing its password', async (name) => {
    const run = await runAction({ inputs: INPUTS, env: routedEnv({ [name]: withPassword(proxy.url) }) })
    expect(run.code).toBe(0)
    expect(run.outputs['status']).toBe('ACTIVE')
    expect(emulator.jobs).toHaveLength(1)
    expect(proxiedHosts()).toEqual(['cleanrooms.example.test', 'oidc.example.test', 'sts.example.test'])
    const expected = basicAuthorization('runner', PROXY_PASSWORD)
    expect(proxy.requests.every((request) => request.proxyAuthorization === expected)).toBe(true)
    expect(run.stdout).toContain('Requests to Clean Rooms ML go through the proxy set in the environment.')
    expectNoSecretShown(run)
  })

  it('goes direct without a proxy, where the names do not resolve', async () => {
    const run = await runAction({ inputs: INPUTS, env: routedEnv({}) })
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('NetworkError')
    expect(run.annotations[0]!.message).toContain('oidc.example.test failed: ENOTFOUND')
    expect(proxy.requests).toEqual([])
    expect(emulator.requests).toEqual([])
  })

  it('goes direct to the names in NO_PROXY', async () => {
    const run = await runAction({
      inputs: INPUTS,
      env: routedEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,cleanrooms.example.test' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('NetworkError')
    expect(run.annotations[0]!.message).toContain('cleanrooms.example.test failed: ENOTFOUND')
    expect(proxiedHosts()).toEqual(['oidc.example.test', 'sts.example.test'])
    expect(emulator.jobs).toEqual([])
  })
})

describe('a proxy that fails says what happened', () => {
  /** Runs the step behind a proxy of its own, started with `options`. */
  async function behind(
    options: ProxyOptions,
    proxyUrl: (url: string) => string
  ): Promise<{ run: ActionRun; requests: TestProxy['requests'] }> {
    const own = await startProxy(options)
    try {
      const run = await runAction({ inputs: INPUTS, env: routedEnv({ HTTP_PROXY: proxyUrl(own.url) }) })
      return { run, requests: own.requests }
    } finally {
      await own.close()
    }
  }

  it('refused credentials: one attempt, one annotation saying so, the password never shown', async () => {
    const { run, requests } = await behind(
      { proxyAuthorization: basicAuthorization('runner', 'another-password') },
      withPassword
    )
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('ProxyAuthenticationRequired')
    expect(requests).toHaveLength(1)
    expect(run.annotations).toHaveLength(1)
    expect(run.annotations[0]!.title).toBe('ProxyAuthenticationRequired: Getting AWS credentials failed')
    expect(run.annotations[0]!.message).toMatch(
      /^The proxy 127\.0\.0\.1:\d+ refused the credentials of the proxy URL for the connection to oidc\.example\.test:\d+\. \(HTTP 407, 1 attempt\)/
    )
    expect(run.summary).toContain('ProxyAuthenticationRequired')
    expectNoSecretShown(run)
    expect(emulator.requests).toEqual([])
  })

  it.each([
    [
      'refuses connections',
      `http://runner:${PROXY_PASSWORD}@127.0.0.1:1`,
      'the proxy 127.0.0.1:1 failed: ECONNREFUSED'
    ],
    [
      'has a name that does not resolve',
      `http://runner:${PROXY_PASSWORD}@proxy.nowhere.example.test:3128`,
      'the proxy proxy.nowhere.example.test:3128 failed: ENOTFOUND'
    ]
  ])('a proxy that %s is named, with NetworkError and the real code', async (_, url, message) => {
    const run = await runAction({ inputs: INPUTS, env: routedEnv({ HTTP_PROXY: url }) })
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('NetworkError')
    expect(run.annotations).toHaveLength(1)
    expect(run.annotations[0]!.message).toContain(`The connection to ${message}.`)
    expectNoSecretShown(run)
    expect(emulator.requests).toEqual([])
  })

  it('a proxy that never answers the tunnel request: ETIMEDOUT, within the deadline', async () => {
    const { run, requests } = await behind({ silent: true }, (url) => url)
    expect(run.code).toBe(1)
    expect(run.outputs['error-type']).toBe('NetworkError')
    expect(run.annotations).toHaveLength(1)
    expect(run.annotations[0]!.message).toMatch(/^The connection to the proxy 127\.0\.0\.1:\d+ failed: ETIMEDOUT\./)
    expect(requests.length).toBeGreaterThan(1)
    // The deadline at this time scale is 6 s; the rest is room for a loaded machine.
    expect(run.durationMs).toBeLessThan(30_000)
  })

  it('a cancellation while the proxy does not answer stops the step at once', async () => {
    let child: ChildProcess | undefined
    let signalledAt = 0
    const silent = await startProxy({
      silent: true,
      onRequest: () => {
        if (signalledAt) return
        signalledAt = Date.now()
        child?.kill('SIGTERM')
      }
    })
    try {
      // Unscaled: the tunnel request would take 5 s to time out, the attempt 15 s.
      const env = { ...routedEnv({ HTTP_PROXY: silent.url }), CLEANROOMS_ML_ACTION_TIME_SCALE: '1' }
      const run = await runAction({ inputs: INPUTS, env, onSpawn: (spawned) => (child = spawned), timeoutMs: 30_000 })
      expect(signalledAt).toBeGreaterThan(0)
      expect(run.code).toBe(1)
      expect(run.outputs['error-type']).toBe('StepCancelled')
      expect(run.annotations).toHaveLength(1)
      expect(run.endedAt - signalledAt).toBeLessThan(2_000)
      expect(silent.requests).toHaveLength(1)
    } finally {
      await silent.close()
    }
  })
})
