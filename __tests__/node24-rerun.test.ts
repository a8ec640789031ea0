// scripts/run-under-node24.js, the last step of `npm test`: where it finds no node 24 it says so and lets
// `npm test` pass, a NODE24 that is not node 24 is an error, and on node 24 there is nothing to rerun.
// The script runs as `npm test` runs it, with the platform or version it reads replaced before it starts.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('../scripts/run-under-node24.js', import.meta.url))

/** Runs the script with process.platform, process.arch or process.version replaced. */
function rerun(replaced: Record<string, string>, env: Record<string, string> = {}) {
  const setup = Object.entries(replaced)
    .map(
      ([key, value]) => `Object.defineProperty(process, ${JSON.stringify(key)}, { value: ${JSON.stringify(value)} })`
    )
    .join(';')
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(setup)}`, SCRIPT], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...env },
    timeout: 20_000
  })
  return { status: run.status, output: run.stdout + run.stderr }
}

describe('the end-to-end rerun on node 24', () => {
  it('is skipped, saying why and how to get node 24, where no node 24 package exists', () => {
    expect(rerun({ platform: 'darwin', arch: 'arm64', version: 'v20.19.0' })).toEqual({
      status: 0,
      output:
        'Skipped the end-to-end rerun on node 24: there is no node 24 package for darwin/arm64. ' +
        'Run `npm test` on node 24, or set NODE24 to the path of a node 24 binary, to cover the runtime GitHub uses.\n'
    })
  })

  it('fails, naming the binary and its version, when NODE24 is not node 24', () => {
    const dir = mkdtempSync(join(tmpdir(), 'node24-'))
    try {
      const node22 = join(dir, 'node')
      writeFileSync(node22, '#!/bin/sh\necho v22.13.0\n')
      chmodSync(node22, 0o755)
      expect(rerun({ version: 'v20.19.0' }, { NODE24: node22 })).toEqual({
        status: 1,
        output: `NODE24=${node22} is not a node 24 binary (it reports v22.13.0).\n`
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('does not run again when npm test already runs on node 24', () => {
    expect(rerun({ version: 'v24.22.3' })).toEqual({
      status: 0,
      output: 'npm test runs on node v24.22.3: the end-to-end tests already ran on node 24, no rerun.\n'
    })
  })
})
