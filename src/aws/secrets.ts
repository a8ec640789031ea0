// Masking: every credential is registered with the runner's log masker before anything else
// can print it. Kept apart from credentials.ts so masking loads no AWS code.
import * as core from '@actions/core'
import type { AwsCredentialIdentity } from '@smithy/types'
import type { Environment } from '../inputs/settings.js'

const masked = new Set<string>()

/** Registers a value with the log masker, once. */
export function mask(value: string | undefined): void {
  if (!value || masked.has(value)) return
  masked.add(value)
  core.setSecret(value)
}

/** Masks each secret part of a set of credentials in the workflow log. */
export function maskCredentials(credentials: Partial<AwsCredentialIdentity>): void {
  for (const value of [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken]) mask(value)
}

/** Masks credentials found in the environment before any of them can reach a log line. */
export function maskEnvironmentCredentials(env: Environment): void {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) mask(env[name])
}
