export const id = 648;
export const ids = [648];
export const modules = {

/***/ 1648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runJob: () => (/* binding */ runJob)
});

// EXTERNAL MODULE: ./node_modules/@aws-crypto/sha256-js/build/main/index.js
var main = __webpack_require__(3156);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(2658);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var submodules_retry = __webpack_require__(3609);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
;// CONCATENATED MODULE: ./src/cleanroomsml/client.ts
// A Clean Rooms ML client with the configuration and behaviour of @aws-sdk/client-cleanroomsml's
// CleanRoomsMLClient, built from the same Smithy parts: the Client/Command classes and middleware
// stack, the SDK's retry middleware (which takes any RetryStrategyV2), SigV4 signing of each attempt
// with the clock-skew correction AWS SDKs make, and @smithy/node-http-handler. What a caller adds
// (a retry policy, timeouts, logging) comes in through the SDK's own extension points.





const SIGNING_NAME = 'cleanrooms-ml';
function missing(what) {
    throw Object.assign(new Error(`${what} is missing from the CleanRoomsMLClient configuration.`), {
        name: 'ConfigurationError'
    });
}
function resolveEndpoint(endpoint) {
    if (endpoint === undefined)
        return () => missing('endpoint');
    if (typeof endpoint === 'string') {
        const url = new URL(endpoint);
        return () => Promise.resolve({ url });
    }
    return (0,client.normalizeProvider)(endpoint);
}
function userAgentOf(custom) {
    if (custom === undefined)
        return undefined;
    return typeof custom === 'string' ? [[custom]] : custom;
}
function resolveConfig(config) {
    const customUserAgent = userAgentOf(config.customUserAgent);
    const retry = (0,submodules_retry.resolveRetryConfig)({
        retryMode: 'standard',
        ...(config.maxAttempts !== undefined ? { maxAttempts: config.maxAttempts } : {}),
        ...(config.retryStrategy ? { retryStrategy: config.retryStrategy } : {}),
        ...(config.logger ? { logger: config.logger } : {})
    });
    return {
        region: config.region === undefined ? () => missing('region') : (0,client.normalizeProvider)(config.region),
        credentials: config.credentials === undefined ? () => missing('credentials') : (0,client.normalizeProvider)(config.credentials),
        endpoint: resolveEndpoint(config.endpoint),
        requestHandler: config.requestHandler ?? new dist_cjs.NodeHttpHandler({ connectionTimeout: 5_000 }),
        retryStrategy: retry.retryStrategy,
        maxAttempts: retry.maxAttempts,
        ...(config.logger ? { logger: config.logger } : {}),
        systemClockOffset: config.systemClockOffset ?? 0,
        ...(customUserAgent ? { customUserAgent } : {}),
        apiVersion: '2023-09-06'
    };
}
class CleanRoomsMLClient extends client.Client {
    constructor(...[configuration]) {
        const config = resolveConfig(configuration ?? {});
        super(config);
        this.middlewareStack.use((0,submodules_retry.getRetryPlugin)(config));
        this.middlewareStack.addRelativeTo(signingMiddleware(config), {
            name: 'httpSigningMiddleware',
            relation: 'after',
            toMiddleware: 'retryMiddleware'
        });
        this.middlewareStack.add(userAgentMiddleware(config), { step: 'build', name: 'userAgentMiddleware' });
    }
}
/** `user-agent` and `x-amz-user-agent` name the client and whatever the caller added. */
function userAgentMiddleware(config) {
    const pairs = [
        ['lang/js'],
        ['md/nodejs', process.versions.node],
        ['api/cleanroomsml'],
        ...(config.customUserAgent ?? [])
    ];
    const text = pairs.map(([name, version]) => (version ? `${name}#${version}` : name)).join(' ');
    return (next) => (args) => {
        const request = args.request;
        request.headers['user-agent'] = text;
        request.headers['x-amz-user-agent'] = text;
        return next(args);
    };
}
/** How far apart two clocks may be before a signature is refused (AWS allows 5 minutes). */
const SKEW_TOLERANCE_MS = 4 * 60_000;
/** Errors AWS answers when a signature's date is too far from its clock (the SDKs' list). */
const CLOCK_SKEW_ERRORS = new Set([
    'AuthFailure',
    'InvalidSignatureException',
    'RequestExpired',
    'RequestInTheFuture',
    'RequestTimeTooSkewed',
    'SignatureDoesNotMatch'
]);
/**
 * Signs each attempt afresh with the machine's time plus the offset. As the AWS SDKs do: when AWS
 * refuses a signature for its date and its `Date` header shows the offset is wrong, the offset is
 * corrected for later requests and the error is marked `$metadata.clockSkewCorrected`, which the
 * SDK's retry strategies (and the classifiers of @smithy/core/retry) take as worth one more attempt.
 */
function signingMiddleware(config) {
    return (next) => async (args) => {
        const region = await config.region();
        const signer = new signature_v4_dist_cjs.SignatureV4({
            service: SIGNING_NAME,
            // A FIPS pseudo-Region signs as its real Region, as in AWS SDKs.
            region: region.replace(/^fips-|-fips$/, ''),
            credentials: config.credentials,
            sha256: main.Sha256
        });
        const signingDate = new Date(Date.now() + config.systemClockOffset);
        const signed = await signer.sign(args.request, { signingDate });
        try {
            return await next({ ...args, request: signed });
        }
        catch (error) {
            correctClockSkew(config, error);
            throw error;
        }
    };
}
function correctClockSkew(config, error) {
    const failure = error;
    const serverDate = failure?.$response?.headers['date'];
    if (typeof failure?.name !== 'string' || !CLOCK_SKEW_ERRORS.has(failure.name) || serverDate === undefined)
        return;
    const serverTime = Date.parse(serverDate);
    const offset = serverTime - Date.now();
    if (Number.isNaN(serverTime) || Math.abs(offset - config.systemClockOffset) < SKEW_TOLERANCE_MS)
        return;
    config.systemClockOffset = offset;
    failure.$metadata = { ...failure.$metadata, clockSkewCorrected: true };
}

// EXTERNAL MODULE: ./node_modules/@smithy/types/dist-cjs/index.js
var types_dist_cjs = __webpack_require__(690);
;// CONCATENATED MODULE: ./src/cleanroomsml/operations.ts
// Generated by `npm run codegen` (scripts/codegen.js) from model/cleanroomsml.service-2.json: do not edit.
// Each operation's restJson1 binding: where its input members go, and which output members are timestamps.
const OPERATIONS = {
    StartAudienceGenerationJob: {
        method: 'POST',
        uri: '/audience-generation-job',
        labels: [],
        query: [],
        body: [
            'name',
            'configuredAudienceModelArn',
            'seedAudience',
            'includeSeedInOutput',
            'collaborationId',
            'description',
            'tags'
        ],
        timestamps: [],
        listTimestamps: {}
    },
    GetAudienceGenerationJob: {
        method: 'GET',
        uri: '/audience-generation-job/{audienceGenerationJobArn}',
        labels: ['audienceGenerationJobArn'],
        query: [],
        body: [],
        timestamps: ['createTime', 'updateTime'],
        listTimestamps: {}
    },
    ListAudienceGenerationJobs: {
        method: 'GET',
        uri: '/audience-generation-job',
        labels: [],
        query: ['nextToken', 'maxResults', 'configuredAudienceModelArn', 'collaborationId'],
        body: [],
        timestamps: [],
        listTimestamps: { audienceGenerationJobs: ['createTime', 'updateTime'] }
    },
    DeleteAudienceGenerationJob: {
        method: 'DELETE',
        uri: '/audience-generation-job/{audienceGenerationJobArn}',
        labels: ['audienceGenerationJobArn'],
        query: [],
        body: [],
        timestamps: [],
        listTimestamps: {}
    }
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/protocols/index.js
var protocols = __webpack_require__(3422);
;// CONCATENATED MODULE: ./src/cleanroomsml/errors.ts
// The modelled exceptions of the operations this client has, as the official client declares them:
// classes under CleanRoomsMLServiceException with `name`, `$fault` and `$metadata`.

/** Base of every error the Clean Rooms ML service answers with. */
class CleanRoomsMLServiceException extends client.ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, CleanRoomsMLServiceException.prototype);
    }
}
class AccessDeniedException extends CleanRoomsMLServiceException {
    name = 'AccessDeniedException';
    $fault = 'client';
    constructor(options) {
        super({ name: 'AccessDeniedException', $fault: 'client', ...options });
        Object.setPrototypeOf(this, AccessDeniedException.prototype);
    }
}
class ConflictException extends CleanRoomsMLServiceException {
    name = 'ConflictException';
    $fault = 'client';
    constructor(options) {
        super({ name: 'ConflictException', $fault: 'client', ...options });
        Object.setPrototypeOf(this, ConflictException.prototype);
    }
}
class ResourceNotFoundException extends CleanRoomsMLServiceException {
    name = 'ResourceNotFoundException';
    $fault = 'client';
    constructor(options) {
        super({ name: 'ResourceNotFoundException', $fault: 'client', ...options });
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
    }
}
class ServiceQuotaExceededException extends CleanRoomsMLServiceException {
    name = 'ServiceQuotaExceededException';
    $fault = 'client';
    /** The name of the service quota that was exceeded. */
    quotaName;
    /** The current value of that quota. */
    quotaValue;
    constructor(options) {
        super({ name: 'ServiceQuotaExceededException', $fault: 'client', ...options });
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
        this.quotaName = options.quotaName;
        this.quotaValue = options.quotaValue;
    }
}
class ThrottlingException extends CleanRoomsMLServiceException {
    name = 'ThrottlingException';
    $fault = 'client';
    constructor(options) {
        super({ name: 'ThrottlingException', $fault: 'client', ...options });
        Object.setPrototypeOf(this, ThrottlingException.prototype);
    }
}
class ValidationException extends CleanRoomsMLServiceException {
    name = 'ValidationException';
    $fault = 'client';
    constructor(options) {
        super({ name: 'ValidationException', $fault: 'client', ...options });
        Object.setPrototypeOf(this, ValidationException.prototype);
    }
}

;// CONCATENATED MODULE: ./src/cleanroomsml/protocol.ts
// restJson1 on the wire: how each operation becomes an HTTP request, and how an HTTP
// response becomes an output object or one of the modelled exceptions.


