// Every error-type the step can report, in one table: where it comes from, and what to do about
// it. Failures are told apart by these names (and HTTP status), never by message text. The
// README's list of error types is checked against this table.
import type { Environment, Settings } from '../inputs/settings.js'
import type { StepState } from './progress.js'

/** What is known of a failure, for its annotation and its hint. */
export interface ErrorFacts {
  name: string
  message: string
  status?: number
  requestId?: string
  attempts?: number
  quotaName?: string
  quotaValue?: number
}

/** What a hint may draw on: the failure, the inputs, the runner's variables and how far the step got. */
export interface HintContext {
  facts: ErrorFacts
  settings: Settings
  env: Environment
  progress: StepState
}

/**
 * Who names the error: the action itself, Clean Rooms ML, STS (for role-to-assume), or any AWS service (the
 * errors every AWS API may answer with: authentication, signing, the account's state, AWS's own failures).
 */
type ErrorOrigin = 'action' | 'service' | 'sts' | 'aws'

interface ErrorTypeEntry {
  origin: ErrorOrigin
  /** What to do about it, as text or drawn from the context. */
  hint: string | ((context: HintContext) => string)
}

function accessDeniedHint({ settings }: HintContext): string {
  const actions = [
    `cleanrooms-ml:StartAudienceGenerationJob on ${settings.request.configuredAudienceModelArn}`,
    `iam:PassRole on ${settings.request.seedAudience.roleArn} with the condition iam:PassedToService = cleanrooms-ml.amazonaws.com`
  ]
  if (settings.request.tags !== undefined) actions.push('cleanrooms-ml:TagResource (tags are sent with the job)')
  if (settings.ifExists !== 'fail') {
    actions.push(`cleanrooms-ml:ListAudienceGenerationJobs (if-exists: ${settings.ifExists})`)
  }
  if (settings.ifExists === 'replace-failed') {
    actions.push(
      'cleanrooms-ml:DeleteAudienceGenerationJob and cleanrooms-ml:GetAudienceGenerationJob on the job ' +
        '(if-exists: replace-failed deletes a failed job of the same name and waits until it is gone)'
    )
  }
  if (settings.waitForCompletion) actions.push('cleanrooms-ml:GetAudienceGenerationJob (wait-for-completion)')
  return (
    `The identity the action runs as needs: ${actions.join('; ')}. ` +
    "For a configured audience model in another account, that model's resource policy must also allow " +
    'cleanrooms-ml:StartAudienceGenerationJob for your account.'
  )
}

function stsTrustHint({ settings, env }: HintContext): string {
  if (settings.credentials.source === 'chained') return chainedTrustHint(settings.credentials)
  const audience = settings.credentials.source === 'oidc' ? settings.credentials.audience : 'sts.amazonaws.com'
  const repository = env['GITHUB_REPOSITORY'] ?? 'OWNER/REPO'
  return (
    "Check the role's trust policy: it must trust the federated principal token.actions.githubusercontent.com " +
    `for sts:AssumeRoleWithWebIdentity, with token.actions.githubusercontent.com:aud = ${audience} and a ` +
    `token.actions.githubusercontent.com:sub condition that matches this workflow (for example repo:${repository}:*).`
  )
}

/** STS refused AssumeRole with the environment's credentials (role-chaining): the role's trust policy decides. */
function chainedTrustHint(credentials: Extract<Settings['credentials'], { source: 'chained' }>): string {
  return (
    `STS refused to let the environment's credentials assume ${credentials.roleArn} (role-chaining). Check that ` +
    "role's trust policy: it must allow sts:AssumeRole for the source identity, the role or user whose " +
    'credentials an earlier step left in the environment (named in the message above), and that identity needs ' +
    'sts:AssumeRole on the role in its own policies. ' +
    (credentials.externalId !== undefined
      ? "The trust policy's sts:ExternalId condition must equal role-external-id."
      : 'If the trust policy requires an external id (an sts:ExternalId condition), set role-external-id to it.')
  )
}

