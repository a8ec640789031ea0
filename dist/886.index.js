export const id = 886;
export const ids = [886];
export const modules = {

/***/ 8886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultDescription: () => (/* binding */ defaultDescription),
/* harmony export */   fitDescription: () => (/* binding */ fitDescription)
/* harmony export */ });
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4344);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(182);
// The default job description: which repository, workflow and run started the job, so a job
// seen in the AWS console leads back to its run. Only read from the workflow's own context.


const DESCRIPTION_MAX = _model_js__WEBPACK_IMPORTED_MODULE_1__/* .SHAPES */ .HY.ResourceDescription.max;
async function defaultDescription() {
    const { context } = await __webpack_require__.e(/* import() */ 157).then(__webpack_require__.bind(__webpack_require__, 157));
    // context.repo throws outside a workflow run (no GITHUB_REPOSITORY).
    if (!process.env['GITHUB_REPOSITORY'])
        return 'Started by GitHub Actions';
    const repository = `${context.repo.owner}/${context.repo.repo}`;
    const run = `${context.serverUrl}/${repository}/actions/runs/${context.runId}`;
    return fitDescription(`Started by GitHub Actions: ${repository}, workflow "${context.workflow}", run ${run}`);
}
/** Keeps a description within the model's pattern and length, whatever a workflow name holds. */
function fitDescription(text) {
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uD800-\uDFFF]/g, '');
    return (0,_validation_js__WEBPACK_IMPORTED_MODULE_0__/* .codePoints */ .BH)(clean) <= DESCRIPTION_MAX ? clean : [...clean].slice(0, DESCRIPTION_MAX - 1).join('') + '…';
}


/***/ })

};
