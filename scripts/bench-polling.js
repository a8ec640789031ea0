// How soon a wait notices the end of a job, and how many status checks it makes, measured on
// the action's own wait loop (src/job/waiting.ts, compiled into .bench-build/) with a virtual clock:
// hours of waiting take milliseconds, and the figures do not depend on the machine.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const BUILD = '.bench-build'
const HOUR = 3_600_000

function compile() {
  rmSync(BUILD, { recursive: true, force: true })
  const tsc = spawnSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit', 'false', '--outDir', BUILD],
    { stdio: 'inherit' }
  )
  if (tsc.status !== 0) throw new Error('compiling the wait loop for the benchmark failed')
}

/** A job that is CREATE_IN_PROGRESS until `endsAtMs` after the wait starts, then ACTIVE. */
function fakeClient(clock, endsAtMs, calls) {
  const started = clock.now()
  return {
    send: async () => {
      calls.push(clock.now() - started)
      const status = clock.now() - started >= endsAtMs ? 'ACTIVE' : 'CREATE_IN_PROGRESS'
      return { status, $metadata: {} }
    }
  }
}

async function waitFor(modules, endsAtMs) {
  // random() = 1 gives the longest delays the jitter allows: the worst case.
  const clock = new modules.FakeClock(1)
  const calls = []
  const outcome = await modules.waitForJob({
    client: fakeClient(clock, endsAtMs, calls),
    jobArn: 'arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/bench',
    timeoutMs: 6 * HOUR,
    policy: modules.DEFAULT_POLL_POLICY,
    clock,
    log: () => undefined,
    warn: () => undefined
  })
  return { noticedAfterMs: outcome.elapsedMs - endsAtMs, calls }
}

const seconds = (ms) => (ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`)

/** Rows for the benchmark table. */
export async function pollingRows() {
  compile()
  try {
    const modules = {
      ...(await import(`../${BUILD}/src/job/waiting.js`)),
      ...(await import(`../${BUILD}/src/aws/timing.js`)),
      ...(await import(`../${BUILD}/__tests__/helpers/fake-clock.js`))
    }
    // A job that outlasts a 6-hour wait: its checks are the schedule. A job that ends just after
    // one check is noticed at the next, so each gap is the worst case for jobs ending in it.
    const { calls } = await waitFor(modules, 7 * HOUR)
    const bound = (at) => Math.max(5_000, at / 10)
    const gaps = calls.slice(1).map((at, i) => ({ from: calls[i], gap: at - calls[i] }))
    const rows = []
    for (const endsAtMs of [36_000, 2 * 60_000, 10 * 60_000, HOUR, 5 * HOUR]) {
      const { gap } = gaps.find(({ from, gap }) => from <= endsAtMs && endsAtMs < from + gap)
      const { noticedAfterMs } = await waitFor(modules, endsAtMs)
      rows.push([
        `end of a job noticed, job ending about ${seconds(endsAtMs)} into the wait`,
        `${seconds(noticedAfterMs)} (at most ${seconds(gap)})`,
        'virtual clock, longest jitter',
        `≤ ${seconds(bound(endsAtMs))}: max(5 s, 10% of the wait)`,
        gap <= bound(endsAtMs) ? 'met' : 'missed'
      ])
    }
    const late = gaps.filter(({ from, gap }) => gap > bound(from)).length
    rows.push([
      'checks later than max(5 s, 10% of the wait), 6-hour wait',
      `${late} of ${gaps.length}`,
      'virtual clock, longest jitter',
      '0',
      late === 0 ? 'met' : 'missed'
    ])
    const perHour = Array.from(
      { length: 6 },
      (_, hour) => calls.filter((at) => at >= hour * HOUR && at < (hour + 1) * HOUR).length
    )
    rows.push([
      'status checks per hour of waiting, hours 1 to 6',
      perHour.join(', '),
      'virtual clock, longest jitter',
      '≤ 120 each',
      Math.max(...perHour) <= 120 ? 'met' : 'missed'
    ])
    return rows
  } finally {
    rmSync(BUILD, { recursive: true, force: true })
  }
}

// Run directly (not imported by bench.js): compared as paths, which a URL of a path with a space or a
// Windows drive letter is not.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  for (const row of await pollingRows()) console.log(`| ${row.join(' | ')} |`)
}
