// What of a request may appear in a log. The model marks the SQL seed parameters sensitive,
// so the query text and parameter values are replaced; parameter names stay to help debugging.
import type {
  AudienceGenerationJobDataSource,
  GetAudienceGenerationJobResponse,
  ProtectedQuerySQLParameters,
  StartAudienceGenerationJobRequest
} from './cleanroomsml/models.js'

export const REDACTED = '***'

export function redactRequest(request: StartAudienceGenerationJobRequest): StartAudienceGenerationJobRequest {
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
 */
export function redactJob(job: GetAudienceGenerationJobResponse): Omit<GetAudienceGenerationJobResponse, '$metadata'> {
  const { $metadata: _metadata, ...answer } = job
  const seed: unknown = answer.seedAudience
  if (typeof seed !== 'object' || seed === null) return answer
  return { ...answer, seedAudience: redactSeedAudience(seed as AudienceGenerationJobDataSource) }
}

/** Which seed the request uses, in words for logs and the summary; a query read from a file names the file. */
export function describeSeed(request: StartAudienceGenerationJobRequest, queryFile?: string): string {
  const { dataSource, sqlParameters } = request.seedAudience
  if (dataSource) return `S3 file ${dataSource.s3Uri}`
  if (sqlParameters?.analysisTemplateArn) return `analysis template ${sqlParameters.analysisTemplateArn}`
  return queryFile !== undefined ? `SQL query in ${queryFile}` : 'SQL query'
}
