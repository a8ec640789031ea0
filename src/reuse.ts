// Safe re-runs: job names are unique per account, so a re-run (or a retry after a lost answer)
// meets ConflictException. With if-exists: reuse, the existing job of that name is found and
// checked to be the same model's (and collaboration's) before the action carries on with it.
import {
  ListAudienceGenerationJobsCommand,
  type AudienceGenerationJobSummary,
  type CleanRoomsMLClient,
  type StartAudienceGenerationJobRequest
} from './cleanroomsml/index.js'

/** The existing job cannot stand in for the one requested; `name` is the error type. */
export class ReuseError extends Error {
  override readonly name = 'ExistingJobMismatch'
}

async function findByName(
  client: CleanRoomsMLClient,
  name: string,
  configuredAudienceModelArn?: string
): Promise<AudienceGenerationJobSummary | undefined> {
  let nextToken: string | undefined
  do {
    const page = await client.send(
      new ListAudienceGenerationJobsCommand({
        maxResults: 100,
        ...(configuredAudienceModelArn ? { configuredAudienceModelArn } : {}),
        ...(nextToken ? { nextToken } : {})
      })
    )
    // A page without its list is read as empty rather than trusted.
    const jobs = Array.isArray(page.audienceGenerationJobs) ? page.audienceGenerationJobs : []
    const found = jobs.find((job) => job.name === name)
    if (found) return found
    nextToken = page.nextToken
  } while (nextToken)
  return undefined
}

/** Finds the job of the requested name, and checks it matches the request. */
export async function findReusableJob(
  client: CleanRoomsMLClient,
  request: StartAudienceGenerationJobRequest
): Promise<AudienceGenerationJobSummary> {
  const job =
    (await findByName(client, request.name, request.configuredAudienceModelArn)) ??
    (await findByName(client, request.name))
  if (!job) {
    throw new ReuseError(
      `The service reported a job named "${request.name}", but no such job is listed in this account. ` +
        'It may belong to another account (cross-account jobs are listed by the model owner), or was deleted meanwhile.'
    )
  }
  if (job.configuredAudienceModelArn !== request.configuredAudienceModelArn) {
    throw new ReuseError(
      `A job named "${request.name}" already exists for another configured audience model, ` +
        `${job.configuredAudienceModelArn}; it cannot be reused for ${request.configuredAudienceModelArn}. Choose another name.`
    )
  }
  if (request.collaborationId !== undefined && job.collaborationId !== request.collaborationId) {
    throw new ReuseError(
      `A job named "${request.name}" already exists in collaboration ${job.collaborationId ?? '(none)'}, ` +
        `not ${request.collaborationId}; it cannot be reused. Choose another name.`
    )
  }
  return job
}
