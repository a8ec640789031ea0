// In-process: a proxy that refuses the step's requests, or cannot be reached, is named in the
// annotation with what it did; a refusal of its credentials is not tried again. The same paths
// run through dist/ in e2e-proxy.test.ts.
import type { Emulator } from '../emulator/index.js'
import { inProcessSteps, type StepResult } from './helpers/in-process.js'
import { basicAuthorization, routedUrl, startProxy, type TestProxy } from './helpers/proxy.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'
import { OIDC, VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = { ...VALID_INPUTS, name: 'proxy-failures' }
const PASSWORD = 'proxy-password-EXAMPLE'

const inProcess = inProcessSteps()
let emulator: Emulator
beforeEach(() => {
  emulator = inProcess.emulator()
})

/** Every endpoint renamed under example.test, so that only the proxy reaches them. */
function routed(): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_CLEANROOMSML: routedUrl(emulator.cleanroomsUrl, 'cleanrooms'),
    AWS_ENDPOINT_URL_STS: routedUrl(emulator.stsUrl, 'sts'),
    ACTIONS_ID_TOKEN_REQUEST_URL: routedUrl(emulator.oidcRequestUrl, 'oidc')
  }
}

function proxyUrl(proxy: TestProxy, user?: string, password?: string): string {
  const url = new URL(proxy.url)
  if (user !== undefined) url.username = user
  if (password !== undefined) url.password = password
  return url.href
}

async function behind(
  options: Parameters<typeof startProxy>[0],
  run: (proxy: TestProxy) => Promise<StepResult>
): Promise<{ result: StepResult; proxy: TestProxy }> {
  const proxy = await startProxy(options)
  try {
    return { result: await run(proxy), proxy }
  } finally {
    await proxy.close()
  }
}

/** The lines of the log that are annotations, each `::error title=...::message`. */
const errors = (result: StepResult): string[] => result.log.split('\n').filter((line) => line.startsWith('::error'))

describe('a proxy that refuses the credentials fails at once, saying so', () => {
  const required = { proxyAuthorization: basicAuthorization('runner', 'the-right-one') }

  it.each([
    ['the OIDC token request', OIDC, {}, false],
    ['the STS request', OIDC, {}, true],
    ['the Clean Rooms ML request', {}, ENV_CREDENTIALS, false]
  ])('%s: one attempt, one annotation, no password shown', async (_, inputs, credentials, oidcDirect) => {
    // A loopback OIDC endpoint is reached directly, so STS is the first request through the proxy.
    const direct = oidcDirect ? { ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidcRequestUrl } : {}
    const { result, proxy } = await behind(required, (proxy) =>
      inProcess.step(
        { ...INPUTS, ...inputs },
        { ...credentials, ...routed(), ...direct, HTTP_PROXY: proxyUrl(proxy, 'runner', PASSWORD) }
      )
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('ProxyAuthenticationRequired')
    expect(proxy.requests).toHaveLength(1)
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toContain('ProxyAuthenticationRequired')
    expect(result.log).toMatch(/The proxy 127\.0\.0\.1:\d+ refused the credentials of the proxy URL/)
    expect(result.log).toContain('HTTP 407, 1 attempt')
    expect(result.log).not.toContain(PASSWORD)
    expect(result.summary).not.toContain(PASSWORD)
    expect(emulator.requests.filter((request) => request.service !== 'oidc')).toEqual([])
  })

  it('says when the proxy URL has no credentials for a proxy that wants some', async () => {
    const { result } = await behind(required, (proxy) =>
      inProcess.step(INPUTS, { ...ENV_CREDENTIALS, ...routed(), HTTP_PROXY: proxy.url })
    )
    expect(result.outputs['error-type']).toBe('ProxyAuthenticationRequired')
    expect(result.log).toMatch(/The proxy 127\.0\.0\.1:\d+ asks for credentials, and the proxy URL has none\./)
  })

  it('goes through with the right credentials', async () => {
    const { result } = await behind(required, (proxy) =>
      inProcess.step({ ...INPUTS, ...OIDC }, { ...routed(), HTTP_PROXY: proxyUrl(proxy, 'runner', 'the-right-one') })
    )
    expect(result.exitCode).toBe(0)
    expect(emulator.jobs).toHaveLength(1)
  })
})

describe("a proxy that cannot be reached is named, with Node's code", () => {
  it.each([
    ['refuses connections', 'http://127.0.0.1:1', 'The connection to the proxy 127.0.0.1:1 failed: ECONNREFUSED.'],
    [
      'has a name that does not resolve',
      'http://user:secret-EXAMPLE@proxy.nowhere.example.test:3128',
      'The connection to the proxy proxy.nowhere.example.test:3128 failed: ENOTFOUND.'
    ]
  ])('%s', async (_, proxy, message) => {
    const result = await inProcess.step({ ...INPUTS, ...OIDC }, { ...routed(), HTTPS_PROXY: proxy, HTTP_PROXY: proxy })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['error-type']).toBe('NetworkError')
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toContain(message)
    expect(result.log).not.toContain('secret-EXAMPLE')
    expect(emulator.requests).toEqual([])
  })
})

describe('a proxy that refuses the connection for another reason', () => {
  it('is named with its HTTP status, as a network failure', async () => {
    // The proxy routes only names under example.test: any other is refused with 502, tried again.
    const { result, proxy } = await behind({}, (proxy) =>
      inProcess.step(INPUTS, {
        ...ENV_CREDENTIALS,
        AWS_ENDPOINT_URL_CLEANROOMSML: 'http://cleanrooms.elsewhere.test:8443',
        HTTP_PROXY: proxy.url
      })
    )
    expect(result.outputs['error-type']).toBe('NetworkError')
    expect(errors(result)[0]).toMatch(
      /The proxy 127\.0\.0\.1:\d+ refused the connection to cleanrooms\.elsewhere\.test:8443\. \(HTTP 502, 12 attempts\)/
    )
    expect(proxy.requests.length).toBe(12)
  })
})
