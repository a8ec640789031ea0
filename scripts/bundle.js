// Builds the action's bundle with ncc: `node scripts/bundle.js` (npm run bundle) replaces dist/ and checks
// that the new bundle starts; `node scripts/bundle.js --out DIR` builds into DIR instead, which is how
// scripts/check-dist.js rebuilds for a comparison without touching dist/. A node script rather than a shell
// line, so `npm run bundle` works where npm runs scripts in cmd.exe (Windows).
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

function nccCli() {
  const manifest = join(ROOT, 'node_modules/@vercel/ncc/package.json')
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.ncc)
}

/**
 * Builds src/index.ts into `out`, emptied first so no stale chunk survives. ncc runs in the repository
 * whatever `out` is: its chunk ids hash module paths relative to the build directory, so building
 * elsewhere would give other bytes than dist/'s.
 */
function bundleInto(out) {
  rmSync(out, { recursive: true, force: true })
  const build = spawnSync(
    process.execPath,
    [nccCli(), 'build', 'src/index.ts', '-o', out, '--license', 'licenses.txt'],
    {
      cwd: ROOT,
      stdio: 'inherit'
    }
  )
  if (build.status !== 0) throw new Error(`ncc could not build src/index.ts (exit ${build.status ?? build.error}).`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const at = process.argv.indexOf('--out')
  try {
    if (at >= 0) {
      const out = process.argv[at + 1]
      if (!out) throw new Error('Usage: node scripts/bundle.js [--out DIR]')
      bundleInto(resolve(out))
    } else {
      bundleInto(join(ROOT, 'dist'))
      const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check-bundle.js')], {
        cwd: ROOT,
        stdio: 'inherit'
      })
      process.exitCode = check.status ?? 1
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
