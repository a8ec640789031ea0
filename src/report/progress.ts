// The step's progress: the phase it is in and what it has learned so far. Every output is set
// here, once, the moment it is known; a failure's description, the job summary and the exit code
// are drawn from what is recorded here.
import * as core from '@actions/core'
import type {
  AudienceGenerationJobStatus,
  GetAudienceGenerationJobResponse,
  StatusDetails
} from '../cleanroomsml/index.js'

/** What the step is doing; a failure is reported as a failure of that phase. */
export type Phase = 'credentials' | 'start' | 'reuse' | 'wait'

/** How far the step got, as a failure's description reads it. */
export interface StepState {
  readonly phase: Phase
  readonly jobArn?: string | undefined
  readonly created?: boolean | undefined
}

export class Progress implements StepState {
  #phase: Phase = 'credentials'
  jobArn?: string
  created?: boolean
  status?: AudienceGenerationJobStatus
  statusDetails?: StatusDetails
  /** How long the wait lasted, in words. */
  waited?: string
  /** The runner cancelled the step. */
  cancelled = false
  /** The `error-type` of a failure (see error-types.ts). */
  errorType?: string

  get phase(): Phase {
    return this.#phase
  }

  enter(phase: Phase): void {
    this.#phase = phase
  }

  /** The job was started or found: later steps may act on it from now on, even if this step fails. */
  jobKnown(jobArn: string, created: boolean): void {
    this.jobArn = jobArn
    this.created = created
    core.setOutput('audience-generation-job-arn', jobArn)
    core.setOutput('created', String(created))
  }

  /** The last status seen while waiting. */
  lastStatus(job: GetAudienceGenerationJobResponse): void {
    this.status = job.status
    if (job.statusDetails) this.statusDetails = job.statusDetails
    core.setOutput('status', job.status)
    core.setOutput('status-details', job.statusDetails?.message ?? '')
  }

  /** The step failed; the caller annotates why. */
  failed(errorType: string): void {
    this.errorType = errorType
    core.setOutput('error-type', errorType)
  }

  get exitCode(): number {
    return this.errorType === undefined ? core.ExitCode.Success : core.ExitCode.Failure
  }
}
