// `npm run demo` shows what the action does with no AWS account; the quality gate is among what it shows.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const DEMO = fileURLToPath(new URL('../scripts/demo.js', import.meta.url))
const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The demo's output for one scenario, from its heading to the next. */
function scenario(output: string, title: string): string {
  const start = output.indexOf(`=== ${title}`)
  if (start < 0) throw new Error(`the demo has no scenario "${title}"`)
  const end = output.indexOf('\n=== ', start + 1)
  return output.slice(start, end < 0 ? undefined : end)
}

describe('npm run demo shows a gated run that passes and one that fails the gate', () => {
  const run = spawnSync(process.execPath, [DEMO], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })

  it('runs to the end', () => {
    expect(run.status).toBe(0)
  })

  it('passes the gate, with the audience quality table of the job summary', () => {
    const passed = scenario(run.stdout, 'Gate on audience quality: the job meets')
    expect(passed).toContain('Quality gates: min-recall-metric 0.4: passed; min-relevance-score 7 at 20%: passed')
    expect(passed).toContain('## Audience quality')
    expect(passed).toContain('20% | PERCENTAGE | 7.2\n')
    expect(passed).toContain('--- exit code 0;')
  })

  it('fails the gate with AudienceQualityBelowThreshold, and the table still shows', () => {
    const failed = scenario(run.stdout, 'Gate on audience quality: the relevance score')
    expect(failed).toContain('ERROR [AudienceQualityBelowThreshold: Checking the audience quality failed]')
    expect(failed).toContain('1000000 | ABSOLUTE | 5.3\n')
    expect(failed).toContain('error-type = AudienceQualityBelowThreshold')
    expect(failed).toContain('--- exit code 1;')
  })
})
