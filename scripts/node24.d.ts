/** Types of scripts/node24.js, for TypeScript tests in strict mode. */

export interface Node24Package {
  name: string
  /** As `node --version` prints it: `v24.22.3`. */
  version: string
  /** The node binary's path inside the package. */
  bin: string
}

export function packageFor(platform: string, arch: string): Node24Package | undefined

export function findNode24(): { path: string; version: string } | { missing: string }
