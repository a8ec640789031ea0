// Starts the local emulator of Clean Rooms ML and STS in the background for the rest of a workflow job, and
// points the job's later steps at it by adding AWS_ENDPOINT_URL_CLEANROOMSML and AWS_ENDPOINT_URL_STS to
// GITHUB_ENV. Its STS accepts the job's own GitHub OIDC token (verified with GitHub's published keys), so a
// `uses: ./` step with role-to-assume runs the whole path, GitHub's OIDC included, on a real runner.
// The runner stops the emulator when the job ends.
// Usage: node scripts/emulator.js start     (in a workflow step; GITHUB_ENV and RUNNER_TEMP must be set)
//
// `npm run emulator` (node scripts/emulator.js local) is the same emulator for a shell: it prints one
// `export NAME='value'` line per variable a step needs (endpoints, the OIDC request URL and token, the Region,
// test credentials) on stdout, for a POSIX shell to `eval`, says what it does on stderr, and serves until Ctrl-C.
import { spawn } from 'node:child_process'
import { appendFileSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'

const GITHUB_OIDC = {
  issuer: 'https://token.actions.githubusercontent.com',
  // EMULATOR_OIDC_JWKS_URL lets the test of this script sign tokens with a key of its own.
  jwksUrl: process.env.EMULATOR_OIDC_JWKS_URL || 'https://token.actions.githubusercontent.com/.well-known/jwks'
}
const READY_WITHIN_MS = 20_000

/** The background process: serves until the runner ends the job, having written its URLs to `readyFile`. */
async function serve(readyFile) {
  const { startEmulator } = await import('../emulator/index.js')
  const emulator = await startEmulator({ trustedIssuer: GITHUB_OIDC })
  const urls = { AWS_ENDPOINT_URL_CLEANROOMSML: emulator.cleanroomsUrl, AWS_ENDPOINT_URL_STS: emulator.stsUrl }
  // Written whole, then renamed, so the waiting parent never reads half of it.
  writeFileSync(`${readyFile}.tmp`, JSON.stringify({ pid: process.pid, urls }))
  renameSync(`${readyFile}.tmp`, readyFile)
  console.log(`Emulator serving: ${JSON.stringify(urls)}`)
  setInterval(() => {
    for (const request of emulator.requests.splice(0)) console.log(`${request.service} ${request.operation}`)
  }, 1000)
}

/** Test credentials the local emulator accepts, as an earlier configure-aws-credentials step would export. */
const LOCAL_CREDENTIALS = {
  accessKeyId: 'AKIALOCALEMULATOR001',
  secretAccessKey: 'local/emulator/secret/EXAMPLE0123456789abcd',
  sessionToken: 'local-emulator-session-token-EXAMPLE'
}

/** A value in single quotes, which a POSIX shell takes literally; a ' inside becomes '\''. */
function shellQuote(value) {
  return `'${String(value).replace(/'/g, `'\\''`)}'`
}

/** The emulator for a shell on this machine: export lines on stdout, served until Ctrl-C (or SIGTERM). */
async function local() {
  const { startEmulator } = await import('../emulator/index.js')
  const emulator = await startEmulator({ credentials: [LOCAL_CREDENTIALS] })
  const variables = {
    ...emulator.env(),
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: LOCAL_CREDENTIALS.sessionToken
  }
  // One write, so a reader never sees part of the lines.
  process.stdout.write(
    Object.entries(variables)
      .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
      .join('')
  )
  console.error(
    'Emulator of Clean Rooms ML, STS and the GitHub OIDC token endpoint serving on 127.0.0.1 until Ctrl-C.\n' +
      "In another shell, eval the export lines it printed on stdout, then run the action there as README.md's\n" +
      '"Try it locally" shows: env \'INPUT_NAME=...\' ... node dist/index.js. Each request it answers is listed below.'
  )
  emulator.onRequest = (request) => console.error(`${request.service} ${request.operation}`)
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** Starts `serve` detached, waits until it listens, and hands its URLs to the job's later steps. */
async function start() {
  const { GITHUB_ENV, RUNNER_TEMP } = process.env
  if (!GITHUB_ENV || !RUNNER_TEMP)
    throw new Error('Run this in a workflow step: GITHUB_ENV and RUNNER_TEMP are not set.')
  const readyFile = join(RUNNER_TEMP, 'emulator-ready.json')
  const logFile = join(RUNNER_TEMP, 'emulator.log')
  rmSync(readyFile, { force: true })
  const log = openSync(logFile, 'a')
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve', readyFile], {
    detached: true,
    stdio: ['ignore', log, log]
  })
  child.unref()
  const deadline = Date.now() + READY_WITHIN_MS
  while (!existsSync(readyFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`The emulator did not start (see ${logFile}):\n${readFileSync(logFile, 'utf8')}`)
    }
    await sleep(100)
  }
  const { pid, urls } = JSON.parse(readFileSync(readyFile, 'utf8'))
  for (const [name, value] of Object.entries(urls)) appendFileSync(GITHUB_ENV, `${name}=${value}\n`)
  console.log(`Emulator started as process ${pid} (log: ${logFile}); later steps use ${JSON.stringify(urls)}.`)
}

const [command, argument] = process.argv.slice(2)
try {
  if (command === 'start') await start()
  else if (command === 'serve' && argument) await serve(argument)
  else if (command === 'local') await local()
  else throw new Error('Usage: node scripts/emulator.js start | local')
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
