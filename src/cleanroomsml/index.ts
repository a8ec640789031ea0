// The Clean Rooms ML client surface the action uses, named as in @aws-sdk/client-cleanroomsml.
export {
  CleanRoomsMLClient,
  SIGNING_NAME,
  type CleanRoomsMLClientConfig,
  type RetryCall,
  type RetryStrategy
} from './client.js'
export {
  DeleteAudienceGenerationJobCommand,
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  StartAudienceGenerationJobCommand,
  type DeleteAudienceGenerationJobCommandOutput
} from './commands.js'
export * from './errors.js'
export type * from './models.js'
