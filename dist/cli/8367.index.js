export const id = 8367;
export const ids = [8367];
export const modules = {

/***/ 78367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   replicasTraffic: () => (/* binding */ replicasTraffic)
/* harmony export */ });
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60081);
// The `replicas` router: no mesh, no ingress controller. The canary's pods carry the stable's
// labels, so the one stable Service reaches both Deployments' pods, and traffic splits by pod
// count (as Argo Rollouts' canary without a traffic router). The canary grows and is ready before
// the stable shrinks, and the stable is back at its full size before the canary goes: capacity
// never drops below the stable's full count. Its first pod takes its share (1 in n+1) as soon as
// it is Ready, before the first step.

function replicasTraffic(t) {
    return {
        canaryService: false,
        describe: `pod counts behind the Service of ${t.stable}`,
        async check() {
            // Nothing beyond the stable Deployment, which the host reads anyway.
        },
        async setWeight(weight) {
            const split = (0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .replicaSplit */ .V4)(await t.fullSize(), weight);
            await t.scaleCanary(split.canary);
            await t.mustRollOut(t.canary, `the canary did not become ready at ${split.canary} pods`);
            await t.scaleStable(split.stable);
        },
        async toStable() {
            await t.scaleStable(await t.fullSize());
            await t.mustRollOut(t.stable, `the stable Deployment ${t.stable} did not get back to its full size (the canary keeps its pods)`);
        },
    };
}


/***/ })

};
