// The public surface of @aws-sdk/client-cleanroomsml that the action uses, and nothing else: the
// action imports only from here, so that this folder could be replaced by
// `export * from '@aws-sdk/client-cleanroomsml'`.
export { CleanRoomsMLClient, type CleanRoomsMLClientConfig, type CleanRoomsMLClientResolvedConfig } from './client.js'
export * from './commands.js'
export * from './errors.js'
export * from './models.js'
export * from './pagination.js'
