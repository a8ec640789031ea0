// Region names as AWS SDKs read them, for the action's endpoint resolution (endpoints.ts).

/**
 * A FIPS pseudo-Region, `fips-us-east-1` or `us-gov-west-1-fips`, names a real Region and asks for
 * its FIPS endpoint. AWS SDKs read it so (isFipsRegion and getRealRegion in @smithy/core), for the
 * endpoint and for signing: the Region in a signature is always the real one.
 */
export function regionOf(region: string): { region: string; fips: boolean } {
  const real = region.replace(/^fips-|-fips$/, '')
  return { region: real, fips: real !== region }
}