function credentialsNotFoundHint({ settings }: HintContext): string {
  if (settings.credentials.source === 'chained') {
    return (
      'With role-chaining: true, role-to-assume is assumed with credentials from an earlier step: run ' +
      'aws-actions/configure-aws-credentials (or another step that exports AWS credentials) before this one, or ' +
      'run on a runner with an instance or container role. Without role-chaining, role-to-assume uses the ' +
      "workflow's OIDC token instead."
    )
  }
  return (
    'Either set role-to-assume (with `permissions: id-token: write` on the job) to assume a role with the ' +
    "workflow's OIDC token, or run aws-actions/configure-aws-credentials in an earlier step."
  )
}

/**
 * Only reached with if-exists: fail (reuse carries on with the job). Says why the name was taken in the way
 * this step was run: a lost answer, a re-run (github.run_id in the name stays the same across attempts),
 * another job of the same run, or a name that is the same on every run.
 */
function conflictHint({ facts, settings, env }: HintContext): string {
  const name = settings.request.name
  if (facts.attempts !== undefined && facts.attempts > 1) {
    return (
      `A job named "${name}" exists now, but an earlier attempt of this step lost its answer: ` +
      'that attempt most likely created it. Set if-exists: reuse to carry on with it, or choose another name.'
    )
  }
  const runId = env['GITHUB_RUN_ID']
  const attempt = Number(env['GITHUB_RUN_ATTEMPT'] ?? '1')
  if (runId && name.includes(runId) && attempt > 1) {
    return (
      `A job named "${name}" already exists: this is attempt ${attempt} of run ${runId}, and a re-run keeps ` +
      'github.run_id, so an earlier attempt most likely started this job. Set if-exists: reuse to carry on with ' +
      'it on re-runs (if-exists: replace-failed also replaces it when it failed), or add github.run_attempt to ' +
      'the name to start a new job on every attempt.'
    )
  }
  if (runId && name.includes(runId)) {
    return (
      `A job named "${name}" already exists, and its name includes this run's id (${runId}): another job or ` +
      'step of this run (a matrix leg, for example) most likely started it. Add what tells them apart to the ' +
      'name (for example github.job or a matrix value), or set if-exists: reuse if they should share one job.'
    )
  }
  return (
    `A job named "${name}" already exists in this account: job names are unique per account, and this name is ` +
    'the same on every run. Include github.run_id in the name so that each run starts its own job, with ' +
    'if-exists: reuse so that a re-run carries on with the job its first attempt started; or set ' +
    'if-exists: reuse alone to carry on with the existing job.'
  )
}

/** What a cancellation left behind, by the phase it stopped. */
function cancelledHint({ settings, progress }: HintContext): string {
  if (progress.jobArn) {
    return `The job keeps running in AWS: ${progress.jobArn} (in the step's outputs).`
  }
  if (progress.phase === 'start') {
    return (
      `The request to start job "${settings.request.name}" was in flight, so the job may have been created. ` +
      'Re-run with if-exists: reuse to carry on with it if it exists, or look for it in the AWS Clean Rooms console.'
    )
  }
  if (progress.replacing) {
    return (
      `The failed job ${progress.replacing} was being replaced: it may be deleted, and no new job was started. ` +
      'Re-run with if-exists: replace-failed to carry on.'
    )
  }
  return 'No job was started.'
}

/**
 * Where the credentials that signed the failed request came from, in words, and what to change about them.
 * With role-chaining, the environment's credentials sign the request to STS, and the role session the rest.
 */
function credentialsFix({ settings, progress }: HintContext): string {
  const credentials = settings.credentials
  const chaining = credentials.source === 'chained' && progress.phase === 'credentials'
  if (credentials.source !== 'environment' && !chaining) {
    return (
      `The credentials are the role session STS gave for role-to-assume (${credentials.roleArn}): check ` +
      'that AWS_ENDPOINT_URL_STS, if set, points at STS of the same partition as Clean Rooms ML, and that no proxy ' +
      'changes the requests, then re-run.'
    )
  }
  return (
    `The credentials came from the environment${chaining ? ', to assume role-to-assume with (role-chaining)' : ''} ` +
    '(the AWS SDK default chain: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, for example from ' +
    'aws-actions/configure-aws-credentials in an earlier step, or a profile). Check the secrets that provide ' +
    "them, or set role-to-assume without role-chaining to use the workflow's OIDC token instead."
  )
}

