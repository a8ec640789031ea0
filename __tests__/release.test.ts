// Releasing: `npm run release` (scripts/release.js) prepares a release on a clean checkout, and the
// release workflow publishes CHANGELOG.md's notes for the tagged version (scripts/release-notes.js).
// The script runs on a temporary git repository holding copies of the real package.json, lock file,
// CHANGELOG.md and scripts, with an Unreleased section of the test's own, and a one-file "source" whose
// bundle script copies it to the output folder (ncc's place), so the dist/ check is fast and can go stale.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FILES = [
  'package.json',
  'package-lock.json',
  'CHANGELOG.md',
  'README.md',
  'action.yml',
  '.prettierrc.json',
  '.prettierignore'
]
const SCRIPTS = [
  'scripts/release.js',
  'scripts/changelog.js',
  'scripts/release-notes.js',
  'scripts/check-dist.js',
  'scripts/docs.js',
  'scripts/released-interface.json'
]
const UNRELEASED = '### Fixed\n\n- The step no longer fails on a Tuesday.'
const SOURCE = "export const answer = 'forty-two'\n"
// The bundle script's interface (`--out DIR`) with a copy for a build.
const BUNDLE_STUB = `import { cpSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const out = process.argv[process.argv.indexOf('--out') + 1]
mkdirSync(out, { recursive: true })
cpSync(join('src', 'index.js'), join(out, 'index.js'))
`
// A git of its own: no user or system configuration (signing, hooks) reaches the temporary repository.
const GIT_ENV = {
  PATH: process.env['PATH'] ?? '',
  // Windows programs need it to start.
  ...(process.env['SYSTEMROOT'] ? { SYSTEMROOT: process.env['SYSTEMROOT'] } : {}),
  HOME: tmpdir(),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com'
}

let repo = ''

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', env: GIT_ENV, timeout: 30_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const git = (...args: string[]) => run('git', args)
const readRepo = (path: string) => readFileSync(join(repo, path), 'utf8')
const currentVersion = () =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

