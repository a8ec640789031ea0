import { randomUUID } from 'node:crypto'
import { validateShape, validationMessage } from './model-validator.js'
import { verifySigV4 } from './sigv4.js'

/**
 * AWS Clean Rooms ML (restJson1) for the four audience generation operations the
 * action uses: routing by method and URI as in the model, SigV4 on every request,
 * input checked against the model, and errors in the restJson1 wire form.
 */

const SIGNING_NAME = 'cleanrooms-ml'
const COLLECTION = '/audience-generation-job'

/** An error the service answers with; thrown by handlers, turned into a response once. */
export class ServiceError extends Error {
  constructor(status, type, message, extra = {}) {
    super(message)
    this.status = status
    this.type = type
    this.extra = extra
  }
}

const validationError = (message) => new ServiceError(400, 'ValidationException', message)

function baseHeaders() {
  return { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() }
}

function json(status, body, headers = {}) {
  return { status, headers: { ...baseHeaders(), ...headers }, body: JSON.stringify(body) }
}

/** The error form AWS's services send: type in a header, message (and extras) in the body. */
function errorResponse({ status, type, message, extra }) {
  return json(status, { message, ...extra }, { 'x-amzn-errortype': type })
}

/**
 * Injected errors: by default the type is sent in all three places a restJson1 client
 * may read it from; headerOnly / bodyOnly leave out the body fields / the header, to
 * test that a client copes with either.
 */
