// Plain request and response shapes of the Clean Rooms ML operations this action uses,
// named as in the official @aws-sdk/client-cleanroomsml so callers would not change
// if that package replaced this folder.

export type WorkerComputeType = 'CR.1X' | 'CR.4X' | 'CR.8X'

export type AudienceGenerationJobStatus =
  | 'CREATE_PENDING'
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_FAILED'
  | 'ACTIVE'
  | 'DELETE_PENDING'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_FAILED'

export interface S3ConfigMap {
  s3Uri: string
}

export interface ProtectedQuerySQLParameters {
  queryString?: string
  analysisTemplateArn?: string
  parameters?: Record<string, string>
}

export interface WorkerComputeConfiguration {
  type?: WorkerComputeType
  number?: number
  properties?: { spark: Record<string, string> }
}

export interface ComputeConfiguration {
  worker: WorkerComputeConfiguration
}

export interface AudienceGenerationJobDataSource {
  dataSource?: S3ConfigMap
  roleArn: string
  sqlParameters?: ProtectedQuerySQLParameters
  sqlComputeConfiguration?: ComputeConfiguration
}

export interface StartAudienceGenerationJobRequest {
  name: string
  configuredAudienceModelArn: string
  seedAudience: AudienceGenerationJobDataSource
  includeSeedInOutput?: boolean
  collaborationId?: string
  description?: string
  tags?: Record<string, string>
}

export interface ResponseMetadata {
  httpStatusCode?: number
  requestId?: string
  attempts?: number
  totalRetryDelay?: number
}

export interface MetadataBearer {
  $metadata: ResponseMetadata
}

export interface StartAudienceGenerationJobResponse extends MetadataBearer {
  audienceGenerationJobArn: string
}

export interface DeleteAudienceGenerationJobRequest {
  audienceGenerationJobArn: string
}

export interface GetAudienceGenerationJobRequest {
  audienceGenerationJobArn: string
}

export interface StatusDetails {
  statusCode?: string
  message?: string
}

export type AudienceSizeType = 'ABSOLUTE' | 'PERCENTAGE'

export interface AudienceSize {
  type: AudienceSizeType
  value: number
}

export interface RelevanceMetric {
  audienceSize: AudienceSize
  score?: number
}

export interface AudienceQualityMetrics {
  relevanceMetrics: RelevanceMetric[]
  recallMetric?: number
}

export interface GetAudienceGenerationJobResponse extends MetadataBearer {
  createTime: string
  updateTime: string
  audienceGenerationJobArn: string
  name: string
  status: AudienceGenerationJobStatus
  configuredAudienceModelArn: string
  description?: string
  statusDetails?: StatusDetails
  includeSeedInOutput?: boolean
  collaborationId?: string
  metrics?: AudienceQualityMetrics
  startedBy?: string
  tags?: Record<string, string>
  seedAudience?: AudienceGenerationJobDataSource
  protectedQueryIdentifier?: string
}

export interface ListAudienceGenerationJobsRequest {
  nextToken?: string
  maxResults?: number
  configuredAudienceModelArn?: string
  collaborationId?: string
}

export interface AudienceGenerationJobSummary {
  createTime: string
  updateTime: string
  audienceGenerationJobArn: string
  name: string
  status: AudienceGenerationJobStatus
  configuredAudienceModelArn: string
  description?: string
  collaborationId?: string
  startedBy?: string
}

export interface ListAudienceGenerationJobsResponse extends MetadataBearer {
  audienceGenerationJobs: AudienceGenerationJobSummary[]
  nextToken?: string
}