function incompleteSignatureHint(context: HintContext): string {
  return (
    "The request's Authorization header was incomplete when AWS read it: a part of the credentials is empty " +
    '(AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY set to an empty secret, for example), or a proxy or firewall ' +
    `rewrote the header. ${credentialsFix(context)}`
  )
}

function unknownKeyHint(context: HintContext): string {
  return (
    'AWS does not know the access key the request was signed with: the key was deleted or rotated, a character ' +
    'of it is wrong, it belongs to another partition (aws-cn, aws-us-gov), or its session token is missing or ' +
    `from another session. ${credentialsFix(context)}`
  )
}

function signatureHint(context: HintContext): string {
  return (
    "The request's signature did not match: the secret access key does not belong to the access key ID (a " +
    'secret pasted with a space or line break at its end is a common cause), or something between the runner ' +
    "and AWS changed the request. A runner's clock that is off is corrected on its own and is not the cause. " +
    credentialsFix(context)
  )
}

/** An expired token means something else for each source of credentials, and for each phase. */
function expiredTokenHint({ settings, progress }: HintContext): string {
  const exchanging = progress.phase === 'credentials'
  const source = settings.credentials.source
  if (source !== 'environment' && !exchanging) {
    return (
      'The role session from role-to-assume expired before AWS saw the request, although the action renews it ' +
      "before it expires: check that the runner's clock is right, then re-run the job."
    )
  }
  if (source === 'oidc') return "The workflow's OIDC token expired before STS saw it: re-run the job."
  if (source === 'chained') return ENVIRONMENT_SESSION_EXPIRED
  return exchanging
    ? "The token the AWS SDK's default chain exchanged for credentials had expired (for example the file named by " +
        'AWS_WEB_IDENTITY_TOKEN_FILE, or an SSO session): renew it, or set role-to-assume to use the ' +
        "workflow's OIDC token."
    : ENVIRONMENT_SESSION_EXPIRED
}

const ENVIRONMENT_SESSION_EXPIRED =
  'The session credentials in the environment (AWS_SESSION_TOKEN, for example from ' +
  'aws-actions/configure-aws-credentials in an earlier step) have expired: they last as long as that step ' +
  'asked, one hour by default. Get them right before this step or for longer (its role-duration-seconds), or ' +
  'set role-to-assume: the action renews its own credentials during a wait.'

function throttledOrServer(status: number | undefined): string | undefined {
  if (status === 429) return THROTTLED
  if (status !== undefined && status >= 500) return SERVER_ERROR
  return undefined
}

/**
 * An answer without an AWS error type did not come from AWS's API, most likely: a proxy, a firewall or a
 * gateway on the way answered instead, or the endpoint is not Clean Rooms ML's.
 */
function untypedAnswerHint({ facts }: HintContext): string {
  const status = facts.status
  const known = throttledOrServer(status)
  if (known) return known
  const what = `The answer${status !== undefined ? ` (HTTP ${status})` : ''} carried no AWS error type`
  if (status === 407) {
    return `${what}: the proxy refused its credentials. Check the user and password in HTTPS_PROXY (or HTTP_PROXY).`
  }
  if (status === 404) {
    return (
      `${what}, so it most likely did not come from Clean Rooms ML: check AWS_ENDPOINT_URL_CLEANROOMSML, ` +
      'AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_STS if set, and any proxy on the way (HTTPS_PROXY, NO_PROXY).'
    )
  }
  return (
    `${what}, so it most likely came from something between the runner and AWS, such as a proxy, a firewall ` +
    'or a gateway, that refused the request. Check that the runner may reach ' +
    "AWS's endpoints, the proxy settings (HTTPS_PROXY, NO_PROXY) and any AWS_ENDPOINT_URL variable, then re-run."
  )
}

