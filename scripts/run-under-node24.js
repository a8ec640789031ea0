// Runs the end-to-end tests (__tests__/e2e*.test.ts) again on node 24, the runtime of `runs.using: node24`,
// when `npm test` itself runs on another node. Node 24 comes from scripts/node24.js and is called by its
// path: it runs jest itself and, through ACTION_NODE, the spawned action (see __tests__/helpers/run-action.ts).
// Where no node 24 can be had, the rerun is skipped with a message saying so.
// Usage: node scripts/run-under-node24.js [extra jest arguments]
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findNode24 } from './node24.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const E2E_FILE = /^e2e.*\.test\.ts$/

// Without end-to-end test files there is nothing to run: say so and succeed.
const e2eFiles = readdirSync(join(root, '__tests__')).filter((name) => E2E_FILE.test(name))
if (e2eFiles.length === 0) {
  console.log('No __tests__/e2e*.test.ts files yet: nothing to run on node 24.')
  process.exit(0)
}

if (process.version.startsWith('v24.')) {
  console.log(`npm test runs on node ${process.version}: the end-to-end tests already ran on node 24, no rerun.`)
  process.exit(0)
}

let node24
try {
  node24 = findNode24()
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
if ('missing' in node24) {
  console.log(`Skipped the end-to-end rerun on node 24: ${node24.missing}`)
  process.exit(0)
}

console.log(`Running ${e2eFiles.length} end-to-end test file(s) on node ${node24.version} (${node24.path}).`)
// Anchored to __tests__/ so a checkout directory named like "e2e" does not select every test.
const jest = spawnSync(
  node24.path,
  [
    join(root, 'node_modules/jest/bin/jest.js'),
    '--testPathPatterns',
    '__tests__/e2e[^/]*\\.test\\.ts$',
    ...process.argv.slice(2)
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      ACTION_NODE: node24.path,
      // The node this leg promises, checked by __tests__/e2e-node-version.test.ts.
      TEST_NODE_MAJOR: '24',
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ')
    }
  }
)
if (jest.error) console.error(`Could not start jest on node 24: ${jest.error.message}`)
process.exit(jest.status ?? 1)
