export const id = 805;
export const ids = [805,560];
export const modules = {

/***/ 805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveCredentials: () => (/* binding */ resolveCredentials)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-endpoints/dist-cjs/index.js
var dist_cjs = __webpack_require__(3068);
// EXTERNAL MODULE: ./src/aws/endpoints.ts + 1 modules
var endpoints = __webpack_require__(2560);
// EXTERNAL MODULE: ./src/aws/proxy.ts
var proxy = __webpack_require__(1373);
// EXTERNAL MODULE: ./src/report/error-types.ts
var error_types = __webpack_require__(9284);
// EXTERNAL MODULE: ./src/aws/secrets.ts
var secrets = __webpack_require__(528);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth = __webpack_require__(2145);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/aws/oidc.ts
// The workflow's GitHub OIDC token, requested from the runner's token endpoint with
// @actions/http-client (which honours the runner's proxy settings). Requested here rather than
// with core.getIDToken so that a 5xx or a silent endpoint gets the same bounded retries,
// timeouts and classification by status as every AWS call, and a 4xx fails at once.






async function requestIdToken(audience, env, options) {
    const url = `${env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? ''}&audience=${encodeURIComponent(audience)}`;
    const connectTimeoutMs = (0,proxy/* tunnelTimeoutFor */.ZK)(options.policy.attemptTimeoutMs);
    const token = await (0,retry/* withRetries */.LH)((signal) => requestOnce(url, env, signal, connectTimeoutMs), options);
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
    const proxied = (0,proxy/* usesProxy */.Bb)(url);
    const client = new lib/* HttpClient */.Qq('cleanrooms-ml-audience-generation-action', [new auth/* BearerCredentialHandler */.tZ(env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? '')], proxied ? { keepAlive: true } : undefined);
    const tunnels = proxied ? (0,proxy/* watchTunnels */.$2)(client.getAgent(url), connectTimeoutMs) : undefined;
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
    const { defaultProvider } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(136), __webpack_require__.e(861)]).then(__webpack_require__.t.bind(__webpack_require__, 5861, 19));
    const handler = (0,proxy/* requestHandlerFor */.n1)(stsUrl(context), context.retryPolicy.attemptTimeoutMs);
    try {
        return await (0,retry/* withRetries */.LH)((signal) => defaultProvider({
            clientConfig: { region: context.region, maxAttempts: 1, requestHandler: abortingWith(handler, signal) }
        })(), retryOptions(context));
    }
    catch (error) {
        if (error.name === 'CredentialsProviderError') {
            throw new error_types/* ActionError */.lZ('CredentialsNotFound', 'No AWS credentials were found.');
        }
        throw error;
    }
    finally {
        // As after the STS exchange: no socket of the chain's clients outlives the credentials.
        handler.destroy();
    }
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
    // The STS client loads while the token request is in flight.
    const [webIdentityToken, { fromWebToken }] = await Promise.all([
        getOidcToken(settings.audience, context),
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(136), __webpack_require__.e(956)]).then(__webpack_require__.t.bind(__webpack_require__, 9956, 19)),
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(136)]).then(__webpack_require__.t.bind(__webpack_require__, 1136, 19))
    ]);
    const endpoint = (0,endpoints/* stsEndpointOverride */.S)(context.env);
    const handler = (0,proxy/* requestHandlerFor */.n1)(stsUrl(context), context.retryPolicy.attemptTimeoutMs);
    try {
        return await (0,retry/* withRetries */.LH)((signal) => fromWebToken({
            roleArn: settings.roleArn,
            roleSessionName: settings.roleSessionName,
            durationSeconds: settings.durationSeconds,
            webIdentityToken,
            // One attempt per call: the retries, their timing and deadline are the action's own.
            clientConfig: {
                region: context.region,
                maxAttempts: 1,
                requestHandler: abortingWith(handler, signal),
                ...(endpoint ? { endpoint } : {})
            }
        })(), retryOptions(context));
    }
    finally {
        handler.destroy();
    }
}
/**
 * Role chaining: role-to-assume assumed with STS AssumeRole, signed with the credentials already in the
 * environment. They are read again for every session, so that a source that renews itself (an instance
 * or container role) is current when a long wait renews the chained session.
 */
async function assumeRoleChained(settings, context) {
    // The STS client loads while the source credentials are read.
    const [source, { STSClient, AssumeRoleCommand }] = await Promise.all([
        chainingSource(context),
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(136)]).then(__webpack_require__.t.bind(__webpack_require__, 1136, 19))
    ]);
    const endpoint = (0,endpoints/* stsEndpointOverride */.S)(context.env);
    const handler = (0,proxy/* requestHandlerFor */.n1)(stsUrl(context), context.retryPolicy.attemptTimeoutMs);
    const input = {
        RoleArn: settings.roleArn,
        RoleSessionName: settings.roleSessionName,
        DurationSeconds: settings.durationSeconds,
        ...(settings.externalId !== undefined ? { ExternalId: settings.externalId } : {})
    };
    try {
        const answer = await (0,retry/* withRetries */.LH)((signal) => {
            // One attempt per call, as for OIDC: the retries, their timing and deadline are the action's own.
            const client = new STSClient({
                region: context.region,
                credentials: source,
                maxAttempts: 1,
                requestHandler: abortingWith(handler, signal),
                ...(endpoint ? { endpoint } : {})
            });
            return client.send(new AssumeRoleCommand(input));
        }, retryOptions(context));
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
    finally {
        handler.destroy();
    }
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
    return (0,endpoints/* stsEndpointOverride */.S)(context.env) ?? `https://sts.${context.region}.${(0,dist_cjs/* partition */.jB)(context.region).dnsSuffix}`;
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
            throw ownRealm(error);
        })
    });
}
/**
 * The SDK keeps only the text of an error that is not an `Error` of its own realm (Node's errors
 * are of another realm under some test sandboxes): a copy keeps Node's code and address, by
 * which a network failure is named.
 */
