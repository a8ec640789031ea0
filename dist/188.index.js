export const id = 188;
export const ids = [188];
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
/** An HTTP handler for AWS requests to `url`, through the environment's proxy where it applies. */
function requestHandlerFor(url, attemptTimeoutMs) {
    const agent = proxyAgentFor(url, attemptTimeoutMs);
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_1__.NodeHttpHandler({
        connectionTimeout: connectionTimeoutFor(attemptTimeoutMs),
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
/**
 * The action's policy as the Clean Rooms ML client's retry strategy: the client counts attempts and
 * signs each afresh, this decides what is tried again and when. A call's own abortSignal stops it
 * beside the step's cancellation.
 */
function retryStrategy(options) {
    return {
        retry: (attempt, call) => {
            const signal = options.signal && call.signal ? AbortSignal.any([options.signal, call.signal]) : (options.signal ?? call.signal);
            return withRetries(attempt, {
                ...options,
                onRetry: (notice) => {
                    call.onRetry?.(notice.delayMs);
                    options.onRetry?.(notice);
                },
                ...(signal ? { signal } : {})
            });
        }
    };
}


/***/ }),

/***/ 723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ regionOf)
/* harmony export */ });
// Region names as AWS SDKs read them: the client signs with the real Region, and the action's
// endpoint resolution (aws/endpoints.ts) reads FIPS pseudo-Regions the same way. A file of its own so
// that the endpoint resolution loads none of the client.
/**
 * A FIPS pseudo-Region, `fips-us-east-1` or `us-gov-west-1-fips`, names a real Region and asks for
 * its FIPS endpoint. AWS SDKs read it so (isFipsRegion and getRealRegion in @smithy/core), for the
 * endpoint and for signing: the Region in a signature is always the real one.
 */
function regionOf(region) {
    const real = region.replace(/^fips-|-fips$/, '');
    return { region: real, fips: real !== region };
}


/***/ }),

/***/ 1188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CleanRoomsMLClient: () => (/* reexport */ CleanRoomsMLClient),
  getJob: () => (/* binding */ getJob),
  requestHandlerFor: () => (/* reexport */ proxy/* requestHandlerFor */.n1),
  retryStrategy: () => (/* reexport */ retry/* retryStrategy */.UN),
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
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/protocols/index.js
var protocols = __webpack_require__(3422);
;// CONCATENATED MODULE: ./src/cleanroomsml/errors.ts

