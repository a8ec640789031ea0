// Finding the job to reuse, with a scripted client: the listing is bounded whatever the service
// answers, and a job not listed yet is looked for again with doubling pauses within the deadline.
import type { CleanRoomsMLClient, ListAudienceGenerationJobsCommand } from '../src/cleanroomsml/index.js'
import { findReusableJob, LISTINGS, MAX_PAGES } from '../src/job/reuse.js'
import { DEFAULT_RETRY_POLICY } from '../src/aws/timing.js'
import { FakeClock } from './helpers/fake-clock.js'
import { JOB_ARN, VALID_REQUEST } from './helpers/fixtures.js'

const REQUEST = { ...VALID_REQUEST, name: 'job' }
const JOB = {
  name: 'job',
  configuredAudienceModelArn: REQUEST.configuredAudienceModelArn,
  audienceGenerationJobArn: JOB_ARN,
  status: 'ACTIVE'
}

/** A client whose List answers come from `page`, given the number of the request. */
function listingClient(page: (call: number, token: string | undefined) => object, deadlineMs = 300_000) {
  const clock = new FakeClock()
  const calls: (string | undefined)[] = []
  const pacing = { clock, retryPolicy: { ...DEFAULT_RETRY_POLICY, deadlineMs } }
  const client = {
    send: async (command: ListAudienceGenerationJobsCommand) => {
      calls.push(command.input.nextToken)
      return { $metadata: {}, ...page(calls.length, command.input.nextToken) }
    }
  } as unknown as CleanRoomsMLClient
  return { client, clock, calls, pacing }
}

describe('the listing always ends', () => {
  it('stops at a repeated nextToken', async () => {
    const { client, calls, pacing } = listingClient((call) => ({
      audienceGenerationJobs: [],
      nextToken: `t${call % 3}`
    }))
    await expect(findReusableJob(client, REQUEST, pacing)).rejects.toMatchObject({ name: 'MalformedResponse' })
    expect(calls).toEqual([undefined, 't1', 't2', 't0'])
  })

  it(`stops after ${MAX_PAGES} pages of ever new tokens`, async () => {
    const { client, calls, pacing } = listingClient((call) => ({ audienceGenerationJobs: [], nextToken: `t${call}` }))
    await expect(findReusableJob(client, REQUEST, pacing)).rejects.toMatchObject({ name: 'MalformedResponse' })
    expect(calls).toHaveLength(MAX_PAGES)
  })

  it('refuses a nextToken that is not a string, and skips entries that are not jobs', async () => {
    const { client, pacing } = listingClient(() => ({
      audienceGenerationJobs: [null, 7, { name: 'other' }],
      nextToken: 5
    }))
    await expect(findReusableJob(client, REQUEST, pacing)).rejects.toMatchObject({ name: 'MalformedResponse' })
  })
})

describe('a job not listed yet is looked for again', () => {
  it('with doubling pauses from the throttling base, until it shows', async () => {
    // Each listing asks for the model's jobs, then for all: the job shows in the third listing.
    const { client, clock, pacing } = listingClient((call) => ({ audienceGenerationJobs: call >= 5 ? [JOB] : [] }))
    await expect(findReusableJob(client, REQUEST, pacing)).resolves.toMatchObject({ name: 'job' })
    expect(clock.sleeps).toEqual([1000, 2000])
  })

  it(`${LISTINGS} times at most`, async () => {
    const { client, clock, calls, pacing } = listingClient(() => ({ audienceGenerationJobs: [] }))
    await expect(findReusableJob(client, REQUEST, pacing)).rejects.toMatchObject({ name: 'ExistingJobMismatch' })
    expect(calls).toHaveLength(LISTINGS * 2)
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000])
  })

  it('and never pauses past the deadline', async () => {
    const { client, clock, pacing } = listingClient(() => ({ audienceGenerationJobs: [] }), 5_000)
    await expect(findReusableJob(client, REQUEST, pacing)).rejects.toMatchObject({ name: 'ExistingJobMismatch' })
    expect(clock.sleeps).toEqual([1000, 2000])
  })
})
