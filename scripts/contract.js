// The contract test against the real Clean Rooms ML service: `npm run contract`, with AWS credentials and a
// Region in the environment. It runs the action's own client (src/cleanroomsml/) and endpoint resolution
// (src/aws/endpoints.ts), transpiled as they are into a temporary folder, and makes calls that cost nothing and
// create nothing: one page of ListAudienceGenerationJobs, GetAudienceGenerationJob of a job that cannot exist,
// and StartAudienceGenerationJob of a configured audience model that cannot exist. For each it checks that
// AWS took the client's signature, at the endpoint the action resolves, and that the client parsed the answer
// into the right typed result or exception with its request id; then it prints a short report.
// AWS_ENDPOINT_URL_CLEANROOMSML points it elsewhere, as it does the action (the tests point it at the emulator).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The sources the checks run, with every module they import. */
const ENTRIES = ['src/cleanroomsml/index.ts', 'src/aws/endpoints.ts']
/** Every call is bounded: the report never waits on a silent connection. */
const CALL_TIMEOUT_MS = 20_000

/** What the checks need from the environment, or what is missing. */
function settingsFrom(env) {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION
  const missing = [
    ...(env.AWS_ACCESS_KEY_ID ? [] : ['AWS_ACCESS_KEY_ID']),
    ...(env.AWS_SECRET_ACCESS_KEY ? [] : ['AWS_SECRET_ACCESS_KEY']),
    ...(region ? [] : ['AWS_REGION (or AWS_DEFAULT_REGION)'])
  ]
  if (missing.length > 0) return { missing }
  return {
    region,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {})
    },
    // The account of the ARNs that cannot exist: the caller's own, so that AWS answers "not found" rather
    // than about another account's resource. Given, or read from a listed job's ARN.
    accountId: env.AWS_ACCOUNT_ID
  }
}

/**
 * Transpiles the entries and every module they import (relative imports, as the sources write them) into
 * a folder under node_modules, where their packages resolve. Types are not checked here: `npm test` does.
 */
async function buildClient() {
  const { default: ts } = await import('typescript')
  const cache = join(ROOT, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const out = mkdtempSync(join(cache, 'contract-'))
  const queue = ENTRIES.map((entry) => join(ROOT, entry))
  const seen = new Set()
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file)) continue
    seen.add(file)
    const target = join(out, relative(ROOT, file))
    mkdirSync(dirname(target), { recursive: true })
    if (file.endsWith('.json')) {
      copyFileSync(file, target)
      continue
    }
    const source = readFileSync(file, 'utf8')
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, isolatedModules: true }
    })
    writeFileSync(target.replace(/\.ts$/, '.js'), outputText)
    for (const match of source.matchAll(/(?:from|import\(?)\s*'(\.{1,2}\/[^']+)'/g)) {
      queue.push(resolve(dirname(file), match[1].replace(/\.js$/, '.ts')))
    }
  }
  const load = (entry) => import(pathToFileURL(join(out, entry.replace(/\.ts$/, '.js'))).href)
  const [client, endpoints] = await Promise.all(ENTRIES.map(load))
  return { client, endpoints, dispose: () => rmSync(out, { recursive: true, force: true }) }
}

/** The answer of one call: its output, or the error it threw. */
async function call(client, command) {
  try {
    return { output: await client.send(command, { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) }) }
  } catch (error) {
    return { error }
  }
}

function describeError(error) {
  const status = error?.$metadata?.httpStatusCode
  return `${error?.name ?? 'an error'}${status ? `, HTTP ${status}` : ''}: ${String(error?.message ?? error).slice(0, 200)}`
}

/** A check of one answer: an exception of the expected classes, typed, from the service, with a request id. */
function expectRefusal(answer, classes, what) {
  if (!answer.error)
    return { ok: false, text: `${what}: AWS accepted it (expected ${classes.map((c) => c.name).join(' or ')})` }
  const error = answer.error
  const requestId = error.$metadata?.requestId
  const typed = classes.find((type) => error instanceof type)
  if (!typed)
    return {
      ok: false,
      text: `${what}: expected ${classes.map((c) => c.name).join(' or ')}, got ${describeError(error)}`
    }
  if (error.$fault !== 'client' || !requestId) {
    return { ok: false, text: `${what}: ${typed.name} without ${requestId ? "the client's fault" : 'a request id'}` }
  }
  return {
    ok: true,
    text: `${what}: ${typed.name}, HTTP ${error.$metadata.httpStatusCode} (request id ${requestId})`
  }
}

