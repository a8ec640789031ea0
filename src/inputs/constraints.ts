// Constraints of StartAudienceGenerationJob's members, copied exactly from AWS's newest
// Clean Rooms ML model (cleanroomsml-2023-09-06, 2026-07-27). A test compares every entry
// with the model file, so a model update that changes one fails loudly.

export interface StringShape {
  /** The model's shape name, used in error messages and by the model test. */
  shape: string
  min?: number
  max?: number
  /** The model's pattern; it is anchored at both ends when applied, as the Smithy model is. */
  pattern?: string
  /**
   * The form a value takes, shown instead of the pattern when a value of an input does not match (the
   * action's own words, not the model's). With it, the value given is shown too: it is not secret.
   */
  example?: string
}

export interface MapShape {
  shape: string
  /** The model marks the map sensitive: its values never appear in a message. */
  sensitive?: boolean
  min?: number
  max?: number
  key: StringShape
  value: StringShape
}

const NAME_STRING: StringShape = {
  shape: 'NameString',
  min: 1,
  max: 63,
  pattern: '(?!\\s*$)[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t]*'
}

export const SHAPES = {
  NameString: NAME_STRING,
  ConfiguredAudienceModelArn: {
    shape: 'ConfiguredAudienceModelArn',
    min: 20,
    max: 2048,
    pattern: 'arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:configured-audience-model/[-a-zA-Z0-9_/.]+',
    example: 'arn:aws:cleanrooms-ml:REGION:ACCOUNT:configured-audience-model/ID'
  },
  IamRoleArn: {
    shape: 'IamRoleArn',
    min: 20,
    max: 2048,
    pattern: 'arn:aws[-a-z]*:iam::[0-9]{12}:role/.+',
    example: 'arn:aws:iam::ACCOUNT:role/NAME'
  },
  S3Path: { shape: 'S3Path', min: 1, max: 1285, pattern: 's3://.+', example: 's3://BUCKET/KEY' },
  ProtectedQuerySQLParametersQueryStringString: {
    shape: 'ProtectedQuerySQLParametersQueryStringString',
    min: 0,
    max: 500000
  },
  AnalysisTemplateArn: {
    shape: 'AnalysisTemplateArn',
    min: 0,
    max: 200,
    pattern:
      'arn:aws[-a-z]*:cleanrooms:[\\w]{2}-[\\w]{4,9}-[\\d]:[\\d]{12}:membership/[\\d\\w-]+/analysistemplate/[\\d\\w-]+',
    example: 'arn:aws:cleanrooms:REGION:ACCOUNT:membership/MEMBERSHIP-ID/analysistemplate/TEMPLATE-ID'
  },
  UUID: {
    shape: 'UUID',
    min: 36,
    max: 36,
    pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    example: '01234567-89ab-cdef-0123-456789abcdef'
  },
  ResourceDescription: {
    shape: 'ResourceDescription',
    min: 0,
    max: 255,
    pattern: '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t\\r\\n]*'
  },
  AudienceGenerationJobArn: {
    shape: 'AudienceGenerationJobArn',
    min: 20,
    max: 2048,
    pattern: 'arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:audience-generation-job/[-a-zA-Z0-9_/.]+'
  }
} satisfies Record<string, StringShape>

export const MAPS = {
  ParameterMap: {
    shape: 'ParameterMap',
    sensitive: true,
    key: { shape: 'ParameterName', min: 1, max: 100, pattern: '[0-9a-zA-Z_]+' },
    value: { shape: 'ParameterValue', min: 0, max: 1000 }
  },
  SparkProperties: {
    shape: 'SparkProperties',
    min: 0,
    max: 50,
    key: { shape: 'SparkPropertyKey', min: 1, max: 200 },
    value: { shape: 'SparkPropertyValue', min: 0, max: 500 }
  },
  TagMap: {
    shape: 'TagMap',
    min: 0,
    max: 200,
    key: { shape: 'TagKey', min: 1, max: 128 },
    value: { shape: 'TagValue', min: 0, max: 256 }
  }
} satisfies Record<string, MapShape>

export const WORKER_COMPUTE_TYPES = ['CR.1X', 'CR.4X', 'CR.8X'] as const

export const WORKER_COUNT = { shape: 'WorkerComputeConfigurationNumberInteger', min: 2, max: 1024 } as const

/** AWS's tagging rules (documentation, not the model): 50 user tags, `aws:` keys reserved. */
export const USER_TAG_LIMIT = 50
export const RESERVED_TAG_PREFIX = 'aws:'