/** Answers larger than this are not read: no answer of these operations comes near it. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Builds the HTTP request for an operation against an endpoint URL (which may carry a base path). */
function toHttpRequest(endpoint, operation) {
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    const headers = { host: endpoint.host };
    let body;
    if (operation.body !== undefined) {
        body = JSON.stringify(operation.body);
        headers['content-type'] = 'application/json';
    }
    return new protocols.HttpRequest({
        method: operation.method,
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
        path: `${basePath}${operation.path}`,
        query: operation.query ?? {},
        headers,
        ...(body !== undefined ? { body } : {})
    });
}
/** A path label, percent-encoded as restJson1 requires (`:` and `/` included). */
function pathLabel(value) {
    return (0,protocols.extendedEncodeURIComponent)(value);
}
function metadataOf(response) {
    const requestId = response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id'];
    return { httpStatusCode: response.statusCode, ...(requestId ? { requestId } : {}) };
}
/** Reads the whole body as text, refusing answers larger than MAX_RESPONSE_BYTES. */
async function readBody(response) {
    const body = response.body;
    if (body === undefined || body === null)
        return '';
    if (typeof body === 'string')
        return body;
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        const buffer = Buffer.from(chunk);
        size += buffer.length;
        if (size > MAX_RESPONSE_BYTES) {
            throw new CleanRoomsMLServiceException({
                name: 'ResponseTooLarge',
                $fault: 'server',
                $metadata: metadataOf(response),
                message: `The service's answer exceeded ${MAX_RESPONSE_BYTES} bytes and was not read.`
            });
        }
        chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function parseJson(text) {
    if (text.trim() === '')
        return {};
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Parses a 2xx answer into a plain object, or throws when it is not one. */
async function parseSuccess(response) {
    if (response.statusCode < 200 || response.statusCode > 299)
        throw await parseError(response);
    const data = parseJson(await readBody(response));
    if (!isObject(data)) {
        throw new CleanRoomsMLServiceException({
            name: 'MalformedResponse',
            $fault: 'server',
            $metadata: metadataOf(response),
            message: 'The service answered with a body that is not a JSON object.'
        });
    }
    return data;
}
const MODELLED_EXCEPTIONS = {
    AccessDeniedException: AccessDeniedException,
    ConflictException: ConflictException,
    ResourceNotFoundException: ResourceNotFoundException,
    ThrottlingException: ThrottlingException,
    ValidationException: ValidationException
};
/** Characters of a body that is not JSON kept in an error's message: a proxy's reason fits. */
const BODY_EXCERPT_CHARS = 300;
/** Text of a body that is not JSON, its markup and runs of white space removed, bounded. */
function excerptOf(text) {
    const plain = text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const kept = [...plain].slice(0, BODY_EXCERPT_CHARS).join('');
    return kept.length < plain.length ? `${kept}…` : kept;
}
/**
 * What an error answer said when its body gives no message, for example a proxy's
 * `HTTP 403: Forbidden: request blocked by proxy policy`: the status, the status line's
 * reason, and an excerpt of a body that is not JSON.
 */
function describeAnswer(response, text, json) {
    const reason = response.reason?.trim();
    const excerpt = json ? '' : excerptOf(text);
    return [`HTTP ${response.statusCode}`, reason, excerpt].filter((part) => part).join(': ');
}
function messageOf(data) {
    const message = data['message'] ?? data['Message'];
    return typeof message === 'string' ? message : undefined;
}
/** Turns an error answer into the exception it names, with the answer as `$response`, as the SDK's are. */
async function parseError(response) {
    const error = await decodeError(response);
    error.$response = response;
    return error;
}
/** The exception an error answer names (restJson1 error rules), or a generic one. */
async function decodeError(response) {
    let text = '';
    try {
        text = await readBody(response);
    }
    catch {
        // An unreadable error body still has a status and perhaps a type header.
    }
    const parsed = parseJson(text);
    const data = isObject(parsed) ? parsed : {};
    const code = (0,protocols.loadRestJsonErrorCode)(response, data);
    const message = messageOf(data) ?? describeAnswer(response, text, parsed !== undefined);
    const options = { $metadata: metadataOf(response), message };
    if (code === 'ServiceQuotaExceededException') {
        const { quotaName, quotaValue } = data;
        return new ServiceQuotaExceededException({
            ...options,
            ...(typeof quotaName === 'string' ? { quotaName } : {}),
            ...(typeof quotaValue === 'number' ? { quotaValue } : {})
        });
    }
    if (code !== undefined && code in MODELLED_EXCEPTIONS) {
        return new MODELLED_EXCEPTIONS[code](options);
    }
    return new CleanRoomsMLServiceException({
        name: code ?? `HTTP${response.statusCode}`,
        $fault: response.statusCode >= 500 ? 'server' : 'client',
        ...options
    });
}
/**
 * A timestamp member (iso8601 in this model) as the SDK gives it: a `Date`. A value that is not a
 * valid date is left out rather than trusted: the member is `| undefined` in the types.
 */
function parseTimestamps(data, members) {
    const parsed = { ...data };
    for (const member of members) {
        const value = data[member];
        if (value === undefined)
            continue;
        const time = typeof value === 'string' || typeof value === 'number'
            ? new Date(typeof value === 'number' ? value * 1000 : value)
            : undefined;
        if (time && !Number.isNaN(time.getTime()))
            parsed[member] = time;
        else
            delete parsed[member];
    }
    return parsed;
}

;// CONCATENATED MODULE: ./src/cleanroomsml/commands.ts
// The operations the action uses, as the official client names and types them: a Command class per
// operation, with its `...CommandInput` and `...CommandOutput` (the response and `$metadata`).




/** The HTTP request of an operation, from its restJson1 binding in the model. */
function serialize(binding, input) {
    const values = input;
    const path = binding.uri.replace(/\{(\w+)\}/g, (_, label) => pathLabel(String(values[label] ?? '')));
    const query = {};
    for (const member of binding.query) {
        if (values[member] !== undefined)
            query[member] = String(values[member]);
    }
    const body = Object.fromEntries(binding.body.filter((member) => member in values).map((member) => [member, values[member]]));
    return { method: binding.method, path, query, ...(binding.body.length > 0 ? { body } : {}) };
}
/** A restJson1 answer's members, its timestamps as `Date`s, as the SDK deserializes them. */
function deserialize(binding, data) {
    const parsed = parseTimestamps(data, binding.timestamps);
    for (const [member, timestamps] of Object.entries(binding.listTimestamps)) {
        const list = parsed[member];
        if (!Array.isArray(list))
            continue;
        parsed[member] = list.map((item) => typeof item === 'object' && item !== null ? parseTimestamps(item, timestamps) : item);
    }
    return parsed;
}
/**
 * Base of every operation: serializes the input as restJson1 against the endpoint, runs the
 * client's middleware (retries, signing, and whatever a caller added), sends through the request
 * handler with the call's abortSignal, and deserializes the answer.
 */
class CleanRoomsMLCommand extends client.Command {
    input;
    constructor(input) {
        super();
        this.input = input;
    }
    resolveMiddleware(clientStack, config, options) {
        const binding = OPERATIONS[this.operation];
        const stack = clientStack.concat(this.middlewareStack);
        stack.add((next) => async (args) => {
            const endpoint = await config.endpoint();
            return next({ ...args, request: toHttpRequest(endpoint.url, serialize(binding, args.input)) });
        }, { step: 'serialize', name: 'serializerMiddleware' });
        stack.add((next) => async (args) => {
            const { response } = await next(args);
            const data = deserialize(binding, await parseSuccess(response));
            return { response, output: { ...data, $metadata: metadataOf(response) } };
        }, { step: 'deserialize', name: 'deserializerMiddleware' });
        const context = {
            clientName: 'CleanRoomsMLClient',
            commandName: `${this.operation}Command`,
            ...(config.logger ? { logger: config.logger } : {}),
            [types_dist_cjs.SMITHY_CONTEXT_KEY]: {
                commandInstance: this,
                ...(options?.abortSignal ? { abortSignal: options.abortSignal } : {})
            }
        };
        const send = (args) => config.requestHandler.handle(args.request, options ?? {});
        return stack.resolve(send, context);
    }
}
class StartAudienceGenerationJobCommand extends CleanRoomsMLCommand {
    operation = 'StartAudienceGenerationJob';
}
class GetAudienceGenerationJobCommand extends CleanRoomsMLCommand {
    operation = 'GetAudienceGenerationJob';
}
class commands_ListAudienceGenerationJobsCommand extends CleanRoomsMLCommand {
    operation = 'ListAudienceGenerationJobs';
}
class DeleteAudienceGenerationJobCommand extends CleanRoomsMLCommand {
    operation = 'DeleteAudienceGenerationJob';
}

;// CONCATENATED MODULE: ./src/cleanroomsml/models.ts
// Generated by `npm run codegen` (scripts/codegen.js) from model/cleanroomsml.service-2.json: do not edit.
// The shapes of the operations the action uses, typed as @aws-sdk/client-cleanroomsml types them:
// required members `T | undefined`, optional ones `?: T | undefined`, timestamps as Date, enums as a
// const object and a type of the same name.
const WorkerComputeType = {
    CR_1X: 'CR.1X',
    CR_4X: 'CR.4X',
    CR_8X: 'CR.8X'
};
const AudienceGenerationJobStatus = {
    CREATE_PENDING: 'CREATE_PENDING',
    CREATE_IN_PROGRESS: 'CREATE_IN_PROGRESS',
    CREATE_FAILED: 'CREATE_FAILED',
    ACTIVE: 'ACTIVE',
    DELETE_PENDING: 'DELETE_PENDING',
    DELETE_IN_PROGRESS: 'DELETE_IN_PROGRESS',
    DELETE_FAILED: 'DELETE_FAILED'
};
const AudienceSizeType = {
    ABSOLUTE: 'ABSOLUTE',
    PERCENTAGE: 'PERCENTAGE'
};

;// CONCATENATED MODULE: ./src/cleanroomsml/pagination.ts

async function* paginateListAudienceGenerationJobs(config, input, ...additionalArguments) {
    let token = config.startingToken ?? input.nextToken;
    let hasNext = true;
    while (hasNext) {
        const page = await config.client.send(new ListAudienceGenerationJobsCommand({
            ...input,
            ...(token !== undefined ? { nextToken: token } : {}),
            ...(config.pageSize !== undefined ? { maxResults: config.pageSize } : {})
        }), ...additionalArguments);
        yield page;
        const previous = token;
        token = page.nextToken;
        hasNext = Boolean(token) && (!config.stopOnSameToken || token !== previous);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/cleanroomsml/index.ts
// The public surface of @aws-sdk/client-cleanroomsml that the action uses, and nothing else: the
// action imports only from here, so that this folder could be replaced by
// `export * from '@aws-sdk/client-cleanroomsml'`.






// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/aws/proxy.ts


/** How long a connection may take: a part of an attempt's time. */
function connectionTimeoutFor(attemptTimeoutMs) {
    return Math.min(5_000, attemptTimeoutMs);
}
/**
 * How long a proxy may take to answer the tunnel request: at most half an attempt's time, so that
 * a silent proxy is named as such before the attempt itself times out.
 */
function tunnelTimeoutFor(attemptTimeoutMs) {
    return Math.min(5_000, Math.ceil(attemptTimeoutMs / 2));
}
/** The agent for requests to `url` through the proxy the environment names, or undefined to go direct. */
function proxyAgentFor(url, attemptTimeoutMs) {
    if (!usesProxy(url))
        return undefined;
    const agent = new lib/* HttpClient */.Qq('cleanrooms-ml-audience-generation-action').getAgent(url);
    return watchTunnels(agent, tunnelTimeoutFor(attemptTimeoutMs));
}
/** Whether requests to `url` go through a proxy: said in the log, never with the proxy's address. */
function usesProxy(url) {
    return (0,lib/* getProxyUrl */.s_)(url) !== '';
}
/**
 * An HTTP handler for AWS requests to `url`, through the environment's proxy where it applies. Its
 * requestTimeout ends a request (and its socket) that outlasts an attempt, whatever abandoned it.
 */
function requestHandlerFor(url, attemptTimeoutMs) {
    const agent = proxyAgentFor(url, attemptTimeoutMs);
    return new dist_cjs.NodeHttpHandler({
        connectionTimeout: connectionTimeoutFor(attemptTimeoutMs),
        requestTimeout: attemptTimeoutMs,
        throwOnRequestTimeout: true,
        ...(agent ? (url.startsWith('https:') ? { httpsAgent: agent } : { httpAgent: agent }) : {})
    });
}
/**
 * Prepares the toolkit's tunnelling agent for `agent`'s requests, and returns it. That agent has
 * no destroy(), without which NodeHttpHandler would take it for options: here destroying it ends
 * its tunnels and the tunnel requests in flight. It reports every failure of its CONNECT request
 * as `ECONNRESET`, keeping the real cause only in its message, and waits for the proxy without a
 * bound: here the failure it reports carries what happened (the proxy's host, never its
 * credentials, and Node's own code or the proxy's HTTP status) in fields that retries and the
 * annotation read, and a proxy that does not answer in `connectTimeoutMs` fails with ETIMEDOUT.
 */
function watchTunnels(agent, connectTimeoutMs) {
    const tunnel = agent;
    const { createSocket, request } = tunnel;
    if (typeof createSocket !== 'function' || typeof request !== 'function')
        return agent;
    const proxy = proxyHost(tunnel);
    const hasCredentials = typeof tunnel.proxyOptions?.proxyAuth === 'string';
    const connecting = new Set();
    tunnel.destroy = () => {
        for (const connect of connecting)
            connect.destroy();
        for (const socket of Array.isArray(tunnel.sockets) ? tunnel.sockets : []) {
            socket.destroy?.();
        }
    };
    let outer;
    // createSocket makes the CONNECT request synchronously, for the request in its options.
    tunnel.createSocket = function (options, done) {
        outer = options.request;
        try {
            createSocket.call(this, options, done);
        }
        finally {
            outer = undefined;
        }
    };
    tunnel.request = (options) => {
        const connect = request(options);
        connecting.add(connect);
        const facts = { proxy, target: typeof options.path === 'string' ? options.path : '', hasCredentials };
        const timer = setTimeout(() => {
            const silent = new Error(`No answer from the proxy within ${connectTimeoutMs} ms.`);
            connect.destroy(Object.assign(silent, { code: 'ETIMEDOUT' }));
        }, connectTimeoutMs);
        const settled = () => {
            clearTimeout(timer);
            connecting.delete(connect);
        };
        // Registered before the agent's own listeners, so the facts are known when it reports the failure.
        connect.once('error', (cause) => {
            settled();
            const code = cause.code ?? cause.errors?.[0]?.code;
            if (typeof code === 'string')
                facts.code = code;
        });
        connect.once('connect', (answer) => {
            settled();
            if (answer.statusCode !== 200)
                facts.status = answer.statusCode ?? 0;
        });
        connect.once('close', settled);
        outer?.prependOnceListener('error', (error) => describeTunnelFailure(error, facts));
        return connect;
    };
    return agent;
}
/** host:port of the agent's proxy: never its credentials, which the agent keeps apart. */
function proxyHost(agent) {
    const { host, port } = agent.proxyOptions ?? {};
    const name = typeof host === 'string' ? host : 'the proxy';
    return (typeof port === 'string' && port !== '') || typeof port === 'number' ? `${name}:${port}` : name;
}
/**
 * Gives the agent's `ECONNRESET` the real failure's classification: Node's code (ECONNREFUSED,
 * ENOTFOUND, ETIMEDOUT), retried like any network error; or the proxy's HTTP status, where a 407
 * (the proxy refused the credentials, or wants some) is its own error type, never retried.
 */
function describeTunnelFailure(error, facts) {
    if (facts.code === undefined && facts.status === undefined)
        return;
    const described = error;
    described.proxyFailure = facts;
    if (facts.code !== undefined) {
        // The log of each retry names it; the code classifies it.
        described.name = 'NetworkError';
        described.code = facts.code;
        return;
    }
    delete described.code;
    described.name = facts.status === 407 ? 'ProxyAuthenticationRequired' : 'NetworkError';
    described.$metadata = { httpStatusCode: facts.status };
}

// EXTERNAL MODULE: ./src/aws/clock.ts
var aws_clock = __webpack_require__(3299);
// EXTERNAL MODULE: ./src/report/error-types.ts
var error_types = __webpack_require__(9284);
;// CONCATENATED MODULE: ./src/aws/retry.ts
// Bounded retries for one AWS call: only throttling, 5xx and network errors are tried again,
// with capped exponential backoff and full jitter, a timeout on every attempt and a deadline
// over all of them. Errors are classified by name, code and HTTP status (the AWS SDK's own
// classifiers), never by message text.



/** Whether an error may succeed when tried again, and which backoff applies. */
function retryKindOf(error) {
    if (!(0,error_types/* isErrorLike */.u7)(error))
        return undefined;
    if (error.name === 'AbortError')
        return undefined;
    const sdkError = error;
    // Signed again with the same clock, a refused signature is refused again: it is tried again
    // only once the clock has been corrected from AWS's answer.
    if ((0,submodules_retry.isClockSkewError)(sdkError))
        return (0,submodules_retry.isClockSkewCorrectedError)(sdkError) ? 'transient' : undefined;
    if ((0,submodules_retry.isThrottlingError)(sdkError))
        return 'throttling';
    if ((0,submodules_retry.isTransientError)(sdkError) || (0,submodules_retry.isServerError)(sdkError))
        return 'transient';
    return undefined;
}
function backoffDelay(policy, kind, attempt, random) {
    const base = kind === 'throttling' ? policy.throttlingBaseDelayMs : policy.baseDelayMs;
    const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
    return Math.round(random * ceiling);
}
/**
 * Runs `attempt` with a fresh AbortSignal that fires when the attempt times out on the clock or
 * the whole operation is aborted; either way the attempt is abandoned at that moment.
 */
function runAttempt(attempt, timeoutMs, clock, outer) {
    // Its name makes it a transient error.
    const timedOut = () => new error_types/* ActionError */.lZ('TimeoutError', `No complete answer within ${timeoutMs} ms.`);
    return (0,aws_clock/* withDeadline */.NE)(clock, { ms: timeoutMs, reason: timedOut, signal: outer }, attempt);
}
/** An attempt's timeout: the policy's, or what is left of the deadline when that is less (at least 1 ms). */
function attemptTimeout(policy, elapsedMs) {
    return Math.max(1, Math.min(policy.attemptTimeoutMs, policy.deadlineMs - elapsedMs));
}
/**
 * The failure to report for a call's last attempt. An attempt the deadline cut short says only that time
 * ran out: the failure before it (a proxy that does not answer, a refused connection) says what went wrong.
 */
function reportedFailure(error, previous, timeout, policy) {
    const cutShort = timeout < policy.attemptTimeoutMs && (0,error_types/* isErrorLike */.u7)(error) && error.name === 'TimeoutError';
    return cutShort && previous !== undefined ? previous : error;
}
function recordAttempts(error, attempts, totalRetryDelay) {
    if (typeof error === 'object' && error !== null) {
        const bearer = error;
        bearer.$metadata = { ...(bearer.$metadata ?? {}), attempts, totalRetryDelay };
    }
}
/** Calls `attempt` until it succeeds, fails for good, or runs out of attempts or time. */
async function withRetries(attempt, options) {
    const { policy, clock, signal } = options;
    const started = clock.now();
    let totalDelay = 0;
    let previous;
    for (let number = 1;; number++) {
        // No attempt starts once the step is cancelled.
        signal?.throwIfAborted();
        const timeout = attemptTimeout(policy, clock.now() - started);
        try {
            return await runAttempt(attempt, timeout, clock, signal);
        }
        catch (error) {
            // A cancellation is reported as such, not as whatever it interrupted.
            if (signal?.aborted)
                throw signal.reason;
            const kind = retryKindOf(error);
            const delayMs = kind ? backoffDelay(policy, kind, number, clock.random()) : 0;
            const outOfTime = clock.now() - started + delayMs >= policy.deadlineMs;
            if (!kind || number >= policy.maxAttempts || outOfTime) {
                const reported = reportedFailure(error, previous, timeout, policy);
                recordAttempts(reported, number, totalDelay);
                throw reported;
            }
            previous = error;
            options.onRetry?.({ error: error, kind, attempt: number, delayMs });
            await clock.sleep(delayMs, signal);
            totalDelay += delayMs;
        }
    }
}
function callToken(started, retries) {
    // The backoff is slept by the strategy itself, on the injected clock and with the step's signal,
    // so the SDK's retry middleware is told of no delay of its own to sleep.
    return { started, getRetryCount: () => retries, getRetryDelay: () => 0 };
}
/**
 * The action's policy as a retry strategy of the SDK's shape (RetryStrategyV2), for the SDK's own
 * retry middleware: it decides which errors are tried again (retryKindOf), the backoff and the
 * deadline, and sleeps the backoff on the injected clock, ending it at once when the step is
 * cancelled. Each attempt's timeout is the client middleware's (aws/client.ts).
 */
function retryStrategy(options) {
    const { policy, clock, signal } = options;
    return {
        acquireInitialRetryToken: async () => {
            // No attempt starts once the step is cancelled.
            signal?.throwIfAborted();
            return callToken(clock.now(), 0);
        },
        refreshRetryTokenForRetry: async (token, { error }) => {
            const { started } = token;
            const attempt = token.getRetryCount() + 1;
            if (signal?.aborted)
                throw signal.reason;
            const kind = retryKindOf(error);
            const delayMs = kind ? backoffDelay(policy, kind, attempt, clock.random()) : 0;
            const outOfTime = clock.now() - started + delayMs >= policy.deadlineMs;
            if (!kind || attempt >= policy.maxAttempts || outOfTime)
                throw error;
            options.onRetry?.({ error: error, kind, attempt, delayMs });
            await clock.sleep(delayMs, signal);
            return callToken(started, attempt);
        },
        recordSuccess: () => undefined
    };
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"UU":"cleanrooms-ml-audience-generation-action","rE":"1.1.0"}');
;// CONCATENATED MODULE: ./src/aws/user-agent.ts
// What every request to AWS says it comes from, as AWS's own actions do: the action's name and
// version, from package.json when the bundle is built.

const USER_AGENT = `${package_namespaceObject.UU}/${package_namespaceObject.rE}`;

;// CONCATENATED MODULE: ./src/aws/client.ts
// The Clean Rooms ML client as the action uses it. The client itself is the SDK's shape (see
// src/cleanroomsml/); the action's policies reach it only through the SDK's extension points:
//   - retryStrategy: the action's RetryStrategyV2 (retry.ts): what is tried again, backoff, deadline;
//   - requestHandler: a NodeHttpHandler with requestTimeout and the environment's proxy (proxy.ts);
//   - customUserAgent: the action's name and version (user-agent.ts);
//   - middleware on client.middlewareStack: each attempt bounded on the injected clock by its timeout
//     and what is left of the deadline, the step's cancellation, and the clock-skew warning.





function createClient(options) {
    const { retryPolicy: policy } = options;
    const attempts = new WeakMap();
    const client = new CleanRoomsMLClient({
        region: options.region,
        endpoint: options.endpoint,
        credentials: options.credentials,
        requestHandler: attemptAware(options.requestHandler ?? requestHandlerFor(options.endpoint, policy.attemptTimeoutMs), attempts),
        retryStrategy: retryStrategy({
            policy,
            clock: options.clock,
            signal: options.signal,
            ...(options.onRetry ? { onRetry: options.onRetry } : {})
        }),
        maxAttempts: policy.maxAttempts,
        customUserAgent: USER_AGENT
    });
    client.middlewareStack.add(callMiddleware(client, options), {
        step: 'initialize',
        priority: 'high',
        name: 'actionCallMiddleware'
    });
    client.middlewareStack.add(attemptMiddleware(options, attempts), {
        step: 'finalizeRequest',
        priority: 'low',
        name: 'actionAttemptMiddleware'
    });
    return client;
}
/**
 * The request handler, aborting each request also when its attempt ends (a timeout, a cancellation),
 * so that no socket outlives the attempt the middleware abandoned. Its errors are made the client's
 * own: the SDK's retry middleware keeps only the enumerable members of an error of another realm
 * (Node's, under some test sandboxes), which drops the `errors` of Node's AggregateError, by which
 * a network failure is named.
 */
function attemptAware(handler, attempts) {
    return Object.assign(Object.create(handler), {
        handle: (request, options = {}) => {
            const attempt = attempts.get(request);
            const own = options.abortSignal;
            const abortSignal = attempt && own ? AbortSignal.any([attempt, own]) : (attempt ?? own);
            return handler
                .handle(request, { ...options, ...(abortSignal ? { abortSignal: abortSignal } : {}) })
                .catch((error) => {
                throw ownRealm(error);
            });
        }
    });
}
function ownRealm(error) {
    if (error instanceof Error || typeof error !== 'object' || error === null)
        return error;
    const { message, name, code, errors } = error;
    return Object.assign(new Error(String(message)), error, typeof name === 'string' ? { name } : {}, code !== undefined ? { code } : {}, Array.isArray(errors) ? { errors } : {});
}
/** When a call's first attempt started, for the deadline of its later attempts. */
const CALL_STARTED = Symbol('callStarted');
/** How the call's last attempt failed. */
const LAST_FAILURE = Symbol('lastFailure');
/**
 * Each attempt, signed and about to be sent: none after the step's cancellation, and each abandoned
 * at its timeout on the clock, or when what is left of the deadline runs out (the request handler's
 * requestTimeout ends its socket).
 */
function attemptMiddleware({ clock, signal, retryPolicy: policy }, attempts) {
    return (next, context) => (args) => {
        signal.throwIfAborted();
        const started = (context[CALL_STARTED] ??= clock.now());
        const timeout = attemptTimeout(policy, clock.now() - started);
        const attempt = runAttempt((abort) => {
            // The request handler reads it: the request itself is aborted when the attempt ends.
            attempts.set(args.request, abort);
            return next(args);
        }, timeout, clock, signal);
        return attempt.catch((error) => {
            const previous = context[LAST_FAILURE];
            context[LAST_FAILURE] = error;
            // An attempt the deadline cut short is the last one.
            throw reportedFailure(error, previous, timeout, policy);
        });
    };
}
/**
 * The whole call: a cancellation (the step's, or the call's own abortSignal) is reported as such,
 * not as whatever it interrupted; and a clock that AWS's answers corrected is told once.
 */
function callMiddleware(client, { signal, warnClock }) {
    return (next, context) => async (args) => {
        const offset = client.config.systemClockOffset;
        try {
            return await next(args);
        }
        catch (error) {
            const own = context[types_dist_cjs.SMITHY_CONTEXT_KEY]?.abortSignal;
            if (signal.aborted)
                throw signal.reason;
            if (own?.aborted)
                throw own.reason;
            throw error;
        }
        finally {
            const corrected = client.config.systemClockOffset;
            if (corrected !== offset) {
                warnClock(`The runner's clock is ${describeOffset(corrected)} AWS's clock; requests are now signed with AWS's time. ` +
                    "Correct the runner's clock (for example with NTP).");
            }
        }
    };
}
function describeOffset(offsetMs) {
    // AWS's Date header has whole seconds: the offset is told to the minute.
    const seconds = Math.round(Math.abs(offsetMs) / 1000);
    const text = seconds >= 90 ? `about ${Math.round(seconds / 60)} min` : `about ${seconds} s`;
    return offsetMs > 0 ? `${text} behind` : `${text} ahead of`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js
var credential_provider_node_dist_cjs = __webpack_require__(5861);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-web-identity/dist-cjs/index.js
var credential_provider_web_identity_dist_cjs = __webpack_require__(9956);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/nested-clients/dist-cjs/submodules/sts/index.js
var sts = __webpack_require__(1136);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-endpoints/dist-cjs/index.js
var util_endpoints_dist_cjs = __webpack_require__(3068);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/endpoints/index.js
var endpoints = __webpack_require__(2085);
;// CONCATENATED MODULE: ./model/cleanroomsml.endpoint-rule-set.json
const cleanroomsml_endpoint_rule_set_namespaceObject = /*#__PURE__*/JSON.parse('{"version":"1.0","parameters":{"Region":{"builtIn":"AWS::Region","required":false,"documentation":"The AWS region used to dispatch the request.","type":"string"},"UseDualStack":{"builtIn":"AWS::UseDualStack","required":true,"default":false,"documentation":"When true, use the dual-stack endpoint. If the configured endpoint does not support dual-stack, dispatching the request MAY return an error.","type":"boolean"},"UseFIPS":{"builtIn":"AWS::UseFIPS","required":true,"default":false,"documentation":"When true, send this request to the FIPS-compliant regional endpoint. If the configured endpoint does not have a FIPS compliant endpoint, dispatching the request will return an error.","type":"boolean"},"Endpoint":{"builtIn":"SDK::Endpoint","required":false,"documentation":"Override the endpoint used to send this request","type":"string"}},"rules":[{"conditions":[{"fn":"isSet","argv":[{"ref":"Endpoint"}]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],"error":"Invalid Configuration: FIPS and custom endpoint are not supported","type":"error"},{"conditions":[],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseDualStack"},true]}],"error":"Invalid Configuration: Dualstack and custom endpoint are not supported","type":"error"},{"conditions":[],"endpoint":{"url":{"ref":"Endpoint"},"properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"rules":[{"conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]}],"rules":[{"conditions":[{"fn":"aws.partition","argv":[{"ref":"Region"}],"assign":"PartitionResult"}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]},{"fn":"booleanEquals","argv":[{"ref":"UseDualStack"},true]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsFIPS"]}]},{"fn":"booleanEquals","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsDualStack"]}]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml-fips.{Region}.{PartitionResult#dualStackDnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"FIPS and DualStack are enabled, but this partition does not support one or both","type":"error"}],"type":"tree"},{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsFIPS"]},true]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml-fips.{Region}.{PartitionResult#dnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"FIPS is enabled but this partition does not support FIPS","type":"error"}],"type":"tree"},{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseDualStack"},true]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsDualStack"]}]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml.{Region}.{PartitionResult#dualStackDnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"DualStack is enabled but this partition does not support DualStack","type":"error"}],"type":"tree"},{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml.{Region}.{PartitionResult#dnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"Invalid Configuration: Missing Region","type":"error"}],"type":"tree"}]}');
;// CONCATENATED MODULE: ./src/aws/regions.ts
// Region names as AWS SDKs read them, for the action's endpoint resolution (endpoints.ts).
/**
 * A FIPS pseudo-Region, `fips-us-east-1` or `us-gov-west-1-fips`, names a real Region and asks for
 * its FIPS endpoint. AWS SDKs read it so (isFipsRegion and getRealRegion in @smithy/core), for the
 * endpoint and for signing: the Region in a signature is always the real one.
 */
function regionOf(region) {
    const real = region.replace(/^fips-|-fips$/, '');
    return { region: real, fips: real !== region };
}

;// CONCATENATED MODULE: ./src/aws/endpoints.ts
// Where requests go: AWS's own endpoint rules for Clean Rooms ML (the rule set shipped with
// the service model, evaluated by the SDK's rules engine with its partition data), after the
// SDK's standard endpoint overrides from the environment.




endpoints.customEndpointFunctions['aws'] = util_endpoints_dist_cjs/* awsEndpointFunctions */.UF;
/** Evaluates AWS's endpoint rules for Clean Rooms ML; throws the rule set's own error text. */
function resolveCleanRoomsMLEndpoint(params) {
    const endpoint = (0,endpoints.resolveEndpoint)(cleanroomsml_endpoint_rule_set_namespaceObject, {
        endpointParams: { UseFIPS: false, UseDualStack: false, ...params }
    });
    // The rules give a URL object; its text form adds a '/' path that the rules' URLs do not have.
    return endpoint.url.href.replace(/\/$/, '');
}
function flag(env, name) {
    return env[name]?.trim().toLowerCase() === 'true';
}
/** The SDK's configured endpoint for a service: its own variable, then the global one. */
function configuredEndpoint(env, serviceVariable) {
    if (flag(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'))
        return undefined;
    for (const name of [serviceVariable, 'AWS_ENDPOINT_URL']) {
        const url = env[name]?.trim();
        if (url)
            return { url, source: name };
    }
    return undefined;
}
/**
 * The Clean Rooms ML endpoint for a region (or FIPS pseudo-Region), honouring
 * AWS_ENDPOINT_URL_CLEANROOMSML and friends.
 */
function cleanRoomsMLEndpoint(region, env) {
    const configured = configuredEndpoint(env, 'AWS_ENDPOINT_URL_CLEANROOMSML');
    const real = regionOf(region);
    const url = resolveCleanRoomsMLEndpoint({
        Region: real.region,
        UseFIPS: real.fips || flag(env, 'AWS_USE_FIPS_ENDPOINT'),
        UseDualStack: flag(env, 'AWS_USE_DUALSTACK_ENDPOINT'),
        ...(configured ? { Endpoint: configured.url } : {})
    });
    return { url, source: configured?.source ?? 'AWS partition rules' };
}
/** The STS endpoint override, if any; without one the STS client resolves its regional endpoint. */
function stsEndpointOverride(env) {
    return configuredEndpoint(env, 'AWS_ENDPOINT_URL_STS')?.url;
}

// EXTERNAL MODULE: ./src/aws/secrets.ts
var secrets = __webpack_require__(528);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth = __webpack_require__(2145);
;// CONCATENATED MODULE: ./src/aws/oidc.ts
// The workflow's GitHub OIDC token, requested from the runner's token endpoint with
// @actions/http-client (which honours the runner's proxy settings). Requested here rather than
// with core.getIDToken so that a 5xx or a silent endpoint gets the same bounded retries,
// timeouts and classification by status as every AWS call, and a 4xx fails at once.






async function requestIdToken(audience, env, options) {
    const url = `${env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? ''}&audience=${encodeURIComponent(audience)}`;
    const connectTimeoutMs = tunnelTimeoutFor(options.policy.attemptTimeoutMs);
    const token = await withRetries((signal) => requestOnce(url, env, signal, connectTimeoutMs), options);
    (0,secrets/* mask */.dK)(token);
    return token;
}
/**
 * One request, on a client of its own: @actions/http-client takes no AbortSignal, so an abort
 * (the attempt's timeout, or the step's cancellation) destroys that client's sockets instead.
 */
async function requestOnce(url, env, signal, connectTimeoutMs) {
    // Behind a proxy the client keeps its tunnelling agent only with keepAlive: so kept, it can be
    // made to say what the proxy did, and destroyed with the request (dispose() ends only a direct one).
    const proxied = usesProxy(url);
    const client = new lib/* HttpClient */.Qq('cleanrooms-ml-audience-generation-action', [new auth/* BearerCredentialHandler */.tZ(env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '')], proxied ? { keepAlive: true } : undefined);
    const tunnels = proxied ? watchTunnels(client.getAgent(url), connectTimeoutMs) : undefined;
    const onAbort = () => {
        client.dispose();
        tunnels?.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
        const response = await client.getJson(url);
        if (typeof response.result?.value !== 'string' || response.result.value === '') {
            throw new error_types/* ActionError */.lZ('OidcTokenUnavailable', 'The GitHub OIDC token endpoint answered without a token.');
        }
        return response.result.value;
    }
    catch (error) {
        if (error instanceof lib/* HttpClientError */.Kg) {
            // The status lets the retry logic classify it: a 5xx is tried again, a 4xx is not.
            throw new error_types/* ActionError */.lZ('OidcTokenUnavailable', `The GitHub OIDC token endpoint answered HTTP ${error.statusCode}.`, error.statusCode);
        }
        throw error;
    }
    finally {
        signal.removeEventListener('abort', onAbort);
        onAbort();
    }
}

;// CONCATENATED MODULE: ./src/aws/credentials.ts
// AWS credentials for the call: the workflow's GitHub OIDC token exchanged with STS
// AssumeRoleWithWebIdentity when role-to-assume is set, or with role-chaining, STS AssumeRole
// signed with the environment's credentials; otherwise the AWS SDK's default chain itself (for
// example keys exported by an earlier configure-aws-credentials step).
// Every secret is masked the moment it exists, before anything can print it.











/** Temporary credentials are renewed this long before they expire. */
const RENEWAL_MARGIN_MS = 5 * 60_000;
/**
 * Gets credentials now, so that a failure is reported before anything starts, and returns a
 * provider that renews them before they expire: a wait may outlast a role session (6 hours
 * against the default hour), and every check of the job must still be signed.
 */
async function resolveCredentials(settings, context) {
    const fetch = async () => {
        const credentials = settings.source === 'oidc'
            ? await assumeRoleWithOidc(settings, context)
            : settings.source === 'chained'
                ? await assumeRoleChained(settings, context)
                : await fromDefaultChain(context);
        (0,secrets/* maskCredentials */.Bs)(credentials);
        return credentials;
    };
    let current = await fetch();
    return async () => {
        const expiration = current.expiration?.getTime();
        if (expiration !== undefined && expiration - context.clock.now() < RENEWAL_MARGIN_MS)
            current = await fetch();
        return current;
    };
}
/**
 * The SDK's chain, bounded like every other request: each attempt runs the chain with an STS
 * client (web identity, as on EKS runners) of one attempt whose request the attempt's timeout
 * aborts; the chain's other sources, which take no signal, are abandoned at that moment. The
 * retries, their timing and the deadline are the action's own.
 */
async function fromDefaultChain(context) {
    try {
        return await withStsAttempts(context, (clientConfig) => (0,credential_provider_node_dist_cjs/* defaultProvider */.v6)({ clientConfig })());
    }
    catch (error) {
        if (error.name === 'CredentialsProviderError') {
            throw new error_types/* ActionError */.lZ('CredentialsNotFound', 'No AWS credentials were found.');
        }
        throw error;
    }
}
/**
 * Runs `call` with the action's retries, their timing and deadline: each attempt gets an STS client
 * configuration of one attempt, so the SDK retries nothing itself. No socket of those clients outlives
 * the call.
 */
async function withStsAttempts(context, call) {
    const handler = requestHandlerFor(stsUrl(context), context.retryPolicy.attemptTimeoutMs);
    try {
        return await withRetries((signal) => call({
            region: context.region,
            maxAttempts: 1,
            requestHandler: abortingWith(handler, signal),
            customUserAgent: USER_AGENT
        }), retryOptions(context));
    }
    finally {
        handler.destroy();
    }
}
/** The configured STS endpoint, for the clients the action builds itself. */
function stsEndpoint(context) {
    const endpoint = stsEndpointOverride(context.env);
    return endpoint ? { endpoint } : {};
}
/** The workflow's OIDC token; only a job with `permissions: id-token: write` can request one. */
async function getOidcToken(audience, context) {
    if (!context.env['ACTIONS_ID_TOKEN_REQUEST_URL'] || !context.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
        throw new error_types/* ActionError */.lZ('MissingIdTokenPermission', "role-to-assume needs the workflow's OIDC token, but this job cannot request one.");
    }
    return requestIdToken(audience, context.env, retryOptions(context));
}
function retryOptions(context) {
    return {
        policy: context.retryPolicy,
        clock: context.clock,
        ...(context.onRetry ? { onRetry: context.onRetry } : {}),
        ...(context.signal ? { signal: context.signal } : {})
    };
}
async function assumeRoleWithOidc(settings, context) {
    const webIdentityToken = await getOidcToken(settings.audience, context);
    return withStsAttempts(context, (clientConfig) => (0,credential_provider_web_identity_dist_cjs.fromWebToken)({
        roleArn: settings.roleArn,
        roleSessionName: settings.roleSessionName,
        durationSeconds: settings.durationSeconds,
        webIdentityToken,
        clientConfig: { ...clientConfig, ...stsEndpoint(context) }
    })());
}
/**
 * Role chaining: role-to-assume assumed with STS AssumeRole, signed with the credentials already in the
 * environment. They are read again for every session, so that a source that renews itself (an instance
 * or container role) is current when a long wait renews the chained session.
 */
async function assumeRoleChained(settings, context) {
    const source = await chainingSource(context);
    const input = {
        RoleArn: settings.roleArn,
        RoleSessionName: settings.roleSessionName,
        DurationSeconds: settings.durationSeconds,
        ...(settings.externalId !== undefined ? { ExternalId: settings.externalId } : {})
    };
    const answer = await withStsAttempts(context, (clientConfig) => new sts.STSClient({ ...clientConfig, ...stsEndpoint(context), credentials: source }).send(new sts.AssumeRoleCommand(input)));
    const issued = answer.Credentials;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey) {
        throw new error_types/* ActionError */.lZ('MalformedResponse', 'STS AssumeRole answered without credentials.');
    }
    return {
        accessKeyId: issued.AccessKeyId,
        secretAccessKey: issued.SecretAccessKey,
        ...(issued.SessionToken ? { sessionToken: issued.SessionToken } : {}),
        ...(issued.Expiration ? { expiration: issued.Expiration } : {})
    };
}
/** The credentials chaining starts from, masked: an instance or container role's are not in the environment. */
async function chainingSource(context) {
    let source;
    try {
        source = await fromDefaultChain(context);
    }
    catch (error) {
        if ((0,error_types/* isErrorLike */.u7)(error) && error.name === 'CredentialsNotFound') {
            throw new error_types/* ActionError */.lZ('CredentialsNotFound', 'role-chaining: true assumes role-to-assume with AWS credentials already in the environment, but none were found.');
        }
        throw error;
    }
    (0,secrets/* maskCredentials */.Bs)(source);
    return source;
}
/** Where STS requests go: the configured endpoint, or the Region's own, as the STS client resolves it. */
function stsUrl(context) {
    return stsEndpointOverride(context.env) ?? `https://sts.${context.region}.${(0,util_endpoints_dist_cjs/* partition */.jB)(context.region).dnsSuffix}`;
}
/**
 * The STS client is built by fromWebToken and is handed no signal; its request handler is
 * wrapped instead, so an attempt's timeout or the step's cancellation aborts the request itself.
 */
function abortingWith(handler, signal) {
    return Object.assign(Object.create(handler), {
        handle: (request, options) => handler
            .handle(request, { ...options, abortSignal: signal })
            .catch((error) => {
            throw credentials_ownRealm(error);
        })
    });
}
/**
 * The SDK keeps only the text of an error that is not an `Error` of its own realm (Node's errors
 * are of another realm under some test sandboxes): a copy keeps Node's code and address, by
 * which a network failure is named.
 */
function credentials_ownRealm(error) {
    if (error instanceof Error || typeof error !== 'object' || error === null)
        return error;
    const { message, name } = error;
    return Object.assign(new Error(String(message)), error, typeof name === 'string' ? { name } : {});
}

// EXTERNAL MODULE: ./src/aws/timing.ts
var timing = __webpack_require__(191);
// EXTERNAL MODULE: ./src/inputs/validation.ts
var validation = __webpack_require__(5002);
// EXTERNAL MODULE: ./src/inputs/constraints.ts
var constraints = __webpack_require__(1677);
;// CONCATENATED MODULE: ./src/inputs/github-context.ts


const DESCRIPTION_MAX = constraints/* SHAPES */.HY.ResourceDescription.max;
function defaultDescription(env) {
    const repository = env['GITHUB_REPOSITORY'];
    if (!repository)
        return 'Started by GitHub Actions';
    const [owner, repo] = repository.split('/');
    const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const run = `${server}/${owner}/${repo}/actions/runs/${parseInt(env['GITHUB_RUN_ID'] ?? '', 10)}`;
    return fitDescription(`Started by GitHub Actions: ${owner}/${repo}, workflow "${env['GITHUB_WORKFLOW']}", run ${run}`);
}
/** Keeps a description within the model's pattern and length, whatever a workflow name holds. */
function fitDescription(text) {
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uD800-\uDFFF]/g, '');
    return (0,validation/* codePoints */.BH)(clean) <= DESCRIPTION_MAX ? clean : [...clean].slice(0, DESCRIPTION_MAX - 1).join('') + '…';
}

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
;// CONCATENATED MODULE: ./src/report/failures.ts


/** Node's codes for a connection that could not be made or was lost. */
const NETWORK_ERROR_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ECONNABORTED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE'
]);
/** A network failure, named as such with Node's code and the host it tried, whichever client met it. */
function networkFacts(error) {
    const cause = typeof error.code === 'string' ? error : error.errors?.[0];
    if (!cause || typeof cause.code !== 'string' || !NETWORK_ERROR_CODES.has(cause.code))
        return undefined;
    const host = typeof cause.hostname === 'string'
        ? cause.hostname
        : typeof cause.address === 'string'
            ? `${cause.address}${typeof cause.port === 'number' ? `:${cause.port}` : ''}`
            : undefined;
    return { code: cause.code, ...(host ? { host } : {}) };
}
function proxyFailureOf(error) {
    const facts = error.proxyFailure;
    return typeof facts?.proxy === 'string' && typeof facts.target === 'string' ? facts : undefined;
}
/** What the proxy did, in words; the status, if any, is among the annotation's details. */
function proxyMessage(facts) {
    const tunnel = facts.target ? ` to ${facts.target}` : '';
    if (facts.code !== undefined)
        return `The connection to the proxy ${facts.proxy} failed: ${facts.code}.`;
    if (facts.status === 407) {
        return facts.hasCredentials
            ? `The proxy ${facts.proxy} refused the credentials of the proxy URL for the connection${tunnel}.`
            : `The proxy ${facts.proxy} asks for credentials, and the proxy URL has none.`;
    }
    return `The proxy ${facts.proxy} refused the connection${tunnel}.`;
}
/** The name and message of a network failure, a proxy's included; undefined for any other error. */
function networkMessage(error) {
    const proxy = proxyFailureOf(error);
    if (proxy) {
        const name = proxy.status === 407 ? 'ProxyAuthenticationRequired' : 'NetworkError';
        return { name, message: proxyMessage(proxy) };
    }
    const network = networkFacts(error);
    if (!network)
        return undefined;
    return {
        name: 'NetworkError',
        message: `The connection${network.host ? ` to ${network.host}` : ''} failed: ${network.code}.`
    };
}
function factsOf(error) {
    if (!(0,error_types/* isErrorLike */.u7)(error))
        return { name: 'Error', message: String(error) };
    const network = networkMessage(error);
    const meta = error.$metadata;
    const extra = error;
    return {
        name: network ? network.name : error.name,
        message: network ? network.message : error.message,
        ...(meta?.httpStatusCode !== undefined ? { status: meta.httpStatusCode } : {}),
        ...(meta?.requestId ? { requestId: meta.requestId } : {}),
        ...(meta?.attempts !== undefined ? { attempts: meta.attempts } : {}),
        ...(typeof extra.quotaName === 'string' ? { quotaName: extra.quotaName } : {}),
        ...(typeof extra.quotaValue === 'number' ? { quotaValue: extra.quotaValue } : {})
    };
}
function details(facts) {
    const parts = [
        ...(facts.status !== undefined ? [`HTTP ${facts.status}`] : []),
        ...(facts.requestId ? [`request id ${facts.requestId}`] : []),
        ...(facts.attempts !== undefined ? [`${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'}`] : [])
    ];
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
const PHASES = {
    credentials: 'Getting AWS credentials',
    start: 'Starting the audience generation job',
    reuse: 'Finding the existing job to reuse',
    replace: 'Replacing the failed job of the same name',
    wait: 'Waiting for the audience generation job',
    quality: 'Checking the audience quality'
};
/** Describes a failure of the step, for one error annotation and the `error-type` output. */
function describeFailure(error, settings, env, progress) {
    const facts = factsOf(error);
    const doing = PHASES[progress.phase];
    const hint = (0,error_types/* hintFor */.JR)({ facts, settings, env, progress });
    const serviceMessage = facts.message.trim() || 'no message';
    return {
        errorType: facts.name,
        // The name may be the service's: a title is one line.
        title: `${(0,log/* inline */.mG)(facts.name)}: ${doing} failed`,
        failedStep: `${doing} failed`,
        message: `${serviceMessage}${details(facts)}${hint ? `\n${hint}` : ''}`,
        reason: serviceMessage,
        hint,
        ...(facts.requestId ? { requestId: facts.requestId } : {})
    };
}

// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/aws/polling.ts
/** Resolves to what a check found, or to undefined once the schedule stops first. */
async function poll({ clock, signal, pause, check }) {
    for (let checks = 0;; checks++) {
        const ms = pause(checks);
        if (ms === undefined)
            return undefined;
        if (ms > 0)
            await clock.sleep(ms, signal);
        signal?.throwIfAborted();
        const found = await check();
        if (found !== undefined)
            return found;
    }
}

;// CONCATENATED MODULE: ./src/job/replace.ts
// if-exists: replace-failed. A job name that includes github.run_id stays the same on "Re-run failed
// jobs", so after a job that failed no re-run could ever start it again. This deletes the failed job
// of that name (or lets a deletion already under way finish) and waits until it is gone, so that the
// name is free for a new start. The wait has a deadline of its own and ends at once on cancellation.






/** Statuses of a job that if-exists: reuse (and replace-failed) carries on with. */
const REUSABLE_STATUSES = new Set([
    'CREATE_PENDING',
    'CREATE_IN_PROGRESS',
    'ACTIVE'
]);
/** Statuses from which if-exists: replace-failed reaches a free name: a failed job, or one being deleted. */
const REPLACEABLE_STATUSES = new Set([
    'CREATE_FAILED',
    'DELETE_PENDING',
    'DELETE_IN_PROGRESS'
]);
function isNotFound(error) {
    return error?.name === 'ResourceNotFoundException';
}
/**
 * Deletes the job when it is CREATE_FAILED (a deletion already under way is left to finish), then waits
 * until GetAudienceGenerationJob no longer finds it. Resolves once the name is free.
 */
async function removeJob(client, job, pacing) {
    const jobArn = job.audienceGenerationJobArn;
    if (job.status === 'CREATE_FAILED') {
        try {
            await client.send(new DeleteAudienceGenerationJobCommand({ audienceGenerationJobArn: jobArn }));
        }
        catch (error) {
            // Gone already: the name is free.
            if (isNotFound(error))
                return;
            throw error;
        }
    }
    await untilGone(client, jobArn, pacing);
}
/**
 * Checks the job at a fixed interval until it is gone. The deletion's deadline abandons a check in
 * flight then, and is the step's error: it says the status last seen.
 */
async function untilGone(client, jobArn, pacing) {
    const { clock } = pacing;
    const started = clock.now();
    const left = () => pacing.timeoutMs - (clock.now() - started);
    let status;
    const timedOut = () => deletionTimedOut(jobArn, status, clock.now() - started);
    const gone = await (0,aws_clock/* withDeadline */.NE)(clock, { ms: pacing.timeoutMs, reason: timedOut, signal: pacing.signal }, (signal) => poll({
        clock,
        signal,
        // The first check at once: the deletion may be over already.
        pause: (checks) => {
            if (checks === 0)
                return 0;
            return left() > 0 ? Math.min(pacing.checkEveryMs, left()) : undefined;
        },
        check: async () => {
            try {
                const job = await client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: jobArn }), {
                    abortSignal: signal
                });
                status = job.status;
            }
            catch (error) {
                if (isNotFound(error))
                    return true;
                throw error;
            }
            if (status === 'DELETE_FAILED')
                throw deletionFailed(jobArn);
            return undefined;
        }
    }));
    if (!gone)
        throw timedOut();
}
function deletionFailed(jobArn) {
    return new error_types/* ActionError */.lZ('ExistingJobNotReusable', `Deleting the failed job ${(0,log/* inline */.mG)(jobArn)} ended DELETE_FAILED, so its name is still taken. ` +
        'Choose a new job name, or delete the job in the AWS Clean Rooms console and re-run.');
}
function deletionTimedOut(jobArn, status, elapsedMs) {
    return new error_types/* ActionError */.lZ('DeletionTimeout', `The failed job ${(0,log/* inline */.mG)(jobArn)} was still ${(0,log/* inline */.mG)(status ?? 'being deleted')} after ` +
        `${(0,timing/* formatDuration */.a3)(elapsedMs)}, so no new job was started.`);
}

