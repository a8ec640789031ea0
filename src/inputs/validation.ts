// Checks of single values against the model's constraints and the action's own input rules.
// Each check returns what is wrong in words (empty when nothing is), without the value itself
// where the value may be sensitive.
import type { MapShape, StringShape } from './constraints.js'

const compiled = new Map<string, RegExp>()

/** The model's pattern, anchored at both ends as in the Smithy model. */
function anchored(pattern: string): RegExp {
  let regex = compiled.get(pattern)
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`)
    compiled.set(pattern, regex)
  }
  return regex
}

/** Length as Smithy counts it: Unicode code points, not UTF-16 units. */
export function codePoints(value: string): number {
  let count = 0
  for (const _ of value) count++
  return count
}

/**
 * The form of a value of these shapes, in the words a user writes it: shown instead of the model's
 * pattern, which says less to a person. The action's own words, so not generated from the model.
 */
const FORMS: Readonly<Record<string, string>> = {
  ConfiguredAudienceModelArn: 'arn:aws:cleanrooms-ml:REGION:ACCOUNT:configured-audience-model/ID',
  IamRoleArn: 'arn:aws:iam::ACCOUNT:role/NAME',
  S3Path: 's3://BUCKET/KEY',
  AnalysisTemplateArn: 'arn:aws:cleanrooms:REGION:ACCOUNT:membership/MEMBERSHIP-ID/analysistemplate/TEMPLATE-ID',
  UUID: '01234567-89ab-cdef-0123-456789abcdef'
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * Checks a string against a shape's length and pattern. One mistake is one problem: a value of the wrong
 * length is not also reported as a pattern mismatch, and a value of a shape with an example (an ARN, an S3
 * URI, a UUID) that does not match is shown with the form expected, which says more than the length would.
 */
export function checkString(value: string, shape: StringShape): string[] {
  const length = codePoints(value)
  const matches = shape.pattern === undefined || anchored(shape.pattern).test(value)
  if (shape.max !== undefined && length > shape.max) {
    return [`must be at most ${plural(shape.max, 'character')} long (${shape.shape}); it has ${length}`]
  }
  const example = FORMS[shape.shape]
  if (!matches && example !== undefined) return [formMismatch(value, { ...shape, example })]
  if (shape.min !== undefined && length < shape.min) {
    return [`must be at least ${plural(shape.min, 'character')} long (${shape.shape}); it has ${length}`]
  }
  if (!matches) return [`must match the pattern ^${shape.pattern}$ (${shape.shape})${describeMismatch(value)}`]
  return []
}

/** Characters of a value of a known form shown in a problem: an ARN may have 2048. */
const SHOWN_VALUE_CHARS = 200

/** A value not of the expected form: the value, the form, and what differs first. */
function formMismatch(value: string, shape: StringShape & { example: string }): string {
  const lowerCase = shape.pattern !== undefined && anchored(shape.pattern).test(value.toLowerCase())
  const detail =
    describeMismatch(value).replace(/^; /, '') ||
    (shape.example.startsWith('arn:') ? arnDifference(value, shape) : '') ||
    (lowerCase ? 'it must be in lower case' : '')
  return (
    `must be of the form ${shape.example} (${shape.shape}); got ${quote(value, SHOWN_VALUE_CHARS)}` +
    (detail ? `: ${detail}` : '')
  )
}

const ARN_PARTS = ['prefix', 'partition', 'service', 'Region', 'account ID'] as const

/**
 * The first part of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`) that the model's pattern does
 * not allow, held against the same part of the pattern (the ARN patterns have no other colon).
 */
function arnDifference(value: string, shape: StringShape & { example: string }): string {
  const parts = value.split(':')
  const patterns = (shape.pattern ?? '').split(':')
  const examples = shape.example.split(':')
  if (parts[0] !== 'arn') return 'it does not start with arn:'
  if (parts.length < 6) return `it has ${parts.length} of the 6 parts an ARN has between colons`
  for (const [index, part] of ARN_PARTS.entries()) {
    if (anchored(patterns[index] ?? '').test(parts[index] ?? '')) continue
    const given = quote(parts[index] ?? '')
    if (part === 'account ID') return 'its account ID must be 12 digits'
    if (part === 'Region' && examples[index] === '') return `its Region must be empty, not ${given}`
    if (part === 'service') return `its service is ${given}, not ${examples[index]}`
    return `its ${part} ${given} is not one this ARN may have`
  }
  const type = `${(examples[5] ?? '').split('/')[0]}/`
  if (!parts.slice(5).join(':').startsWith(type)) return `its resource must start with ${type}`
  return 'its resource ID has characters the model does not allow'
}

