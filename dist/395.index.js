export const id = 395;
export const ids = [395];
export const modules = {

/***/ 4395:
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




endpoints.customEndpointFunctions['aws'] = dist_cjs/* awsEndpointFunctions */.UF;
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


/***/ })

};
