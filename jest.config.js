// ESM jest: the @actions/* packages are ESM-only, so the tests run as ES modules too.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  resolver: 'ts-jest-resolver',
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // index.ts only starts run(); the end-to-end suites run it through dist/.
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageThreshold: { global: { lines: 90, branches: 90 } },
  testTimeout: 30000,
  // Both cores of a 2-core machine (jest's default leaves one idle): most files spawn the bundle and wait on it.
  maxWorkers: '100%'
}
