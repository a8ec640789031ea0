// Which node each leg of `npm test` really runs. A leg that names a major in TEST_NODE_MAJOR promises
// that one: the node 24 rerun of scripts/run-under-node24.js sets 24, and CI's legs set their matrix's
// version. A leg that names none (npm test on a contributor's machine) promises a node package.json's
// engines allow. Both the tests and the action they spawn (ACTION_NODE) must keep the promise.
// On node 24 too: it checks which node runs the tests and the action.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import semver from 'semver'
import { ACTION_NODE } from './helpers/run-action.js'

function versionOf(node: string): string {
  const run = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`${node} did not run: ${run.stderr || String(run.error)}`)
  return run.stdout.trim()
}

/** The versions this leg promises, as a semver range. */
function promised(): string {
  const named = process.env['TEST_NODE_MAJOR']
  if (named) return `${named}.x`
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string }
  }
  return manifest.engines.node
}

describe('each leg of npm test runs the node it names', () => {
  it('runs the tests and the spawned action on that node', () => {
    const range = promised()
    const running = { tests: process.versions.node, action: versionOf(ACTION_NODE) }
    const broken = Object.entries(running)
      .filter(([, version]) => !semver.satisfies(version, range))
      .map(([what, version]) => `the ${what} run on node ${version}`)
    expect({ range, broken }).toEqual({ range, broken: [] })
  })
})
