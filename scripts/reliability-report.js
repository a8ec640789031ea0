// RELIABILITY.md's tables without their timings: two reports that differ only in how long each fault took
// say the same thing, so `npm run reliability` keeps the committed one rather than a diff of noise.

const TIMING_COLUMNS = new Set(['took'])

const cellsOf = (line) =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim())

/** The text with every table's timing columns emptied and its padding and rule widths removed. */
function withoutTimings(text) {
  let timing = new Set()
  return text
    .split('\n')
    .map((line, index, lines) => {
      if (!line.trimStart().startsWith('|')) {
        timing = new Set()
        return line
      }
      const cells = cellsOf(line)
      // A header row is the one above the |---| rule.
      if (/^\s*\|[\s|:-]+\|\s*$/.test(lines[index + 1] ?? '') && !/^\s*\|[\s|:-]+\|\s*$/.test(line)) {
        timing = new Set(cells.flatMap((cell, column) => (TIMING_COLUMNS.has(cell) ? [column] : [])))
      }
      return cells.map((cell, column) => (timing.has(column) || /^:?-+:?$/.test(cell) ? '' : cell)).join('|')
    })
    .join('\n')
}

/** Whether `after` differs from `before` in its timings alone (false when they are the same text). */
export function onlyTimingsDiffer(before, after) {
  return before !== after && withoutTimings(before) === withoutTimings(after)
}
