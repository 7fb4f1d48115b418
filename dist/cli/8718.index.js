export const id = 8718;
export const ids = [8718];
export const modules = {

/***/ 48718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ingressNginxTraffic: () => (/* binding */ ingressNginxTraffic)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/deploy/src/providers/kubernetes/objects.ts
var objects = __webpack_require__(60081);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/ingress-nginx.ts
// The `ingress-nginx` router's object: a second Ingress, `<name>-canary`, that ingress-nginx reads as
// the canary of the user's Ingress because it carries `canary: "true"` and the same host and path.
// ingress-nginx takes every other annotation of a canary from the main Ingress, except the load
// balancing and session affinity ones, which it reads from the canary itself: those are copied so
// the canary Service is balanced and kept sticky the way the stable one is. The class annotation is
// copied too: without it a controller that selects by annotation would not read the canary at all.
// The canary Ingress is slipway's alone, so it is applied whole.


const NGINX = 'nginx.ingress.kubernetes.io';
/** The stable Ingress's annotations the canary Ingress repeats (ingress-nginx does not inherit these). */
const COPIED = [
    /^kubernetes\.io\/ingress\.class$/,
    /^nginx\.ingress\.kubernetes\.io\/(load-balance|upstream-hash-by(-subset(-size)?)?)$/,
    /^nginx\.ingress\.kubernetes\.io\/(affinity|affinity-mode|session-cookie-[a-z-]+)$/,
];
/** Go's strconv.ParseBool, which ingress-nginx reads boolean annotations with. */
const isTrue = (value) => /^(1|t|T|TRUE|true|True)$/.test(value ?? '');
/**
 * The canary Ingress that sends `weight` percent of the stable Ingress's traffic for each host and
 * path that goes to the stable Service to the canary Service (on the same port). Only those paths
 * are in it: ingress-nginx pairs a canary with the main Ingress by host and path.
 */
function canaryIngress(stable, o) {
    if (!Number.isInteger(o.weight) || o.weight < 0 || o.weight > 100)
        throw new Error(`canaryIngress: weight ${o.weight} is not a whole percentage`);
    const name = stable.metadata.name;
    const annotations = stable.metadata.annotations ?? {};
    if (isTrue(annotations[`${NGINX}/canary`]))
        throw new lite/* UserError */.yo(`Ingress ${name} is itself a canary Ingress (it has the annotation ${NGINX}/canary: "${annotations[`${NGINX}/canary`]}").`, { input: 'route' }, 'Name the main Ingress that sends traffic to the stable Service; slipway creates the canary Ingress beside it.');
    const rules = (stable.spec.rules ?? [])
        .map((rule) => ({
        ...(rule.host !== undefined ? { host: rule.host } : {}),
        paths: (rule.http?.paths ?? []).filter((p) => p.backend.service?.name === o.stableService),
    }))
        .filter((rule) => rule.paths.length > 0);
    if (rules.length === 0) {
        const services = (stable.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend.service?.name).filter((s) => s !== undefined));
        throw new lite/* UserError */.yo(`no path of Ingress ${name} sends traffic to Service ${o.stableService} (its paths send to ${[...new Set(services)].join(', ') || 'no Service'}).`, { input: 'route' }, 'Name the Ingress that has a host and path whose backend is the stable Service (ingress-nginx pairs a canary Ingress with it by host and path), or name that Service in the deployment input.');
    }
    const canary = (0,objects/* canaryName */.mh)(name);
    if (canary.length > 253)
        throw new lite/* UserError */.yo(`Ingress ${name.slice(0, 40)}… is too long a name for its canary Ingress ${name.slice(0, 40)}…-canary (at most 253 characters).`, { input: 'route' }, 'Name an Ingress of at most 246 characters.');
    const copied = Object.fromEntries(Object.entries(annotations).filter(([key]) => COPIED.some((re) => re.test(key))));
    return {
        apiVersion: stable.apiVersion,
        kind: 'Ingress',
        metadata: {
            name: canary,
            ...(stable.metadata.namespace ? { namespace: stable.metadata.namespace } : {}),
            labels: { [objects/* TRACK_LABEL */.l8]: 'canary', 'app.kubernetes.io/managed-by': 'slipway' },
            annotations: {
                ...copied,
                [`${NGINX}/canary`]: 'true',
                [`${NGINX}/canary-weight`]: String(o.weight),
                [`${NGINX}/canary-weight-total`]: '100',
            },
        },
        spec: {
            ...(stable.spec.ingressClassName !== undefined ? { ingressClassName: stable.spec.ingressClassName } : {}),
            rules: rules.map((rule) => ({
                ...(rule.host !== undefined ? { host: rule.host } : {}),
                http: {
                    paths: rule.paths.map((p) => ({
                        ...p,
                        backend: { service: { ...p.backend.service, name: o.canaryService } },
                    })),
                },
            })),
        },
    };
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/routers/ingress-nginx.ts
// The `ingress-nginx` router: the canary has a Service of its own, and a second Ingress beside
// the user's (the `route` input), `<route>-canary`, carries ingress-nginx's canary annotations with
// the weight. That Ingress is slipway's alone: applied whole, its weight set to 0 and then deleted
// when all traffic goes back to the stable Service. The user's Ingress is only read.


function ingressNginxTraffic(t) {
    const name = t.settings.route;
    const read = () => t.route('ingresses.networking.k8s.io', 'Ingress');
    const canary = async (weight) => canaryIngress(await read(), { stableService: t.stable, canaryService: t.canary, weight });
    return {
        canaryService: true,
        describe: `Ingress ${name}`,
        async check() {
            await canary(0);
        },
        async setWeight(weight) {
            await t.sizeCanaryFor(weight);
            await t.kubectl.apply(await canary(weight));
        },
        async toStable() {
            // The weight goes to 0 first, so no new request reaches the canary while the Ingress is removed.
            if (await t.kubectl.get('ingresses.networking.k8s.io', (0,objects/* canaryName */.mh)(name)))
                await t.kubectl.apply(await canary(0));
            await t.kubectl.delete('ingresses.networking.k8s.io', (0,objects/* canaryName */.mh)(name));
        },
    };
}


/***/ })

};
