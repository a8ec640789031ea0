import { randomBytes } from 'node:crypto'
import { createCleanRoomsService } from './cleanrooms.js'
import { FaultQueue } from './faults.js'
import { githubTokenVerifier } from './github-oidc.js'
import { JobStore, checkStatusSequence } from './jobs.js'
import { loadModel, validateShape } from './model-validator.js'
import { createOidcService } from './oidc.js'
import { serve } from './server.js'
import { createStsService } from './sts.js'
import { Transport } from './transport.js'

/**
 * Local stand-ins for the three services the action talks to — Clean Rooms ML, STS and
 * GitHub's OIDC token endpoint — speaking their real wire protocols on 127.0.0.1, so the
 * bundled action runs unchanged against them with only endpoint variables set.
 */

/**
 * Quality metrics like those of a real lookalike model: relevance falls as the audience grows, at the
 * percentage and absolute sizes a configured audience model lists, and the recall is well above the
 * 0.2 of random selection at the default 20% bin.
 */
export const DEFAULT_METRICS = Object.freeze({
  relevanceMetrics: [
    { audienceSize: { type: 'PERCENTAGE', value: 5 }, score: 8.6 },
    { audienceSize: { type: 'PERCENTAGE', value: 20 }, score: 7.2 },
    { audienceSize: { type: 'PERCENTAGE', value: 50 }, score: 4.9 },
    { audienceSize: { type: 'ABSOLUTE', value: 100000 }, score: 7.8 },
    { audienceSize: { type: 'ABSOLUTE', value: 1000000 }, score: 5.3 }
  ],
  recallMetric: 0.47
})

/** Metrics a test sets must be ones the service could send: checked against the model. */
function checkMetrics(metrics) {
  if (metrics === undefined || metrics === null) return undefined
  const errors = validateShape(loadModel(), 'AudienceQualityMetrics', metrics)
  if (errors.length > 0) throw new Error(`metrics do not match the model: ${errors.join('; ')}`)
  return structuredClone(metrics)
}

const DEFAULTS = {
  region: 'us-east-1',
  accountId: '123456789012',
  pageSize: 100,
  delayMs: 0,
  credentials: [],
  statusSequence: ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE'],
  statusDetails: undefined,
  metrics: DEFAULT_METRICS,
  stsAudiences: ['sts.amazonaws.com'],
  maxRunningJobs: 10,
  oidcClaims: {},
  stsSessionSeconds: undefined,
  trustedIssuer: undefined,
  clockOffsetMs: 0,
  roles: {},
  deletion: { checks: 1, outcome: 'gone' }
}

export class Emulator {
  constructor(options = {}) {
    const o = { ...DEFAULTS, ...options }
    this.region = o.region
    this.accountId = o.accountId
    this.pageSize = o.pageSize
    this.maxRunningJobs = o.maxRunningJobs
    this.stsAudiences = [...o.stsAudiences]
    this.oidcClaims = { ...o.oidcClaims }
    /** @type {number | undefined} lifetime of STS sessions, whatever DurationSeconds asks */
    this.stsSessionSeconds = o.stsSessionSeconds
    this.trustedIssuer = o.trustedIssuer
    this.initialRoles = structuredClone(o.roles)
    /** roleArn → { externalId?, trustedPrincipals? }: what each role's trust policy asks of AssumeRole. */
    this.roles = structuredClone(o.roles)
    /** How far the emulated world's clock is from this machine's, as a runner's clock may be off. */
    this.clockOffsetMs = o.clockOffsetMs
    this.statusSequence = o.statusSequence
    /** How a deletion goes: status checks that show DELETE_IN_PROGRESS, then 'gone' or 'DELETE_FAILED'. */
    this.deletion = { ...o.deletion }
    /** @type {{statusCode?: string, message?: string} | undefined} */
    this.statusDetails = o.statusDetails
    this.initialMetrics = o.metrics
    this.metrics = o.metrics
    this.oidcRequestToken = randomBytes(24).toString('hex')
    this.requests = []
    this.issuedTokens = []
    this.issuedCredentials = []
    this.faults = new FaultQueue()
    /** Called with each request as it is recorded, and the fault it meets (if any). */
    this.onRequest = undefined
    this.transport = new Transport({ delayMs: o.delayMs, now: () => this.now() })
    this.store = new JobStore({
      region: o.region,
      statusDetails: () => this.statusDetails,
      metrics: () => this.metrics
    })
    this.jobs = this.store.jobs
    /** accessKeyId → credential; long-term pairs first, STS-issued ones added as they are handed out. */
    this.credentialsById = new Map()
    for (const pair of o.credentials) this.addCredentials(pair)
  }

