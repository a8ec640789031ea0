import { createHash, randomUUID } from 'node:crypto'

/**
 * The audience generation jobs the fake service knows about, and their life cycle.
 *
 * Jobs do not progress with time but with polling: each Get moves a job one step along
 * its own status sequence. That makes "wait until done" tests deterministic and as fast
 * as the client polls, whatever its polling interval.
 */

export const STATUSES = [
  'CREATE_PENDING',
  'CREATE_IN_PROGRESS',
  'CREATE_FAILED',
  'ACTIVE',
  'DELETE_PENDING',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED'
]

/** Statuses that count against the per-account quota of running jobs. */
const RUNNING = new Set(['CREATE_PENDING', 'CREATE_IN_PROGRESS'])

/** Reject a sequence the service could never produce, at the moment a test sets it. */
export function checkStatusSequence(sequence) {
  if (!Array.isArray(sequence) || sequence.length === 0) {
    throw new Error('statusSequence must be a non-empty array of statuses')
  }
  for (const status of sequence) {
    if (!STATUSES.includes(status)) throw new Error(`unknown status ${JSON.stringify(status)} in statusSequence`)
  }
  return [...sequence]
}

function now() {
  return new Date().toISOString()
}

/** Fields the request may carry that a stored job keeps as they were sent. */
const REQUEST_FIELDS = ['description', 'seedAudience', 'collaborationId', 'tags']

export class JobStore {
  /**
   * @param {{region: string, statusDetails?: () => object | undefined, metrics?: () => object | undefined}} options
   *   statusDetails gives the details of a failure for jobs that were not given their own, read when the job
   *   fails so that a test may set it at any point before that; metrics likewise gives the quality metrics of
   *   a job that becomes ACTIVE
   */
  constructor({ region, statusDetails = () => undefined, metrics = () => undefined }) {
    this.region = region
    this.defaultStatusDetails = statusDetails
    this.defaultMetrics = metrics
    /** Public job objects, in creation order. */
    this.jobs = []
    /** arn → { job, accountId, order, sequence, step, statusDetails } */
    this.entries = new Map()
    this.counter = 0
  }

  /**
   * Store a new job.
   * @param {object} spec { accountId, name, configuredAudienceModelArn, sequence, statusDetails?, metrics?,
   *   showSeedAudience?, description?, seedAudience?, includeSeedInOutput?, collaborationId?, tags?, createTime? }
   *   metrics: null for a job that reports none; showSeedAudience: Get shows the seed, as it does to a
   *   collaboration member that did not start the job
   */
  create(spec) {
    const sequence = checkStatusSequence(spec.sequence)
    const time = spec.createTime ?? now()
    const job = {
      createTime: time,
      updateTime: time,
      audienceGenerationJobArn: `arn:aws:cleanrooms-ml:${this.region}:${spec.accountId}:audience-generation-job/${randomUUID()}`,
      name: spec.name,
      status: sequence[0],
      configuredAudienceModelArn: spec.configuredAudienceModelArn,
      includeSeedInOutput: spec.includeSeedInOutput ?? false,
      startedBy: spec.accountId
    }
    for (const field of REQUEST_FIELDS) {
      if (spec[field] !== undefined) job[field] = structuredClone(spec[field])
    }
    // A SQL seed runs as a protected query in Clean Rooms, which the job names.
    if (spec.seedAudience?.sqlParameters) job.protectedQueryIdentifier = randomUUID()
    const entry = {
      job,
      accountId: spec.accountId,
      order: ++this.counter,
      sequence,
      step: 0,
      statusDetails: spec.statusDetails,
      metrics: spec.metrics,
      showSeedAudience: spec.showSeedAudience === true
    }
    this.applyDetails(entry)
    this.jobs.push(job)
    this.entries.set(job.audienceGenerationJobArn, entry)
    return job
  }

  /** Entry of a job the account owns, or undefined: other accounts' jobs are invisible. */
  find(accountId, arn) {
    const entry = this.entries.get(arn)
    return entry && entry.accountId === accountId ? entry : undefined
  }

  /**
   * Both checks read the public job objects rather than an index, so a test that edits
   * `emulator.jobs[i].status` or `.name` directly sees the service follow.
   */
  nameTaken(accountId, name) {
    for (const e of this.entries.values()) if (e.accountId === accountId && e.job.name === name) return true
    return false
  }

  runningCount(accountId) {
    let n = 0
    for (const e of this.entries.values()) if (e.accountId === accountId && RUNNING.has(e.job.status)) n++
    return n
  }