/** A repository like this one at its current version, with UNRELEASED as the Unreleased notes. */
function prepareRepository(unreleased: string): void {
  repo = mkdtempSync(join(tmpdir(), 'release-'))
  mkdirSync(join(repo, 'scripts'))
  for (const file of [...FILES, ...SCRIPTS]) cpSync(join(ROOT, file), join(repo, file))
  symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'), 'junction')
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n')
  writeFileSync(join(repo, 'scripts/bundle.js'), BUNDLE_STUB)
  for (const dir of ['src', 'dist']) {
    mkdirSync(join(repo, dir))
    writeFileSync(join(repo, dir, 'index.js'), SOURCE)
  }
  const changelog = readRepo('CHANGELOG.md').replace(
    /(## \[Unreleased\]\n)[\s\S]*?(?=\n## \[)/,
    unreleased ? `$1\n${unreleased}\n` : '$1'
  )
  writeFileSync(join(repo, 'CHANGELOG.md'), changelog)
  git('init', '--quiet', '--initial-branch=main')
  git('add', '.')
  git('commit', '--quiet', '--message', 'Before the release')
}

const release = (...args: string[]) => run(process.execPath, ['scripts/release.js', ...args])

/** Everything a release could change: the commit, the tags, and every file, ignored ones included. */
const state = () => ({
  head: git('rev-parse', 'HEAD').stdout,
  tags: git('tag', '--list').stdout,
  files: git('status', '--porcelain', '--ignored', '--untracked-files=all').stdout
})

/** An upstream for main in a bare repository, which main has pushed to. */
function addUpstream(): string {
  const remote = `${repo}-origin.git`
  run('git', ['init', '--quiet', '--bare', '--initial-branch=main', remote])
  git('remote', 'add', 'origin', remote)
  git('push', '--quiet', '--set-upstream', 'origin', 'main')
  return remote
}

afterEach(() => {
  if (repo) for (const dir of [repo, `${repo}-origin.git`]) rmSync(dir, { recursive: true, force: true })
  repo = ''
})

describe('npm run release prepares a release', () => {
  it('sets the new version, moves the Unreleased notes under it, commits, and prints the tag commands', () => {
    prepareRepository(UNRELEASED)
    const [major, minor] = currentVersion().split('.').map(Number)
    const next = `${major}.${(minor ?? 0) + 1}.0`

    const result = release('minor', '--date', '2030-01-02')

    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`git tag --annotate v${next} --message v${next}`)
    expect(result.stdout).toContain(`git push origin v${next}`)
    expect(result.stdout).toContain(`moves v${major} to the release`)
    const lock = JSON.parse(readRepo('package-lock.json')) as { version: string; packages: { '': { version: string } } }
    expect({
      manifest: (JSON.parse(readRepo('package.json')) as { version: string }).version,
      lock: lock.version,
      lockRoot: lock.packages[''].version
    }).toEqual({ manifest: next, lock: next, lockRoot: next })
    expect(readRepo('CHANGELOG.md')).toContain(`## [Unreleased]\n\n## [${next}] - 2030-01-02\n\n${UNRELEASED}\n\n## [`)
    expect(git('log', '-1', '--format=%s').stdout.trim()).toBe(`Release v${next}`)
    expect(git('status', '--porcelain').stdout).toBe('')
    // CI's format check passes on what the script wrote.
    expect(run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']).status).toBe(0)
  })

  it('gives the release workflow the moved notes as the new version’s release notes', () => {
    prepareRepository(UNRELEASED)
    release('2.0.0', '--date', '2030-01-02')
    expect(run(process.execPath, ['scripts/release-notes.js', '2.0.0'])).toEqual({
      status: 0,
      stdout: `${UNRELEASED}\n`,
      stderr: ''
    })
  })

  it.each([
    ['nothing is unreleased', '', ['patch'], 'nothing to release'],
    ['the version is not greater', UNRELEASED, ['0.0.1'], 'is not greater than the current version'],
    ['the version is not one', UNRELEASED, ['next'], '"next" is not major, minor, patch or a version X.Y.Z'],
    ['the date is not a date', UNRELEASED, ['patch', '--date', 'tomorrow'], '--date takes YYYY-MM-DD']
  ])('refuses, changing nothing, when %s', (_case, unreleased, args, message) => {
    prepareRepository(unreleased)
    const head = git('rev-parse', 'HEAD').stdout
    const result = release(...args)
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: expect.stringContaining(message)
    })
    expect(git('rev-parse', 'HEAD').stdout).toBe(head)
    expect(git('status', '--porcelain').stdout).toBe('')
  })

  it('refuses, changing nothing, when the tag exists already or the tree has changes', () => {
    prepareRepository(UNRELEASED)
    const [major] = currentVersion().split('.')
    git('tag', `v${Number(major) + 1}.0.0`)
    expect(release('major')).toMatchObject({ status: 1, stderr: expect.stringContaining('exists already') })
    writeFileSync(join(repo, 'package.json'), readRepo('package.json') + '\n')
    expect(release('patch')).toMatchObject({ status: 1, stderr: expect.stringContaining('Commit or stash') })
    expect(git('status', '--porcelain').stdout).toBe(' M package.json\n')
    expect(git('log', '--format=%s').stdout).toBe('Before the release\n')
  })
})

describe('the README marks what no release holds yet, until a release holds it', () => {
  it('records every input and output of action.yml as released, and the README then marks none', () => {
    prepareRepository(UNRELEASED)
    // An input the newest release lacks, as a change to action.yml adds one.
    const released = JSON.parse(readRepo('scripts/released-interface.json')) as { inputs: string[] }
    released.inputs = released.inputs.filter((name) => name !== 'dry-run')
    writeFileSync(join(repo, 'scripts/released-interface.json'), JSON.stringify(released, null, 2) + '\n')
    expect(run(process.execPath, ['scripts/docs.js']).status).toBe(0)
    expect(readRepo('README.md')).toMatch(/^\| `dry-run` \(unreleased\) +\|/m)
    expect(readRepo('README.md')).toContain('Inputs marked (unreleased) are on the main branch but in no release yet')
    git('commit', '--quiet', '--all', '--message', 'A new input')

    expect(release('minor', '--date', '2030-01-02').status).toBe(0)

    const [major, minor] = currentVersion().split('.').map(Number)
    const recorded = JSON.parse(readRepo('scripts/released-interface.json')) as {
      version: string
      inputs: string[]
      outputs: string[]
    }
    expect(recorded.version).toBe(`${major}.${(minor ?? 0) + 1}.0`)
    expect(recorded.inputs).toContain('dry-run')
    expect(readRepo('README.md')).not.toContain('(unreleased)')
    expect(readRepo('README.md')).toMatch(/^\| `dry-run` +\|/m)
    expect(git('status', '--porcelain').stdout).toBe('')
    expect(git('show', '--stat', '--format=', 'HEAD').stdout).toContain('README.md')
  })
})

