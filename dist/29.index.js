export const id = 29;
export const ids = [29];
export const modules = {

/***/ 3029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CredentialsError: () => (/* binding */ CredentialsError),
/* harmony export */   resolveCredentials: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1279);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3774);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7194);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9809);
// AWS credentials for the call: the workflow's GitHub OIDC token exchanged with STS
// AssumeRoleWithWebIdentity when role-to-assume is set, otherwise the AWS SDK's default
// chain (for example keys exported by an earlier configure-aws-credentials step).
// Every secret is masked the moment it exists, before anything can print it.





/** A credentials failure the action explains itself; `name` is what `error-type` reports. */
class CredentialsError extends Error {
    name;
    constructor(name, message) {
        super(message);
        this.name = name;
    }
}
async function resolveCredentials(settings, context) {
    const credentials = settings.source === 'oidc' ? await assumeRoleWithOidc(settings, context) : await fromDefaultChain(context);
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .maskCredentials */ .Bs)(credentials);
    return credentials;
}
async function fromDefaultChain(context) {
    const { fromNodeProviderChain } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(719)]).then(__webpack_require__.t.bind(__webpack_require__, 9719, 19));
    try {
        return await fromNodeProviderChain({ clientConfig: { region: context.region } })();
    }
    catch (error) {
        if (error.name === 'CredentialsProviderError') {
            throw new CredentialsError('CredentialsNotFound', 'No AWS credentials were found. Either set role-to-assume (with `permissions: id-token: write` on the job) ' +
                "to assume a role with the workflow's OIDC token, or run aws-actions/configure-aws-credentials in an earlier step.");
        }
        throw error;
    }
}
async function getOidcToken(audience, context) {
    if (!context.env['ACTIONS_ID_TOKEN_REQUEST_URL'] || !context.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
        throw new CredentialsError('MissingIdTokenPermission', "role-to-assume needs the workflow's OIDC token, but this job cannot request one. " +
            'Add `permissions: id-token: write` (and `contents: read`) to the job or the workflow.');
    }
    // @actions/core retries the token endpoint's 5xx itself; the deadline bounds a silent endpoint.
    const timeoutMs = context.retryPolicy.deadlineMs;
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new _retry_js__WEBPACK_IMPORTED_MODULE_3__/* .TimeoutError */ .MU(`The GitHub OIDC token endpoint did not answer within ${timeoutMs} ms.`)), timeoutMs);
    });
    try {
        // getIDToken masks the token itself before returning it.
        return await Promise.race([_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(audience), timeout]);
    }
    catch (error) {
        if (error instanceof _retry_js__WEBPACK_IMPORTED_MODULE_3__/* .TimeoutError */ .MU)
            throw new CredentialsError('OidcTokenTimeout', error.message);
        throw new CredentialsError('OidcTokenUnavailable', `Could not get the workflow's OIDC token: ${error.message}`);
    }
    finally {
        clearTimeout(timer);
    }
}
async function assumeRoleWithOidc(settings, context) {
    const webIdentityToken = await getOidcToken(settings.audience, context);
    const { fromWebToken } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(719)]).then(__webpack_require__.t.bind(__webpack_require__, 9719, 19));
    const endpoint = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .stsEndpointOverride */ .SX)(context.env);
    const requestHandler = new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_4__.NodeHttpHandler({
        connectionTimeout: Math.min(5_000, context.retryPolicy.attemptTimeoutMs),
        requestTimeout: context.retryPolicy.attemptTimeoutMs
    });
    try {
        return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(() => fromWebToken({
            roleArn: settings.roleArn,
            roleSessionName: settings.roleSessionName,
            durationSeconds: settings.durationSeconds,
            webIdentityToken,
            // One attempt per call: the retries, their timing and deadline are the action's own.
            clientConfig: { region: context.region, maxAttempts: 1, requestHandler, ...(endpoint ? { endpoint } : {}) }
        })(), {
            policy: context.retryPolicy,
            clock: context.clock,
            ...(context.onRetry ? { onRetry: context.onRetry } : {}),
            ...(context.signal ? { signal: context.signal } : {})
        });
    }
    finally {
        requestHandler.destroy();
    }
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   MU: () => (/* binding */ TimeoutError),
/* harmony export */   yz: () => (/* binding */ retryKindOf)
/* harmony export */ });
/* unused harmony export backoffDelay */
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3609);
// Bounded retries for one AWS call: only throttling, 5xx and network errors are tried again,
// with capped exponential backoff and full jitter, a timeout on every attempt and a deadline
// over all of them. Errors are classified by name, code and HTTP status (the AWS SDK's own
// classifiers), never by message text.

/** Thrown when an attempt outlives its timeout; its name makes it a transient error. */
class TimeoutError extends Error {
    name = 'TimeoutError';
}
/** Whether an error may succeed when tried again, and which backoff applies. */
function retryKindOf(error) {
    if (!(error instanceof Error))
        return undefined;
    if (error.name === 'AbortError')
        return undefined;
    const sdkError = error;
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isThrottlingError)(sdkError))
        return 'throttling';
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isTransientError)(sdkError) || (0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isServerError)(sdkError))
        return 'transient';
    return undefined;
}
function backoffDelay(policy, kind, attempt, random) {
    const base = kind === 'throttling' ? policy.throttlingBaseDelayMs : policy.baseDelayMs;
    const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
    return Math.round(random * ceiling);
}
/** Runs `attempt` with a fresh AbortSignal that fires when that attempt times out. */
async function runAttempt(attempt, timeoutMs, outer) {
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            const error = new TimeoutError(`No complete answer within ${timeoutMs} ms.`);
            controller.abort(error);
            reject(error);
        }, timeoutMs);
    });
    try {
        return await Promise.race([attempt(controller.signal), timeout]);
    }
    finally {
        clearTimeout(timer);
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
    for (let number = 1;; number++) {
        const elapsed = clock.now() - started;
        try {
            const timeout = Math.max(1, Math.min(policy.attemptTimeoutMs, policy.deadlineMs - elapsed));
            return await runAttempt(attempt, timeout, signal);
        }
        catch (error) {
            const kind = signal?.aborted ? undefined : retryKindOf(error);
            const delayMs = kind ? backoffDelay(policy, kind, number, clock.random()) : 0;
            const outOfTime = clock.now() - started + delayMs >= policy.deadlineMs;
            if (!kind || number >= policy.maxAttempts || outOfTime) {
                recordAttempts(error, number, totalDelay);
                throw error;
            }
            options.onRetry?.({ error: error, kind, attempt: number, delayMs });
            await clock.sleep(delayMs, signal);
            totalDelay += delayMs;
        }
    }
}


/***/ })

};
