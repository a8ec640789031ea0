// See the action work with no AWS account: starts the local emulator of Clean Rooms ML, STS and
// the GitHub OIDC token endpoint, then runs the bundled action against it as a runner would,
// printing the step's log, outputs and job summary (with the audience quality table of a finished job).
// Delays are shortened so the demo takes seconds.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../emulator/index.js'

const INPUTS = {
  name: 'demo-weekly-lookalike',
  'configured-audience-model-arn': 'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/demo-model',
  'seed-audience-role-arn': 'arn:aws:iam::123456789012:role/cleanrooms-ml-seed-reader',
  'seed-audience-s3-uri': 's3://demo-seed-bucket/seed/users.jsonl',
  'role-to-assume': 'arn:aws:iam::123456789012:role/github-actions-cleanrooms-ml',
  'aws-region': 'us-east-1',
  tags: 'team=marketing\npipeline=weekly',
  'wait-for-completion': 'true'
}

const GATED = { ...INPUTS, 'if-exists': 'reuse' }

const SCENARIOS = [
  ['Start a job with the workflow OIDC token and wait for it', INPUTS],
  ['Re-run the same workflow: the name is taken (if-exists: fail)', INPUTS],
  ['Re-run with if-exists: reuse: carry on with the existing job', { ...INPUTS, 'if-exists': 'reuse' }],
  [
    'Gate on audience quality: the job meets min-recall-metric and min-relevance-score at 20%',
    {
      ...GATED,
      name: 'demo-gated-pass',
      'min-recall-metric': '0.4',
      'min-relevance-score': '7',
      'relevance-audience-size': '20%'
    }
  ],
  [
    'Gate on audience quality: the relevance score at 1000000 users is below min-relevance-score',
    { ...GATED, name: 'demo-gated-fail', 'min-relevance-score': '6', 'relevance-audience-size': '1000000' }
  ],
  ['A pull-request check: dry run', { ...INPUTS, name: 'demo-pr-check', 'dry-run': 'true' }],
  ['Invalid inputs: every problem at once, nothing sent', { ...INPUTS, name: '', 'sql-compute-worker-count': '2000' }]
]

function runAction(emulator, inputs) {
  const dir = mkdtempSync(join(tmpdir(), 'demo-'))
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env = {
    PATH: process.env.PATH,
    ...emulator.env(),
    ...files,
    AWS_EC2_METADATA_DISABLED: 'true',
    GITHUB_REPOSITORY: 'octo-org/audience-pipeline',
    GITHUB_WORKFLOW: 'weekly audience',
    GITHUB_RUN_ID: '1001',
    GITHUB_SERVER_URL: 'https://github.com',
    CLEANROOMS_ML_ACTION_TIME_SCALE: '0.02'
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/index.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (chunk) => (log += chunk))
    child.stderr.on('data', () => {}) // the SDK's node-version notice on node 20
    child.on('close', (code) => {
      const outputs = readFileSync(files.GITHUB_OUTPUT, 'utf8')
      const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
      rmSync(dir, { recursive: true, force: true })
      resolve({ code, log, outputs, summary })
    })
  })
}

/** Shows the log as the runner would: masked values hidden, workflow commands as annotations. */
function present(log) {
  const secrets = [...log.matchAll(/^::add-mask::(.+)$/gm)].map((match) => match[1])
  return log
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('::add-mask::') && !line.startsWith('::debug::'))
    .map((line) => secrets.reduce((text, secret) => text.split(secret).join('***'), line))
    .map((line) =>
      line.replace(
        /^::(error|warning|notice)(?: title=([^:]*))?::/,
        (_, level, title) => `${level.toUpperCase()} [${decodeURIComponent(title ?? '')}] `
      )
    )
    .map((line) => line.replace(/%0A/g, '\n    '))
    .map((line) => `  ${line}`)
    .join('\n')
}

/**
 * The job summary as a person reads it on the run's page: its headings, each row of its item-value table as
 * `item: value`, the rows of other tables (the audience quality) as cells between bars, and its notes.
 */
function summaryText(html) {
  const text = (part) =>
    part.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
  const lines = []
  for (const match of html.matchAll(/<h([34])>(.*?)<\/h\1>|<tr>(.*?)<\/tr>|^([^<\n].*)$/gm)) {
    if (match[2] !== undefined) lines.push(`  ${'#'.repeat(Number(match[1]) - 2)} ${text(match[2])}`)
    else if (match[3] !== undefined) lines.push(...rowText(match[3], text))
    else if (match[4]?.trim()) lines.push(`  ${text(match[4])}`)
  }
  return lines.join('\n')
}

function rowText(row, text) {
  const cells = [...row.matchAll(/<t([hd])>(.*?)<\/t[hd]>/g)]
  if (cells.length !== 2) return [`  ${cells.map((cell) => text(cell[2])).join(' | ')}`]
  // The item-value table's header says nothing a reader needs.
  return cells[0][1] === 'h' ? [] : [`  ${text(cells[0][2])}: ${text(cells[1][2])}`]
}

function outputsOf(text) {
  return [...text.matchAll(/^(.+?)<<(ghadelimiter_\S+)\n([\s\S]*?)\n\2$/gm)]
    .map((m) => `  ${m[1]} = ${m[3].length > 160 ? `${m[3].slice(0, 160)}… (${m[3].length} characters)` : m[3]}`)
    .join('\n')
}

const emulator = await startEmulator()
console.log(
  'Every delay, timeout and polling interval runs 50 times faster than in a workflow ' +
    '(CLEANROOMS_ML_ACTION_TIME_SCALE=0.02): the times shown are scaled.'
)
try {
  for (const [title, inputs] of SCENARIOS) {
    const result = await runAction(emulator, inputs)
    console.log(`\n=== ${title} ===\n--- log ---\n${present(result.log)}`)
    console.log(`--- outputs ---\n${outputsOf(result.outputs) || '  (none)'}`)
    console.log(`--- job summary ---\n${summaryText(result.summary) || '  (none)'}`)
    console.log(`--- exit code ${result.code}; requests the emulator received so far: ${emulator.requests.length} ---`)
  }
} finally {
  await emulator.close()
}