/**
 * The names an answer without an AWS error type gets: `HTTP<status>` from the Clean Rooms ML client, and from the
 * SDK's STS client `Unknown` (or `UnknownError`), or `NotFound` for a 404.
 */
function isUntyped(name: string, status: number | undefined): boolean {
  return (
    /^HTTP\d{3}$/.test(name) || name === 'Unknown' || name === 'UnknownError' || (name === 'NotFound' && status === 404)
  )
}

/** An error of a name the table does not know, from AWS or elsewhere. */
function otherErrorHint(context: HintContext): string {
  const { name, status } = context.facts
  if (isUntyped(name, status)) return untypedAnswerHint(context)
  const known = throttledOrServer(status)
  if (known) return known
  if (status !== undefined && status >= 400) {
    return (
      `AWS refused the request with ${name}; its message says why. Correct what it names (an input, a ` +
      'permission, the state of a resource), then re-run.'
    )
  }
  return (
    'The action did not expect this failure. Re-run the job; if it happens again, report it with the log of ' +
    'this step.'
  )
}

const THROTTLED =
  'AWS kept throttling the request after every retry. Run fewer jobs at once, or re-run the workflow later.'
const MISSING_AUTHENTICATION =
  'AWS got the request without a signature it could read, or at a path it does not serve: check ' +
  'AWS_ENDPOINT_URL_CLEANROOMSML, AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_STS if set (an endpoint of another ' +
  'service answers this way), and any proxy that removes the Authorization header.'
const SERVER_ERROR =
  "AWS answered with a server error after every retry. This is on AWS's side: re-run the workflow later."
const CONTRACT_BROKEN =
  "The service's answer broke the API's contract, so nothing was taken from it. Re-run the workflow; if it " +
  'happens again, report it to AWS with the request id.'

