// Everything the action prints goes through here, because the runner obeys some of what a step
// prints: a line that starts with `::name::` (after leading whitespace) is a command, and so is
// `##[name]` anywhere in a line. Text the action did not write (inputs, AWS answers, the
// environment) may contain either, so it is shown on one line with its line breaks and invisible
// characters escaped, and every line printed has both command forms neutralised.
import * as core from '@actions/core'
import type { AnnotationProperties } from '@actions/core'

/**
 * Characters shown as escapes: controls and line or paragraph separators (a line break forges a
 * line of its own), lone surrogates, and format and default-ignorable characters, which are
 * invisible and which culture-aware string matching may skip, so that `#<U+200B>#[` could still
 * read as `##[` to the runner.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu

/** The account id of an ARN, in any partition (an S3 ARN has none). */
const ARN_ACCOUNT_ID = /\barn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12})(?=:)/g

/** mask-aws-account-id: set at the start of each run, before anything is printed. */
let maskingAccountIds = false
const maskedAccountIds = new Set<string>()

/**
 * With mask-aws-account-id, the account id of every ARN the step prints is registered with the runner's log
 * masker before the line that shows it, whether the ARN came from an input or from AWS (a job's ARN, the
 * identity named in a refusal); `texts` (the inputs) are scanned at once.
 */
export function maskAccountIds(enabled: boolean, texts: readonly string[] = []): void {
  maskingAccountIds = enabled
  maskedAccountIds.clear()
  for (const text of texts) hideAccountIds(text)
}

/** Masks the account id of every ARN in `text` first, when mask-aws-account-id asks for it; returns the text. */
export function hideAccountIds(text: string): string {
  if (!maskingAccountIds) return text
  for (const [, id] of text.matchAll(ARN_ACCOUNT_ID)) {
    if (id === undefined || maskedAccountIds.has(id)) continue
    maskedAccountIds.add(id)
    core.setSecret(id)
  }
  return text
}

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** `\uXXXX` per UTF-16 unit, as JSON writes it, so escaped JSON stays valid JSON. */
function escapeUnits(text: string): string {
  let escaped = ''
  for (let i = 0; i < text.length; i++) escaped += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`
  return escaped
}

/** Untrusted text for a log line: never more than one line, nothing hidden in it. */
export function inline(value: unknown): string {
  return String(value).replace(HIDDEN, (char) => SHORT_ESCAPES[char] ?? escapeUnits(char))
}

/**
 * Neutralises both command forms in one printed line, and shows what `inline` hides. The escapes
 * are those of JSON, so a JSON printout stays valid JSON that reads back to the same values.
 */
function defuseLine(line: string): string {
  return inline(line)
    .replaceAll('##[', '##\\u005b')
    .replace(/^(\s*):(?=:)/, '$1\\u003a')
}

/** Neutralises command forms in every line of a text the action prints; line breaks are kept. */
export function defuse(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(defuseLine)
    .join('\n')
}

/** A JSON printout of untrusted values: JSON escapes line breaks, and `defuse` the rest. */
export function safeJson(value: unknown): string {
  return defuse(JSON.stringify(value, null, 2))
}

/**
 * Resolves once everything printed has been handed to the system. Writes to a pipe queue in the
 * process when the reader is slower than the step, and an exit would drop what is queued.
 */
export async function flush(): Promise<void> {
  const stdout = process.stdout
  if (!stdout.writableNeedDrain) return
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stdout.off('drain', done).off('close', done).off('error', done)
      resolve()
    }
    stdout.on('drain', done).on('close', done).on('error', done)
  })
}

export function info(text: string): void {
  core.info(hideAccountIds(defuse(text)))
}

/**
 * Annotations: @actions/core escapes line breaks in the message and title, so the command stays on
 * one line; the runner also writes the message into the log, line by line, where `##[` is shown as
 * a log marker, so each line of it is neutralised too.
 */
function annotationProperties(properties: AnnotationProperties): AnnotationProperties {
  return properties.title === undefined
    ? properties
    : { ...properties, title: hideAccountIds(defuse(properties.title)) }
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  const props = annotationProperties(properties)
  core.error(hideAccountIds(defuse(message)), props)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  const props = annotationProperties(properties)
  core.warning(hideAccountIds(defuse(message)), props)
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  const props = annotationProperties(properties)
  core.notice(hideAccountIds(defuse(message)), props)
}
