// Writes README.md's input and output tables from action.yml, the one list of the action's interface,
// so a new or changed input reaches the README through `npm run docs` alone. The tables stand between
// `<!-- inputs:start -->` / `<!-- inputs:end -->` and `<!-- outputs:start -->` / `<!-- outputs:end -->`;
// the rest of the README is left as it is. __tests__/repository.test.ts fails when README.md is stale.
// Usage: node scripts/docs.js
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const README = join(ROOT, 'README.md')

/** Text for one table cell: a `|` would end the cell, a line break the row. */
function cell(text) {
  return String(text)
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
}

function inputsTable(inputs) {
  const rows = Object.entries(inputs).map(([name, input]) => {
    const fallback = input.default === undefined ? '' : `\`${cell(input.default)}\``
    return `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`
  })
  return ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

function outputsTable(outputs) {
  const rows = Object.entries(outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
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

/** The README with its tables written from action.yml's text, formatted as `npm run format` would. */
export async function renderReadme(readme, actionYml) {
  const action = parse(actionYml)
  const text = replaceSection(
    replaceSection(readme, 'inputs', inputsTable(action.inputs ?? {})),
    'outputs',
    outputsTable(action.outputs ?? {})
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