/** Every error type, with its hint. Errors of other names get a hint from their HTTP status. */
export const ERROR_TYPES = {
  InvalidInput: {
    origin: 'action',
    hint: 'Correct the inputs named in the annotations (all of them are in the log and the job summary); nothing was sent to AWS.'
  },
  ConflictException: { origin: 'service', hint: conflictHint },
  ValidationException: {
    origin: 'service',
    hint:
      'Clean Rooms ML rejected the request. The action checks every input against the API model first, so this is ' +
      'a rule only the service knows: for example the seed size, the state of the configured audience model, or the ' +
      "seed role's access to the seed data."
  },
  AccessDeniedException: { origin: 'service', hint: accessDeniedHint },
  ResourceNotFoundException: {
    origin: 'service',
    hint: ({ settings }) =>
      `Check that the configured audience model ${settings.request.configuredAudienceModelArn} exists in ` +
      `${settings.region}, and that collaboration-id (if given) names a collaboration this account belongs to.`
  },
  ServiceQuotaExceededException: {
    origin: 'service',
    hint: ({ facts }) =>
      `Quota ${facts.quotaName ?? 'on audience generation jobs'}${facts.quotaValue !== undefined ? ` (${facts.quotaValue})` : ''} ` +
      'is reached: by default at most 10 audience generation jobs may be pending or in progress per account and Region. ' +
      'Wait for running jobs to finish, or request a higher quota in Service Quotas.'
  },
  ThrottlingException: { origin: 'service', hint: THROTTLED },
  InvalidIdentityTokenException: { origin: 'sts', hint: stsTrustHint },
  InvalidIdentityToken: { origin: 'sts', hint: stsTrustHint },
  IDPRejectedClaimException: { origin: 'sts', hint: stsTrustHint },
  AccessDenied: { origin: 'sts', hint: stsTrustHint },
  IDPCommunicationErrorException: {
    origin: 'sts',
    hint: "STS could not reach GitHub's OIDC provider to check the token. This is seldom lasting: re-run the job."
  },
  MalformedPolicyDocumentException: {
    origin: 'sts',
    hint:
      'STS refused the session policy of the role session. The action passes none of its own: check the ' +
      "role's trust policy and any session policy set for it, then re-run."
  },
  PackedPolicyTooLargeException: {
    origin: 'sts',
    hint:
      "The role session's policies and tags are too large for STS. The action passes none of its own: check " +
      'the session tags and policies the role is given.'
  },
  RegionDisabledException: {
    origin: 'sts',
    hint: ({ settings }) =>
      `STS is not activated in ${settings.region} for this account. Activate it in the IAM console ` +
      '(Account settings, Security Token Service endpoints), or enable the Region for the account.'
  },
  ValidationError: {
    origin: 'sts',
    hint:
      'STS refused a parameter of the role session: most often role-duration-seconds is longer than the ' +
      "role's maximum session duration (one hour unless the role allows more). Lower role-duration-seconds or " +
      "raise the role's maximum session duration; role-session-name must be 2 to 64 characters of [\\w+=,.@-]."
  },
  ExpiredTokenException: { origin: 'aws', hint: expiredTokenHint },
  ExpiredToken: { origin: 'aws', hint: expiredTokenHint },
  Throttling: { origin: 'sts', hint: THROTTLED },
  UnrecognizedClientException: { origin: 'aws', hint: unknownKeyHint },
  InvalidClientTokenId: { origin: 'aws', hint: unknownKeyHint },
  InvalidSignatureException: { origin: 'aws', hint: signatureHint },
  SignatureDoesNotMatch: { origin: 'aws', hint: signatureHint },
  IncompleteSignature: { origin: 'aws', hint: incompleteSignatureHint },
  IncompleteSignatureException: { origin: 'aws', hint: incompleteSignatureHint },
  MissingAuthenticationToken: { origin: 'aws', hint: MISSING_AUTHENTICATION },
  MissingAuthenticationTokenException: { origin: 'aws', hint: MISSING_AUTHENTICATION },
  RequestExpired: {
    origin: 'aws',
    hint:
      'AWS saw the request too long after it was signed: something on the way (a proxy) held it, or the ' +
      "runner's clock is far off. Re-run the job; if it happens again, check the runner's clock and proxy."
  },
  NotAuthorized: { origin: 'aws', hint: accessDeniedHint },
  OptInRequired: {
    origin: 'aws',
    hint: ({ settings }) =>
      `The account is not subscribed to the service in ${settings.region}: that Region may need to be enabled ` +
      'for the account (opt-in Regions), or the account is not yet fully set up. Enable it, or use another aws-region.'
  },
  InvalidAction: {
    origin: 'aws',
    hint:
      'The endpoint does not know the operation: AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_CLEANROOMSML or ' +
      'AWS_ENDPOINT_URL probably points at another service. Correct or remove it.'
  },
  InternalServiceException: { origin: 'service', hint: SERVER_ERROR },
  InternalFailure: { origin: 'aws', hint: SERVER_ERROR },
  ServiceUnavailable: { origin: 'aws', hint: SERVER_ERROR },
  MissingIdTokenPermission: {
    origin: 'action',
    hint: 'Add `permissions: id-token: write` (and `contents: read`) to the job or the workflow.'
  },
  CredentialsNotFound: { origin: 'action', hint: credentialsNotFoundHint },
  OidcTokenUnavailable: {
    origin: 'action',
    hint:
      "GitHub's OIDC token endpoint gave no token. Re-run the job; if it happens again, check that the job has " +
      '`permissions: id-token: write` and that GitHub Actions is not having an incident.'
  },
  ExistingJobMismatch: {
    origin: 'action',
    hint: 'With if-exists: reuse, only a job of the same name, model and collaboration is reused.'
  },
  ExistingJobNotReusable: {
    origin: 'action',
    hint:
      'Only a job that is CREATE_PENDING, CREATE_IN_PROGRESS or ACTIVE is reused; its ARN and status are in ' +
      'the outputs. Choose a new job name (for example with github.run_attempt), or set ' +
      'if-exists: replace-failed so that a re-run deletes a CREATE_FAILED job of that name and starts it again.'
  },
  DeletionTimeout: {
    origin: 'action',
    hint:
      'if-exists: replace-failed waits a few minutes for the failed job to be deleted. Re-run later: the ' +
      'deletion goes on in AWS, and a re-run waits for it again; or choose a new job name.'
  },
  JobFailed: {
    origin: 'action',
    hint: "See the job in the AWS Clean Rooms console for details; the seed data and the seed role's access are common causes."
  },
  WaitTimeout: {
    origin: 'action',
    hint: 'Raise wait-timeout-seconds (at most 21600), or check the job in the AWS console.'
  },
  AudienceQualityBelowThreshold: {
    origin: 'action',
    hint:
      'The job finished and its audience exists; this step failed so that later steps do not use it. Its ARN ' +
      'and metrics are in the outputs (recall-metric, relevance-metrics). Improve the seed or the model, or ' +
      'change the threshold if it is stricter than intended.'
  },
  AudienceQualityUnavailable: {
    origin: 'action',
    hint:
      'A gate on a metric the job does not report is not passed. Check relevance-audience-size against the ' +
      'sizes the job reports (relevance-metrics output; a percentage as 20%, a number of users as 100000), or ' +
      'remove the gate.'
  },
  StepCancelled: { origin: 'action', hint: (context) => `The action stopped at once. ${cancelledHint(context)}` },
  TimeoutError: {
    origin: 'action',
    hint:
      "No answer came in time, after every retry. Check the runner's network access to AWS (and, with " +
      "role-to-assume, to GitHub's OIDC token endpoint), then re-run."
  },
  NetworkError: {
    origin: 'action',
    hint:
      'The request could not reach the service, after every retry. Check that the runner can reach AWS (and, ' +
      "with role-to-assume, GitHub's OIDC token endpoint), including its proxy settings (HTTPS_PROXY, NO_PROXY), then re-run."
  },
  ProxyAuthenticationRequired: {
    origin: 'action',
    hint:
      'The proxy answered HTTP 407, so the request was not tried again. Check the user name and password in the ' +
      'proxy URL (HTTPS_PROXY, or HTTP_PROXY for http:// endpoints), written as http://USER:PASSWORD@HOST:PORT with ' +
      'special characters percent-encoded, or add the hosts that should not go through the proxy to NO_PROXY.'
  },
  MalformedResponse: { origin: 'action', hint: CONTRACT_BROKEN },
  UnexpectedResponse: {
    origin: 'action',
    hint:
      'The ARN is not passed on to later steps. If the job was started, find it in the AWS Clean Rooms console, ' +
      'or re-run with if-exists: reuse.'
  },
  ResponseTooLarge: { origin: 'action', hint: CONTRACT_BROKEN }
} satisfies Record<string, ErrorTypeEntry>