async function runChecks(settings, { client, endpoints }) {
  const endpoint = endpoints.cleanRoomsMLEndpoint(settings.region, process.env)
  const api = new client.CleanRoomsMLClient({
    region: settings.region,
    endpoint: endpoint.url,
    credentials: settings.credentials
  })
  console.log(`Clean Rooms ML contract: ${settings.region}, ${endpoint.url} (endpoint from ${endpoint.source})`)
  const results = []
  try {
    const list = await call(api, new client.ListAudienceGenerationJobsCommand({ maxResults: 10 }))
    results.push(checkList(list))
    const jobs = list.output?.audienceGenerationJobs ?? []
    const accountId = settings.accountId ?? jobs[0]?.audienceGenerationJobArn.split(':')[4] ?? '123456789012'
    const partition = partitionOf(settings.region)
    const arn = (resource) => `arn:${partition}:cleanrooms-ml:${settings.region}:${accountId}:${resource}`

    const get = await call(
      api,
      new client.GetAudienceGenerationJobCommand({
        audienceGenerationJobArn: arn(`audience-generation-job/${randomUUID()}`)
      })
    )
    results.push(
      expectRefusal(get, [client.ResourceNotFoundException], 'GetAudienceGenerationJob of a job that cannot exist')
    )

    const model = arn(`configured-audience-model/contract-check-${randomUUID()}`)
    const name = `contract-check-${Date.now()}`
    const start = await call(
      api,
      new client.StartAudienceGenerationJobCommand({
        name,
        configuredAudienceModelArn: model,
        seedAudience: {
          roleArn: `arn:${partition}:iam::${accountId}:role/contract-check-does-not-exist`,
          dataSource: { s3Uri: `s3://contract-check-does-not-exist-${accountId}/seed.jsonl` }
        }
      })
    )
    const refused = expectRefusal(
      start,
      [client.ResourceNotFoundException, client.AccessDeniedException, client.ValidationException],
      'StartAudienceGenerationJob of a model that cannot exist'
    )
    if (start.output) refused.text += `; it started ${start.output.audienceGenerationJobArn}: delete that job`
    results.push(refused)
    results.push(await checkNoJob(api, client, model, name))
  } finally {
    api.destroy()
  }
  for (const result of results) console.log(`  ${result.ok ? 'ok  ' : 'FAIL'}  ${result.text}`)
  const passed = results.filter((result) => result.ok).length
  console.log(`${passed} of ${results.length} checks passed.`)
  return passed === results.length
}

/** The ARN partition of a Region, as in the API model's ARN patterns (arn:aws[-a-z]*). */
function partitionOf(region) {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  return 'aws'
}

function checkList(answer) {
  const what = 'ListAudienceGenerationJobs, one page'
  if (answer.error) return { ok: false, text: `${what}: ${describeError(answer.error)}` }
  const { audienceGenerationJobs, $metadata } = answer.output
  if (!Array.isArray(audienceGenerationJobs) || !$metadata?.requestId) {
    return { ok: false, text: `${what}: no job list or no request id in the answer` }
  }
  return {
    ok: true,
    text: `${what}: ${audienceGenerationJobs.length} job(s), HTTP ${$metadata.httpStatusCode} (request id ${$metadata.requestId})`
  }
}

/** The refused start left nothing behind: no job of that name for that model. */
async function checkNoJob(api, client, model, name) {
  const what = 'no job of the refused start'
  const list = await call(api, new client.ListAudienceGenerationJobsCommand({ configuredAudienceModelArn: model }))
  if (list.error) {
    // The model does not exist, so AWS may refuse to list its jobs at all: that too means there is none.
    const refused = expectRefusal(
      list,
      [client.ResourceNotFoundException, client.ValidationException, client.AccessDeniedException],
      what
    )
    return refused.ok
      ? { ok: true, text: `${what}: listing that model's jobs is refused, ${list.error.name}` }
      : refused
  }
  const found = (list.output.audienceGenerationJobs ?? []).filter((job) => job.name === name)
  return found.length === 0
    ? { ok: true, text: `${what}: none listed for that model` }
    : { ok: false, text: `${what}: ${found.map((job) => job.audienceGenerationJobArn).join(', ')} exists` }
}

const settings = settingsFrom(process.env)
if (settings.missing) {
  console.error(
    'npm run contract calls the real Clean Rooms ML service and needs AWS credentials and a Region in the ' +
      `environment. Missing: ${settings.missing.join(', ')}.\n` +
      'Set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) and ' +
      'AWS_REGION; optionally AWS_ACCOUNT_ID, the account of those credentials. Nothing was sent.'
  )
  process.exit(1)
}
const built = await buildClient()
try {
  process.exitCode = (await runChecks(settings, built)) ? 0 : 1
} catch (error) {
  console.error(`The contract checks could not run: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  built.dispose()
}