  /** The emulated services' clock: SigV4 dates, token times and Date headers all follow it. */
  now() {
    return Date.now() + this.clockOffsetMs
  }

  /** Validated on assignment so a typo fails in the test that made it, not at the next Start. */
  get statusSequence() {
    return this._statusSequence
  }

  set statusSequence(sequence) {
    this._statusSequence = checkStatusSequence(sequence)
  }

  /** Validated on assignment too; undefined or null: jobs report no metrics. */
  get metrics() {
    return this._metrics
  }

  set metrics(metrics) {
    this._metrics = checkMetrics(metrics)
  }

  get delayMs() {
    return this.transport.delayMs
  }

  set delayMs(ms) {
    this.transport.delayMs = ms
  }

  async start() {
    const emulator = this
    const ctx = {
      transport: this.transport,
      faults: this.faults,
      requests: this.requests,
      onRequest: (request, fault) => this.onRequest?.(request, fault)
    }
    const model = loadModel()
    this.cleanroomsUrl = await serve(
      createCleanRoomsService({
        region: this.region,
        model,
        store: this.store,
        lookupCredential: (id) => this.credentialsById.get(id),
        get pageSize() {
          return emulator.pageSize
        },
        get maxRunningJobs() {
          return emulator.maxRunningJobs
        },
        newJobSettings: () => ({ sequence: this.statusSequence }),
        get deletion() {
          return emulator.deletion
        },
        now: () => this.now()
      }),
      ctx
    )
    this.stsUrl = await serve(
      createStsService({
        region: this.region,
        lookupCredential: (id) => this.credentialsById.get(id),
        roleTrust: (arn) => (Object.hasOwn(this.roles, arn) ? this.roles[arn] : undefined),
        findToken: (jwt) => this.issuedTokens.find((t) => t.value === jwt),
        ...(this.trustedIssuer ? { verifyTrusted: this.trustedTokenVerifier() } : {}),
        stsAudiences: () => this.stsAudiences,
        sessionSeconds: () => this.stsSessionSeconds,
        now: () => this.now(),
        addIssuedCredential: (credential) => {
          this.issuedCredentials.push(credential)
          this.credentialsById.set(credential.accessKeyId, credential)
        }
      }),
      ctx
    )
    const oidcUrl = await serve(
      createOidcService({
        requestToken: this.oidcRequestToken,
        claims: () => this.oidcClaims,
        addIssuedToken: (token) => this.issuedTokens.push(token),
        now: () => this.now()
      }),
      ctx
    )
    this.oidcUrl = oidcUrl
    this.oidcRequestUrl = `${oidcUrl}/token?api-version=2.0`
    return this
  }

  /** Verifies tokens of the trusted issuer and remembers each, so that leak checks know it as a secret. */
  trustedTokenVerifier() {
    const verifyToken = githubTokenVerifier(this.trustedIssuer)
    return async (jwt) => {
      const token = await verifyToken(jwt)
      this.issuedTokens.push(token)
      return token
    }
  }

