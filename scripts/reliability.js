// `npm run reliability`: reruns the fault suite (__tests__/e2e-faults.test.ts), which writes RELIABILITY.md
// from its results, and formats it. When the new report differs from the committed one in its timings alone,
// the committed one is kept: a rerun on a slower or busier machine is no change. A failed run keeps it too,
// since its report would be partial.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { onlyTimingsDiffer } from './reliability-report.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const REPORT = join(ROOT, 'RELIABILITY.md')

const before = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : undefined
const node = (args, env = process.env) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env })

const suite = node([join(ROOT, 'scripts/jest.js'), '__tests__/e2e-faults.test.ts'], {
  ...process.env,
  RELIABILITY_REPORT: '1'
})
if (suite.status !== 0) {
  if (before !== undefined) writeFileSync(REPORT, before)
  console.error('The fault suite failed: RELIABILITY.md is left as it was.')
  process.exit(1)
}
node([join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--write', REPORT])
const after = readFileSync(REPORT, 'utf8')

if (before === after) console.log('RELIABILITY.md is unchanged.')
else if (before !== undefined && onlyTimingsDiffer(before, after)) {
  writeFileSync(REPORT, before)
  console.log('Only the timings moved: RELIABILITY.md is left as it was.')
} else console.log('RELIABILITY.md rewritten: the outcomes, error types, jobs, bounds or scenarios changed.')
