// Runs the tests that depend on the runtime again on node 24, the runtime of `runs.using: node24`, when
// `npm test` itself runs on another node. Those are the end-to-end files (__tests__/e2e*.test.ts) whose
// header has a line starting `// On node 24 too:` with the reason: the ones that run dist/index.js through
// what differs between nodes (sockets, timers, signals, proxies, the file system). The rest check logic that
// behaves the same on every node and runs once. Node 24 comes from scripts/node24.js and is called by its
// path: it runs jest itself and, through ACTION_NODE, the spawned action (see __tests__/helpers/run-action.ts).
// Where no node 24 can be had, the rerun is skipped with a message saying so.
// Usage: node scripts/run-under-node24.js [extra jest arguments]
import { readdirSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findNode24 } from './node24.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const E2E_FILE = /^e2e.*\.test\.ts$/
const MARKER = /^\/\/ On node 24 too: /m

/** The test files, relative to the repository, that run again on node 24. */
export function runtimeTestFiles(dir = root) {
  return readdirSync(join(dir, '__tests__'))
    .filter((name) => E2E_FILE.test(name))
    .filter((name) => MARKER.test(readFileSync(join(dir, '__tests__', name), 'utf8')))
    .sort()
    .map((name) => `__tests__/${name}`)
}

function main() {
  // Without such files there is nothing to run: say so and succeed.
  const files = runtimeTestFiles()
  if (files.length === 0) {
    console.log('No end-to-end test file says `// On node 24 too:` yet: nothing to run on node 24.')
    return 0
  }

  if (process.version.startsWith('v24.')) {
    console.log(`npm test runs on node ${process.version}: the end-to-end tests already ran on node 24, no rerun.`)
    return 0
  }

  let node24
  try {
    node24 = findNode24()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    return 1
  }
  if ('missing' in node24) {
    console.log(`Skipped the end-to-end rerun on node 24: ${node24.missing}`)
    return 0
  }

  console.log(`Running ${files.length} end-to-end test file(s) on node ${node24.version} (${node24.path}):`)
  console.log(`  ${files.join(' ')}`)
  const jest = spawnSync(
    node24.path,
    [join(root, 'node_modules/jest/bin/jest.js'), '--runTestsByPath', ...files, ...process.argv.slice(2)],
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
  return jest.status ?? 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main()
