// The job summary: a short table of what the step did, shown on the workflow run's page.
import { constants } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import * as core from '@actions/core'
import type { StartAudienceGenerationJobRequest } from '../cleanroomsml/index.js'
import { hideAccountIds, inline } from '../log.js'

export interface SummaryFacts {
  heading: string
  rows: [string, string][]
  note?: string
  /** More tables after the note, each under its own heading. */
  tables?: SummaryTable[]
}

export interface SummaryTable {
  heading: string
  header: string[]
  rows: string[][]
  note?: string
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * A value in the summary, which is Markdown with the table as one line of HTML. A value is kept on that line
 * (`inline` escapes its line breaks: a blank line would end the HTML and let the rest render as
 * Markdown), and every character HTML or Markdown gives a meaning is written as an entity, so a
 * value can never open a tag, a link, an image or a table cell of its own.
 */
function escapeValue(text: string): string {
  return inline(text).replace(/[&<>"'|[\]()!`*_~\\]/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * Appends the summary to the file the runner names in GITHUB_STEP_SUMMARY, as core.summary.write()
 * does, but at the path of the environment the step was given; without one (a local run) there is
 * nowhere to write.
 */
export async function writeSummary(facts: SummaryFacts, path: string | undefined): Promise<void> {
  if (!path) return
  const summary = core.summary
    .emptyBuffer()
    .addHeading(escapeHtml(facts.heading), 3)
    .addTable([
      [
        { data: 'Item', header: true },
        { data: 'Value', header: true }
      ],
      ...facts.rows.map(([item, value]) => [escapeHtml(item), `<code>${escapeValue(value)}</code>`])
    ])
  if (facts.note) summary.addRaw(`\n${escapeHtml(facts.note)}\n`)
  for (const table of facts.tables ?? []) addTable(table)
  // The runner masks the summary as it masks the log, with what was registered by the step's end.
  const text = hideAccountIds(summary.stringify())
  summary.emptyBuffer()
  try {
    await access(path, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`)
  }
  await appendFile(path, text, { encoding: 'utf8' })
}

function addTable(table: SummaryTable): void {
  core.summary.addHeading(escapeHtml(table.heading), 4)
  if (table.rows.length > 0) {
    core.summary.addTable([
      table.header.map((cell) => ({ data: escapeHtml(cell), header: true })),
      ...table.rows.map((row) => row.map((cell) => `<code>${escapeValue(cell)}</code>`))
    ])
  }
  if (table.note) core.summary.addRaw(`\n${escapeHtml(table.note)}\n`)
}

/** Which seed the request uses, in words for logs and the summary; a query read from a file names the file. */
export function describeSeed(request: StartAudienceGenerationJobRequest, queryFile?: string): string {
  const { dataSource, sqlParameters } = request.seedAudience
  if (dataSource) return `S3 file ${dataSource.s3Uri}`
  if (sqlParameters?.analysisTemplateArn) return `analysis template ${sqlParameters.analysisTemplateArn}`
  return queryFile !== undefined ? `SQL query in ${queryFile}` : 'SQL query'
}
