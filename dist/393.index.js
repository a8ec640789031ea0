export const id = 393;
export const ids = [393];
export const modules = {

/***/ 1373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ watchTunnels),
/* harmony export */   Bb: () => (/* binding */ usesProxy),
/* harmony export */   ZK: () => (/* binding */ tunnelTimeoutFor),
/* harmony export */   n1: () => (/* binding */ requestHandlerFor)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4942);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1279);


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
    const agent = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq('cleanrooms-ml-audience-generation-action').getAgent(url);
    return watchTunnels(agent, tunnelTimeoutFor(attemptTimeoutMs));
}
/** Whether requests to `url` go through a proxy: said in the log, never with the proxy's address. */
function usesProxy(url) {
    return (0,_actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .getProxyUrl */ .s_)(url) !== '';
}
/**
 * An HTTP handler for AWS requests to `url`, through the environment's proxy where it applies. Its
 * requestTimeout ends a request (and its socket) that outlasts an attempt, whatever abandoned it.
 */
function requestHandlerFor(url, attemptTimeoutMs) {
    const agent = proxyAgentFor(url, attemptTimeoutMs);
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__.NodeHttpHandler({
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


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   Tm: () => (/* binding */ runAttempt),
/* harmony export */   UN: () => (/* binding */ retryStrategy),
/* harmony export */   yz: () => (/* binding */ retryKindOf)
/* harmony export */ });
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3609);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3299);
/* harmony import */ var _report_error_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9284);
// Bounded retries for one AWS call: only throttling, 5xx and network errors are tried again,
// with capped exponential backoff and full jitter, a timeout on every attempt and a deadline
// over all of them. Errors are classified by name, code and HTTP status (the AWS SDK's own
// classifiers), never by message text.



/** Whether an error may succeed when tried again, and which backoff applies. */
function retryKindOf(error) {
    if (!(0,_report_error_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isErrorLike */ .u7)(error))
        return undefined;
    if (error.name === 'AbortError')
        return undefined;
    const sdkError = error;
    // Signed again with the same clock, a refused signature is refused again: it is tried again
    // only once the clock has been corrected from AWS's answer.
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__.isClockSkewError)(sdkError))
        return (0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__.isClockSkewCorrectedError)(sdkError) ? 'transient' : undefined;
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__.isThrottlingError)(sdkError))
        return 'throttling';
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__.isTransientError)(sdkError) || (0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__.isServerError)(sdkError))
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
async function runAttempt(attempt, timeoutMs, clock, outer) {
    const controller = new AbortController();
    const finished = new AbortController();
    const onOuterAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    void clock.timeout(timeoutMs, finished.signal).then(() => {
        // Its name makes it a transient error.
        controller.abort(new _report_error_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('TimeoutError', `No complete answer within ${timeoutMs} ms.`));
    });
    try {
        return await (0,_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .untilAborted */ .Eu)(attempt(controller.signal), controller.signal);
    }
    finally {
        finished.abort();
        outer?.removeEventListener('abort', onOuterAbort);
    }
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
        const elapsed = clock.now() - started;
        const timeout = Math.max(1, Math.min(policy.attemptTimeoutMs, policy.deadlineMs - elapsed));
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
                // A last attempt the deadline cut short says only that time ran out: the failure before
                // it (a proxy that does not answer, a refused connection) says what went wrong.
                const cutShort = timeout < policy.attemptTimeoutMs && (0,_report_error_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isErrorLike */ .u7)(error) && error.name === 'TimeoutError';
                const reported = cutShort && previous !== undefined ? previous : error;
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


/***/ }),

/***/ 5069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ USER_AGENT)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"UU":"cleanrooms-ml-audience-generation-action","rE":"1.0.0"}');
;// CONCATENATED MODULE: ./src/aws/user-agent.ts
// What every request to AWS says it comes from, as AWS's own actions do: the action's name and
// version, from package.json when the bundle is built.

const USER_AGENT = `${package_namespaceObject.UU}/${package_namespaceObject.rE}`;


/***/ }),

/***/ 6393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createClient: () => (/* reexport */ createClient),
  getJob: () => (/* binding */ getJob),
  startOrReuse: () => (/* binding */ startOrReuse),
  usesProxy: () => (/* reexport */ proxy/* usesProxy */.Bb),
  waitForJob: () => (/* reexport */ waitForJob)
});

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
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






// EXTERNAL MODULE: ./src/report/error-types.ts
var error_types = __webpack_require__(9284);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/aws/clock.ts
var aws_clock = __webpack_require__(3299);
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

// EXTERNAL MODULE: ./src/aws/timing.ts
var timing = __webpack_require__(191);
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

// EXTERNAL MODULE: ./src/inputs/constraints.ts
var constraints = __webpack_require__(1677);
// EXTERNAL MODULE: ./src/inputs/validation.ts
var validation = __webpack_require__(5002);
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

// EXTERNAL MODULE: ./src/aws/proxy.ts
var proxy = __webpack_require__(1373);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/aws/user-agent.ts + 1 modules
var user_agent = __webpack_require__(5069);
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
        requestHandler: attemptAware(options.requestHandler ?? (0,proxy/* requestHandlerFor */.n1)(options.endpoint, policy.attemptTimeoutMs), attempts),
        retryStrategy: (0,retry/* retryStrategy */.UN)({
            policy,
            clock: options.clock,
            signal: options.signal,
            ...(options.onRetry ? { onRetry: options.onRetry } : {})
        }),
        maxAttempts: policy.maxAttempts,
        customUserAgent: user_agent/* USER_AGENT */._
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
        const timeout = Math.max(1, Math.min(policy.attemptTimeoutMs, policy.deadlineMs - (clock.now() - started)));
        const attempt = (0,retry/* runAttempt */.Tm)((abort) => {
            // The request handler reads it: the request itself is aborted when the attempt ends.
            attempts.set(args.request, abort);
            return next(args);
        }, timeout, clock, signal);
        return attempt.catch((error) => {
            const previous = context[LAST_FAILURE];
            context[LAST_FAILURE] = error;
            // An attempt the deadline cut short is the last, and its timeout says only that time ran out:
            // the failure before it (a proxy that does not answer, a refused connection) says what went wrong.
            const cutShort = timeout < policy.attemptTimeoutMs && (0,error_types/* isErrorLike */.u7)(error) && error.name === 'TimeoutError';
            throw cutShort && previous !== undefined ? previous : error;
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
        const kind = (0,retry/* retryKindOf */.yz)(error);
        if (kind === undefined)
            throw error;
        state.throttled = kind === 'throttling';
        options.warn(`Checking the job's status failed with ${(0,log/* inline */.mG)(error.name)}; still waiting.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/job/launch.ts
// Starting the job, or, after ConflictException, what if-exists asks: carrying on with the job of
// the same name (reuse), or replacing it when it failed (replace-failed). A job that is neither
// fails the step. It returns what it found; the step sets the outputs from that.






// The client and the wait are reached through this module, so that the bundle loads them as one
// chunk: separate dynamic imports would each carry their own copy of the client code.



async function startOrReuse(client, settings, phases, pacing) {
    const { request } = settings;
    log/* info */.pq(`Starting audience generation job "${log/* inline */.mG(request.name)}" from ${log/* inline */.mG((0,summary/* describeSeed */.j)(request, settings.seedQueryFile))} ` +
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


/***/ })

};
