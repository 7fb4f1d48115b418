export const id = 5186;
export const ids = [5186];
export const modules = {

/***/ 55186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createKubernetesRouter: () => (/* binding */ createKubernetesRouter)
});

// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/kubectl.ts + 1 modules
var kubectl = __webpack_require__(92577);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/objects.ts
var objects = __webpack_require__(60081);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/target.ts + 2 modules
var target = __webpack_require__(2436);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/traffic.ts
var kubernetes_traffic = __webpack_require__(31572);
// EXTERNAL MODULE: ./packages/health/src/index.ts + 12 modules
var src = __webpack_require__(61202);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/prometheus-traffic.ts

/** Reads the stable's and the canary's traffic since the previous reading; undefined when Prometheus cannot tell. */
class PromTraffic {
    o;
    last = new Map();
    warned = false;
    constructor(o) {
        this.o = o;
    }
    /** Traffic per release id since the previous call (zero at the first call, which sets the baseline). */
    async read(releases) {
        const now = await Promise.all(releases.map((r) => this.counts(r.deployment)));
        const problem = now.find((c) => 'problem' in c);
        if (problem) {
            // Read at every look: one warning says it, the next would only repeat it.
            const line = `prometheus-url: ${problem.problem}; steps are judged on canary-url alone until it answers`;
            if (this.warned)
                this.o.logger.debug(line);
            else
                this.o.logger.warning(line);
            this.warned = true;
            return undefined;
        }
        const out = new Map();
        releases.forEach((r, i) => {
            const c = now[i];
            const before = this.last.get(r.deployment);
            this.last.set(r.deployment, c);
            const grew = (a, b) => (b === undefined ? 0 : a >= b ? a - b : a);
            const requests = grew(c.requests, before?.requests);
            out.set(r.id, { requests, errors: Math.min(requests, grew(c.errors, before?.errors)), latenciesMs: [] });
        });
        return out;
    }
    /** Forgets the previous readings (a new step, other Deployments). */
    reset() {
        this.last.clear();
    }
    async counts(deployment) {
        const [requests, errors] = await Promise.all([this.o.requestsQuery, this.o.errorsQuery].map((q, i) => (0,src/* evaluateQuery */.gY)(this.o.url, {
            name: i === 0 ? 'requests-query' : 'errors-query',
            promql: q.replaceAll('$deployment', deployment),
            op: '>=',
            threshold: 0,
        }, this.o.http, Date.now())));
        for (const e of [requests, errors])
            // No series yet is no traffic yet: a Deployment that served nothing has no counter.
            if (e.passed === 'no-data' && e.note !== 'the query returned no data')
                return { problem: `${e.name}: ${e.note}` };
        const sum = (values) => values.reduce((a, v) => a + v, 0);
        return { requests: sum(requests.values), errors: sum(errors.values) };
    }
}

// EXTERNAL MODULE: ./packages/deploy/src/providers/stdout-logger.ts
var stdout_logger = __webpack_require__(69486);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/router.ts






async function createKubernetesRouter(context) {
    const t = new target/* KubeTarget */.H7(context);
    const traffic = await (0,kubernetes_traffic/* trafficFor */.Z2)(t);
    const s = t.settings;
    const prom = s.prometheusUrl
        ? new PromTraffic({
            url: s.prometheusUrl,
            requestsQuery: s.requestsQuery,
            errorsQuery: s.errorsQuery,
            http: context.http ?? fetch,
            logger: context.logger ?? stdout_logger/* stdoutLogger */.G,
        })
        : undefined;
    /** The releases being compared, as the last traffic change named them. */
    let pair;
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
                if (pair?.canary.id !== canary.id || pair.stable.id !== stable.id)
                    prom?.reset();
                pair = { stable: stable, canary };
                if (weight === 0)
                    await traffic.toStable();
                else
                    await traffic.setWeight(weight);
                return;
            }
            if (!stable)
                return;
            const live = await t.deployment(t.canary);
            if (live?.metadata.annotations?.[objects/* RELEASE_ANNOTATION */.y1] === stable.id)
                await promote(t, traffic, stable, live.spec.template.spec.containers);
            else
                await restore(t, traffic, stable);
        },
        // The data planes report nothing to slipway; Prometheus, when given, counts every request.
        readTraffic: () => prom && pair
            ? prom.read([
                { id: pair.stable.id, deployment: t.stable },
                { id: pair.canary.id, deployment: t.canary },
            ])
            : Promise.resolve(undefined),
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
        metadata: { name: t.stable, annotations: { [objects/* RELEASE_ANNOTATION */.y1]: id, [target/* IMAGE_ANNOTATION */.sO]: image } },
        spec: { template: { spec: { containers: [{ name: t.container(stable).name, image }] } } },
    }, { force: true, manager: kubectl/* IMAGE_MANAGER */.qd });
}


/***/ })

};
