// Reads a step's output as the GitHub runner does (actions/runner, ActionCommand and
// ActionCommandManager): a line is a command when, after leading whitespace, it starts with
// `::name ...::`, or else when it holds `##[name ...]` anywhere; names are compared without case;
// `stop-commands` ignores every command until its token comes back; `add-mask` hides a value from
// then on. The reader errs towards finding commands: it drops the invisible characters that
// culture-aware matching may skip before it looks.

export interface RunnerCommand {
  name: string
  form: '::' | '##['
  properties: Record<string, string>
  data: string
}

export interface RunnerView {
  /** Every command the runner would have carried out, in order. */
  commands: RunnerCommand[]
  /** The log as the runner shows it: lines that are not commands, with masked values as ***. */
  shown: string
}

const REGISTERED = new Set([
  'stop-commands',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'add-path',
  'set-env',
  'set-output',
  'save-state',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'echo'
])

const IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]|[^\P{Cc}\t]/gu

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','))
}

function parseV2(line: string, registered: Set<string>): RunnerCommand | undefined {
  const message = line.trimStart()
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return undefined
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const equals = pair.indexOf('=')
      if (equals > 0) properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1))
    }
  }
  return { name, form: '::', properties, data: unescapeData(message.slice(end + 2)) }
}

function parseLegacy(line: string, registered: Set<string>): RunnerCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const end = line.indexOf(']', start)
  if (end < 0) return undefined
  const info = line.slice(start + 3, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return undefined
  return { name, form: '##[', properties: {}, data: line.slice(end + 1) }
}

export function readAsRunner(output: string): RunnerView {
  const registered = new Set(REGISTERED)
  const commands: RunnerCommand[] = []
  const masks: string[] = []
  const shown: string[] = []
  let stopToken: string | undefined
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.replace(IGNORABLE, '')
    const command = parseV2(line, registered) ?? parseLegacy(line, registered)
    if (command && stopToken !== undefined) {
      if (command.name === stopToken) {
        registered.delete(stopToken)
        stopToken = undefined
        continue
      }
    } else if (command) {
      commands.push(command)
      if (command.name === 'stop-commands') {
        stopToken = command.data.toLowerCase()
        registered.add(stopToken)
      }
      if (command.name === 'add-mask' && command.data.trim() !== '') masks.push(command.data)
      if (['error', 'warning', 'notice'].includes(command.name)) shown.push(mask(command.data, masks))
      continue
    }
    shown.push(mask(raw, masks))
  }
  return { commands, shown: shown.join('\n') }
}

function mask(text: string, masks: string[]): string {
  return masks.reduce((masked, value) => masked.split(value).join('***'), text)
}
