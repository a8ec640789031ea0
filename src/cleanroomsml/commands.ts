// The operations this action uses, with the official client's command names.
import { CleanRoomsMLCommand } from './client.js'
import type {
  DeleteAudienceGenerationJobRequest,
  GetAudienceGenerationJobRequest,
  GetAudienceGenerationJobResponse,
  ListAudienceGenerationJobsRequest,
  ListAudienceGenerationJobsResponse,
  StartAudienceGenerationJobRequest,
  MetadataBearer,
  StartAudienceGenerationJobResponse
} from './models.js'
import { pathLabel, type HttpOperation } from './protocol.js'

export class StartAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  StartAudienceGenerationJobRequest,
  StartAudienceGenerationJobResponse
> {
  protected serialize(input: StartAudienceGenerationJobRequest): HttpOperation {
    return { method: 'POST', path: '/audience-generation-job', body: input }
  }
}

export class GetAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  GetAudienceGenerationJobRequest,
  GetAudienceGenerationJobResponse
> {
  protected serialize(input: GetAudienceGenerationJobRequest): HttpOperation {
    return { method: 'GET', path: `/audience-generation-job/${pathLabel(input.audienceGenerationJobArn)}` }
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
}

/** The operation has no output members: only `$metadata`, as in the official client. */
export type DeleteAudienceGenerationJobCommandOutput = MetadataBearer

export class DeleteAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  DeleteAudienceGenerationJobRequest,
  DeleteAudienceGenerationJobCommandOutput
> {
  protected serialize(input: DeleteAudienceGenerationJobRequest): HttpOperation {
    return { method: 'DELETE', path: `/audience-generation-job/${pathLabel(input.audienceGenerationJobArn)}` }
  }
}