  /**
   * Move one step along the job's sequence (staying on the last status), as a poll sees it;
   * undefined when the step takes a deleted job away.
   */
  advance(entry) {
    if (entry.step === entry.sequence.length - 1 && entry.goneAfterSequence) {
      this.remove(entry)
      return undefined
    }
    if (entry.step < entry.sequence.length - 1) {
      entry.step += 1
      entry.job.status = entry.sequence[entry.step]
      entry.job.updateTime = now()
      this.applyDetails(entry)
    }
    return entry.job
  }

  /**
   * statusDetails describe a failure, so they appear only once the job has failed; quality metrics
   * describe the generated audience, so they appear only once the job is ACTIVE.
   */
  applyDetails(entry) {
    if (entry.job.status === 'ACTIVE') {
      const metrics = entry.metrics === undefined ? this.defaultMetrics() : entry.metrics
      if (metrics !== undefined && metrics !== null) entry.job.metrics = structuredClone(metrics)
    }
    if (entry.job.status !== 'CREATE_FAILED') return
    const details = entry.statusDetails ?? this.defaultStatusDetails()
    if (details !== undefined) entry.job.statusDetails = { ...details }
  }

  /**
   * One page of an account's jobs, newest first. The token records the position of the
   * last job returned (not an offset), so jobs started between two pages neither repeat
   * nor shift later ones.
   */
  page(accountId, filters, size, nextToken) {
    const filterKey = digest(
      [accountId, filters.configuredAudienceModelArn ?? '', filters.collaborationId ?? ''].join('|')
    )
    let before = Infinity
    if (nextToken !== undefined) {
      before = decodeToken(nextToken, filterKey)
      if (before === undefined) return undefined
    }
    const matching = [...this.entries.values()]
      .filter((e) => e.accountId === accountId && e.order < before)
      .filter(
        (e) =>
          !filters.configuredAudienceModelArn || e.job.configuredAudienceModelArn === filters.configuredAudienceModelArn
      )
      .filter((e) => !filters.collaborationId || e.job.collaborationId === filters.collaborationId)
      .sort((a, b) => b.order - a.order)
    const items = matching.slice(0, size)
    const more = matching.length > size
    return {
      jobs: items.map((e) => e.job),
      nextToken: more ? encodeToken(items[items.length - 1].order, filterKey) : undefined
    }
  }

  /**
   * A deletion, as polls see it: the next `checks` status checks show DELETE_IN_PROGRESS, then the job
   * is gone (outcome 'gone') or DELETE_FAILED; with `checks: Infinity` it never ends. A Delete of a job
   * already being deleted changes nothing; `under way` starts that course for a job stored as being deleted.
   * @param {{checks: number, outcome: 'gone' | 'DELETE_FAILED'}} deletion
   */
  startDeletion(entry, deletion, underWay = false) {
    const deleting = entry.job.status === 'DELETE_PENDING' || entry.job.status === 'DELETE_IN_PROGRESS'
    if (deleting !== underWay) return
    const endless = !Number.isFinite(deletion.checks)
    // Step 0 is the status the Delete leaves; each check moves one step before it answers.
    const shown = endless ? 1 : Math.max(0, deletion.checks) + 1
    entry.sequence = [
      underWay ? entry.job.status : 'DELETE_IN_PROGRESS',
      ...Array.from({ length: shown - 1 }, () => 'DELETE_IN_PROGRESS'),
      ...(deletion.outcome === 'DELETE_FAILED' && !endless ? ['DELETE_FAILED'] : [])
    ]
    entry.goneAfterSequence = !endless && deletion.outcome !== 'DELETE_FAILED'
    entry.step = 0
    entry.job.status = entry.sequence[0]
    entry.job.updateTime = now()
  }

  remove(entry) {
    this.entries.delete(entry.job.audienceGenerationJobArn)
    const at = this.jobs.indexOf(entry.job)
    if (at !== -1) this.jobs.splice(at, 1)
  }

  clear() {
    this.jobs.length = 0
    this.entries.clear()
  }
}

function digest(text) {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16)
}

function encodeToken(order, filterKey) {
  return Buffer.from(JSON.stringify({ v: 1, b: order, f: filterKey })).toString('base64url')
}

/** The position in a token, or undefined when the token is not ours or was made for other filters. */
function decodeToken(token, filterKey) {
  try {
    const data = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (data?.v !== 1 || data.f !== filterKey || !Number.isInteger(data.b)) return undefined
    return data.b
  } catch {
    return undefined
  }
}
