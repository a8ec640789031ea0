// Where requests go: AWS's own endpoint rules for Clean Rooms ML (the rule set shipped with
// the service model, evaluated by the SDK's rules engine with its partition data), after the
// SDK's standard endpoint overrides from the environment.
import { awsEndpointFunctions } from '@aws-sdk/util-endpoints'
import { customEndpointFunctions, resolveEndpoint, type RuleSetObject } from '@smithy/core/endpoints'
import ruleSet from '../../model/cleanroomsml.endpoint-rule-set.json' with { type: 'json' }
import { regionOf } from './regions.js'
import type { Environment } from '../inputs/settings.js'

customEndpointFunctions['aws'] = awsEndpointFunctions

export interface EndpointParams {
  Region?: string
  UseFIPS?: boolean
  UseDualStack?: boolean
  Endpoint?: string
}

export interface ResolvedEndpoint {
  url: string
  /** What chose it: an environment variable, or AWS's partition rules. */
  source: string
}

/** Evaluates AWS's endpoint rules for Clean Rooms ML; throws the rule set's own error text. */
export function resolveCleanRoomsMLEndpoint(params: EndpointParams): string {
  const endpoint = resolveEndpoint(ruleSet as unknown as RuleSetObject, {
    endpointParams: { UseFIPS: false, UseDualStack: false, ...params }
  })
  // The rules give a URL object; its text form adds a '/' path that the rules' URLs do not have.
  return endpoint.url.href.replace(/\/$/, '')
}

function flag(env: Environment, name: string): boolean {
  return env[name]?.trim().toLowerCase() === 'true'
}

/** The SDK's configured endpoint for a service: its own variable, then the global one. */
function configuredEndpoint(env: Environment, serviceVariable: string): { url: string; source: string } | undefined {
  if (flag(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS')) return undefined
  for (const name of [serviceVariable, 'AWS_ENDPOINT_URL']) {
    const url = env[name]?.trim()
    if (url) return { url, source: name }
  }
  return undefined
}

/**
 * The Clean Rooms ML endpoint for a region (or FIPS pseudo-Region), honouring
 * AWS_ENDPOINT_URL_CLEANROOMSML and friends.
 */
export function cleanRoomsMLEndpoint(region: string, env: Environment): ResolvedEndpoint {
  const configured = configuredEndpoint(env, 'AWS_ENDPOINT_URL_CLEANROOMSML')
  const real = regionOf(region)
  const url = resolveCleanRoomsMLEndpoint({
    Region: real.region,
    UseFIPS: real.fips || flag(env, 'AWS_USE_FIPS_ENDPOINT'),
    UseDualStack: flag(env, 'AWS_USE_DUALSTACK_ENDPOINT'),
    ...(configured ? { Endpoint: configured.url } : {})
  })
  return { url, source: configured?.source ?? 'AWS partition rules' }
}

/** The STS endpoint override, if any; without one the STS client resolves its regional endpoint. */
export function stsEndpointOverride(env: Environment): string | undefined {
  return configuredEndpoint(env, 'AWS_ENDPOINT_URL_STS')?.url
}
