// GitHub's limits on what a step hands it: an output over 1 MB fails the step, and a job summary over
// 1 MiB is dropped whole. Text the action did not write (a job's status message, an error's message)
// has no length AWS promises, so it is cut here, where a reader can see that it was.

/** GitHub's limit on one output (1 MB); outputs are kept below it, whatever AWS answered. */
export const MAX_OUTPUT_BYTES = 1_000_000

/** GitHub's limit on a step's job summary (1 MiB); a larger summary is not shown at all. */
export const MAX_SUMMARY_BYTES = 1024 * 1024

/** Characters of one text from the service kept in an output: far more than any real message. */
export const MAX_OUTPUT_TEXT = 16_384

/**
 * The text, cut after `max` code points (never inside a character) with a visible marker that says how much
 * was left out; shorter text is returned as it is.
 */
export function cut(text: string, max: number): string {
  // A string of at most `max` UTF-16 units has at most `max` code points: the common case costs nothing.
  if (text.length <= max) return text
  let kept = 0
  let end = 0
  for (const char of text) {
    if (kept === max) break
    kept++
    end += char.length
  }
  if (end === text.length) return text
  let rest = 0
  for (const _ of text.slice(end)) rest++
  return `${text.slice(0, end)} …[${rest.toLocaleString('en-US')} more characters cut]`
}

/** A JSON value with every string cut to `max` code points and every array to `max` items. */
function cutStrings(value: unknown, max: number): unknown {
  if (typeof value === 'string') return cut(value, max)
  const toJSON: unknown = (value as { toJSON?: unknown } | null | undefined)?.toJSON
  if (typeof toJSON === 'function') return cutStrings((toJSON as () => unknown).call(value), max)
  if (Array.isArray(value)) return value.slice(0, max).map((item) => cutStrings(item, max))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [cut(key, max), cutStrings(item, max)]))
  }
  return value
}

/**
 * JSON of the value for an output, valid JSON of the same shape in at most `maxBytes` of UTF-8: strings are
 * cut (with the marker) to MAX_OUTPUT_TEXT code points, then shorter and shorter until it fits; past that,
 * the JSON of `fallback`.
 */
export function boundedJson(value: unknown, maxBytes: number, fallback: unknown = {}): string {
  for (let max = MAX_OUTPUT_TEXT; max >= 64; max /= 4) {
    const json = JSON.stringify(cutStrings(value, max))
    if (Buffer.byteLength(json) <= maxBytes) return json
  }
  return JSON.stringify(cutStrings(fallback, 256))
}

/** Text for an output: cut to MAX_OUTPUT_TEXT code points, which UTF-8 keeps far below MAX_OUTPUT_BYTES. */
export function outputText(text: string): string {
  return cut(text, MAX_OUTPUT_TEXT)
}
