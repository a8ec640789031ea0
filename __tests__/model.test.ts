import { readFileSync } from 'node:fs'
import {
  MAPS,
  SHAPES,
  WORKER_COMPUTE_TYPES,
  WORKER_COUNT,
  type MapShape,
  type StringShape
} from '../src/inputs/constraints.js'

// AWS's newest Clean Rooms ML model (botocore form), copied into the fixtures.
interface C2JShape {
  type: string
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
  key?: { shape: string }
  value?: { shape: string }
  sensitive?: boolean
  members?: Record<string, { shape: string }>
  required?: string[]
}
const model = JSON.parse(readFileSync(new URL('../model/cleanroomsml.service-2.json', import.meta.url), 'utf8')) as {
  shapes: Record<string, C2JShape>
}

function modelShape(name: string): C2JShape {
  const shape = model.shapes[name]
  if (!shape) throw new Error(`no shape ${name} in the model`)
  return shape
}

function expectSameString(ours: StringShape): void {
  const theirs = modelShape(ours.shape)
  expect({ shape: ours.shape, min: ours.min, max: ours.max, pattern: ours.pattern }).toEqual({
    shape: ours.shape,
    min: theirs.min,
    max: theirs.max,
    pattern: theirs.pattern
  })
}

describe('validation follows the newest AWS model exactly', () => {
  it.each(Object.values(SHAPES).map((shape) => [shape.shape, shape] as const))('string shape %s', (_, shape) => {
    expectSameString(shape)
  })

  it.each(Object.values(MAPS).map((map: MapShape) => [map.shape, map] as const))('map shape %s', (_, map) => {
    const theirs = modelShape(map.shape)
    expect([map.min, map.max]).toEqual([theirs.min, theirs.max])
    expect(theirs.key?.shape).toBe(map.key.shape)
    expect(theirs.value?.shape).toBe(map.value.shape)
    expect(map.sensitive ?? false).toBe(theirs.sensitive ?? false)
    expectSameString(map.key)
    expectSameString(map.value)
  })

  it('has the worker types and counts of the newest model', () => {
    expect([...WORKER_COMPUTE_TYPES]).toEqual(modelShape('WorkerComputeType').enum)
    const count = modelShape(WORKER_COUNT.shape)
    expect([WORKER_COUNT.min, WORKER_COUNT.max]).toEqual([count.min, count.max])
  })

  it('uses the shapes the request members use', () => {
    const request = modelShape('StartAudienceGenerationJobRequest')
    expect(request.required).toEqual(['name', 'configuredAudienceModelArn', 'seedAudience'])
    const members = Object.fromEntries(Object.entries(request.members ?? {}).map(([k, v]) => [k, v.shape]))
    expect(members).toMatchObject({
      name: SHAPES.NameString.shape,
      configuredAudienceModelArn: SHAPES.ConfiguredAudienceModelArn.shape,
      collaborationId: SHAPES.UUID.shape,
      description: SHAPES.ResourceDescription.shape,
      tags: MAPS.TagMap.shape
    })
    const seed = modelShape('AudienceGenerationJobDataSource').members ?? {}
    expect(seed['roleArn']?.shape).toBe(SHAPES.IamRoleArn.shape)
    expect(modelShape('S3ConfigMap').members?.['s3Uri']?.shape).toBe(SHAPES.S3Path.shape)
    const sql = modelShape('ProtectedQuerySQLParameters').members ?? {}
    expect([sql['queryString']?.shape, sql['analysisTemplateArn']?.shape, sql['parameters']?.shape]).toEqual([
      SHAPES.ProtectedQuerySQLParametersQueryStringString.shape,
      SHAPES.AnalysisTemplateArn.shape,
      MAPS.ParameterMap.shape
    ])
  })
})