/** Base of every error the Clean Rooms ML service answers with, as in the official client. */
class CleanRoomsMLServiceException extends client.ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, CleanRoomsMLServiceException.prototype);
    }
}
function clientError(name, options) {
    return { name, $fault: 'client', ...options };
}
class AccessDeniedException extends CleanRoomsMLServiceException {
    name = 'AccessDeniedException';
    constructor(options) {
        super(clientError('AccessDeniedException', options));
        Object.setPrototypeOf(this, AccessDeniedException.prototype);
    }
}
class ConflictException extends CleanRoomsMLServiceException {
    name = 'ConflictException';
    constructor(options) {
        super(clientError('ConflictException', options));
        Object.setPrototypeOf(this, ConflictException.prototype);
    }
}
class ResourceNotFoundException extends CleanRoomsMLServiceException {
    name = 'ResourceNotFoundException';
    constructor(options) {
        super(clientError('ResourceNotFoundException', options));
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
    }
}
class ServiceQuotaExceededException extends CleanRoomsMLServiceException {
    name = 'ServiceQuotaExceededException';
    quotaName;
    quotaValue;
    constructor(options) {
        super(clientError('ServiceQuotaExceededException', options));
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
        this.quotaName = options.quotaName;
        this.quotaValue = options.quotaValue;
    }
}
class ThrottlingException extends CleanRoomsMLServiceException {
    name = 'ThrottlingException';
    constructor(options) {
        super(clientError('ThrottlingException', options));
        Object.setPrototypeOf(this, ThrottlingException.prototype);
    }
}
class ValidationException extends CleanRoomsMLServiceException {
    name = 'ValidationException';
    constructor(options) {
        super(clientError('ValidationException', options));
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
/** Turns an error answer into the exception it names (restJson1 error rules), or a generic one. */
async function parseError(response) {
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

// EXTERNAL MODULE: ./src/cleanroomsml/regions.ts
var regions = __webpack_require__(723);
;// CONCATENATED MODULE: ./src/cleanroomsml/client.ts
// A small Clean Rooms ML client on AWS's own building blocks: the Smithy Client/Command
// classes and middleware stack, SigV4 from @smithy/signature-v4 (re-signed on every
// attempt), and @smithy/node-http-handler. Its names match @aws-sdk/client-cleanroomsml.






/** The SigV4 signing name of Clean Rooms ML. */
const SIGNING_NAME = 'cleanrooms-ml';
/** Without a strategy, each call makes one attempt, bounded only by the call's own abortSignal. */
const SINGLE_ATTEMPT = {
    retry: (attempt, call) => {
        call.signal?.throwIfAborted();
        return attempt(call.signal ?? new AbortController().signal);
    }
};
function resolveConfig(config) {
    return {
        region: config.region,
        endpoint: new URL(config.endpoint),
        signer: new signature_v4_dist_cjs.SignatureV4({
            service: SIGNING_NAME,
            // A FIPS pseudo-Region signs as its real Region, as in AWS SDKs.
            region: (0,regions/* regionOf */.A)(config.region).region,
            credentials: config.credentials,
            sha256: main.Sha256
        }),
        retryStrategy: config.retryStrategy ?? SINGLE_ATTEMPT,
        requestHandler: config.requestHandler ?? new dist_cjs.NodeHttpHandler({ connectionTimeout: 5_000 }),
        systemClockOffset: config.systemClockOffset ?? 0,
        ...(config.logger ? { logger: config.logger } : {}),
        apiVersion: '2023-09-06'
    };
}
class CleanRoomsMLClient extends client.Client {
    constructor(config) {
        super(resolveConfig(config));
    }
}
/**
 * Base of every operation: serializes the input, retries (each attempt signed afresh,
 * with its own timeout), sends, and deserializes the answer.
 */
class CleanRoomsMLCommand extends client.Command {
    input;
    constructor(input) {
        super();
        this.input = input;
    }
    /** Every operation here answers a JSON object whose members are the output's, as restJson1 has it. */
    async deserialize(response) {
        const data = await parseSuccess(response);
        return { ...data, $metadata: metadataOf(response) };
    }
    resolveMiddleware(clientStack, config, options) {
        const stack = clientStack.concat(this.middlewareStack);
        const call = {
            stop: options?.abortSignal,
            serverDate: undefined
        };
        stack.add((next) => (args) => next({ ...args, request: toHttpRequest(config.endpoint, this.serialize(args.input)) }), { step: 'serialize', name: 'serializerMiddleware' });
        stack.add(retryMiddleware(config, call), { step: 'finalizeRequest', name: 'retryMiddleware', priority: 'high' });
        stack.add(signingMiddleware(config, call), { step: 'finalizeRequest', name: 'awsAuthMiddleware', priority: 'low' });
        stack.add((next) => async (args) => {
            const { response } = await next(args);
            return { response, output: await this.deserialize(response) };
        }, { step: 'deserialize', name: 'deserializerMiddleware' });
        const send = async (args) => {
            const options = call.signal ? { abortSignal: call.signal } : {};
            const answer = await config.requestHandler.handle(args.request, options);
            call.serverDate = answer.response.headers['date'];
            return answer;
        };
        return stack.resolve(send, {
            clientName: 'CleanRoomsMLClient',
            commandName: this.constructor.name
        });
    }
}
function retryMiddleware(config, call) {
    return (next) => async (args) => {
        let attempts = 0;
        let totalRetryDelay = 0;
        const result = await config.retryStrategy.retry((signal) => {
            attempts++;
            call.signal = signal;
            // A fresh copy per attempt, so that each is signed with its own date.
            return next({ ...args, request: args.request.clone() });
        }, {
            onRetry: (delayMs) => {
                totalRetryDelay += delayMs;
            },
            ...(call.stop ? { signal: call.stop } : {})
        });
        result.output.$metadata = { ...result.output.$metadata, attempts, totalRetryDelay };
        return result;
    };
}
function signingMiddleware(config, call) {
    return (next) => async (args) => {
        // Signed with the machine's time (corrected by the offset), whatever clock paces the
        // retries: AWS compares the signature's date with its own clock.
        const signingDate = new Date(Date.now() + config.systemClockOffset);
        const signed = await config.signer.sign(args.request, { signingDate });
        call.serverDate = undefined;
        try {
            return await next({ ...args, request: signed });
        }
        catch (error) {
            correctClockSkew(config, error, call.serverDate);
            throw error;
        }
    };
}
/** Errors AWS answers when a signature's date is too far from its clock (the SDKs' list). */
const CLOCK_SKEW_ERRORS = new Set([
    'AuthFailure',
    'InvalidSignatureException',
    'RequestExpired',
    'RequestInTheFuture',
    'RequestTimeTooSkewed',
    'SignatureDoesNotMatch'
]);
/** How far apart two clocks may be before a signature is refused (AWS allows 5 minutes). */
const SKEW_TOLERANCE_MS = 4 * 60_000;
/**
 * As the AWS SDKs do: when AWS refuses a signature for its date and its own `Date` header shows
 * the runner's clock is off, later requests are signed with AWS's time, and the error is marked
 * `$metadata.clockSkewCorrected` so that the retry logic tries it again.
 */
function correctClockSkew(config, error, serverDate) {
    const name = error?.name;
    if (typeof name !== 'string' || !CLOCK_SKEW_ERRORS.has(name) || serverDate === undefined)
        return;
    const serverTime = Date.parse(serverDate);
    const offset = serverTime - Date.now();
    if (Number.isNaN(serverTime) || Math.abs(offset - config.systemClockOffset) < SKEW_TOLERANCE_MS)
        return;
    config.systemClockOffset = offset;
    const bearer = error;
    bearer.$metadata = { ...bearer.$metadata, clockSkewCorrected: true };
    config.logger?.warn(`The runner's clock is ${describeOffset(offset)} AWS's clock; requests are now signed with AWS's time. ` +
        "Correct the runner's clock (for example with NTP).");
}
function describeOffset(offsetMs) {
    // AWS's Date header has whole seconds: the offset is told to the minute.
    const seconds = Math.round(Math.abs(offsetMs) / 1000);
    const text = seconds >= 90 ? `about ${Math.round(seconds / 60)} min` : `about ${seconds} s`;
    return offsetMs > 0 ? `${text} behind` : `${text} ahead of`;
}

;// CONCATENATED MODULE: ./src/cleanroomsml/commands.ts
// The operations this action uses, with the official client's command names.


class StartAudienceGenerationJobCommand extends CleanRoomsMLCommand {
    serialize(input) {
        return { method: 'POST', path: '/audience-generation-job', body: input };
    }
}
class GetAudienceGenerationJobCommand extends CleanRoomsMLCommand {
    serialize(input) {
        return { method: 'GET', path: `/audience-generation-job/${pathLabel(input.audienceGenerationJobArn)}` };
    }
}
class ListAudienceGenerationJobsCommand extends CleanRoomsMLCommand {
    serialize(input) {
        const query = {};
        for (const [key, value] of Object.entries(input)) {
            if (value !== undefined)
                query[key] = String(value);
        }
        return { method: 'GET', path: '/audience-generation-job', query };
    }
}
class DeleteAudienceGenerationJobCommand extends CleanRoomsMLCommand {
    serialize(input) {
        return { method: 'DELETE', path: `/audience-generation-job/${pathLabel(input.audienceGenerationJobArn)}` };
    }
}

;// CONCATENATED MODULE: ./src/cleanroomsml/index.ts
// The Clean Rooms ML client surface the action uses, named as in @aws-sdk/client-cleanroomsml.




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
        const page = await client.send(new ListAudienceGenerationJobsCommand({
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
    return job;
}

// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
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
    return TERMINAL.has(status);
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

// EXTERNAL MODULE: ./src/aws/proxy.ts
var proxy = __webpack_require__(1373);
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
