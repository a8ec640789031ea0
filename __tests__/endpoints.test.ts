import { readFileSync } from 'node:fs'
import {
  cleanRoomsMLEndpoint,
  resolveCleanRoomsMLEndpoint,
  stsEndpointOverride,
  type EndpointParams
} from '../src/aws/endpoints.js'
import { regionOf } from '../src/aws/regions.js'

interface EndpointTestCase {
  documentation: string
  params?: EndpointParams
  expect: { endpoint?: { url: string }; error?: string }
}

// AWS's own endpoint test vectors for Clean Rooms ML, copied from the service model.
const vectors = JSON.parse(
  readFileSync(new URL('../model/cleanroomsml.endpoint-tests.json', import.meta.url), 'utf8')
) as { testCases: EndpointTestCase[] }

describe('endpoints follow AWS endpoint rules', () => {
  it('has the vectors', () => {
    expect(vectors.testCases.length).toBeGreaterThan(20)
  })

  it.each(vectors.testCases.map((c) => [c.documentation, c] as const))('%s', (_, testCase) => {
    const resolve = (): string => resolveCleanRoomsMLEndpoint(testCase.params ?? {})
    if (testCase.expect.error !== undefined) {
      expect(resolve).toThrow(testCase.expect.error)
    } else {
      expect(resolve()).toBe(testCase.expect.endpoint?.url)
    }
  })
})

describe('endpoint overrides from the environment', () => {
  it('uses the partition rules by default, with FIPS and dual-stack from the environment', () => {
    expect(cleanRoomsMLEndpoint('eu-west-2', {})).toEqual({
      url: 'https://cleanrooms-ml.eu-west-2.amazonaws.com',
      source: 'AWS partition rules'
    })
    expect(cleanRoomsMLEndpoint('cn-north-1', { AWS_USE_FIPS_ENDPOINT: 'true' }).url).toBe(
      'https://cleanrooms-ml-fips.cn-north-1.amazonaws.com.cn'
    )
    expect(cleanRoomsMLEndpoint('us-gov-west-1', { AWS_USE_DUALSTACK_ENDPOINT: 'TRUE' }).url).toBe(
      'https://cleanrooms-ml.us-gov-west-1.api.aws'
    )
  })

  it('prefers the service variable over the global one', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:1/', AWS_ENDPOINT_URL_CLEANROOMSML: 'http://127.0.0.1:2/' }
    expect(cleanRoomsMLEndpoint('us-east-1', env)).toEqual({
      url: 'http://127.0.0.1:2',
      source: 'AWS_ENDPOINT_URL_CLEANROOMSML'
    })
    expect(cleanRoomsMLEndpoint('us-east-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' }).source).toBe(
      'AWS_ENDPOINT_URL'
    )
  })

  it('ignores configured endpoints when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }
    expect(cleanRoomsMLEndpoint('us-east-1', env).url).toBe('https://cleanrooms-ml.us-east-1.amazonaws.com')
    expect(stsEndpointOverride(env)).toBeUndefined()
  })

  it('rejects FIPS with a custom endpoint, as the rules say', () => {
    expect(() =>
      cleanRoomsMLEndpoint('us-east-1', { AWS_ENDPOINT_URL: 'https://x.test', AWS_USE_FIPS_ENDPOINT: 'true' })
    ).toThrow('FIPS and custom endpoint are not supported')
  })

  it('finds the STS override', () => {
    expect(stsEndpointOverride({ AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:3' })).toBe('http://127.0.0.1:3')
    expect(stsEndpointOverride({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4' })).toBe('http://127.0.0.1:4')
    expect(stsEndpointOverride({})).toBeUndefined()
  })
})

describe('FIPS pseudo-Regions go to the FIPS endpoint of the real Region, as in AWS SDKs', () => {
  // Every vector that asks for FIPS with a Region and no custom endpoint, in every partition.
  const fipsVectors = vectors.testCases.filter(
    (c) => c.params?.UseFIPS === true && c.params.Region !== undefined && c.params.Endpoint === undefined
  )

  it('covers every partition of the vectors', () => {
    expect(fipsVectors.map((c) => c.params!.Region)).toEqual(
      expect.arrayContaining(['us-east-1', 'cn-north-1', 'us-gov-east-1', 'us-iso-east-1', 'us-isob-east-1'])
    )
  })

  it.each(fipsVectors.map((c) => [c.documentation, c] as const))('%s', (_, testCase) => {
    const region = testCase.params!.Region!
    const env = testCase.params!.UseDualStack ? { AWS_USE_DUALSTACK_ENDPOINT: 'true' } : {}
    for (const pseudo of [`fips-${region}`, `${region}-fips`]) {
      expect([pseudo, cleanRoomsMLEndpoint(pseudo, env).url]).toEqual([pseudo, testCase.expect.endpoint?.url])
      expect(regionOf(pseudo)).toEqual({ region, fips: true })
    }
  })

  it('leaves real Regions alone, and refuses a pseudo-Region with a custom endpoint as the rules do', () => {
    expect(regionOf('us-east-1')).toEqual({ region: 'us-east-1', fips: false })
    expect(() => cleanRoomsMLEndpoint('fips-us-east-1', { AWS_ENDPOINT_URL: 'https://x.test' })).toThrow(
      'FIPS and custom endpoint are not supported'
    )
  })
})
