// What went wrong, in words a workflow author can act on: one annotation per failure, titled
// with the exception's name, carrying the service's message, the request id and a hint for
// that kind of failure. Classification is by name and HTTP status, never by message text.
import type { Settings } from './inputs.js'
import type { LaunchProgress, Phase } from './launch.js'
import { isErrorLike } from './error-like.js'
import { inline } from './log.js'

export interface Failure {
  /** The exception name, reported in the `error-type` output. */
  errorType: string
  title: string
  /** Which phase of the step failed, in words: "Getting AWS credentials failed". */
  failedStep: string
  /** The annotation: what happened, its details, and what to do. */
  message: string
  /** What happened, as the service or the action said it. */
  reason: string
  /** What to do about it; empty when there is nothing to add. */
  hint: string
  requestId?: string
}

interface ErrorFacts {
  name: string
  message: string
  status?: number
  requestId?: string
  attempts?: number
  quotaName?: string
  quotaValue?: number
}

/** Node's codes for a connection that could not be made or was lost. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE'
])

interface NodeNetworkError {
  code?: unknown
  hostname?: unknown
  address?: unknown
  port?: unknown
  /** Node's connection attempts to each address of a host, when there were several. */
  errors?: NodeNetworkError[]
}

/** A network failure, named as such with Node's code and the host it tried, whichever client met it. */
function networkFacts(error: NodeNetworkError): { code: string; host?: string } | undefined {
  const cause = typeof error.code === 'string' ? error : error.errors?.[0]
  if (!cause || typeof cause.code !== 'string' || !NETWORK_ERROR_CODES.has(cause.code)) return undefined
  const host =
    typeof cause.hostname === 'string'
      ? cause.hostname
      : typeof cause.address === 'string'
        ? `${cause.address}${typeof cause.port === 'number' ? `:${cause.port}` : ''}`
        : undefined
  return { code: cause.code, ...(host ? { host } : {}) }
}

function factsOf(error: unknown): ErrorFacts {
  if (!isErrorLike(error)) return { name: 'Error', message: String(error) }
  const network = networkFacts(error as NodeNetworkError)
  const meta = (error as { $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number } }).$metadata
  const extra = error as { quotaName?: unknown; quotaValue?: unknown }
  return {
    name: network ? 'NetworkError' : error.name,
    message: network
      ? `The connection${network.host ? ` to ${network.host}` : ''} failed: ${network.code}.`
      : error.message,
    ...(meta?.httpStatusCode !== undefined ? { status: meta.httpStatusCode } : {}),
    ...(meta?.requestId ? { requestId: meta.requestId } : {}),
    ...(meta?.attempts !== undefined ? { attempts: meta.attempts } : {}),
    ...(typeof extra.quotaName === 'string' ? { quotaName: extra.quotaName } : {}),
    ...(typeof extra.quotaValue === 'number' ? { quotaValue: extra.quotaValue } : {})
  }
}

function accessDeniedHint(settings: Settings): string {
  const actions = [
    `cleanrooms-ml:StartAudienceGenerationJob on ${settings.request.configuredAudienceModelArn}`,
    `iam:PassRole on ${settings.request.seedAudience.roleArn} with the condition iam:PassedToService = cleanrooms-ml.amazonaws.com`
  ]
  if (settings.request.tags !== undefined) actions.push('cleanrooms-ml:TagResource (tags are sent with the job)')
  if (settings.ifExists === 'reuse') actions.push('cleanrooms-ml:ListAudienceGenerationJobs (if-exists: reuse)')
  if (settings.waitForCompletion) actions.push('cleanrooms-ml:GetAudienceGenerationJob (wait-for-completion)')
  return (
    `The identity the action runs as needs: ${actions.join('; ')}. ` +
    "For a configured audience model in another account, that model's resource policy must also allow " +
    'cleanrooms-ml:StartAudienceGenerationJob for your account.'
  )
}

function stsTrustHint(settings: Settings, env: Record<string, string | undefined>): string {
  const audience = settings.credentials.source === 'oidc' ? settings.credentials.audience : 'sts.amazonaws.com'
  const repository = env['GITHUB_REPOSITORY'] ?? 'OWNER/REPO'
  return (
    "Check the role's trust policy: it must trust the federated principal token.actions.githubusercontent.com " +
    `for sts:AssumeRoleWithWebIdentity, with token.actions.githubusercontent.com:aud = ${audience} and a ` +
    `token.actions.githubusercontent.com:sub condition that matches this workflow (for example repo:${repository}:*).`
  )
}

/**
 * Only reached with if-exists: fail (reuse carries on with the job). Says why the name was taken in the way
 * this step was run: a lost answer, a re-run (github.run_id in the name stays the same across attempts),
 * another job of the same run, or a name that is the same on every run.
 */
