// End to end: a FIPS pseudo-Region (`fips-us-east-1`, `us-gov-west-1-fips`) is read as AWS SDKs
// read it, the FIPS endpoint of the real Region, in every partition. A dry run shows where the
// request would go without sending it (nothing at these addresses is reachable from a test).
import { runAction } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'

const INPUTS = {
  ...VALID_INPUTS,
  name: 'fips-audience',
  'role-to-assume': 'arn:aws:iam::123456789012:role/deploy',
  'dry-run': 'true'
}

describe('FIPS pseudo-Regions send to the FIPS endpoint of the real Region', () => {
  it.each([
    ['fips-us-east-1', 'https://cleanrooms-ml-fips.us-east-1.amazonaws.com'],
    ['us-east-1-fips', 'https://cleanrooms-ml-fips.us-east-1.amazonaws.com'],
    ['us-gov-west-1-fips', 'https://cleanrooms-ml-fips.us-gov-west-1.amazonaws.com'],
    ['fips-us-gov-east-1', 'https://cleanrooms-ml-fips.us-gov-east-1.amazonaws.com'],
    ['fips-cn-north-1', 'https://cleanrooms-ml-fips.cn-north-1.amazonaws.com.cn'],
    ['us-iso-east-1-fips', 'https://cleanrooms-ml-fips.us-iso-east-1.c2s.ic.gov']
  ])('%s', async (region, endpoint) => {
    const result = await runAction({ inputs: { ...INPUTS, 'aws-region': region }, env: { PATH: process.env['PATH'] } })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`POST ${endpoint}/audience-generation-job`)
  })

  it('refuses a pseudo-Region with a custom endpoint, naming the Region input', async () => {
    const result = await runAction({
      inputs: { ...INPUTS, 'aws-region': 'fips-us-east-1' },
      env: { PATH: process.env['PATH'], AWS_ENDPOINT_URL_CLEANROOMSML: 'http://127.0.0.1:9' }
    })
    expect(result.code).toBe(1)
    expect(result.annotations.map((a) => a.title)).toEqual(['Invalid input: aws-region'])
    expect(result.annotations[0]!.message).toContain('FIPS and custom endpoint are not supported')
  })
})
