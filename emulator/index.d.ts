/** Types of the local AWS emulator (index.js), for TypeScript tests in strict mode. */

export type ServiceName = 'cleanrooms-ml' | 'sts' | 'oidc'

export type JobStatus =
  | 'CREATE_PENDING'
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'ACTIVE'
  | 'DELETE_PENDING'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_FAILED'

export interface StatusDetails {
  statusCode?: string
  message?: string
}

export interface AudienceSize {
  type: 'ABSOLUTE' | 'PERCENTAGE'
  value: number
}

export interface RelevanceMetric {
  audienceSize: AudienceSize
  score?: number
}

/** A job's quality metrics, as GetAudienceGenerationJob reports them once the job is ACTIVE. */
export interface AudienceQualityMetrics {
  relevanceMetrics: RelevanceMetric[]
  recallMetric?: number
}

/** The metrics jobs report by default: relevance at 5%, 20%, 50%, 100,000 and 1,000,000, and a recall. */
export declare const DEFAULT_METRICS: Readonly<AudienceQualityMetrics>

export interface LongTermCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  /** Account the key belongs to; defaults to the emulator's accountId. */
  accountId?: string
  /** The identity STS names for the key (in AccessDenied, and as a trusted principal); default a user of the account. */
  arn?: string
}

/**
 * What a role's trust policy asks of STS AssumeRole: the external id it requires (sts:ExternalId), and the
 * principals it trusts (a user's or role's ARN, or an account's `arn:aws:iam::<account>:root`). A role not
 * configured trusts every caller whose signature verifies; a refused call is AccessDenied.
 */
export interface RoleTrust {
  externalId?: string
  trustedPrincipals?: string[]
}

export interface EmulatorOptions {
  region?: string
  accountId?: string
  /** Largest List page, whatever maxResults asks for. Default 100. */
  pageSize?: number
  /** Added before every response of every service. Default 0. */
  delayMs?: number
  /** Long-term key pairs Clean Rooms ML accepts (STS-issued ones are accepted too). */
  credentials?: LongTermCredentials[]
  /** Statuses a new job goes through, one step per Get. Default CREATE_PENDING, CREATE_IN_PROGRESS, ACTIVE. */
  statusSequence?: JobStatus[]
  /** Set on a job when it reaches CREATE_FAILED. */
  statusDetails?: StatusDetails
  /** Set on a job when it becomes ACTIVE (checked against the model); null: none. Default DEFAULT_METRICS. */
  metrics?: AudienceQualityMetrics | null
  /** Token audiences STS accepts. Default ['sts.amazonaws.com']. */
  stsAudiences?: string[]
  /** Running (CREATE_PENDING / CREATE_IN_PROGRESS) jobs per account before Start answers 402. Default 10. */
  maxRunningJobs?: number
  /** Extra or replaced claims in issued OIDC tokens. */
  oidcClaims?: Record<string, unknown>
  /** Lifetime of the credentials STS issues, whatever DurationSeconds asks (AWS may grant less). */
  stsSessionSeconds?: number
  /** How far the services' clock is from this machine's (SigV4 dates, tokens, Date headers). Default 0. */
  clockOffsetMs?: number
  /**
   * An OIDC issuer whose RS256-signed tokens STS accepts too, verified with the keys at `jwksUrl`: GitHub's
   * (`https://token.actions.githubusercontent.com`) for a workflow job's own token. Default none.
   */
  trustedIssuer?: { issuer: string; jwksUrl: string }
  /** Trust policies by role ARN, for AssumeRole (role chaining). Default none: every signed caller is trusted. */
  roles?: Record<string, RoleTrust>
  /** How a deletion goes. Default { checks: 1, outcome: 'gone' }. */
  deletion?: Deletion
}

/**
 * After DeleteAudienceGenerationJob, the next `checks` status checks show DELETE_IN_PROGRESS (Infinity: every
 * one), then the job is gone (Get answers ResourceNotFoundException) or stays DELETE_FAILED.
 */
export interface Deletion {
  checks: number
  outcome: 'gone' | 'DELETE_FAILED'
}

export interface RecordedRequest {
  service: ServiceName
  /** Operation name, or 'Unknown' when no route matched. */
  operation: string
  method: string
  /** Path as sent, still percent-encoded. */
  path: string
  /** Path and query as sent. */
  url: string
  /** Decoded query parameters. */
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: string
  /** Epoch milliseconds when the request was complete. */
  time: number
}

export interface Job {
  createTime: string
  updateTime: string
  audienceGenerationJobArn: string
  name: string
  status: JobStatus
  configuredAudienceModelArn: string
  includeSeedInOutput: boolean
  startedBy: string
  description?: string
  statusDetails?: StatusDetails
  collaborationId?: string
  tags?: Record<string, string>
  seedAudience?: Record<string, unknown>
  metrics?: AudienceQualityMetrics
  /** For a SQL seed: the protected query that reads it. */
  protectedQueryIdentifier?: string
}