function conflictHint(facts: ErrorFacts, settings: Settings, env: Record<string, string | undefined>): string {
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
      'it on re-runs, or add github.run_attempt to the name to start a new job on every attempt.'
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
function cancelledHint(settings: Settings, progress: LaunchProgress): string {
  if (progress.jobArn) {
    return `The job keeps running in AWS: ${progress.jobArn} (in the step's outputs).`
  }
  if (progress.phase === 'start') {
    return (
      `The request to start job "${settings.request.name}" was in flight, so the job may have been created. ` +
      'Re-run with if-exists: reuse to carry on with it if it exists, or look for it in the AWS Clean Rooms console.'
    )
  }
  return 'No job was started.'
}

/** The hint for each failure; unknown failures get one from their HTTP status. */
function hintFor(
  facts: ErrorFacts,
  settings: Settings,
  env: Record<string, string | undefined>,
  progress: LaunchProgress
): string {
  switch (facts.name) {
    case 'ConflictException':
      return conflictHint(facts, settings, env)
    case 'ValidationException':
      return (
        'Clean Rooms ML rejected the request. The action checks every input against the API model first, so this is ' +
        'a rule only the service knows: for example the seed size, the state of the configured audience model, or the ' +
        "seed role's access to the seed data."
      )
    case 'AccessDeniedException':
      return accessDeniedHint(settings)
    case 'ResourceNotFoundException':
      return (
        `Check that the configured audience model ${settings.request.configuredAudienceModelArn} exists in ` +
        `${settings.region}, and that collaboration-id (if given) names a collaboration this account belongs to.`
      )
    case 'ServiceQuotaExceededException':
      return (
        `Quota ${facts.quotaName ?? 'on audience generation jobs'}${facts.quotaValue !== undefined ? ` (${facts.quotaValue})` : ''} ` +
        'is reached: by default at most 10 audience generation jobs may be pending or in progress per account and Region. ' +
        'Wait for running jobs to finish, or request a higher quota in Service Quotas.'
      )
    case 'ThrottlingException':
    case 'Throttling':
      return 'AWS kept throttling the request after every retry. Run fewer jobs at once, or re-run the workflow later.'
    case 'InvalidIdentityTokenException':
    case 'InvalidIdentityToken':
    case 'IDPRejectedClaimException':
    case 'AccessDenied':
      return stsTrustHint(settings, env)
    case 'ExpiredTokenException':
      return 'The OIDC token expired before STS saw it; re-run the job.'
    case 'StepCancelled':
      return `The action stopped at once. ${cancelledHint(settings, progress)}`
    case 'WaitTimeout':
      return 'Raise wait-timeout-seconds (at most 21600), or check the job in the AWS console.'
    case 'JobFailed':
      return "See the job in the AWS Clean Rooms console for details; the seed data and the seed role's access are common causes."
    case 'AudienceQualityBelowThreshold':
      return (
        'The job finished and its audience exists; this step failed so that later steps do not use it. Its ARN ' +
        'and metrics are in the outputs (recall-metric, relevance-metrics). Improve the seed or the model, or ' +
        'change the threshold if it is stricter than intended.'
      )
    case 'AudienceQualityUnavailable':
      return (
        'A gate on a metric the job does not report is not passed. Check relevance-audience-size against the ' +
        'sizes the job reports (relevance-metrics output; a percentage as 20%, a number of users as 100000), or ' +
        'remove the gate.'
      )
    case 'ExistingJobMismatch':
      return 'With if-exists: reuse, only a job of the same name, model and collaboration is reused.'
    case 'NetworkError':
      return (
        'The request could not reach the service, after every retry. Check that the runner can reach AWS (and, ' +
        "with role-to-assume, GitHub's OIDC token endpoint), including its proxy settings (HTTPS_PROXY, NO_PROXY), then re-run."
      )
    case 'TimeoutError':
      return (
        "No answer came in time, after every retry. Check the runner's network access to AWS (and, with " +
        "role-to-assume, to GitHub's OIDC token endpoint), then re-run."
      )
    default:
      if (facts.status !== undefined && facts.status >= 500) {
        return "AWS answered with a server error after every retry. This is on AWS's side: re-run the workflow later."
      }
      return ''
  }
}

function details(facts: ErrorFacts): string {
  const parts = [
    ...(facts.status !== undefined ? [`HTTP ${facts.status}`] : []),
    ...(facts.requestId ? [`request id ${facts.requestId}`] : []),
    ...(facts.attempts !== undefined ? [`${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'}`] : [])
  ]
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

const PHASES: Record<Phase, string> = {
  credentials: 'Getting AWS credentials',
  start: 'Starting the audience generation job',
  reuse: 'Finding the existing job to reuse',
  wait: 'Waiting for the audience generation job',
  quality: 'Checking the audience quality'
}

/** Describes a failure of the step, for one error annotation and the `error-type` output. */
export function describeFailure(
  error: unknown,
  settings: Settings,
  env: Record<string, string | undefined>,
  progress: LaunchProgress
): Failure {
  const facts = factsOf(error)
  const doing = PHASES[progress.phase]
  const hint = hintFor(facts, settings, env, progress)
  const serviceMessage = facts.message.trim() || 'no message'
  return {
    errorType: facts.name,
    // The name may be the service's: a title is one line.
    title: `${inline(facts.name)}: ${doing} failed`,
    failedStep: `${doing} failed`,
    message: `${serviceMessage}${details(facts)}${hint ? `\n${hint}` : ''}`,
    reason: serviceMessage,
    hint,
    ...(facts.requestId ? { requestId: facts.requestId } : {})
  }
}