;// CONCATENATED MODULE: ./src/job/reuse.ts
// Safe re-runs: job names are unique per account, so a re-run (or a retry after a lost answer)
// meets ConflictException. With if-exists: reuse, the existing job of that name is found and
// checked to be the same model's (and collaboration's) before the action carries on with it.
// The listing is an answer like any other: its pages are bounded, and the ARN taken from it
// is held to the model's pattern before it becomes an output.







/** Pages one listing may take: 100,000 jobs at the largest page size, far more than an account holds. */
const MAX_PAGES = 1_000;
/**
 * Listings in all when the job is not found: lists are eventually consistent, so a job that has
 * just been created (the ConflictException says it exists) may not be listed yet.
 */
const LISTINGS = 5;
/** What is wrong with a job ARN from an answer, in words; empty when it matches the model. */
function jobArnProblems(arn) {
    return typeof arn === 'string' ? (0,validation/* checkString */.Em)(arn, constraints/* SHAPES */.HY.AudienceGenerationJobArn) : ['is missing'];
}
function isNamed(job, name) {
    return typeof job === 'object' && job !== null && job.name === name;
}
async function findByName(client, name, configuredAudienceModelArn) {
    const seen = new Set();
    let nextToken;
    for (let pages = 1;; pages++) {
        const page = await client.send(new commands_ListAudienceGenerationJobsCommand({
            maxResults: 100,
            ...(configuredAudienceModelArn ? { configuredAudienceModelArn } : {}),
            ...(nextToken ? { nextToken } : {})
        }));
        // A page without its list is read as empty rather than trusted.
        const jobs = Array.isArray(page.audienceGenerationJobs) ? page.audienceGenerationJobs : [];
        const found = jobs.find((job) => isNamed(job, name));
        if (found)
            return found;
        nextToken = nextTokenOf(page.nextToken, seen, pages);
        if (nextToken === undefined)
            return undefined;
    }
}
/** The token for the next page; a token seen before, or a page past the cap, would never end. */
function nextTokenOf(token, seen, pages) {
    if (token === undefined || token === null || token === '')
        return undefined;
    if (typeof token !== 'string')
        throw new error_types/* ActionError */.lZ('MalformedResponse', 'The service listed jobs with a nextToken that is not a string.');
    if (seen.has(token)) {
        throw new error_types/* ActionError */.lZ('MalformedResponse', `The service repeated a nextToken after ${pages} pages of jobs: its listing would never end.`);
    }
    if (pages >= MAX_PAGES) {
        throw new error_types/* ActionError */.lZ('MalformedResponse', `The service listed more than ${MAX_PAGES} pages of jobs; the listing was stopped there.`);
    }
    seen.add(token);
    return token;
}
async function findOnce(client, request) {
    return ((await findByName(client, request.name, request.configuredAudienceModelArn)) ??
        (await findByName(client, request.name)));
}
/**
 * Lists again, with doubling pauses, until the job is listed, LISTINGS runs out, or the next
 * pause would pass the client's deadline. The pauses start at the throttling base: the service
 * needs time here, not a faster client.
 */
