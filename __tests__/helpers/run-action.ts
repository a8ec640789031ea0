// Runs the bundled action exactly as a runner does: `node dist/index.js` with INPUT_* variables
// (hyphens kept), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the OIDC request variables.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Emulator } from '../../emulator/index.js'

/** The node that runs the action: node 24 when scripts/run-under-node24.js sets ACTION_NODE. */
export const ACTION_NODE = process.env['ACTION_NODE'] ?? process.execPath
const ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
  /** Date.now() when the process had ended. */
  endedAt: number
  /** Date.now() when `signal` was sent, if it was. */
  signalledAt?: number
  /** Annotations the runner would show: ::error, ::warning and ::notice lines. */
  annotations: { level: string; title: string; message: string }[]
}

export interface RunOptions {
  inputs: Record<string, string>
  env?: Record<string, string | undefined>
  /** Sends this signal to the action once its output contains `when`. */
  signal?: { name: NodeJS.Signals; when: string }
  /** Called with the action's process as soon as it is started, for example to signal it later. */
  onSpawn?: (child: ChildProcess) => void
  timeoutMs?: number
}

/** Credentials the emulator accepts, as an earlier configure-aws-credentials step would export. */
export const ENV_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAEMULATOREXAMPLE1',
  AWS_SECRET_ACCESS_KEY: 'emulator/secret/key/EXAMPLE0123456789abcdef',
  AWS_SESSION_TOKEN: 'emulator-session-token-EXAMPLE-0123456789'
}

/** The same key pair, as the emulator takes it. */
export const EMULATOR_CREDENTIALS = {
  accessKeyId: ENV_CREDENTIALS.AWS_ACCESS_KEY_ID,
  secretAccessKey: ENV_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
  sessionToken: ENV_CREDENTIALS.AWS_SESSION_TOKEN
}

/** The environment of a runner pointed at the emulator, with no credentials of its own. */
export function runnerEnv(emulator: Emulator): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    AWS_ENDPOINT_URL_CLEANROOMSML: emulator.cleanroomsUrl,
    AWS_ENDPOINT_URL_STS: emulator.stsUrl,
    ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidcRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.oidcRequestToken,
    // Keeps the SDK's default chain off the instance metadata address and away from ~/.aws.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_CONFIG_FILE: '/nonexistent/config',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_WORKFLOW: 'release',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTIONS: 'true'
  }
}

/** Reads a GITHUB_OUTPUT file as the runner does. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!
  return outputs
}

/** The annotations a runner shows for a step's stdout: its ::error, ::warning and ::notice lines. */
export function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const annotations: ActionRun['annotations'] = []
  for (const match of stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const title = /title=([^,]*)/.exec(match[2] ?? '')?.[1] ?? ''
    annotations.push({ level: match[1]!, title: decodeURIComponent(title), message: unescape(match[3]!) })
  }
  return annotations
}

/** Undoes the runner's command escaping of %, CR and LF. */
function unescape(text: string): string {
  return text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
}

/**
 * What sets the test process's notion of time (a time zone, or libfaketime's preload and its
 * settings), so that the action and the emulator share one clock when the suite is run with
 * the date moved.
 */
export function clockEnvironment(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && (key === 'TZ' || key === 'LD_PRELOAD' || key.startsWith('FAKETIME'))) env[key] = value
  }
  return env
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    ...clockEnvironment(),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir
  }
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = Date.now()
  const child = spawn(ACTION_NODE, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  options.onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  let signalledAt: number | undefined
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (options.signal && signalledAt === undefined && stdout.includes(options.signal.when)) {
      signalledAt = Date.now()
      child.kill(options.signal.name)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)))
  clearTimeout(timer)
  const run: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    durationMs: Date.now() - started,
    endedAt: Date.now(),
    ...(signalledAt !== undefined ? { signalledAt } : {}),
    annotations: parseAnnotations(stdout)
  }
  rmSync(dir, { recursive: true, force: true })
  return run
}
