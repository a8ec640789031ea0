// The operations this action uses, with the official client's command names.
import type { HttpResponse } from '@smithy/types'
import { CleanRoomsMLCommand } from './client.js'
import type {
  GetAudienceGenerationJobRequest,
  GetAudienceGenerationJobResponse,
  ListAudienceGenerationJobsRequest,
  ListAudienceGenerationJobsResponse,
  StartAudienceGenerationJobRequest,
  StartAudienceGenerationJobResponse
} from './models.js'
import { metadataOf, parseSuccess, pathLabel, type HttpOperation } from './protocol.js'

export class StartAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  StartAudienceGenerationJobRequest,
  StartAudienceGenerationJobResponse
> {
  protected serialize(input: StartAudienceGenerationJobRequest): HttpOperation {
    return { method: 'POST', path: '/audience-generation-job', body: input }
  }

  protected async deserialize(response: HttpResponse): Promise<StartAudienceGenerationJobResponse> {
    const data = await parseSuccess(response)
    return { ...(data as Omit<StartAudienceGenerationJobResponse, '$metadata'>), $metadata: metadataOf(response) }
  }
}

export class GetAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  GetAudienceGenerationJobRequest,
  GetAudienceGenerationJobResponse
> {
  protected serialize(input: GetAudienceGenerationJobRequest): HttpOperation {
    return { method: 'GET', path: `/audience-generation-job/${pathLabel(input.audienceGenerationJobArn)}` }
  }

  protected async deserialize(response: HttpResponse): Promise<GetAudienceGenerationJobResponse> {
    const data = await parseSuccess(response)
    return { ...(data as Omit<GetAudienceGenerationJobResponse, '$metadata'>), $metadata: metadataOf(response) }
  }
}

export class ListAudienceGenerationJobsCommand extends CleanRoomsMLCommand<
  ListAudienceGenerationJobsRequest,
  ListAudienceGenerationJobsResponse
> {
  protected serialize(input: ListAudienceGenerationJobsRequest): HttpOperation {
    const query: Record<string, string> = {}
    for (const [key, value] of Object.entries(input)) {
      if (value !== undefined) query[key] = String(value)
    }
    return { method: 'GET', path: '/audience-generation-job', query }
  }

  protected async deserialize(response: HttpResponse): Promise<ListAudienceGenerationJobsResponse> {
    const data = await parseSuccess(response)
    return { ...(data as Omit<ListAudienceGenerationJobsResponse, '$metadata'>), $metadata: metadataOf(response) }
  }
}
