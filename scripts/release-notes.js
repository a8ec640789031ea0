// Prints CHANGELOG.md's notes for one version, for the GitHub release; fails when there are none.
// Usage: node scripts/release-notes.js X.Y.Z
import { readFileSync } from 'node:fs'
import { notesFor } from './changelog.js'

const version = process.argv[2]
if (!version) {
  console.error('Usage: node scripts/release-notes.js X.Y.Z')
  process.exit(1)
}
try {
  console.log(notesFor(readFileSync('CHANGELOG.md', 'utf8'), version))
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