function ownRealm(error) {
    if (error instanceof Error || typeof error !== 'object' || error === null)
        return error;
    const { message, name } = error;
    return Object.assign(new Error(String(message)), error, typeof name === 'string' ? { name } : {});
}


/***/ }),

/***/ 2560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanRoomsMLEndpoint: () => (/* binding */ cleanRoomsMLEndpoint),
  S: () => (/* binding */ stsEndpointOverride)
});

// UNUSED EXPORTS: resolveCleanRoomsMLEndpoint

// EXTERNAL MODULE: ./node_modules/@aws-sdk/util-endpoints/dist-cjs/index.js
var dist_cjs = __webpack_require__(3068);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/endpoints/index.js
var endpoints = __webpack_require__(2085);
;// CONCATENATED MODULE: ./src/cleanroomsml/endpoint-rule-set.json
const endpoint_rule_set_namespaceObject = /*#__PURE__*/JSON.parse('{"version":"1.0","parameters":{"Region":{"builtIn":"AWS::Region","required":false,"documentation":"The AWS region used to dispatch the request.","type":"string"},"UseDualStack":{"builtIn":"AWS::UseDualStack","required":true,"default":false,"documentation":"When true, use the dual-stack endpoint. If the configured endpoint does not support dual-stack, dispatching the request MAY return an error.","type":"boolean"},"UseFIPS":{"builtIn":"AWS::UseFIPS","required":true,"default":false,"documentation":"When true, send this request to the FIPS-compliant regional endpoint. If the configured endpoint does not have a FIPS compliant endpoint, dispatching the request will return an error.","type":"boolean"},"Endpoint":{"builtIn":"SDK::Endpoint","required":false,"documentation":"Override the endpoint used to send this request","type":"string"}},"rules":[{"conditions":[{"fn":"isSet","argv":[{"ref":"Endpoint"}]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],"error":"Invalid Configuration: FIPS and custom endpoint are not supported","type":"error"},{"conditions":[],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseDualStack"},true]}],"error":"Invalid Configuration: Dualstack and custom endpoint are not supported","type":"error"},{"conditions":[],"endpoint":{"url":{"ref":"Endpoint"},"properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"rules":[{"conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]}],"rules":[{"conditions":[{"fn":"aws.partition","argv":[{"ref":"Region"}],"assign":"PartitionResult"}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]},{"fn":"booleanEquals","argv":[{"ref":"UseDualStack"},true]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsFIPS"]}]},{"fn":"booleanEquals","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsDualStack"]}]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml-fips.{Region}.{PartitionResult#dualStackDnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"FIPS and DualStack are enabled, but this partition does not support one or both","type":"error"}],"type":"tree"},{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsFIPS"]},true]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml-fips.{Region}.{PartitionResult#dnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"FIPS is enabled but this partition does not support FIPS","type":"error"}],"type":"tree"},{"conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseDualStack"},true]}],"rules":[{"conditions":[{"fn":"booleanEquals","argv":[true,{"fn":"getAttr","argv":[{"ref":"PartitionResult"},"supportsDualStack"]}]}],"rules":[{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml.{Region}.{PartitionResult#dualStackDnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"DualStack is enabled but this partition does not support DualStack","type":"error"}],"type":"tree"},{"conditions":[],"rules":[{"conditions":[],"endpoint":{"url":"https://cleanrooms-ml.{Region}.{PartitionResult#dnsSuffix}","properties":{},"headers":{}},"type":"endpoint"}],"type":"tree"}],"type":"tree"}],"type":"tree"},{"conditions":[],"error":"Invalid Configuration: Missing Region","type":"error"}],"type":"tree"}]}');
// EXTERNAL MODULE: ./src/cleanroomsml/regions.ts
var regions = __webpack_require__(723);
;// CONCATENATED MODULE: ./src/aws/endpoints.ts
// Where requests go: AWS's own endpoint rules for Clean Rooms ML (the rule set shipped with
// the service model, evaluated by the SDK's rules engine with its partition data), after the
// SDK's standard endpoint overrides from the environment.




endpoints.customEndpointFunctions['aws'] = dist_cjs/* awsEndpointFunctions */.UF;
/** Evaluates AWS's endpoint rules for Clean Rooms ML; throws the rule set's own error text. */
function resolveCleanRoomsMLEndpoint(params) {
    const endpoint = (0,endpoints.resolveEndpoint)(endpoint_rule_set_namespaceObject, {
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
    const real = (0,regions/* regionOf */.A)(region);
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


/***/ }),

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


/***/ })

};
