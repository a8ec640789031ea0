// Safe re-runs: job names are unique per account, so a re-run (or a retry after a lost answer)
// meets ConflictException. With if-exists: reuse, the existing job of that name is found and
// checked to be the same model's (and collaboration's) before the action carries on with it.
// The listing is an answer like any other: its pages are bounded, and the ARN taken from it
// is held to the model's pattern before it becomes an output.
import {
  ListAudienceGenerationJobsCommand,
  type AudienceGenerationJobSummary,
  type CleanRoomsMLClient,
  type StartAudienceGenerationJobRequest
} from '../cleanroomsml/index.js'
import type { Clock } from '../aws/clock.js'
import { poll } from '../aws/polling.js'
import type { RetryPolicy } from '../aws/retry.js'
import { inline } from '../log.js'
import { ActionError } from '../report/error-types.js'
import { SHAPES } from '../inputs/constraints.js'
import { formatDuration } from '../aws/timing.js'
import { checkString } from '../inputs/validation.js'

/** What paces the listings: the step's clock, its retry policy and its cancellation. */
export interface ListingPacing {
  clock: Clock
  retryPolicy: RetryPolicy
  signal?: AbortSignal
}

/** Pages one listing may take: 100,000 jobs at the largest page size, far more than an account holds. */
export const MAX_PAGES = 1_000

/**
 * Listings in all when the job is not found: lists are eventually consistent, so a job that has
 * just been created (the ConflictException says it exists) may not be listed yet.
 */
export const LISTINGS = 5

/** What is wrong with a job ARN from an answer, in words; empty when it matches the model. */
export function jobArnProblems(arn: unknown): string[] {
  return typeof arn === 'string' ? checkString(arn, SHAPES.AudienceGenerationJobArn) : ['is missing']
}

function isNamed(job: unknown, name: string): job is AudienceGenerationJobSummary {
  return typeof job === 'object' && job !== null && (job as { name?: unknown }).name === name
}

async function findByName(
  client: CleanRoomsMLClient,
  name: string,
  configuredAudienceModelArn?: string
): Promise<AudienceGenerationJobSummary | undefined> {
  const seen = new Set<string>()
  let nextToken: string | undefined
  for (let pages = 1; ; pages++) {
    const page = await client.send(
      new ListAudienceGenerationJobsCommand({
        maxResults: 100,
        ...(configuredAudienceModelArn ? { configuredAudienceModelArn } : {}),
        ...(nextToken ? { nextToken } : {})
      })
    )
    // A page without its list is read as empty rather than trusted.
    const jobs: unknown[] = Array.isArray(page.audienceGenerationJobs) ? page.audienceGenerationJobs : []
    const found = jobs.find((job) => isNamed(job, name))
    if (found) return found as AudienceGenerationJobSummary
    nextToken = nextTokenOf(page.nextToken, seen, pages)
    if (nextToken === undefined) return undefined
  }
}

/** The token for the next page; a token seen before, or a page past the cap, would never end. */
function nextTokenOf(token: unknown, seen: Set<string>, pages: number): string | undefined {
  if (token === undefined || token === null || token === '') return undefined
  if (typeof token !== 'string')
    throw new ActionError('MalformedResponse', 'The service listed jobs with a nextToken that is not a string.')
  if (seen.has(token)) {
    throw new ActionError(
      'MalformedResponse',
      `The service repeated a nextToken after ${pages} pages of jobs: its listing would never end.`
    )
  }
  if (pages >= MAX_PAGES) {
    throw new ActionError(
      'MalformedResponse',
      `The service listed more than ${MAX_PAGES} pages of jobs; the listing was stopped there.`
    )
  }
  seen.add(token)
  return token
}

async function findOnce(
  client: CleanRoomsMLClient,
  request: StartAudienceGenerationJobRequest
): Promise<AudienceGenerationJobSummary | undefined> {
  return (
    (await findByName(client, request.name, request.configuredAudienceModelArn)) ??
    (await findByName(client, request.name))
  )
}

/**
 * Lists again, with doubling pauses, until the job is listed, LISTINGS runs out, or the next
 * pause would pass the client's deadline. The pauses start at the throttling base: the service
 * needs time here, not a faster client.
 */
async function findEventually(
  client: CleanRoomsMLClient,
  request: StartAudienceGenerationJobRequest,
  { clock, retryPolicy, signal }: ListingPacing
): Promise<AudienceGenerationJobSummary> {
  const started = clock.now()
  let listings = 0
  const job = await poll({
    clock,
    signal,
    pause: (listed) => {
      if (listed === 0) return 0
      const pause = retryPolicy.throttlingBaseDelayMs * 2 ** (listed - 1)
      return listed < LISTINGS && clock.now() - started + pause <= retryPolicy.deadlineMs ? pause : undefined
    },
    check: () => {
      listings++
      return findOnce(client, request)
    }
  })
  if (job) return job
  throw new ActionError(
    'ExistingJobMismatch',
    `The service reported a job named "${inline(request.name)}", but no such job is listed in this account ` +
      `(${listings} listings over ${formatDuration(clock.now() - started)}). It may have been deleted meanwhile, or ` +
      'the listing may not show it yet: re-run later, or choose another name.'
  )
}

/** Finds the job of the requested name, and checks it matches the request. */
export async function findReusableJob(
  client: CleanRoomsMLClient,
  request: StartAudienceGenerationJobRequest,
  pacing: ListingPacing
): Promise<AudienceGenerationJobSummary> {
  const job = await findEventually(client, request, pacing)
  if (job.configuredAudienceModelArn !== request.configuredAudienceModelArn) {
    throw new ActionError(
      'ExistingJobMismatch',
      `A job named "${inline(request.name)}" already exists for another configured audience model, ` +
        `${inline(job.configuredAudienceModelArn)}; it cannot be reused for ${request.configuredAudienceModelArn}. ` +
        'Choose another name.'
    )
  }
  if (request.collaborationId !== undefined && job.collaborationId !== request.collaborationId) {
    throw new ActionError(
      'ExistingJobMismatch',
      `A job named "${inline(request.name)}" already exists in collaboration ${inline(job.collaborationId ?? '(none)')}, ` +
        `not ${request.collaborationId}; it cannot be reused. Choose another name.`
    )
  }
  // The ARN becomes an output that later steps act on.
  const problems = jobArnProblems(job.audienceGenerationJobArn)
  if (problems.length > 0) {
    throw new ActionError(
      'UnexpectedResponse',
      `The service listed the job named "${inline(request.name)}" with an ARN that ${problems.join('; ')}.`
    )
  }
  return job
}