export interface AddJobSpec {
  name: string
  configuredAudienceModelArn: string
  collaborationId?: string
  /**
   * Start here; continues along the emulator's statusSequence if the status is on it, else stays. A job
   * DELETE_PENDING or DELETE_IN_PROGRESS goes on as the emulator's `deletion` says.
   */
  status?: JobStatus
  /** Overrides status: the job's own sequence. */
  statusSequence?: JobStatus[]
  statusDetails?: StatusDetails
  /** Reported once the job is ACTIVE, instead of the emulator's metrics; null: none. */
  metrics?: AudienceQualityMetrics | null
  /** Get shows the job's seedAudience, as it does to a member of the collaboration that did not start it. */
  showSeedAudience?: boolean
  accountId?: string
  description?: string
  includeSeedInOutput?: boolean
  tags?: Record<string, string>
  seedAudience?: Record<string, unknown>
  createTime?: string
}

export interface IssuedToken {
  value: string
  audience: string
  claims: Record<string, unknown> & { sub: string; aud: string; iss: string; exp: number; iat: number }
  time: number
}

export interface IssuedCredential {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  /** ISO 8601, seconds precision. */
  expiration: string
  accountId: string
  roleArn: string
  assumedRoleArn: string
  assumedRoleId: string
  /** The token's sub (AssumeRoleWithWebIdentity), or the caller's ARN (AssumeRole). */
  subject: string
}

export type Fault =
  | {
      kind: 'error'
      /** Default 500. */
      status?: number
      /** Default InternalServerException (Clean Rooms ML), InternalFailure / ValidationError (STS). */
      type?: string
      message?: string
      /** Clean Rooms ML: type only in the x-amzn-errortype header. */
      headerOnly?: boolean
      /** Clean Rooms ML: type only in the body's code and __type. */
      bodyOnly?: boolean
      /** Clean Rooms ML: more top-level body fields. */
      extra?: Record<string, unknown>
    }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'trickle'; intervalMs: number }
  | { kind: 'raw'; status?: number; reason?: string; headers?: Record<string, string>; body?: string }
  | { kind: 'store-then-reset' }
  | { kind: 'delay'; ms: number }

export interface FaultQueue {
  /** Faults not yet consumed: all, of one service, or of one operation. */
  pending(service?: ServiceName, operation?: string): number
  clear(): void
}

export declare class Emulator {
  readonly region: string
  readonly accountId: string
  pageSize: number
  maxRunningJobs: number
  delayMs: number
  stsAudiences: string[]
  oidcClaims: Record<string, unknown>
  /** Lifetime of the credentials STS issues from now on; undefined: as DurationSeconds asks. */
  stsSessionSeconds: number | undefined
  /** How far the services' clock is from this machine's, as if the runner's clock were off the other way. */
  clockOffsetMs: number
  /** Trust policies by role ARN for AssumeRole, from now on; reset() restores the constructor's. */
  roles: Record<string, RoleTrust>
  /** The services' clock, in epoch milliseconds. */
  now(): number
  /** Sequence given to jobs started from now on (validated on assignment). */
  statusSequence: JobStatus[]
  /** Details set on any job without its own when it reaches CREATE_FAILED (read at that moment). */
  statusDetails: StatusDetails | undefined
  /**
   * Metrics set on any job without its own when it becomes ACTIVE (read at that moment; checked against
   * the model on assignment); undefined or null: none. reset() restores the constructor's.
   */
  metrics: AudienceQualityMetrics | null | undefined
  /** How deletions go from now on; reset() restores the default. */
  deletion: Deletion
  readonly cleanroomsUrl: string
  readonly stsUrl: string
  /** Base URL of the OIDC server. */
  readonly oidcUrl: string
  /** Value for ACTIONS_ID_TOKEN_REQUEST_URL. */
  readonly oidcRequestUrl: string
  /** Value for ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly oidcRequestToken: string
  readonly requests: RecordedRequest[]
  readonly jobs: Job[]
  readonly issuedTokens: IssuedToken[]
  readonly issuedCredentials: IssuedCredential[]
  readonly faults: FaultQueue
  /** Called with each request as it is recorded, and the fault it meets (if any); cleared by reset(). */
  onRequest: ((request: RecordedRequest, fault: Fault | undefined) => void) | undefined
  addCredentials(pair: LongTermCredentials): LongTermCredentials & { accountId: string; arn: string }
  fault(service: ServiceName, operation: string, ...faults: Fault[]): this
  addJob(spec: AddJobSpec): Job
  /** AWS_REGION, AWS_ENDPOINT_URL_CLEANROOMSML, AWS_ENDPOINT_URL_STS, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  env(): Record<string, string>
  /** The OIDC request token, issued JWTs, and issued secret keys and session tokens. */
  secrets(): string[]
  reset(): void
  close(): Promise<void>
}

export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>
