// The job summary, shown on the workflow run's page: what happened and what to do as sentences, then a
// table of what the step did. It is Markdown with HTML blocks that each stay on one line, and it stays
// below GitHub's 1 MiB limit (a larger summary is dropped whole), whatever the service answered.
import { constants } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import type { StartAudienceGenerationJobRequest } from '../cleanroomsml/index.js'
import type { CredentialSettings } from '../inputs/settings.js'
import { hideAccountIds, inline } from '../log.js'
import { cut, MAX_SUMMARY_BYTES } from './limits.js'

/** Sentences of the summary: plain text, with the values in it set as code. */
export type Prose = (string | { code: string })[]

export interface SummaryParagraph {
  /** What the sentences are about, shown first in bold: "What happened". */
  label: string
  prose: Prose
}

export interface SummaryFacts {
  heading: string
  /** Sentences before the table: what happened and what to do. */
  paragraphs?: SummaryParagraph[]
  /** The table's column headings; Item and Value unless given. */
  header?: [string, string]
  /** Item and value: a value given as text is set in code, one given as prose is read as sentences. */
  rows: [string, string | Prose][]
  note?: string
  /** More tables after the note, each under its own heading. */
  tables?: SummaryTable[]
  /** A block of code after the rest, under its own heading: the request a dry run would send. */
  code?: { heading: string; text: string }
}

export interface SummaryTable {
  heading: string
  header: string[]
  rows: string[][]
  note?: string
}

/** Characters of one value from outside the action shown in the summary; the log has the whole text. */
const MAX_SUMMARY_TEXT = 4096

/** Characters of the code block; the log has the whole request. */
const MAX_SUMMARY_CODE = 65_536

/** Said at the end when something did not fit. */
const LEFT_OUT =
  "\n<p><em>The rest of this summary is left out to keep it within GitHub's 1 MiB limit; the step's log has " +
  'everything.</em></p>\n'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * A value in the summary. It is kept on its line (`inline` escapes its line breaks: a blank line would end
 * the HTML and let the rest render as Markdown), cut to a readable length with a visible marker, and every
 * character HTML or Markdown gives a meaning is written as an entity, so a value can never open a tag, a
 * link, an image or a table cell of its own.
 */
function escapeValue(text: string): string {
  return inline(cut(text, MAX_SUMMARY_TEXT)).replace(/[&<>"'|[\]()!`*_~\\]/g, (char) => `&#${char.charCodeAt(0)};`)
}

function code(text: string): string {
  return `<code>${escapeValue(text)}</code>`
}

function proseHtml(prose: Prose): string {
  return prose.map((part) => (typeof part === 'string' ? escapeValue(part) : code(part.code))).join('')
}

/** Collects the summary's blocks while they fit in GitHub's limit, keeping room to say what was left out. */
class SummaryBuilder {
  readonly #blocks: string[] = []
  #left = MAX_SUMMARY_BYTES - Buffer.byteLength(LEFT_OUT)
  #full = false

  /** Adds the block if it fits; once one does not, nothing more is added. */
  add(html: string): boolean {
    if (this.#full) return false
    const size = Buffer.byteLength(html)
    if (size > this.#left) {
      this.#full = true
      return false
    }
    this.#blocks.push(html)
    this.#left -= size
    return true
  }

  /** A table, with as many of its rows as fit. */
  table(header: string[], rows: string[][]): void {
    if (this.#full) return
    const cells = (row: string[], tag: string): string => row.map((cell) => `<${tag}>${cell}</${tag}>`).join('')
    const head = `<table><tr>${cells(header, 'th')}</tr>`
    const end = '</table>\n'
    const body = rows.map((row) => `<tr>${cells(row, 'td')}</tr>`)
    if (this.add(head + body.join('') + end)) return
    // Too large whole: the rows that fit, then the end of the table.
    this.#full = false
    const kept: string[] = []
    let size = Buffer.byteLength(head + end)
    for (const row of body) {
      size += Buffer.byteLength(row)
      if (size > this.#left) break
      kept.push(row)
    }
    if (kept.length > 0) this.add(head + kept.join('') + end)
    this.#full = true
  }

  toString(): string {
    return this.#blocks.join('') + (this.#full ? LEFT_OUT : '')
  }
}

function render(facts: SummaryFacts): string {
  const summary = new SummaryBuilder()
  summary.add(`<h3>${escapeHtml(facts.heading)}</h3>\n`)
  for (const paragraph of facts.paragraphs ?? []) {
    summary.add(`<p><strong>${escapeHtml(paragraph.label)}:</strong> ${proseHtml(paragraph.prose)}</p>\n`)
  }
  summary.table(
    (facts.header ?? ['Item', 'Value']).map(escapeHtml),
    facts.rows.map(([item, value]) => [escapeHtml(item), typeof value === 'string' ? code(value) : proseHtml(value)])
  )
  if (facts.note) summary.add(`\n${escapeHtml(facts.note)}\n`)
  for (const table of facts.tables ?? []) {
    summary.add(`<h4>${escapeHtml(table.heading)}</h4>\n`)
    if (table.rows.length > 0) {
      summary.table(
        table.header.map(escapeHtml),
        table.rows.map((row) => row.map(code))
      )
    }
    if (table.note) summary.add(`\n${escapeHtml(table.note)}\n`)
  }
  if (facts.code) {
    // A <pre> block ends only at </pre>, which escaping keeps out of the text, so line breaks may stay.
    summary.add(`<h4>${escapeHtml(facts.code.heading)}</h4>\n`)
    summary.add(`<pre><code>${escapeHtml(cut(facts.code.text, MAX_SUMMARY_CODE))}</code></pre>\n`)
  }
  return summary.toString()
}

/**
 * Appends the summary to the file the runner names in GITHUB_STEP_SUMMARY, as core.summary.write()
 * does, but at the path of the environment the step was given; without one (a local run) there is
 * nowhere to write.
 */
export async function writeSummary(facts: SummaryFacts, path: string | undefined): Promise<void> {
  if (!path) return
  // The runner masks the summary as it masks the log, with what was registered by the step's end.
  const text = hideAccountIds(render(facts))
  try {
    await access(path, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`)
  }
  await appendFile(path, text, { encoding: 'utf8' })
}

/** Which seed the request uses, in words for logs and the summary; a query read from a file names the file. */
export function describeSeed(request: StartAudienceGenerationJobRequest, queryFile?: string): string {
  const { dataSource, sqlParameters } = request.seedAudience ?? {}
  if (dataSource) return `S3 file ${dataSource.s3Uri}`
  if (sqlParameters?.analysisTemplateArn) return `analysis template ${sqlParameters.analysisTemplateArn}`
  return queryFile !== undefined ? `SQL query in ${queryFile}` : 'SQL query'
}

/** Where the credentials come from, in words for logs and the summary. */
export function describeCredentials(credentials: CredentialSettings): string {
  switch (credentials.source) {
    case 'oidc':
      return `GitHub OIDC, assuming ${inline(credentials.roleArn)}`
    case 'chained':
      return (
        `role chaining, assuming ${inline(credentials.roleArn)} with the environment's credentials ` +
        `(AWS SDK default chain)${credentials.externalId !== undefined ? ' and an external id' : ''}`
      )
    case 'environment':
      return 'the environment (AWS SDK default chain)'
  }
}
