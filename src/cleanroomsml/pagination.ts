// The official client's paginator of ListAudienceGenerationJobs: each page in turn, `nextToken`
// carried forward, `pageSize` as `maxResults`.
import type { Paginator } from '@smithy/types'
import type { CleanRoomsMLClient } from './client.js'
import {
  ListAudienceGenerationJobsCommand,
  type ListAudienceGenerationJobsCommandInput,
  type ListAudienceGenerationJobsCommandOutput
} from './commands.js'

export interface CleanRoomsMLPaginationConfiguration {
  client: CleanRoomsMLClient
  pageSize?: number
  startingToken?: string
  /** Stops when the service answers the token it was sent, rather than asking for that page again. */
  stopOnSameToken?: boolean
}

export async function* paginateListAudienceGenerationJobs(
  config: CleanRoomsMLPaginationConfiguration,
  input: ListAudienceGenerationJobsCommandInput,
  ...additionalArguments: [{ abortSignal?: AbortSignal }?]
): Paginator<ListAudienceGenerationJobsCommandOutput> {
  let token = config.startingToken ?? input.nextToken
  let hasNext = true
  while (hasNext) {
    const page = await config.client.send(
      new ListAudienceGenerationJobsCommand({
        ...input,
        ...(token !== undefined ? { nextToken: token } : {}),
        ...(config.pageSize !== undefined ? { maxResults: config.pageSize } : {})
      }),
      ...(additionalArguments as [])
    )
    yield page
    const previous = token
    token = page.nextToken
    hasNext = Boolean(token) && (!config.stopOnSameToken || token !== previous)
  }
  return undefined
}
