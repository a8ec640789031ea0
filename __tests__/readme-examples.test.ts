// The README's workflow examples are safe to copy: step outputs reach scripts through `env:`, never as
// expressions inside `run:` (where the runner pastes them into the script, GitHub's script-injection risk),
// and the actions they use are pinned as this repository's own workflows pin them.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const YAML_BLOCKS = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!)

/** Every `run:` script of the README's examples, found at any depth (some examples are partial steps). */
function runScripts(): string[] {
  const scripts: string[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'run' && typeof value === 'string') scripts.push(value)
        else visit(value)
      }
    }
  }
  for (const block of YAML_BLOCKS) for (const document of parseAllDocuments(block)) visit(document.toJS())
  return scripts
}

/** `owner/repo@ref` of every `uses:` line in some text, without this action's own placeholder. */
function pins(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  for (const [, action, ref] of text.matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@([\w.-]+)/g)) {
    if (action!.startsWith('OWNER/')) continue
    found.set(action!, (found.get(action!) ?? new Set()).add(ref!))
  }
  return found
}

describe("the README's examples pass step outputs to scripts through env", () => {
  it('has examples with scripts to check', () => {
    expect(runScripts().length).toBeGreaterThanOrEqual(3)
  })

  it('puts no ${{ }} expression inside a run: script', () => {
    expect(runScripts().filter((script) => script.includes('${{'))).toEqual([])
  })
})

describe("the README's examples pin actions as the repository's workflows do", () => {
  it('uses, for each action a workflow also uses, the same version', () => {
    const workflows = join(ROOT, '.github', 'workflows')
    const ours = pins(
      readdirSync(workflows)
        .map((file) => readFileSync(join(workflows, file), 'utf8'))
        .join('\n')
    )
    const shown = pins(YAML_BLOCKS.join('\n'))
    expect(shown.size).toBeGreaterThanOrEqual(2)
    const differing = [...shown]
      .filter(([action, refs]) => ours.has(action) && [...refs].some((ref) => !ours.get(action)!.has(ref)))
      .map(([action, refs]) => `${action}@${[...refs].join(',')} (workflows: ${[...ours.get(action)!].join(',')})`)
    expect(differing).toEqual([])
    // Every action the README shows is one a workflow here runs, so its pin is checked, not guessed.
    expect([...shown.keys()].filter((action) => !ours.has(action))).toEqual([])
  })
})
