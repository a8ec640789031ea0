// The step's progress: the phase it is in and what it has learned so far. Every output is set
// here, once, the moment it is known; a failure's description, the job summary and the exit code
// are drawn from what is recorded here.
import * as core from '@actions/core'
import type {
  AudienceGenerationJobStatus,
  GetAudienceGenerationJobCommandOutput,
  StatusDetails
} from '../cleanroomsml/index.js'
import type { RelevanceAt } from '../inputs/quality-gates.js'
import { boundedJson, MAX_OUTPUT_BYTES, outputText } from './limits.js'
import { redactJob } from './redaction.js'

/** The job's metrics that match the model; anything else in the answer is left out. */
export interface QualityReport {
  recall?: number
  relevance: RelevanceAt[]
  /** The answer carried a metrics member at all. */
  reported: boolean
  /** Values left out because they do not match the model. */
  dropped: number
}

/**
 * The step's exit codes, those of @actions/core's ExitCode, written out because local runners' stand-ins
 * for @actions/core (@github/local-action's) have no ExitCode.
 */
export const EXIT_SUCCESS = 0
export const EXIT_FAILURE = 1

/**
 * How the step came to its job: it started it, reused the job of that name, replaced a failed job of that
 * name, or found a job of that name it refused to go on with.
 */
export type JobOrigin = 'started' | 'reused' | 'replaced' | 'refused'

/** What the step is doing; a failure is reported as a failure of that phase. */
export type Phase = 'credentials' | 'start' | 'reuse' | 'replace' | 'wait' | 'quality'

/** How far the step got, as a failure's description reads it. */
export interface StepState {
  readonly phase: Phase
  readonly jobArn?: string | undefined
  readonly created?: boolean | undefined
  /** The failed job if-exists: replace-failed is deleting. */
  readonly replacing?: string | undefined
}

export class Progress implements StepState {
  #phase: Phase = 'credentials'
  jobArn?: string
  /** How the step came to the job. */
  origin?: JobOrigin
  /** The failed job if-exists: replace-failed deleted (or is deleting). */
  replacing?: string
  status?: AudienceGenerationJobStatus | undefined
  statusDetails?: StatusDetails
  /** The finished job's quality metrics. */
  quality?: QualityReport
  /** The quality gates' results, in words, for the summary. */
  gates?: string
  /** How long the wait lasted, in words. */
  waited?: string
  /** The runner cancelled the step. */
  cancelled = false
  /** The `error-type` of a failure (see error-types.ts). */
  errorType?: string

  /** This step started the job (itself, or in place of a failed one); undefined until a job is known. */
  get created(): boolean | undefined {
    return this.origin === undefined ? undefined : this.origin === 'started' || this.origin === 'replaced'
  }

  get phase(): Phase {
    return this.#phase
  }

  /** The step is now in `phase`; `replacing` names the failed job if-exists: replace-failed is deleting. */
  enter(phase: Phase, replacing?: string): void {
    this.#phase = phase
    if (replacing !== undefined) this.replacing = replacing
  }

  /** The job was started or found: later steps may act on it from now on, even if this step fails. */
  jobKnown(jobArn: string, origin: JobOrigin): void {
    this.jobArn = jobArn
    this.origin = origin
    core.setOutput('audience-generation-job-arn', jobArn)
    core.setOutput('created', String(this.created))
  }

  /** A status seen without the whole job (a listing's): the `status` output. */
  statusKnown(status: AudienceGenerationJobStatus | undefined): void {
    this.status = status
    // A later step may paste the output into a shell: only a status of the API's form is passed on.
    core.setOutput('status', status !== undefined && /^[A-Z_]{1,64}$/.test(status) ? status : '')
  }

  /** The last status seen, and the whole answer for later steps (`job`, with SQL values redacted). */
  lastStatus(job: GetAudienceGenerationJobCommandOutput): void {
    this.statusKnown(job.status)
    if (job.statusDetails) this.statusDetails = job.statusDetails
    // GitHub fails a step with an output over 1 MB: the service's text is cut, visibly, and `job` stays JSON.
    core.setOutput('status-details', outputText(job.statusDetails?.message ?? ''))
    const answer = redactJob(job)
    const essentials = { audienceGenerationJobArn: answer.audienceGenerationJobArn, status: answer.status }
    core.setOutput('job', boundedJson(answer, MAX_OUTPUT_BYTES, essentials))
    const queryId: unknown = job.protectedQueryIdentifier
    if (typeof queryId === 'string' && queryId !== '') core.setOutput('protected-query-identifier', outputText(queryId))
  }

  /** The finished job's quality metrics, as the recall-metric and relevance-metrics outputs, and the gates' results. */
  qualityKnown(report: QualityReport, gates?: string): void {
    this.quality = report
    if (gates) this.gates = gates
    core.setOutput('recall-metric', report.recall !== undefined ? String(report.recall) : '')
    core.setOutput('relevance-metrics', boundedJson(report.relevance, MAX_OUTPUT_BYTES, []))
  }

  /** The step failed; the caller annotates why. */
  failed(errorType: string): void {
    this.errorType = errorType
    core.setOutput('error-type', outputText(errorType))
  }

  get exitCode(): number {
    return this.errorType === undefined ? EXIT_SUCCESS : EXIT_FAILURE
  }
}
