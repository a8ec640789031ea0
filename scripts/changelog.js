// CHANGELOG.md in the Keep a Changelog layout: `## [Unreleased]`, then `## [X.Y.Z] - YYYY-MM-DD` sections,
// newest first, then link references. Used by scripts/release.js to cut a release and by
// scripts/release-notes.js to give the release workflow a version's notes.

const SECTION = /^## \[([^\]]+)\]/
const LINK = /^\[[^\]]+\]: /

/** The lines of each `## [...]` section's body, by the name in brackets, and where each section starts and ends. */
function sections(lines) {
  const found = []
  lines.forEach((line, index) => {
    const heading = SECTION.exec(line)
    if (heading?.[1]) found.push({ name: heading[1], start: index })
  })
  return found.map((section, i) => {
    const last = i === found.length - 1
    let end = last ? lines.length : found[i + 1].start
    // Blank lines belong to no section, nor do the link references at the end of the file.
    while (end > section.start + 1 && (lines[end - 1].trim() === '' || (last && LINK.test(lines[end - 1])))) end--
    return { ...section, end }
  })
}

function find(lines, name) {
  const section = sections(lines).find((s) => s.name === name)
  if (!section) throw new Error(`CHANGELOG.md has no "## [${name}]" section.`)
  return section
}

const trimBlank = (lines) => lines.join('\n').trim()

function withoutLeadingBlanks(lines) {
  const first = lines.findIndex((line) => line.trim() !== '')
  return first < 0 ? [] : lines.slice(first)
}

/** The notes of one version (its section without the heading), for a GitHub release. */
export function notesFor(changelog, version) {
  const lines = changelog.split('\n')
  const section = find(lines, version)
  const notes = trimBlank(lines.slice(section.start + 1, section.end))
  if (!notes) throw new Error(`CHANGELOG.md's section for ${version} is empty.`)
  return notes
}

/** The versions the changelog has released, newest first. */
export function releasedVersions(changelog) {
  return sections(changelog.split('\n'))
    .map((s) => s.name)
    .filter((name) => name !== 'Unreleased')
}

/**
 * Moves the Unreleased notes under a new `## [version] - date` heading, leaves an empty Unreleased
 * section above it, and updates the comparison links when the file has them.
 */
export function release(changelog, version, date) {
  const lines = changelog.split('\n')
  const unreleased = find(lines, 'Unreleased')
  const notes = trimBlank(lines.slice(unreleased.start + 1, unreleased.end))
  if (!notes) throw new Error('CHANGELOG.md has nothing under "## [Unreleased]": there is nothing to release.')
  const updated = [
    ...lines.slice(0, unreleased.start + 1),
    '',
    `## [${version}] - ${date}`,
    '',
    notes,
    '',
    ...withoutLeadingBlanks(lines.slice(unreleased.end))
  ]
  return relink(updated, version).join('\n')
}

/** `[Unreleased]: .../compare/vOLD...HEAD` becomes vNEW...HEAD, and a `[NEW]` link is added for the release. */
function relink(lines, version) {
  const index = lines.findIndex((line) => line.startsWith('[Unreleased]: '))
  const compare =
    index < 0 ? undefined : /^\[Unreleased\]: (.*\/compare\/)(v[^.]+\.[^.]+\.[^.]+)\.\.\.HEAD$/.exec(lines[index])
  if (!compare?.[1] || !compare[2]) return lines
  return [
    ...lines.slice(0, index),
    `[Unreleased]: ${compare[1]}v${version}...HEAD`,
    `[${version}]: ${compare[1]}${compare[2]}...v${version}`,
    ...lines.slice(index + 1)
  ]
}
