// Writes README.md's input and output tables from action.yml, the one list of the action's interface,
// so a new or changed input reaches the README through `npm run docs` alone. The tables stand between
// `<!-- inputs:start -->` / `<!-- inputs:end -->` and `<!-- outputs:start -->` / `<!-- outputs:end -->`;
// the rest of the README is left as it is. __tests__/repository.test.ts fails when README.md is stale.
// An input or output that the newest release does not hold (scripts/released-interface.json, which
// `npm run release` writes) is marked "(unreleased)", so a user pinning that release knows it is not there.
// Usage: node scripts/docs.js
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const README = join(ROOT, 'README.md')
const RELEASED = join(ROOT, 'scripts', 'released-interface.json')

/** The newest release's version and the names of its inputs and outputs. */
export function readReleased() {
  return JSON.parse(readFileSync(RELEASED, 'utf8'))
}

/** The released interface as `npm run release` records it: the version, and action.yml's input and output names. */
export function releasedInterface(version, actionYml) {
  const action = parse(actionYml)
  return { version, inputs: Object.keys(action.inputs ?? {}), outputs: Object.keys(action.outputs ?? {}) }
}

export function writeReleased(released) {
  writeFileSync(RELEASED, JSON.stringify(released, null, 2) + '\n')
}

/** A name cell: the name, marked when no release holds it yet. */
function nameCell(name, released) {
  return released.includes(name) ? `\`${name}\`` : `\`${name}\` (unreleased)`
}

/** Said above a table that marks some names: what the mark means for a user who pins a release. */
function unreleasedNote(kind, names, version) {
  if (names.length === 0) return ''
  return (
    `${kind} marked (unreleased) are on the main branch but in no release yet: \`@v${version.split('.')[0]}\` ` +
    `(${version}) does not have them.\nPin a commit of main to use them before the next release.\n\n`
  )
}

/** Text for one table cell: a `|` would end the cell, a line break the row. */
function cell(text) {
  return String(text)
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
}

function inputsTable(inputs, released) {
  const rows = Object.entries(inputs).map(([name, input]) => {
    const fallback = input.default === undefined ? '' : `\`${cell(input.default)}\``
    return `| ${nameCell(name, released.inputs)} | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`
  })
  const unreleased = Object.keys(inputs).filter((name) => !released.inputs.includes(name))
  return (
    unreleasedNote('Inputs', unreleased, released.version) +
    ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n')
  )
}

function outputsTable(outputs, released) {
  const rows = Object.entries(outputs).map(
    ([name, output]) => `| ${nameCell(name, released.outputs)} | ${cell(output.description)} |`
  )
  const unreleased = Object.keys(outputs).filter((name) => !released.outputs.includes(name))
  return (
    unreleasedNote('Outputs', unreleased, released.version) +
    ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
  )
}

/** Replaces what stands between a section's start and end markers. */
function replaceSection(text, section, content) {
  const start = `<!-- ${section}:start -->`
  const end = `<!-- ${section}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} section`)
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`
}

/**
 * The README with its tables written from action.yml's text, formatted as `npm run format` would; names
 * the released interface does not hold are marked.
 */
export async function renderReadme(readme, actionYml, released = readReleased()) {
  const action = parse(actionYml)
  const text = replaceSection(
    replaceSection(readme, 'inputs', inputsTable(action.inputs ?? {}, released)),
    'outputs',
    outputsTable(action.outputs ?? {}, released)
  )
  const options = (await prettier.resolveConfig(README)) ?? {}
  return prettier.format(text, { ...options, filepath: README })
}

async function main() {
  const readme = readFileSync(README, 'utf8')
  const written = await renderReadme(readme, readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  if (written === readme) {
    console.log("README.md's input and output tables already match action.yml.")
    return
  }
  writeFileSync(README, written)
  console.log("README.md's input and output tables rewritten from action.yml.")
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
