// The job summary: a short table of what the step did, shown on the workflow run's page.
import * as core from '@actions/core'
import { inline } from './log.js'

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

/** Writes the summary; without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write. */
export async function writeSummary(facts: SummaryFacts): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const summary = core.summary.addHeading(escapeHtml(facts.heading), 3).addTable([
    [
      { data: 'Item', header: true },
      { data: 'Value', header: true }
    ],
    ...facts.rows.map(([item, value]) => [escapeHtml(item), `<code>${escapeValue(value)}</code>`])
  ])
  if (facts.note) summary.addRaw(`\n${escapeHtml(facts.note)}\n`)
  for (const table of facts.tables ?? []) addTable(table)
  await summary.write()
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
