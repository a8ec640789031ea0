// The valid inputs, ARNs and request the tests share: one launch that every check accepts, written
// as a workflow would write it. A test changes only what it is about: `{ ...VALID_INPUTS, name: 'x' }`.
import type { JobRequest, Settings } from '../../src/inputs/settings.js'

export const ACCOUNT = '123456789012'
export const MODEL_ARN = `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:configured-audience-model/lookalike-model`
export const OTHER_MODEL_ARN = `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:configured-audience-model/other-model`
export const SEED_ROLE = `arn:aws:iam::${ACCOUNT}:role/seed-reader`
export const DEPLOY_ROLE = `arn:aws:iam::${ACCOUNT}:role/github-deploy`
export const SEED_S3_URI = 's3://seed-bucket/seed.jsonl'
export const TEMPLATE_ARN = `arn:aws:cleanrooms:us-east-1:${ACCOUNT}:membership/m-1/analysistemplate/t-1`
export const JOB_ARN = `arn:aws:cleanrooms-ml:us-east-1:${ACCOUNT}:audience-generation-job/abc`

/** Every required input, with an S3 seed; credentials come from the environment. */
export const VALID_INPUTS = {
  name: 'weekly-audience',
  'configured-audience-model-arn': MODEL_ARN,
  'seed-audience-role-arn': SEED_ROLE,
  'seed-audience-s3-uri': SEED_S3_URI,
  'aws-region': 'us-east-1'
} satisfies Record<string, string>

const { 'seed-audience-s3-uri': _seed, ...seedless } = VALID_INPUTS
/** VALID_INPUTS without their seed source, for a test that gives another one. */
export const SEEDLESS_INPUTS = seedless

/** Credentials from the workflow's OIDC token, for a role to assume. */
export const OIDC = { 'role-to-assume': DEPLOY_ROLE } satisfies Record<string, string>

/** The request VALID_INPUTS make. */
export const VALID_REQUEST: JobRequest = {
  name: 'weekly-audience',
  configuredAudienceModelArn: MODEL_ARN,
  seedAudience: { roleArn: SEED_ROLE, dataSource: { s3Uri: SEED_S3_URI } }
}

/** The settings VALID_INPUTS and OIDC give, with the defaults of every other input. */
export const VALID_SETTINGS: Settings = {
  request: VALID_REQUEST,
  region: 'us-east-1',
  credentials: {
    source: 'oidc',
    roleArn: DEPLOY_ROLE,
    audience: 'sts.amazonaws.com',
    roleSessionName: 'GitHubActions',
    durationSeconds: 3600
  },
  waitForCompletion: false,
  waitTimeoutSeconds: 3600,
  ifExists: 'fail',
  dryRun: false,
  qualityGates: {}
}
