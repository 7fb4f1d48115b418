export const id = 568;
export const ids = [568];
export const modules = {

/***/ 2568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createKubernetesRouter: () => (/* binding */ createKubernetesRouter)
/* harmony export */ });
/* harmony import */ var _kubectl_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2577);
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2436);
/* harmony import */ var _traffic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1572);




async function createKubernetesRouter(context) {
    const t = new _target_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeTarget */ .H7(context);
    const traffic = await (0,_traffic_js__WEBPACK_IMPORTED_MODULE_3__/* .trafficFor */ .Z2)(t);
    return {
        name: 'kubernetes',
        frontDoor: t.settings.stableUrl || `${traffic.describe} in ${t.where}`,
        async setWeights(stable, canary, weight) {
            if (!Number.isInteger(weight) || weight < 0 || weight > 100)
                throw new Error(`canary weight ${weight} is not a whole percentage`);
            // The first release of an environment: the host created the stable Deployment itself.
            if (canary && !stable)
                return;
            if (canary) {
                if (weight === 0)
                    await traffic.toStable();
                else
                    await traffic.setWeight(weight);
                return;
            }
            if (!stable)
                return;
            const live = await t.deployment(t.canary);
            if (live?.metadata.annotations?.[_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .RELEASE_ANNOTATION */ .y1] === stable.id)
                await promote(t, traffic, stable, live.spec.template.spec.containers);
            else
                await restore(t, traffic, stable);
        },
        readTraffic: () => Promise.resolve(undefined),
        close: () => Promise.resolve(),
    };
}
/** The stable Deployment takes the canary's image and rolls out; then the canary leaves the route and goes. */
async function promote(t, traffic, release, canaryContainers) {
    const stable = await t.deployment(t.stable);
    if (!stable)
        throw new Error(`Deployment ${t.stable} is gone from ${t.where}: nothing to promote into`);
    const name = t.container(stable).name;
    const image = canaryContainers.find((c) => c.name === name)?.image ?? release.dir ?? '';
    const replicas = traffic.canaryService ? undefined : await t.fullSize();
    const manifest = t.releaseManifest(release.id, image, replicas);
    if (manifest) {
        // The manifest is the user's word for the whole Deployment and Service: applied, and taken over, as slipway.
        await t.kubectl.apply(manifest.deployment, { force: true });
        if (manifest.service)
            await t.kubectl.apply(manifest.service, { force: true });
    }
    else
        await setStableImage(t, release.id, image, replicas);
    await t.mustRollOut(t.stable, `the stable Deployment ${t.stable} did not roll out ${release.id}`);
    await traffic.toStable();
    await removeCanary(t);
}
/** All traffic back on the stable Deployment at its full size (with the release's image again), then the canary scaled to 0. */
async function restore(t, traffic, release) {
    await traffic.toStable();
    const stable = await t.deployment(t.stable);
    // A promotion that failed half-way left the stable Deployment on the canary's image.
    if (stable && release.dir && t.container(stable).image !== release.dir) {
        await setStableImage(t, release.id, release.dir);
        await t.mustRollOut(t.stable, `the stable Deployment ${t.stable} did not roll back to ${release.id}`);
    }
    await t.scaleCanary(0);
}
/** After promotion: the canary Deployment and its Service deleted. */
async function removeCanary(t) {
    await t.kubectl.delete('deployment', t.canary);
    await t.kubectl.delete('service', t.canary);
}
/** A forced server-side apply of the release's image (and size) on the stable Deployment: fields slipway takes over. */
async function setStableImage(t, id, image, replicas) {
    const stable = (await t.deployment(t.stable));
    if (replicas !== undefined)
        await t.scaleStable(replicas);
    await t.kubectl.apply({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: t.stable, annotations: { [_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .RELEASE_ANNOTATION */ .y1]: id, [_target_js__WEBPACK_IMPORTED_MODULE_2__/* .IMAGE_ANNOTATION */ .sO]: image } },
        spec: { template: { spec: { containers: [{ name: t.container(stable).name, image }] } } },
    }, { force: true, manager: _kubectl_js__WEBPACK_IMPORTED_MODULE_0__/* .IMAGE_MANAGER */ .qd });
}


/***/ })

};
