/** Types of scripts/reliability-report.js, for TypeScript tests in strict mode. */

export function onlyTimingsDiffer(before: string, after: string): boolean