  /**
   * Accept another long-term key pair for Clean Rooms ML and STS AssumeRole (account defaults to the
   * emulator's; arn, the identity STS names, to a user of that account).
   */
  addCredentials({ accessKeyId, secretAccessKey, sessionToken, accountId, arn }) {
    if (!accessKeyId || !secretAccessKey) throw new Error('credentials need accessKeyId and secretAccessKey')
    const account = accountId ?? this.accountId
    const credential = {
      accessKeyId,
      secretAccessKey,
      sessionToken,
      accountId: account,
      arn: arn ?? `arn:aws:iam::${account}:user/emulator-user`
    }
    this.credentialsById.set(accessKeyId, credential)
    return credential
  }

  /**
   * Queue faults for the next requests of one operation.
   * @param {'cleanrooms-ml'|'sts'|'oidc'} service
   * @param {string} operation e.g. 'GetAudienceGenerationJob', 'AssumeRoleWithWebIdentity', 'GetIdToken'
   */
  fault(service, operation, ...faults) {
    this.faults.add(service, operation, faults)
    return this
  }

  /**
   * Store a job as if it had been started, for tests about finding or reusing jobs.
   * With `status` alone, the job continues from that point of the emulator's status
   * sequence if the status is on it, and otherwise stays in that status; a job that is
   * DELETE_PENDING or DELETE_IN_PROGRESS goes on as `emu.deletion` says.
   */
  addJob(spec) {
    const { name, configuredAudienceModelArn } = spec ?? {}
    if (!name || !configuredAudienceModelArn) throw new Error('addJob needs name and configuredAudienceModelArn')
    const job = this.store.create({
      ...spec,
      ...(spec.metrics !== undefined ? { metrics: checkMetrics(spec.metrics) ?? null } : {}),
      accountId: spec.accountId ?? this.accountId,
      sequence: this.seededSequence(spec)
    })
    // A job stored while being deleted goes on as emu.deletion says at this moment.
    if (!spec.statusSequence) {
      this.store.startDeletion(this.store.entries.get(job.audienceGenerationJobArn), this.deletion, true)
    }
    return job
  }

  seededSequence({ statusSequence, status }) {
    if (statusSequence) return statusSequence
    if (status === undefined) return this.statusSequence
    const at = this.statusSequence.indexOf(status)
    return at === -1 ? [status] : this.statusSequence.slice(at)
  }

  /** Environment for a child process of the action, pointed at this emulator. */
  env() {
    return {
      AWS_REGION: this.region,
      AWS_ENDPOINT_URL_CLEANROOMSML: this.cleanroomsUrl,
      AWS_ENDPOINT_URL_STS: this.stsUrl,
      ACTIONS_ID_TOKEN_REQUEST_URL: this.oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.oidcRequestToken
    }
  }

  /** Every secret the emulator handed out, for tests that check logs for leaks. */
  secrets() {
    return [
      this.oidcRequestToken,
      ...this.issuedTokens.map((t) => t.value),
      ...this.issuedCredentials.flatMap((c) => [c.secretAccessKey, c.sessionToken])
    ]
  }

  /** Forget requests, jobs, faults, handed-out secrets, changed metrics and roles; keep servers and long-term keys. */
  reset() {
    this.onRequest = undefined
    this.metrics = this.initialMetrics
    this.roles = structuredClone(this.initialRoles)
    this.deletion = { ...DEFAULTS.deletion }
    this.requests.length = 0
    this.store.clear()
    this.faults.clear()
    for (const c of this.issuedCredentials) this.credentialsById.delete(c.accessKeyId)
    this.issuedCredentials.length = 0
    this.issuedTokens.length = 0
  }

  /** Close every server and socket and cancel pending timers; safe to call twice. */
  close() {
    return this.transport.close()
  }
}

/**
 * Start the emulator: three servers on random free ports of 127.0.0.1.
 * @param {object} [options] see index.d.ts
 * @returns {Promise<Emulator>}
 */
export async function startEmulator(options = {}) {
  const emulator = new Emulator(options)
  try {
    return await emulator.start()
  } catch (err) {
    await emulator.close()
    throw err
  }
}