function faultResponse({
  status = 500,
  type = 'InternalServerException',
  message = 'Injected fault',
  headerOnly,
  bodyOnly,
  extra
}) {
  const body = { message, ...(headerOnly ? {} : { code: type, __type: type }), ...extra }
  return json(status, body, bodyOnly ? {} : { 'x-amzn-errortype': type })
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Match a request to an operation. The Get label must be one path segment, as clients must encode `/`. */
export function route({ method, rawPath }) {
  if (rawPath === COLLECTION) {
    if (method === 'POST') return { operation: 'StartAudienceGenerationJob' }
    if (method === 'GET') return { operation: 'ListAudienceGenerationJobs' }
  }
  const segments = rawPath.split('/')
  if (segments.length === 3 && `/${segments[1]}` === COLLECTION && segments[2] !== '') {
    if (method === 'GET') return { operation: 'GetAudienceGenerationJob', label: safeDecode(segments[2]) }
    if (method === 'DELETE') return { operation: 'DeleteAudienceGenerationJob', label: safeDecode(segments[2]) }
  }
  return { operation: 'Unknown' }
}

function parseJsonBody(text) {
  if (text.trim() === '') return {}
  let value
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new ServiceError(400, 'SerializationException', `Request body is not valid JSON: ${err.message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServiceError(400, 'SerializationException', 'Request body must be a JSON object')
  }
  return value
}

function validate(model, shapeName, input) {
  const errors = validateShape(model, shapeName, input)
  if (errors.length > 0) throw validationError(validationMessage(errors))
}

/** The model leaves both optional, but a seed comes either from S3 or from SQL, never both. */
function checkSeedSource(seedAudience) {
  const sources = ['dataSource', 'sqlParameters'].filter(
    (k) => seedAudience[k] !== undefined && seedAudience[k] !== null
  )
  if (sources.length !== 1) {
    throw validationError(
      `seedAudience must contain exactly one of dataSource and sqlParameters, found ${sources.length === 0 ? 'neither' : 'both'}`
    )
  }
}

/**
 * Get's view of a job: the model says seedAudience is not returned to the account that started it;
 * a job stored with showSeedAudience shows it, as the service does to another member of the collaboration.
 */
function getView(entry) {
  const view = { ...entry.job }
  if (!entry.showSeedAudience) delete view.seedAudience
  return view
}

function summaryView(job) {
  const summary = {
    createTime: job.createTime,
    updateTime: job.updateTime,
    audienceGenerationJobArn: job.audienceGenerationJobArn,
    name: job.name,
    status: job.status,
    configuredAudienceModelArn: job.configuredAudienceModelArn
  }
  for (const field of ['description', 'collaborationId', 'startedBy']) {
    if (job[field] !== undefined) summary[field] = job[field]
  }
  return summary
}

/** Query parameters typed as the model's query members, unknown parameters ignored as AWS does. */
function queryInput(model, shapeName, query) {
  const input = {}
  for (const [member, def] of Object.entries(model.shapes[shapeName].members)) {
    if (def.location !== 'querystring' || !Object.hasOwn(query, def.locationName)) continue
    const raw = query[def.locationName]
    const type = model.shapes[def.shape].type
    input[member] = type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw
  }
  return input
}

/**
 * @param {object} ctx {
 *   region, model, store: JobStore, lookupCredential(accessKeyId),
 *   pageSize, maxRunningJobs, newJobSettings() → { sequence }, deletion → { checks, outcome },
 *   now() → the emulator's clock in ms
 * }
 */
export function createCleanRoomsService(ctx) {
  const handlers = {
    StartAudienceGenerationJob: (request, accountId) => start(ctx, request, accountId),
    GetAudienceGenerationJob: (request, accountId, label) => get(ctx, accountId, label),
    ListAudienceGenerationJobs: (request, accountId) => list(ctx, request, accountId),
    DeleteAudienceGenerationJob: (request, accountId, label) => remove(ctx, accountId, label)
  }
  return {
    name: 'cleanrooms-ml',
    operationOf: (request) => route(request).operation,
    renderError: faultResponse,
    async handle(request) {
      try {
        const { operation, label } = route(request)
        if (operation === 'Unknown') {
          throw new ServiceError(
            404,
            'UnknownOperationException',
            `No operation matches ${request.method} ${request.rawPath}`
          )
        }
        const auth = verifySigV4(request, {
          region: ctx.region,
          service: SIGNING_NAME,
          lookup: ctx.lookupCredential,
          now: ctx.now()
        })
        if (!auth.ok) throw new ServiceError(auth.status, auth.type, auth.message)
        return handlers[operation](request, auth.credential.accountId, label)
      } catch (err) {
        if (err instanceof ServiceError) return errorResponse(err)
        throw err
      }
    }
  }
}

function start(ctx, request, accountId) {
  const input = parseJsonBody(request.bodyText)
  validate(ctx.model, 'StartAudienceGenerationJobRequest', input)
  checkSeedSource(input.seedAudience)
  if (ctx.store.nameTaken(accountId, input.name)) {
    throw new ServiceError(
      409,
      'ConflictException',
      `An audience generation job named '${input.name}' already exists in this account.`
    )
  }
  if (ctx.store.runningCount(accountId) >= ctx.maxRunningJobs) {
    throw new ServiceError(
      402,
      'ServiceQuotaExceededException',
      'You have reached the maximum number of pending or in-progress audience generation jobs.',
      {
        quotaName: 'Pending or in-progress audience generation jobs per customer',
        quotaValue: ctx.maxRunningJobs
      }
    )
  }
  const job = ctx.store.create({ ...input, accountId, ...ctx.newJobSettings() })
  return json(200, { audienceGenerationJobArn: job.audienceGenerationJobArn })
}

function notFound(label) {
  return new ServiceError(404, 'ResourceNotFoundException', `Audience generation job ${label} not found.`)
}

function get(ctx, accountId, label) {
  validate(ctx.model, 'GetAudienceGenerationJobRequest', { audienceGenerationJobArn: label })
  const entry = ctx.store.find(accountId, label)
  if (!entry) throw notFound(label)
  if (ctx.store.advance(entry) === undefined) throw notFound(label)
  return json(200, getView(entry))
}

/**
 * Idempotent, as the model says: a job already being deleted answers 200 again. A job still being
 * created cannot be deleted yet (ConflictException); any other job starts its deletion (see JobStore).
 */
function remove(ctx, accountId, label) {
  validate(ctx.model, 'DeleteAudienceGenerationJobRequest', { audienceGenerationJobArn: label })
  const entry = ctx.store.find(accountId, label)
  if (!entry) throw notFound(label)
  if (entry.job.status === 'CREATE_PENDING' || entry.job.status === 'CREATE_IN_PROGRESS') {
    throw new ServiceError(
      409,
      'ConflictException',
      `Audience generation job ${label} is ${entry.job.status} and cannot be deleted until it is created.`
    )
  }
  ctx.store.startDeletion(entry, ctx.deletion)
  return json(200, {})
}

function list(ctx, request, accountId) {
  const input = queryInput(ctx.model, 'ListAudienceGenerationJobsRequest', request.query)
  validate(ctx.model, 'ListAudienceGenerationJobsRequest', input)
  const size = Math.min(input.maxResults ?? ctx.pageSize, ctx.pageSize)
  const page = ctx.store.page(accountId, input, size, input.nextToken)
  if (!page) throw validationError('The nextToken is invalid or does not match the request parameters.')
  const body = { audienceGenerationJobs: page.jobs.map(summaryView) }
  if (page.nextToken !== undefined) body.nextToken = page.nextToken
  return json(200, body)
}