async function findEventually(client, request, { clock, retryPolicy, signal }) {
    const started = clock.now();
    let listings = 0;
    const job = await poll({
        clock,
        signal,
        pause: (listed) => {
            if (listed === 0)
                return 0;
            const pause = retryPolicy.throttlingBaseDelayMs * 2 ** (listed - 1);
            return listed < LISTINGS && clock.now() - started + pause <= retryPolicy.deadlineMs ? pause : undefined;
        },
        check: () => {
            listings++;
            return findOnce(client, request);
        }
    });
    if (job)
        return job;
    throw new error_types/* ActionError */.lZ('ExistingJobMismatch', `The service reported a job named "${(0,log/* inline */.mG)(request.name)}", but no such job is listed in this account ` +
        `(${listings} listings over ${(0,timing/* formatDuration */.a3)(clock.now() - started)}). It may have been deleted meanwhile, or ` +
        'the listing may not show it yet: re-run later, or choose another name.');
}
/** Finds the job of the requested name, and checks it matches the request. */
async function findReusableJob(client, request, pacing) {
    const job = await findEventually(client, request, pacing);
    if (job.configuredAudienceModelArn !== request.configuredAudienceModelArn) {
        throw new error_types/* ActionError */.lZ('ExistingJobMismatch', `A job named "${(0,log/* inline */.mG)(request.name)}" already exists for another configured audience model, ` +
            `${(0,log/* inline */.mG)(job.configuredAudienceModelArn)}; it cannot be reused for ${request.configuredAudienceModelArn}. ` +
            'Choose another name.');
    }
    if (request.collaborationId !== undefined && job.collaborationId !== request.collaborationId) {
        throw new error_types/* ActionError */.lZ('ExistingJobMismatch', `A job named "${(0,log/* inline */.mG)(request.name)}" already exists in collaboration ${(0,log/* inline */.mG)(job.collaborationId ?? '(none)')}, ` +
            `not ${request.collaborationId}; it cannot be reused. Choose another name.`);
    }
    // The ARN becomes an output that later steps act on.
    const problems = jobArnProblems(job.audienceGenerationJobArn);
    if (problems.length > 0) {
        throw new error_types/* ActionError */.lZ('UnexpectedResponse', `The service listed the job named "${(0,log/* inline */.mG)(request.name)}" with an ARN that ${problems.join('; ')}.`);
    }
    // Its name, model and ARN are now those checked above.
    return job;
}