describe('npm run release -- --dry-run shows the release and changes nothing', () => {
  it('prints the version, the date and the notes, with no file, commit or tag made', () => {
    prepareRepository(UNRELEASED)
    addUpstream()
    const [major, minor] = currentVersion().split('.').map(Number)
    const next = `${major}.${(minor ?? 0) + 1}.0`
    const before = state()

    const result = release('minor', '--dry-run', '--date', '2030-01-02')

    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' })
    expect(result.stdout).toContain('Dry run: nothing was changed')
    expect(result.stdout).toContain(`Would release v${next}, dated 2030-01-02`)
    expect(result.stdout).toContain(`from ${currentVersion()} to ${next}`)
    expect(result.stdout).toContain(`\n${UNRELEASED}\n`)
    expect(state()).toEqual(before)
  })

  it('refuses what the release would refuse', () => {
    prepareRepository('')
    const before = state()
    expect(release('patch', '--dry-run')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('nothing to release')
    })
    expect(state()).toEqual(before)
  })

  it('refuses an argument it does not know, rather than releasing for real', () => {
    prepareRepository(UNRELEASED)
    const before = state()
    expect(release('minor', '--dryrun')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('Unexpected argument "--dryrun"')
    })
    expect(state()).toEqual(before)
  })
})

describe('npm run release refuses to release what users should not get, changing nothing', () => {
  it('refuses a branch other than main, naming it', () => {
    prepareRepository(UNRELEASED)
    git('switch', '--quiet', '--create', 'feature')
    const before = state()
    expect(release('minor')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('Release from main: this checkout is on the branch feature.')
    })
    expect(state()).toEqual(before)
  })

  it('refuses a main behind its upstream, saying by how much', () => {
    prepareRepository(UNRELEASED)
    addUpstream()
    writeFileSync(join(repo, 'NOTES.md'), 'A change someone pushed.\n')
    git('add', 'NOTES.md')
    git('commit', '--quiet', '--message', 'Pushed from elsewhere')
    git('push', '--quiet')
    git('reset', '--quiet', '--hard', 'HEAD~1')
    const before = state()
    expect(release('minor')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('main is 1 commit behind origin/main. Run `git pull` first')
    })
    expect(state()).toEqual(before)
  })

  it('releases a main that has all of its upstream, and one with no upstream', () => {
    prepareRepository(UNRELEASED)
    expect(release('patch', '--dry-run').status).toBe(0)
    addUpstream()
    expect(release('patch', '--dry-run').status).toBe(0)
  })

  it('refuses a dist/ that is not what the sources build, naming the file', () => {
    prepareRepository(UNRELEASED)
    writeFileSync(join(repo, 'src/index.js'), "export const answer = 'forty-three'\n")
    git('commit', '--quiet', '--all', '--message', 'A source change without its bundle')
    const before = state()
    expect(release('minor')).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/dist\/ is not what the sources build[\s\S]*changed: dist\/index\.js/)
    })
    expect(state()).toEqual(before)
  })
})

describe('CHANGELOG.md has the notes of the version package.json names', () => {
  it('gives notes for the current version, so tagging it can publish a release', () => {
    const notes = spawnSync(process.execPath, ['scripts/release-notes.js', currentVersion()], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect({ status: notes.status, stderr: notes.stderr }).toEqual({ status: 0, stderr: '' })
    expect(notes.stdout).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)\n/)
  })

  it('fails for a version it has no notes for', () => {
    const notes = spawnSync(process.execPath, ['scripts/release-notes.js', '0.0.0-none'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect({ status: notes.status, stderr: notes.stderr }).toEqual({
      status: 1,
      stderr: 'CHANGELOG.md has no "## [0.0.0-none]" section.\n'
    })
  })
})
