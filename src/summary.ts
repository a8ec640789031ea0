// The job summary: a short table of what the step did, shown on the workflow run's page.
import * as core from '@actions/core'

export interface SummaryFacts {
  heading: string
  rows: [string, string][]
  note?: string
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** Writes the summary; without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write. */
export async function writeSummary(facts: SummaryFacts): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return
  const summary = core.summary.addHeading(escapeHtml(facts.heading), 3).addTable([
    [
      { data: 'Item', header: true },
      { data: 'Value', header: true }
    ],
    ...facts.rows.map(([item, value]) => [escapeHtml(item), `<code>${escapeHtml(value)}</code>`])
  ])
  if (facts.note) summary.addRaw(`\n${escapeHtml(facts.note)}\n`)
  await summary.write()
}
