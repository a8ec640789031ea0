// Prepares a release on a clean, up-to-date checkout of main: sets the new version in package.json and
// package-lock.json, moves CHANGELOG.md's Unreleased notes under the new version, commits that, and prints
// the commands that publish it. Pushing the tag starts .github/workflows/release.yml, which checks the tag
// against package.json, runs the tests and the dist/ check, creates the GitHub release with these notes and
// moves the major tag (v1) to the release.
// With --dry-run it checks everything the same way and prints what it would do, changing nothing.
// Usage: npm run release -- <major|minor|patch|X.Y.Z> [--date YYYY-MM-DD] [--dry-run]
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import semver from 'semver'
import { notesFor, release, releasedVersions } from './changelog.js'
import { describeDifferences, distDifferences } from './check-dist.js'
import { releasedInterface, renderReadme, writeReleased } from './docs.js'

const USAGE = 'Usage: npm run release -- <major|minor|patch|X.Y.Z> [--date YYYY-MM-DD] [--dry-run]'
const RELEASE_BRANCH = 'main'

function git(...args) {
  const run = spawnSync('git', args, { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${(run.stderr || run.stdout).trim()}`)
  return run.stdout.trim()
}

/** git's answer, or undefined where git says no (an unset upstream, a detached HEAD). */
function gitMaybe(...args) {
  const run = spawnSync('git', args, { encoding: 'utf8' })
  return run.status === 0 ? run.stdout.trim() : undefined
}

function fail(message) {
  console.error(message)
  process.exit(1)
}

function parseArguments(argv) {
  const options = { bump: undefined, date: new Date().toISOString().slice(0, 10), dryRun: false }
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]
    if (argument === '--dry-run') options.dryRun = true
    else if (argument === '--date') options.date = argv[++i]
    else if (argument.startsWith('-') || options.bump) fail(`Unexpected argument "${argument}".\n${USAGE}`)
    else options.bump = argument
  }
  if (!options.bump) fail(USAGE)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date ?? '')) fail(`--date takes YYYY-MM-DD, not "${options.date}".`)
  return options
}

/** The version to release: a bump of the current one, or one given in full that is greater. */
function nextVersion(current, bump) {
  const next = ['major', 'minor', 'patch'].includes(bump) ? semver.inc(current, bump) : semver.valid(bump)
  if (!next || semver.prerelease(next)) fail(`"${bump}" is not major, minor, patch or a version X.Y.Z.`)
  if (!semver.gt(next, current)) fail(`${next} is not greater than the current version ${current}.`)
  return next
}

/** Releases are cut from main, as the release workflow and the major tag expect. */
function checkBranch() {
  const branch = gitMaybe('symbolic-ref', '--quiet', '--short', 'HEAD')
  if (branch !== RELEASE_BRANCH) {
    const where = branch ? `the branch ${branch}` : 'a detached HEAD'
    fail(`Release from ${RELEASE_BRANCH}: this checkout is on ${where}. Run \`git switch ${RELEASE_BRANCH}\` first.`)
  }
}

/** When main has an upstream, it must hold everything the upstream has: fetch, then count what is missing. */
function checkUpstream() {
  const upstream = gitMaybe('rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}')
  if (!upstream) return
  const remote = gitMaybe('config', `branch.${RELEASE_BRANCH}.remote`)
  if (remote && remote !== '.') {
    const fetch = spawnSync('git', ['fetch', '--quiet', remote], { encoding: 'utf8' })
    if (fetch.status !== 0)
      fail(`Could not fetch ${remote} to compare ${RELEASE_BRANCH} with ${upstream}:\n${fetch.stderr.trim()}`)
  }
  const behind = Number(git('rev-list', '--count', `HEAD..${upstream}`))
  if (behind > 0) {
    fail(
      `${RELEASE_BRANCH} is ${behind} commit${behind === 1 ? '' : 's'} behind ${upstream}. ` +
        `Run \`git pull\` first, so the release holds what ${upstream} has.`
    )
  }
}

/** The committed dist/ must be what the sources build: the release ships dist/ as it is. */
function checkDist() {
  let differences
  try {
    differences = describeDifferences(distDifferences(process.cwd()))
  } catch (error) {
    fail(`Could not rebuild dist/ to compare it with the committed one: ${error.message}`)
  }
  if (differences.length > 0) {
    fail(`dist/ is not what the sources build. Run \`npm run bundle\` and commit dist/:\n${differences.join('\n')}`)
  }
}

const { bump, date, dryRun } = parseArguments(process.argv.slice(2))
checkBranch()
const dirty = git('status', '--porcelain')
if (dirty) fail(`Commit or stash these changes first, so the release commit holds only the release:\n${dirty}`)
checkUpstream()

const manifest = JSON.parse(readFileSync('package.json', 'utf8'))
const current = manifest.version
const version = nextVersion(current, bump)
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
checkDist()

const major = `v${semver.major(version)}`
if (dryRun) {
  console.log(`Dry run: nothing was changed (no file, no commit, no tag).

Would release ${tag}, dated ${date}: package.json and package-lock.json from ${current} to ${version}, CHANGELOG.md's
Unreleased notes moved under "## [${version}] - ${date}", action.yml's inputs and outputs recorded as released
(scripts/released-interface.json, so README.md marks none as unreleased), committed as "Release ${tag}". The release notes:

${notesFor(released, version)}

Run it again without --dry-run to prepare the release.`)
  process.exit(0)
}

manifest.version = version
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
lock.version = version
lock.packages[''].version = version
writeFileSync('CHANGELOG.md', released)
// Everything action.yml declares now ships: the README's tables stop marking anything as unreleased.
const actionYml = readFileSync('action.yml', 'utf8')
const releasedNames = releasedInterface(version, actionYml)
writeReleased(releasedNames)
writeFileSync('README.md', await renderReadme(readFileSync('README.md', 'utf8'), actionYml, releasedNames))
writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n')
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n')
git('add', 'CHANGELOG.md', 'package.json', 'package-lock.json', 'README.md', 'scripts/released-interface.json')
git('commit', '--quiet', '--message', `Release ${tag}`)

console.log(`Prepared ${tag} in a commit of its own (git show to review it). To publish it:

  git push origin HEAD
  git tag --annotate ${tag} --message ${tag}
  git push origin ${tag}

The release workflow then checks ${tag} against package.json, runs the tests, checks dist/, creates the
GitHub release with CHANGELOG.md's notes for ${version}, and moves ${major} to the release.`)
