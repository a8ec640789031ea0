// The targets of `npm run bench`. A time is judged as a ratio to a floor measured in the same run, on the same
// machine and node: a slower machine stretches the action and its floor alike, so the verdict holds anywhere,
// where a fixed "+90 ms" reads "missed" on any machine slower than the one it was set on. What the benchmark
// itself fixes, the emulator's delay before each answer, is no machine's speed: it is taken out before the
// ratio is made. Sizes and memory do not depend on the machine's speed and keep absolute limits.
export const TARGETS = {
  /** JavaScript in dist/, in bytes. */
  bytes: 1.6e6,
  /** Peak memory of a launch, in MB. */
  peakRssMb: 90,
  /** The action stopping at its first missing input, as a multiple of bare node's start. */
  coldStart: 4.5,
  /**
   * What a run that fails validation adds to bare node's start, as a multiple of what loading `@actions/core`
   * alone adds (a bundle of nothing else): the action's own code on that path may cost a quarter of it.
   */
  validationOverhead: 1.25,
  /** A full OIDC launch, less the emulator's fixed delays, as a multiple of bare node's start. */
  launch: 7,
  /** A launch with a 400,000-character SQL seed file, as a multiple of the same launch with the seed in S3. */
  seedFile: 1.35
}

/**
 * A time against its floor from the same run: `(value - fixedMs) / floor`, where `fixedMs` is the part of
 * `value` that the benchmark sets rather than the machine (the emulator's delays), and whether it is within
 * `limit`.
 */
export function judge(value, floor, limit, fixedMs = 0) {
  const ratio = (value - fixedMs) / floor
  return { ratio, met: ratio <= limit }
}