/** Points at the likely cause of a pattern mismatch without repeating the value. */
function describeMismatch(value: string): string {
  if (value.trim() === '') return '; it is blank'
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000a-\u001f\u007f]/.exec(value)
  if (control) return `; it contains the control character U+${hex(control[0])}`
  for (const char of value) {
    if (char.length > 1) return `; it contains ${'U+' + hex(char)}, outside the Basic Multilingual Plane`
  }
  return ''
}

function hex(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
}

/** Quotes a value for an error message, shortened so a huge value cannot flood the log. */
export function quote(value: string, max = 60): string {
  const shown = [...value].slice(0, max).join('')
  return JSON.stringify(shown) + (shown.length < value.length ? '…' : '')
}

/** `true`/`false` in the spellings YAML 1.2 and @actions/core accept. */
export function parseBoolean(value: string): boolean | string {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  return `must be true or false; got ${quote(value)}`
}

/** A whole number within [min, max]. */
export function parseWholeNumber(value: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(value)) return `must be a whole number from ${min} to ${max}; got ${quote(value)}`
  const number = Number(value)
  if (number < min || number > max)
    return `must be from ${min} to ${max}; got ${value.length > 12 ? quote(value) : value}`
  return number
}

/** A decimal number within [min, max], written plainly (`0.4`, `7`, `.5`): no exponent, sign, NaN or Infinity. */
export function parseDecimal(value: string, min: number, max: number): number | string {
  const rule = `must be a number from ${min} to ${max}`
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value)) return `${rule}; got ${quote(value)}`
  const number = Number(value)
  if (number < min || number > max) return `${rule}; got ${value.length > 12 ? quote(value) : value}`
  return number
}

export interface ParsedMap {
  map: Record<string, string>
  problems: string[]
}

/**
 * A map given as a JSON object of strings, or as `key=value` lines. Anything else is a problem,
 * never silently dropped. Keys are named in problems; values are not (they may be sensitive).
 */
export function parseMap(text: string, sensitive = false): ParsedMap {
  return /^\s*[[{]/.test(text) ? parseJsonMap(text, sensitive) : parseLinesMap(text)
}

function parseJsonMap(text: string, sensitive: boolean): ParsedMap {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    // The parser's message quotes the text around the mistake, values included.
    const detail = sensitive
      ? " (the parser's message is left out: it would quote values, which are sensitive)"
      : `: ${(error as Error).message}`
    return { map: {}, problems: [`is not valid JSON${detail}`] }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { map: {}, problems: ['must be a JSON object or key=value lines'] }
  }
  const map: Record<string, string> = Object.create(null) as Record<string, string>
  const problems: string[] = []
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') map[key] = value
    else problems.push(`the value of key ${quote(key)} must be a JSON string; it is ${jsonType(value)}`)
  }
  if (problems.length === 0) problems.push(...duplicateJsonKeys(text, Object.keys(map).length))
  return { map, problems }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/**
 * JSON.parse keeps the last of duplicate keys. In a flat object of strings the string tokens
 * alternate key, value: more tokens than twice the keys means a key was repeated.
 */
function duplicateJsonKeys(text: string, keyCount: number): string[] {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"/g) ?? []
  if (tokens.length === keyCount * 2) return []
  const seen = new Set<string>()
  const repeated = new Set<string>()
  tokens.forEach((token, index) => {
    if (index % 2 !== 0) return
    const key = JSON.parse(token) as string
    if (seen.has(key)) repeated.add(key)
    seen.add(key)
  })
  return [...repeated].map((key) => `has the key ${quote(key)} more than once`)
}

function parseLinesMap(text: string): ParsedMap {
  const map: Record<string, string> = Object.create(null) as Record<string, string>
  const problems: string[] = []
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    const equals = line.indexOf('=')
    const key = equals < 0 ? '' : line.slice(0, equals).trim()
    if (equals < 0 || key === '') {
      problems.push(`line ${index + 1} is not key=value (and the input is not a JSON object)`)
      return
    }
    if (key in map) problems.push(`has the key ${quote(key)} more than once`)
    map[key] = line.slice(equals + 1).trim()
  })
  return { map, problems }
}

/** Checks a map's size and each key and value against a map shape. */
export function checkMap(map: Record<string, string>, shape: MapShape): string[] {
  const problems: string[] = []
  const size = Object.keys(map).length
  if (shape.max !== undefined && size > shape.max) {
    problems.push(`must have at most ${shape.max} entries (${shape.shape}); it has ${size}`)
  }
  for (const [key, value] of Object.entries(map)) {
    for (const problem of checkString(key, shape.key)) problems.push(`key ${quote(key)} ${problem}`)
    for (const problem of checkString(value, shape.value)) problems.push(`the value of key ${quote(key)} ${problem}`)
  }
  return problems
}