;// CONCATENATED MODULE: ./src/job/launch.ts
// Starting the job, or, after ConflictException, what if-exists asks: carrying on with the job of
// the same name (reuse), or replacing it when it failed (replace-failed). A job that is neither
// fails the step. It returns what it found; the step sets the outputs from that.






async function startOrReuse(client, settings, phases, pacing) {
    const { request } = settings;
    log/* info */.pq(`Starting audience generation job "${log/* inline */.mG(request.name)}" from ${log/* inline */.mG((0,summary/* describeSeed */.jv)(request, settings.seedQueryFile))} ` +
        `with configured audience model ${log/* inline */.mG(request.configuredAudienceModelArn)} in ${log/* inline */.mG(settings.region)}.`);
    try {
        return { how: 'started', jobArn: await start(client, request, phases, pacing.signal) };
    }
    catch (error) {
        if (!(error instanceof ConflictException) || settings.ifExists === 'fail')
            throw error;
    }
    phases.enter('reuse');
    const job = await findReusableJob(client, request, pacing);
    const found = { jobArn: job.audienceGenerationJobArn, status: job.status };
    if (REUSABLE_STATUSES.has(job.status)) {
        log/* notice */.lm(`A job named "${log/* inline */.mG(request.name)}" already exists (${log/* inline */.mG(job.status)}); ` +
            `reusing ${log/* inline */.mG(job.audienceGenerationJobArn)}.`, { title: 'Reusing the existing audience generation job' });
        return { how: 'reused', ...found };
    }
    if (settings.ifExists === 'replace-failed' && REPLACEABLE_STATUSES.has(job.status)) {
        return replace(client, job, request, phases, pacing);
    }
    return { how: 'refused', ...found, error: notReusable(job, settings.ifExists) };
}
/** Starts the job; resolves to its ARN. */
async function start(client, request, phases, signal) {
    // Never a job after a cancellation: this is the last moment it can be checked for certain.
    signal.throwIfAborted();
    phases.enter('start');
    const started = await client.send(new StartAudienceGenerationJobCommand(request));
    checkJobArn(started.audienceGenerationJobArn);
    log/* info */.pq(`Started ${started.audienceGenerationJobArn} (request id ${log/* inline */.mG(started.$metadata.requestId ?? 'unknown')}, ` +
        `${started.$metadata.attempts ?? 1} attempt${started.$metadata.attempts === 1 ? '' : 's'}).`);
    return started.audienceGenerationJobArn;
}
/** Deletes the failed job of that name (or waits out its deletion), then starts the job again. */
async function replace(client, job, request, phases, pacing) {
    phases.enter('replace', job.audienceGenerationJobArn);
    log/* info */.pq(job.status === 'CREATE_FAILED'
        ? `A job named "${log/* inline */.mG(request.name)}" already exists and is CREATE_FAILED; deleting ${log/* inline */.mG(job.audienceGenerationJobArn)}.`
        : `A job named "${log/* inline */.mG(request.name)}" is being deleted (${log/* inline */.mG(job.status)}); waiting until it is gone.`);
    await removeJob(client, job, { clock: pacing.clock, signal: pacing.signal, ...pacing.deletion });
    const jobArn = await start(client, request, phases, pacing.signal);
    log/* notice */.lm(`Replaced the failed job ${log/* inline */.mG(job.audienceGenerationJobArn)} (${log/* inline */.mG(job.status)}) ` +
        `with a new job of the same name: ${jobArn}.`, { title: 'Replaced the failed audience generation job' });
    return { how: 'replaced', jobArn, replaced: job.audienceGenerationJobArn };
}
/** A job of that name that cannot be carried on with: the step fails and says the way out. */
function notReusable(job, ifExists) {
    const what = `A job named "${log/* inline */.mG(job.name)}" already exists, but it is ${log/* inline */.mG(job.status)}`;
    if (job.status === 'DELETE_FAILED') {
        return new error_types/* ActionError */.lZ('ExistingJobNotReusable', `${what}: its deletion failed, so its name stays taken. Choose a new job name, or delete the job ` +
            'in the AWS Clean Rooms console and re-run.');
    }
    if (job.status === 'DELETE_PENDING' || job.status === 'DELETE_IN_PROGRESS') {
        return new error_types/* ActionError */.lZ('ExistingJobNotReusable', `${what}: it is being deleted and cannot be reused. Choose a new job name, or set ` +
            'if-exists: replace-failed to wait until it is gone and start a new job of the same name.');
    }
    return new error_types/* ActionError */.lZ('ExistingJobNotReusable', `${what}, not CREATE_PENDING, CREATE_IN_PROGRESS or ACTIVE, so it is not reused` +
        (ifExists === 'reuse' && job.status === 'CREATE_FAILED'
            ? '. Set if-exists: replace-failed to delete it and start the job again under the same name, or choose a new job name.'
            : '. Choose a new job name.'));
}
/** One status check of a job, outside a wait: a reused ACTIVE job's metrics. */
async function getJob(client, jobArn) {
    return client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: jobArn }));
}
/**
 * The service's answer becomes an output that later steps act on, so it is held to the model's
 * pattern. A 200 without a valid ARN probably still created the job: the message says so.
 */
