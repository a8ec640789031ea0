// GitHub's limits on what a step hands it, whatever the service answers: every output stays under 1 MB
// (a larger one fails the step) and the job summary under 1 MiB (a larger one is dropped whole). Long
// service text is cut with a visible marker. In-process; e2e-summary.test.ts runs the same through dist/.
import type { Emulator } from '../emulator/index.js'
import { inProcessSteps } from './helpers/in-process.js'
import { ENV_CREDENTIALS } from './helpers/run-action.js'
import { VALID_INPUTS } from './helpers/fixtures.js'
import { boundedJson, cut, MAX_OUTPUT_BYTES, MAX_SUMMARY_BYTES } from '../src/report/limits.js'

const INPUTS = { ...VALID_INPUTS, name: 'limits-job' }

const inProcess = inProcessSteps()
let emulator: Emulator
beforeEach(() => {
  emulator = inProcess.emulator()
})

const MARKER = /…\[[\d,]+ more characters cut\]/

/** The summary's text as a person reads it: entities decoded. */
function read(summary: string): string {
  return summary.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
}

function expectWithinLimits(outputs: Record<string, string>, summary: string): void {
  for (const [name, value] of Object.entries(outputs)) {
    expect([name, Buffer.byteLength(value) < MAX_OUTPUT_BYTES]).toEqual([name, true])
  }
  expect(Buffer.byteLength(summary)).toBeLessThan(MAX_SUMMARY_BYTES)
}

describe("a failed job's long status message stays within GitHub's limits", () => {
  // 1.07 MiB, with characters HTML escapes and one outside the Basic Multilingual Plane.
  const message = `The seed failed: ${'<a & "b"> 😀 '.repeat(80_000)}end`

  it('cuts status-details and the message in job visibly, and job stays valid JSON', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: 'SEED_TOO_SMALL', message }
    const result = await inProcess.step({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(Buffer.byteLength(message)).toBeGreaterThan(1024 * 1024)
    expectWithinLimits(result.outputs, result.summary)

    const details = result.outputs['status-details']!
    expect(message.startsWith(details.replace(MARKER, '').trimEnd())).toBe(true)
    expect(details).toMatch(MARKER)
    const job = JSON.parse(result.outputs['job']!) as { status: string; statusDetails: { message: string } }
    expect(job.status).toBe('CREATE_FAILED')
    expect(job.statusDetails.message).toBe(details)
    expect(result.outputs['error-type']).toBe('JobFailed')
  })

  it('shows the message once in the summary, cut, with the marker', async () => {
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_FAILED']
    emulator.statusDetails = { statusCode: 'SEED_TOO_SMALL', message }
    const result = await inProcess.step({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS)
    expect(result.summary.split('The seed failed').length - 1).toBe(1)
    expect(read(result.summary)).toMatch(MARKER)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(64 * 1024)
  })
})

describe("a long error message from the service stays within GitHub's limits", () => {
  it('a 575 KB message makes a summary of a few KB, not 2 MB', async () => {
    const message = `Rejected: ${"'<x>' ".repeat(100_000)}`
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 400,
      type: 'ValidationException',
      message
    })
    const result = await inProcess.step(INPUTS, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(1)
    expect(Buffer.byteLength(message)).toBeGreaterThan(575_000)
    expectWithinLimits(result.outputs, result.summary)
    expect(read(result.summary)).toMatch(MARKER)
    expect(result.summary.split('Rejected').length - 1).toBe(1)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(64 * 1024)
    // The log keeps the whole message.
    expect(result.log).toContain(message.trimEnd().slice(-40))
  })

  it('an error type of any length is cut in the error-type output', async () => {
    emulator.fault('cleanrooms-ml', 'StartAudienceGenerationJob', {
      kind: 'error',
      status: 400,
      type: `Odd${'X'.repeat(20_000)}`,
      bodyOnly: true
    })
    const result = await inProcess.step(INPUTS, ENV_CREDENTIALS)
    expect(result.outputs['error-type']).toMatch(/^OddX+ …\[3,619 more characters cut\]$/)
    expectWithinLimits(result.outputs, result.summary)
  })
})

describe("a job reporting thousands of quality metrics stays within GitHub's limits", () => {
  it('keeps relevance-metrics valid JSON and the summary whole up to the rows that fit', async () => {
    const relevanceMetrics = Array.from({ length: 30_000 }, (_, index) => ({
      audienceSize: { type: 'ABSOLUTE' as const, value: 1000 + index },
      score: 5
    }))
    emulator.metrics = { relevanceMetrics, recallMetric: 0.5 }
    const result = await inProcess.step({ ...INPUTS, 'wait-for-completion': 'true' }, ENV_CREDENTIALS)
    expect(result.exitCode).toBe(0)
    expectWithinLimits(result.outputs, result.summary)
    const listed = JSON.parse(result.outputs['relevance-metrics']!) as unknown[]
    expect(listed.length).toBeGreaterThan(1000)
    expect(listed[0]).toEqual(relevanceMetrics[0])
    expect(JSON.parse(result.outputs['job']!)).toMatchObject({ status: 'ACTIVE' })
    expect(result.summary).toContain('<h4>Audience quality</h4>')
    expect(result.summary).toMatch(/<\/table>\n/)
    expect(result.summary).toContain("within GitHub's 1 MiB limit; the step's log has everything.")
  })
})

describe('long text is cut where a reader sees it', () => {
  it('cuts after whole characters and says how many were left out', () => {
    expect(cut('abc', 3)).toBe('abc')
    expect(cut('😀😀😀', 3)).toBe('😀😀😀')
    expect(cut('a😀😀b', 2)).toBe('a😀 …[2 more characters cut]')
    expect(cut('x'.repeat(12_345), 10)).toBe(`${'x'.repeat(10)} …[12,335 more characters cut]`)
  })

  it('keeps JSON valid and of the same shape, down to a fallback', () => {
    const value = { a: 'y'.repeat(50_000), list: ['z'.repeat(20_000)], n: 1 }
    const json = boundedJson(value, 30_000)
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(30_000)
    expect(JSON.parse(json)).toMatchObject({ n: 1, a: expect.stringMatching(MARKER) })
    expect(boundedJson(value, 10, { n: 1 })).toBe('{"n":1}')
    expect(boundedJson({ small: 'text' }, 100)).toBe('{"small":"text"}')
  })
})
