// What of a request may appear in a log. The model marks the SQL seed parameters sensitive,
// so the query text and parameter values are replaced; parameter names stay to help debugging.
import type { StartAudienceGenerationJobRequest } from '../cleanroomsml/models.js'

export const REDACTED = '***'

export function redactRequest(request: StartAudienceGenerationJobRequest): StartAudienceGenerationJobRequest {
  const sql = request.seedAudience.sqlParameters
  if (sql === undefined) return request
  const parameters = sql.parameters
  return {
    ...request,
    seedAudience: {
      ...request.seedAudience,
      sqlParameters: {
        ...sql,
        ...(sql.queryString !== undefined ? { queryString: REDACTED } : {}),
        ...(parameters !== undefined
          ? { parameters: Object.fromEntries(Object.keys(parameters).map((key) => [key, REDACTED])) }
          : {})
      }
    }
  }
}
