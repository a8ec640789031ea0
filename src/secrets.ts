// Masking: every credential is registered with the runner's log masker before anything else
// can print it. Kept apart from credentials.ts so masking loads no AWS code.
import * as core from '@actions/core'
import type { AwsCredentialIdentity } from '@smithy/types'
import type { Environment } from './endpoints.js'

/** Masks each secret part of a set of credentials in the workflow log. */
export function maskCredentials(credentials: Partial<AwsCredentialIdentity>): void {
  for (const value of [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken]) {
    if (value) core.setSecret(value)
  }
}

/** Masks credentials found in the environment before any of them can reach a log line. */
export function maskEnvironmentCredentials(env: Environment): void {
  maskCredentials({
    accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '',
    secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? '',
    ...(env['AWS_SESSION_TOKEN'] ? { sessionToken: env['AWS_SESSION_TOKEN'] } : {})
  })
}
