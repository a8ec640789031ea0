// Whether the committed dist/ is what the sources build: rebuilds with scripts/bundle.js into a temporary
// folder, never into dist/, and compares the two file for file and byte for byte, as CI's check-dist job
// does. Used by scripts/release.js; `node scripts/check-dist.js` prints the differences and fails on any.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Every file under a folder, as sorted paths relative to it with `/` separators. */
function filesUnder(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

/**
 * The differences between `root`'s dist/ and a fresh build of its sources: `{ added, removed, changed }`,
 * file paths under dist/ (added: built but not committed). Throws when the build fails.
 */
export function distDifferences(root) {
  const out = mkdtempSync(join(tmpdir(), 'dist-check-'))
  try {
    const built = join(out, 'dist')
    const build = spawnSync(process.execPath, [join(root, 'scripts/bundle.js'), '--out', built], {
      cwd: root,
      encoding: 'utf8'
    })
    if (build.status !== 0) {
      throw new Error(`npm run bundle could not build the sources:\n${build.stdout ?? ''}${build.stderr ?? ''}`.trim())
    }
    const committed = join(root, 'dist')
    const fresh = filesUnder(built)
    const present = filesUnder(committed)
    return {
      added: fresh.filter((file) => !present.includes(file)),
      removed: present.filter((file) => !fresh.includes(file)),
      changed: fresh.filter(
        (file) => present.includes(file) && !readFileSync(join(built, file)).equals(readFileSync(join(committed, file)))
      )
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** One line per differing file, or an empty list when dist/ is up to date. */
export function describeDifferences({ added, removed, changed }) {
  return [
    ...changed.map((file) => `  changed: dist/${file}`),
    ...added.map((file) => `  missing from dist/: dist/${file}`),
    ...removed.map((file) => `  no longer built: dist/${file}`)
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  try {
    const lines = describeDifferences(distDifferences(root))
    if (lines.length > 0) {
      console.error(
        `dist/ is not what the sources build. Run \`npm run bundle\` and commit dist/:\n${lines.join('\n')}`
      )
      process.exitCode = 1
    } else console.log('dist/ is what the sources build.')
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
