// Runs jest in ESM mode (the tests are ES modules): jest with --experimental-vm-modules added to NODE_OPTIONS,
// which its workers and the node 24 rerun inherit. A node script rather than a `NODE_OPTIONS=... jest` prefix,
// which cmd.exe (npm's shell on Windows) does not understand.
// Usage: node scripts/jest.js [jest arguments]
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const FLAG = '--experimental-vm-modules'

// Added once, after whatever options the caller set.
const options = (process.env.NODE_OPTIONS ?? '').split(' ').filter((option) => option && option !== FLAG)

const jest = spawnSync(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: [...options, FLAG].join(' ') }
})
if (jest.error) console.error(`Could not start jest: ${jest.error.message}`)
process.exitCode = jest.status ?? 1
