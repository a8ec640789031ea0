// Prepares a release on a clean checkout of main: sets the new version in package.json and
// package-lock.json, moves CHANGELOG.md's Unreleased notes under the new version, commits that, and
// prints the commands that publish it. Pushing the tag starts .github/workflows/release.yml, which checks
// the tag against package.json, runs the tests and the dist/ check, creates the GitHub release with these
// notes and moves the major tag (v1) to the release.
// Usage: npm run release -- <major|minor|patch|X.Y.Z> [--date YYYY-MM-DD]
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import semver from 'semver'
import { release, releasedVersions } from './changelog.js'

function git(...args) {
  const run = spawnSync('git', args, { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${(run.stderr || run.stdout).trim()}`)
  return run.stdout.trim()
}

function fail(message) {
  console.error(message)
  process.exit(1)
}

function parseArguments(argv) {
  const [bump, ...rest] = argv
  const dateAt = rest.indexOf('--date')
  const date = dateAt >= 0 ? rest[dateAt + 1] : new Date().toISOString().slice(0, 10)
  if (!bump) fail('Usage: npm run release -- <major|minor|patch|X.Y.Z> [--date YYYY-MM-DD]')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) fail(`--date takes YYYY-MM-DD, not "${date}".`)
  return { bump, date }
}

/** The version to release: a bump of the current one, or one given in full that is greater. */
function nextVersion(current, bump) {
  const next = ['major', 'minor', 'patch'].includes(bump) ? semver.inc(current, bump) : semver.valid(bump)
  if (!next || semver.prerelease(next)) fail(`"${bump}" is not major, minor, patch or a version X.Y.Z.`)
  if (!semver.gt(next, current)) fail(`${next} is not greater than the current version ${current}.`)
  return next
}

const { bump, date } = parseArguments(process.argv.slice(2))
const dirty = git('status', '--porcelain')
if (dirty) fail(`Commit or stash these changes first, so the release commit holds only the release:\n${dirty}`)

const manifest = JSON.parse(readFileSync('package.json', 'utf8'))
const version = nextVersion(manifest.version, bump)
const tag = `v${version}`
if (git('tag', '--list', tag)) fail(`The tag ${tag} exists already.`)
const changelog = readFileSync('CHANGELOG.md', 'utf8')
if (releasedVersions(changelog).includes(version)) fail(`CHANGELOG.md has a section for ${version} already.`)

let released
try {
  released = release(changelog, version, date)
} catch (error) {
  fail(error.message)
}
manifest.version = version
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
lock.version = version
lock.packages[''].version = version
writeFileSync('CHANGELOG.md', released)
writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n')
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n')
git('add', 'CHANGELOG.md', 'package.json', 'package-lock.json')
git('commit', '--quiet', '--message', `Release ${tag}`)

const major = `v${semver.major(version)}`
console.log(`Prepared ${tag} in a commit of its own (git show to review it). To publish it:

  git push origin HEAD
  git tag --annotate ${tag} --message ${tag}
  git push origin ${tag}

The release workflow then checks ${tag} against package.json, runs the tests, checks dist/, creates the
GitHub release with CHANGELOG.md's notes for ${version}, and moves ${major} to the release.`)
