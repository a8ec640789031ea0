// What of a request may appear in a log. The model marks the SQL seed parameters sensitive,
// so the query text and parameter values are replaced; parameter names stay to help debugging.
import type {
  AudienceGenerationJobDataSource,
  GetAudienceGenerationJobCommandOutput,
  GetAudienceGenerationJobResponse,
  ProtectedQuerySQLParameters,
  StartAudienceGenerationJobRequest
} from '../cleanroomsml/index.js'

export const REDACTED = '***'

export function redactRequest<T extends StartAudienceGenerationJobRequest>(request: T): T {
  if (request.seedAudience === undefined) return request
  const seedAudience = redactSeedAudience(request.seedAudience)
  return seedAudience === request.seedAudience ? request : { ...request, seedAudience }
}

/** A seed with its query text and parameter values replaced, whatever their shape in an answer. */
function redactSeedAudience(seed: AudienceGenerationJobDataSource): AudienceGenerationJobDataSource {
  const sql: unknown = seed.sqlParameters
  if (typeof sql !== 'object' || sql === null) return seed
  const { queryString, parameters } = sql as { queryString?: unknown; parameters?: unknown }
  return {
    ...seed,
    sqlParameters: {
      ...(sql as ProtectedQuerySQLParameters),
      ...(queryString !== undefined ? { queryString: REDACTED } : {}),
      ...(parameters !== undefined
        ? {
            parameters:
              typeof parameters === 'object' && parameters !== null
                ? Object.fromEntries(Object.keys(parameters).map((key) => [key, REDACTED]))
                : { [REDACTED]: REDACTED }
          }
        : {})
    }
  }
}

/**
 * A GetAudienceGenerationJob answer as a later step may see it: API member names, without the client's
 * metadata, and the seed (shown to collaboration members who did not start the job) redacted as in the log.
 * Its timestamps are `Date`s, which JSON writes in ISO 8601, as the service sends them.
 */
export function redactJob(job: GetAudienceGenerationJobCommandOutput): GetAudienceGenerationJobResponse {
  const { $metadata: _metadata, ...answer } = job
  const seed: unknown = answer.seedAudience
  if (typeof seed !== 'object' || seed === null) return answer
  return { ...answer, seedAudience: redactSeedAudience(seed as AudienceGenerationJobDataSource) }
}