/** Every `error-type` of the table; other names come from the service or STS as they answered. */
export type ErrorType = keyof typeof ERROR_TYPES

/** The error types the action raises itself. */
export type ActionErrorType = {
  [Type in ErrorType]: (typeof ERROR_TYPES)[Type]['origin'] extends 'action' ? Type : never
}[ErrorType]

/** A failure the action explains itself; `name` is what `error-type` reports. */
export class ActionError extends Error {
  declare readonly $metadata?: { httpStatusCode?: number }

  constructor(
    override readonly name: ActionErrorType,
    message: string,
    /** An HTTP status that came with it, by which the retry logic classifies it. */
    httpStatusCode?: number
  ) {
    super(message)
    if (httpStatusCode !== undefined) this.$metadata = { httpStatusCode }
  }
}

function isErrorType(name: string): name is ErrorType {
  return Object.hasOwn(ERROR_TYPES, name)
}

/**
 * The hint for a failure. Errors outside the table get one from their HTTP status: an answer with no AWS error
 * type is told apart from an error AWS named.
 */
export function hintFor(context: HintContext): string {
  const { name } = context.facts
  if (isErrorType(name)) {
    const hint: ErrorTypeEntry['hint'] = ERROR_TYPES[name].hint
    return typeof hint === 'string' ? hint : hint(context)
  }
  return otherErrorHint(context)
}

// Errors are recognised by shape rather than `instanceof`: errors from Node's own modules come
// from another realm under some runners and test sandboxes, and must be classified all the same.
export function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).name === 'string'
}
