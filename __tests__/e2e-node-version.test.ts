// Which node each leg of `npm test` really runs. The first leg runs on the node that started npm (in CI,
// the matrix's version, which the workflow passes as TEST_NODE_MAJOR); scripts/run-under-node24.js then
// reruns the end-to-end files, this one included, on node 24 with TEST_NODE_MAJOR=24. A `node` binary
// shadowing the contributor's own (say, one a devDependency installs into node_modules/.bin) breaks this.
import { spawnSync } from 'node:child_process'
import { ACTION_NODE } from './helpers/run-action.js'

function majorOf(node: string): string {
  const run = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`${node} did not run: ${run.stderr || String(run.error)}`)
  return run.stdout.trim().split('.')[0] ?? ''
}

/** The node major this leg promises: the one named for it, else the one npm (or PATH) runs on. */
function expectedMajor(): string {
  return process.env['TEST_NODE_MAJOR'] ?? majorOf(process.env['npm_node_execpath'] ?? 'node')
}

describe('each leg of npm test runs the node it names', () => {
  it('runs the tests and the spawned action on that node', () => {
    const expected = expectedMajor()
    expect({ tests: process.versions.node.split('.')[0], action: majorOf(ACTION_NODE) }).toEqual({
      tests: expected,
      action: expected
    })
  })
})