function checkJobArn(arn) {
    const problems = jobArnProblems(arn);
    if (problems.length > 0) {
        throw new error_types/* ActionError */.lZ('UnexpectedResponse', `The service accepted the request but its job ARN ${problems.join('; ')}. The job was probably created.`);
    }
}

// EXTERNAL MODULE: ./src/job/quality.ts
var quality = __webpack_require__(3410);
;// CONCATENATED MODULE: ./src/job/waiting.ts
// Waiting for a job to finish: polls GetAudienceGenerationJob until ACTIVE (success),
// CREATE_FAILED or a DELETE_* status (failure), the wait timeout, or cancellation. The timeout
// is a hard bound: a status check in flight when it falls due is abandoned. Throttling slows
// the polling; a transient error does not end it.






/** Unknown statuses (a newer API, or a garbled answer) are not terminal: the wait goes on. */
const TERMINAL = new Set([
    'ACTIVE',
    'CREATE_FAILED',
    'DELETE_PENDING',
    'DELETE_IN_PROGRESS',
    'DELETE_FAILED'
]);
function isTerminal(status) {
    return status !== undefined && TERMINAL.has(status);
}
/**
 * The delay before the next check: a tenth of the time waited so far, at least the first delay
 * and at most the longest, with up to a fifth of jitter below. So the end of a job is noticed
 * within max(first delay, 10% of the wait), and an hour's wait makes well under 120 checks.
 * Throttling doubles it.
 */
