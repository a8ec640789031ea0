// Audience quality: the metrics Clean Rooms ML reports with a finished job, as outputs, a log line
// and a summary table, and the optional gates on them. The metrics are part of the service's
// answer: each value is held to the model's ranges before it is shown, set as an output or compared,
// and a gate whose metric is missing fails, because a gate that cannot be checked is not passed.
import type {
  AudienceQualityMetrics,
  AudienceSize,
  GetAudienceGenerationJobResponse,
  RelevanceMetric
} from '../cleanroomsml/index.js'
import {
  AUDIENCE_SIZE,
  formatAudienceSize,
  RECALL,
  RELEVANCE_SCORE,
  type QualityGates
} from '../inputs/quality-gates.js'
import * as log from '../log.js'
import { ActionError } from '../report/error-types.js'
import type { QualityReport } from '../report/progress.js'
import type { SummaryTable } from '../report/summary.js'

function inRange(value: unknown, range: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max
}

function asRelevanceMetric(value: unknown): RelevanceMetric | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { audienceSize, score } = value as { audienceSize?: unknown; score?: unknown }
  if (typeof audienceSize !== 'object' || audienceSize === null) return undefined
  const { type, value: size } = audienceSize as { type?: unknown; value?: unknown }
  if ((type !== 'ABSOLUTE' && type !== 'PERCENTAGE') || !Number.isInteger(size) || !inRange(size, AUDIENCE_SIZE)) {
    return undefined
  }
  if (score !== undefined && score !== null && !inRange(score, RELEVANCE_SCORE)) return undefined
  return { audienceSize: { type, value: size }, ...(inRange(score, RELEVANCE_SCORE) ? { score } : {}) }
}

/** The metrics of a job's answer that match the model. */
export function readQuality(job: Pick<GetAudienceGenerationJobResponse, 'metrics'>): QualityReport {
  const metrics: unknown = job.metrics
  if (typeof metrics !== 'object' || metrics === null) return { relevance: [], reported: false, dropped: 0 }
  const { relevanceMetrics, recallMetric } = metrics as Partial<Record<keyof AudienceQualityMetrics, unknown>>
  const listed: unknown[] = Array.isArray(relevanceMetrics) ? relevanceMetrics : []
  const relevance = listed.map(asRelevanceMetric).filter((metric) => metric !== undefined)
  const recallValid = inRange(recallMetric, RECALL)
  const recallDropped = recallMetric !== undefined && recallMetric !== null && !recallValid ? 1 : 0
  return {
    ...(recallValid ? { recall: recallMetric } : {}),
    relevance,
    reported: true,
    dropped: listed.length - relevance.length + recallDropped + (Array.isArray(relevanceMetrics) ? 0 : 1)
  }
}

function describeQuality(report: QualityReport): string {
  if (!report.reported) return 'The job reports no quality metrics.'
  const recall = report.recall !== undefined ? `recall ${report.recall}` : 'no recall'
  const relevance = report.relevance
    .map((metric) => `${metric.score ?? 'no score'} at ${formatAudienceSize(metric.audienceSize)}`)
    .join(', ')
  return `Audience quality: ${recall}; relevance ${relevance || 'not reported'}.`
}

/** The relevance metric reported at the given size, as the API reports it. */
function relevanceAt(report: QualityReport, size: AudienceSize): RelevanceMetric | undefined {
  return report.relevance.find(
    (metric) => metric.audienceSize.type === size.type && metric.audienceSize.value === size.value
  )
}

export interface GateResult {
  /** The gate, in the inputs' words. */
  label: string
  passed: boolean
  /** False when the metric is missing: the gate cannot be checked. */
  checked: boolean
  message: string
}

function recallGate(report: QualityReport, min: number): GateResult {
  const label = `min-recall-metric ${min}`
  if (report.recall === undefined) {
    return {
      label,
      passed: false,
      checked: false,
      message: `min-recall-metric is ${min}, but the job reports no recall metric: the gate cannot be checked.`
    }
  }
  const passed = report.recall >= min
  return {
    label,
    passed,
    checked: true,
    message: `The recall metric is ${report.recall}, ${passed ? 'at or above' : 'below'} min-recall-metric ${min}.`
  }
}

function relevanceGate(report: QualityReport, gate: NonNullable<QualityGates['minRelevance']>): GateResult {
  const size = formatAudienceSize(gate.size)
  const score = relevanceAt(report, gate.size)?.score
  const label = `min-relevance-score ${gate.score} at ${size}`
  if (score === undefined) {
    const sizes = report.relevance.filter((metric) => metric.score !== undefined)
    const listed = sizes.map((metric) => formatAudienceSize(metric.audienceSize)).join(', ')
    return {
      label,
      passed: false,
      checked: false,
      message:
        `min-relevance-score is ${gate.score} at relevance-audience-size ${size}, but the job reports no relevance ` +
        `score at that size (${listed ? `it reports scores at ${listed}` : 'it reports none'}): the gate cannot be checked.`
    }
  }
  const passed = score >= gate.score
  return {
    label,
    passed,
    checked: true,
    message: `The relevance score at audience size ${size} is ${score}, ${passed ? 'at or above' : 'below'} min-relevance-score ${gate.score}.`
  }
}

function gateResults(gates: QualityGates, report: QualityReport): GateResult[] {
  return [
    ...(gates.minRecall !== undefined ? [recallGate(report, gates.minRecall)] : []),
    ...(gates.minRelevance !== undefined ? [relevanceGate(report, gates.minRelevance)] : [])
  ]
}

/** What the quality check found: the metrics, each gate's result, and the failure a missed gate is. */
export interface QualityVerdict {
  report: QualityReport
  gates: GateResult[]
  failure?: ActionError
}

/**
 * Reads the ACTIVE job's metrics (logging them), then checks the gates: a missed gate is an
 * AudienceQualityBelowThreshold failure, a gate without its metric AudienceQualityUnavailable.
 */
export function judgeQuality(
  job: Pick<GetAudienceGenerationJobResponse, 'metrics'>,
  gates: QualityGates
): QualityVerdict {
  const report = readQuality(job)
  log.info(describeQuality(report))
  if (report.dropped > 0) {
    log.warning(`${report.dropped} of the job's quality metrics do not match the API model and are left out.`)
  }
  const results = gateResults(gates, report)
  const failed = results.filter((result) => !result.passed)
  if (failed.length === 0) {
    if (results.length > 0) log.info(results.map((result) => result.message).join(' '))
    return { report, gates: results }
  }
  const failure = new ActionError(
    failed.some((result) => result.checked) ? 'AudienceQualityBelowThreshold' : 'AudienceQualityUnavailable',
    failed.map((result) => result.message).join('\n')
  )
  return { report, gates: results, failure }
}

/** The gates' results in words, for the job summary. */
export function describeGates(gates: GateResult[]): string {
  return gates
    .map((result) => `${result.label}: ${result.passed ? 'passed' : result.checked ? 'missed' : 'cannot be checked'}`)
    .join('; ')
}

/** The summary's quality table: audience size and its type against relevance score, then the recall. */
export function qualityTable(report: QualityReport): SummaryTable {
  return {
    heading: 'Audience quality',
    header: ['Audience size', 'Type', 'Relevance score'],
    rows: report.relevance.map((metric) => [
      formatAudienceSize(metric.audienceSize),
      metric.audienceSize.type,
      metric.score !== undefined ? String(metric.score) : 'not reported'
    ]),
    note: !report.reported
      ? 'The job reports no quality metrics.'
      : `Recall: ${report.recall ?? 'not reported'} (0 to 1; a recall close to the bin size is no better than random selection).`
  }
}
