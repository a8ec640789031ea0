// Runs the whole step in-process (src/main.ts run()) against the emulator, capturing what the
// runner would see. One emulator and one folder per test file: @actions/core keeps the summary
// file path it first sees.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jest } from '@jest/globals'
import { startEmulator, type Emulator, type Fault, type RecordedRequest } from '../../emulator/index.js'
import { cancelOnRunnerSignals } from '../../src/aws/cancellation.js'
import { run } from '../../src/main.js'
import { FakeClock } from './fake-clock.js'
import { EMULATOR_CREDENTIALS, parseOutputs, runnerEnv } from './run-action.js'

export interface StepResult {
  exitCode: number
  log: string
  outputs: Record<string, string>
  summary: string
}

export interface StepHooks {
  /** Called once the step listens for the runner's signals, before it reads any input. */
  onStart?: () => void
  /** Called with each request the emulator records, after the step's own handling of stalls. */
  onRequest?: (request: RecordedRequest, fault: Fault | undefined) => void
}

export interface InProcess {
  emulator: () => Emulator
  step: (
    inputs: Record<string, string>,
    env?: Record<string, string | undefined>,
    clock?: FakeClock,
    hooks?: StepHooks
  ) => Promise<StepResult>
}

/** Faults that hold a request without a complete answer: the attempt's timeout must end them. */
const STALLS = new Set<Fault['kind']>(['hang', 'trickle'])

/** Registers the jest hooks for a file of in-process runs; call at the top level of the file. */
export function inProcessSteps(): InProcess {
  let emulator: Emulator
  let dir: string
  const savedEnv = { ...process.env }

  beforeAll(async () => {
    emulator = await startEmulator({ credentials: [EMULATOR_CREDENTIALS] })
    dir = mkdtempSync(join(tmpdir(), 'in-process-'))
  })
  afterAll(async () => {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(() => {
    emulator.reset()
    emulator.statusSequence = ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'ACTIVE']
  })
  afterEach(() => {
    process.env = { ...savedEnv }
    process.exitCode = 0
    jest.restoreAllMocks()
  })

  async function step(
    inputs: Record<string, string>,
    env: Record<string, string | undefined> = {},
    clock = new FakeClock(),
    hooks: StepHooks = {}
  ): Promise<StepResult> {
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') }
    writeFileSync(files.GITHUB_OUTPUT, '')
    writeFileSync(files.GITHUB_STEP_SUMMARY, '')
    // Time is the fake clock's alone: a stalled request times out when the clock is moved to
    // its attempt's timeout, never because the machine was slow.
    emulator.onRequest = (request, fault) => {
      if (fault && STALLS.has(fault.kind)) setImmediate(() => clock.fireNextTimeout())
      hooks.onRequest?.(request, fault)
    }
    process.env = { ...runnerEnv(emulator), ...files }
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value
    let log = ''
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      log += chunk.toString()
      return true
    })
    const cancellation = cancelOnRunnerSignals()
    hooks.onStart?.()
    let exitCode: number
    try {
      exitCode = await run({ env: process.env, clock, signal: cancellation.signal })
    } finally {
      cancellation.dispose()
      write.mockRestore()
    }
    const outputs = parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8'))
    return { exitCode, log, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') }
  }

  return { emulator: () => emulator, step }
}