function nextDelay(policy, elapsedMs, random, throttled) {
    const base = Math.min(policy.maxDelayMs, Math.max(policy.firstDelayMs, elapsedMs / 10));
    return Math.floor(base * (throttled ? 2 : 1) * (0.8 + 0.2 * random));
}
/** Fires when the wait's time is up, so that a check in flight then is abandoned. */
class WaitDeadline extends Error {
    name = 'WaitDeadline';
}
/** Polls until the job reaches a terminal status or the wait runs out. */
async function waitForJob(options) {
    const { clock, policy, timeoutMs } = options;
    const started = clock.now();
    const elapsed = () => clock.now() - started;
    const state = { job: undefined, lastLine: started, throttled: false };
    const job = await withinWait(options, timeoutMs, (signal) => poll({
        clock,
        signal,
        // A job just started has nothing to tell yet: the first check, too, comes after a pause.
        pause: () => {
            const left = timeoutMs - elapsed();
            return left > 0 ? Math.min(nextDelay(policy, elapsed(), clock.random(), state.throttled), left) : undefined;
        },
        // A pause that ran to the end of the wait leaves no time for a check.
        check: async () => {
            if (elapsed() >= timeoutMs)
                return undefined;
            const seen = await check(options, state, signal, elapsed);
            return seen && isTerminal(seen.status) ? seen : undefined;
        }
    }));
    if (job)
        return { kind: job.status === 'ACTIVE' ? 'succeeded' : 'failed', job, elapsedMs: elapsed() };
    // The wait ended before any status was seen: one last check, bounded, so the outputs can say where the job is.
    if (!state.job)
        await withinWait(options, policy.finalCheckMs, (signal) => check(options, state, signal, elapsed));
    return { kind: 'timed-out', job: state.job, elapsedMs: elapsed() };
}
/** Runs `work` for at most `ms` of the wait's clock; undefined when that time runs out first. */
async function withinWait(options, ms, work) {
    try {
        return await (0,aws_clock/* withDeadline */.NE)(options.clock, { ms, reason: () => new WaitDeadline(), signal: options.signal }, work);
    }
    catch (error) {
        if (error instanceof WaitDeadline)
            return undefined;
        throw error;
    }
}
/** One status check; undefined when it failed transiently. */
async function check(options, state, signal, elapsed) {
    try {
        const job = await options.client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: options.jobArn }), { abortSignal: signal });
        state.throttled = false;
        const now = options.clock.now();
        if (job.status !== state.job?.status || now - state.lastLine >= options.policy.heartbeatMs) {
            options.log(`${job.status === state.job?.status ? 'Still' : 'Status'} ${(0,log/* inline */.mG)(job.status)} after ${(0,timing/* formatDuration */.a3)(elapsed())}`);
            state.lastLine = now;
        }
        state.job = job;
        return job;
    }
    catch (error) {
        // A cancellation, or the end of the wait, is reported as such, not as the check it interrupted.
        signal.throwIfAborted();
        const kind = retryKindOf(error);
        if (kind === undefined)
            throw error;
        state.throttled = kind === 'throttling';
        options.warn(`Checking the job's status failed with ${(0,log/* inline */.mG)(error.name)}; still waiting.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/job/run-job.ts













async function runJob(settings, context) {
    const endpoint = run_job_resolveEndpoint(settings, context.env);
    if ('problem' in endpoint)
        return { kind: 'no-endpoint', problem: endpoint.problem };
    if (settings.dryRun) {
        fillDescription(settings, context.env);
        return { kind: 'dry-run', endpoint };
    }
    return { kind: 'launched', endpoint, failure: await launchAndWait(settings, endpoint, context) };
}
/** An endpoint setting that gives no endpoint is an input error, reported before anything is sent. */
function run_job_resolveEndpoint(settings, env) {
    try {
        return cleanRoomsMLEndpoint(settings.region, env);
    }
    catch (error) {
        // The rules refuse FIPS or dual-stack with a custom endpoint; otherwise the Region is at fault.
        const input = ['AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT'].find((name) => env[name]?.toLowerCase() === 'true');
        return {
            problem: {
                input: input ?? 'aws-region',
                message: `gives no Clean Rooms ML endpoint: ${error.message}`
            }
        };
    }
}
/** The default description names the workflow run. */
function fillDescription(settings, env) {
    settings.request.description ??= defaultDescription(env);
}
/** Credentials, start or reuse, then the optional wait; a failure is annotated here, and returned. */
async function launchAndWait(settings, endpoint, context) {
    const { progress } = context;
    let client;
    try {
        client = await connect(settings, endpoint, context);
        const launch = await startOrReuse(client, settings, progress, { ...context, deletion: context.deletionPolicy });
        progress.jobKnown(launch.jobArn, launch.how);
        if (launch.how === 'refused') {
            progress.statusKnown(launch.status);
            throw launch.error;
        }
        if (settings.waitForCompletion) {
            progress.enter('wait');
            const outcome = await waitFor(client, launch.jobArn, settings, context);
            progress.waited = (0,timing/* formatDuration */.a3)(outcome.elapsedMs);
            if (outcome.job)
                progress.lastStatus(outcome.job);
            if (outcome.kind !== 'succeeded')
                throw waitFailure(outcome, settings);
            log/* info */.pq(`The job is ACTIVE after ${progress.waited}.`);
            checkQuality(outcome.job, settings, progress);
        }
        else if (launch.how === 'reused' && launch.status === 'ACTIVE') {
            const job = await readReusedJob(client, launch.jobArn, context.signal);
            if (job)
                progress.lastStatus(job);
            if (job?.status === 'ACTIVE')
                checkQuality(job, settings, progress);
        }
    }
    catch (error) {
        // After a cancellation, whatever it interrupted is reported as the cancellation.
        const cause = context.signal.aborted ? context.signal.reason : error;
        const failure = describeFailure(cause, settings, context.env, progress);
        progress.cancelled = context.signal.aborted;
        log/* error */.z3(failure.message, { title: failure.title });
        progress.failed(failure.errorType);
        return failure;
    }
    finally {
        client?.destroy();
    }
    return undefined;
}
function logRetry(notice) {
    log/* info */.pq(`${log/* inline */.mG(notice.error.name)}; trying again in ${notice.delayMs} ms (attempt ${notice.attempt + 1}).`);
}
/** Gets credentials, then the Clean Rooms ML client that signs with them. */
async function connect(settings, endpoint, context) {
    const common = { clock: context.clock, retryPolicy: context.retryPolicy, onRetry: logRetry, signal: context.signal };
    log/* info */.pq(`Credentials: ${(0,summary/* describeCredentials */.Mo)(settings.credentials)}.`);
    const credentials = await resolveCredentials(settings.credentials, {
        region: settings.region,
        env: context.env,
        ...common
    });
    fillDescription(settings, context.env);
    if (usesProxy(endpoint.url))
        log/* info */.pq('Requests to Clean Rooms ML go through the proxy set in the environment.');
    return createClient({
        region: settings.region,
        endpoint: endpoint.url,
        credentials,
        ...common,
        warnClock: (message) => log/* warning */.$e(message, { title: "The runner's clock is off" })
    });
}
/** Polls the job until it ends or the wait runs out. */
async function waitFor(client, jobArn, settings, context) {
    return waitForJob({
        client,
        jobArn,
        timeoutMs: settings.waitTimeoutSeconds * 1000,
        policy: context.pollPolicy,
        clock: context.clock,
        log: (line) => log/* info */.pq(line),
        warn: (line) => log/* warning */.$e(line),
        signal: context.signal
    });
}
/** A wait that did not end ACTIVE, as the failure it is. */
function waitFailure(outcome, settings) {
    const waited = (0,timing/* formatDuration */.a3)(outcome.elapsedMs);
    if (outcome.kind === 'timed-out') {
        return new error_types/* ActionError */.lZ('WaitTimeout', `The job was still ${outcome.job?.status ?? 'not reported'} after waiting ${waited} ` +
            `(wait-timeout-seconds: ${settings.waitTimeoutSeconds}). The job itself keeps running in AWS.`);
    }
    const details = outcome.job.statusDetails;
    return new error_types/* ActionError */.lZ('JobFailed', `The job ended ${outcome.job.status}` +
        (details?.statusCode ? ` with ${details.statusCode}` : '') +
        (details?.message ? `: ${details.message}` : '.'));
}
/**
 * A reused job that is already ACTIVE has quality metrics to report without a wait: one status check
 * reads them. Undefined when it cannot be read: the job was reused as asked, and its metrics are extra.
 */
async function readReusedJob(client, jobArn, signal) {
    try {
        return await getJob(client, jobArn);
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        log/* warning */.$e(`The reused job's quality metrics could not be read (${log/* inline */.mG(error.name)}); ` +
            'reading them needs cleanrooms-ml:GetAudienceGenerationJob.', { title: 'Audience quality not read' });
        return undefined;
    }
}
/** Reports an ACTIVE job's metrics and checks the gates; a missed gate fails the step. */
function checkQuality(job, settings, progress) {
    const verdict = (0,quality/* judgeQuality */.ZA)(job, settings.qualityGates);
    progress.qualityKnown(verdict.report, (0,quality/* describeGates */.yg)(verdict.gates));
    if (verdict.failure) {
        progress.enter('quality');
        throw verdict.failure;
    }
}


/***/ })

};
