// Region names as AWS SDKs read them: the client signs with the real Region, and the action's
// endpoint resolution (aws/endpoints.ts) reads FIPS pseudo-Regions the same way. A file of its own so
// that the endpoint resolution loads none of the client.

/**
 * A FIPS pseudo-Region, `fips-us-east-1` or `us-gov-west-1-fips`, names a real Region and asks for
 * its FIPS endpoint. AWS SDKs read it so (isFipsRegion and getRealRegion in @smithy/core), for the
 * endpoint and for signing: the Region in a signature is always the real one.
 */
export function regionOf(region: string): { region: string; fips: boolean } {
  const real = region.replace(/^fips-|-fips$/, '')
  return { region: real, fips: real !== region }
}
