// The quality gates a user may ask for, as inputs: the model's ranges of the metrics and the audience
// sizes as the API reports them (`20%` or `100000`). The job layer compares the job's metrics with them.
import type { AudienceSizeType } from '../cleanroomsml/index.js'

/** An audience size with both its members, as a gate names it and a checked metric reports it. */
export interface AudienceSize {
  type: AudienceSizeType
  value: number
}

/** A relevance metric that matches the model. */
export interface RelevanceAt {
  audienceSize: AudienceSize
  score?: number
}

/** The model's ranges: AudienceSizeValue, RelevanceMetricScoreDouble, AudienceQualityMetricsRecallMetricDouble. */
export const AUDIENCE_SIZE = { min: 1, max: 20_000_000 } as const
export const RELEVANCE_SCORE = { min: 0, max: 10 } as const
export const RECALL = { min: 0, max: 1 } as const
/** The documentation's range of a percentage audience size. */
export const PERCENTAGE = { min: 1, max: 100 } as const

export interface QualityGates {
  minRecall?: number
  minRelevance?: { score: number; size: AudienceSize }
}

/** An audience size as the API reports it and the inputs take it: `20%` (PERCENTAGE) or `100000` (ABSOLUTE). */
export function formatAudienceSize(size: AudienceSize): string {
  return size.type === 'PERCENTAGE' ? `${size.value}%` : String(size.value)
}

/** Parses `relevance-audience-size`; a string says what is wrong. */
export function parseAudienceSize(text: string): AudienceSize | string {
  const match = /^(\d+)(%?)$/.exec(text.trim())
  const rule =
    `must be an audience size as the API reports it: a percentage from ${PERCENTAGE.min}% to ${PERCENTAGE.max}% ` +
    `(for example 20%) or a number of users from ${AUDIENCE_SIZE.min} to ${AUDIENCE_SIZE.max} (for example 100000)`
  if (!match) return `${rule}; got ${JSON.stringify([...text].slice(0, 60).join(''))}`
  const value = Number(match[1])
  const type = match[2] === '%' ? 'PERCENTAGE' : 'ABSOLUTE'
  const range = type === 'PERCENTAGE' ? PERCENTAGE : AUDIENCE_SIZE
  if (value < range.min || value > range.max) return `${rule}; got ${match[1]!.slice(0, 12)}${match[2]}`
  return { type, value }
}
