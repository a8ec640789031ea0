// Numbers a contributor can trust on any machine: `npm run bench` judges times as ratios to floors measured in
// the same run, and `npm run reliability` leaves RELIABILITY.md alone when only the timings moved.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { judge, TARGETS } from '../scripts/bench-targets.js'
import { onlyTimingsDiffer } from '../scripts/reliability-report.js'

const ANSWERS_MS = 150

/** One run's figures (node 24 on a quiet 2-core machine), with the machine's own work stretched `slower` times. */
function run(slower: number) {
  const bare = 26 * slower
  return {
    coldStart: judge(72 * slower, bare, TARGETS.coldStart),
    // What a run that fails validation adds to bare node, against what @actions/core alone adds.
    validation: judge((72 - 26) * slower, (70 - 26) * slower, TARGETS.validationOverhead),
    launch: judge((278 - ANSWERS_MS) * slower + ANSWERS_MS, bare, TARGETS.launch, ANSWERS_MS),
    seedFile: judge(291 * slower, 275 * slower, TARGETS.seedFile)
  }
}

describe('npm run bench judges times as ratios to the floor of the same run', () => {
  it('gives a machine three times slower the same ratios and verdicts', () => {
    const round = (figures: ReturnType<typeof run>) =>
      Object.fromEntries(Object.entries(figures).map(([name, { ratio, met }]) => [name, [ratio.toFixed(6), met]]))
    expect(round(run(3))).toEqual(round(run(1)))
    expect(Object.values(run(1)).every(({ met }) => met)).toBe(true)
  })

  it('misses a target when the action alone grows past its ratio', () => {
    const bare = 26
    expect(judge(bare * TARGETS.coldStart + 1, bare, TARGETS.coldStart).met).toBe(false)
    const floorOverhead = 44
    expect(judge(floorOverhead * TARGETS.validationOverhead + 1, floorOverhead, TARGETS.validationOverhead).met).toBe(
      false
    )
    expect(judge(bare * TARGETS.launch + ANSWERS_MS + 1, bare, TARGETS.launch, ANSWERS_MS).met).toBe(false)
    expect(judge(bare * TARGETS.launch + ANSWERS_MS, bare, TARGETS.launch, ANSWERS_MS).met).toBe(true)
  })
})

describe('npm run reliability rewrites RELIABILITY.md only when something other than a timing changed', () => {
  const report = readFileSync(fileURLToPath(new URL('../RELIABILITY.md', import.meta.url)), 'utf8')
  const firstRow = report.split('\n').find((line) => line.startsWith('| Clean Rooms ML'))!
  const cells = firstRow.split('|').map((cell) => cell.trim())
  const took = report
    .split('\n')
    .find((line) => line.startsWith('| group'))!
    .split('|')
    .map((cell) => cell.trim())
    .indexOf('took')
  const withCell = (column: number, value: string) =>
    report.replace(
      firstRow,
      cells
        .map((cell, i) => (i === column ? ` ${value} ` : i === 0 || i === cells.length - 1 ? cell : ` ${cell} `))
        .join('|')
    )

  it('has a took column to leave out', () => {
    expect(took).toBeGreaterThan(0)
  })

  it('keeps the report when a fault took another time, whatever the padding', () => {
    expect(onlyTimingsDiffer(report, withCell(took, '12.3 s'))).toBe(true)
  })

  it.each([
    ['an outcome', 3, 'exit 1'],
    ['an error type', 4, 'TimeoutError'],
    ['the jobs after', 5, '2'],
    ['a bound', took + 1, '99 s']
  ])('rewrites it when %s changed', (_what, column, value) => {
    expect(onlyTimingsDiffer(report, withCell(column, value))).toBe(false)
  })

  it('rewrites it when a scenario is added, and has nothing to keep when nothing changed', () => {
    expect(
      onlyTimingsDiffer(report, `${report.trimEnd()}\n${firstRow.replace('throttled once', 'throttled twice')}\n`)
    ).toBe(false)
    expect(onlyTimingsDiffer(report, report)).toBe(false)
  })
})
