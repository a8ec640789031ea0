/** Types of scripts/bench-targets.js, for TypeScript tests in strict mode. */

export const TARGETS: {
  bytes: number
  peakRssMb: number
  coldStart: number
  validationOverhead: number
  launch: number
  seedFile: number
}

export function judge(value: number, floor: number, limit: number, fixedMs?: number): { ratio: number; met: boolean }
