// The job as later steps may use it: the last GetAudienceGenerationJob answer as the `job` output
// (for `fromJSON`, anything the action does not name), and the protected query a SQL seed ran as.
import * as core from '@actions/core'
import type { GetAudienceGenerationJobResponse } from './cleanroomsml/index.js'
import { redactJob } from './redaction.js'

export function setJobOutputs(job: GetAudienceGenerationJobResponse): void {
  core.setOutput('job', JSON.stringify(redactJob(job)))
  const queryId: unknown = job.protectedQueryIdentifier
  if (typeof queryId === 'string' && queryId !== '') core.setOutput('protected-query-identifier', queryId)
}
