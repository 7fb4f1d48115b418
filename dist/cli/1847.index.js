export const id = 1847;
export const ids = [1847];
export const modules = {

/***/ 31847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  istioTraffic: () => (/* binding */ istioTraffic)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/istio.ts
// The `istio` router's object: the user's VirtualService with the canary's weight in each HTTP route
// that sends traffic to the stable Service. Istio's CRD leaves `spec.http` an atomic list to a
// server-side apply, so slipway applies the whole list as it read it a moment before, changing only
// the stable and canary destinations of those routes. Istio reads a destination's short host name
// in the VirtualService's namespace, so `web`, `web.shop`, `web.shop.svc` and
// `web.shop.svc.cluster.local` are one Service to a VirtualService in namespace shop.

const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const SERVICE_HOST = new RegExp(`^(${LABEL})(?:\\.(${LABEL})(?:\\.svc(?:\\.cluster\\.local)?)?)?$`);
/** The Service a host names, `name.namespace`, when it names one in the cluster's own domain. */
function serviceOf(host, namespace) {
    const m = SERVICE_HOST.exec(host);
    if (!m)
        return undefined;
    const ns = m[2] ?? namespace;
    return ns === undefined ? undefined : `${m[1]}.${ns}`;
}
const sameService = (a, b, namespace) => {
    if (a === b)
        return true;
    const sa = serviceOf(a, namespace);
    return sa !== undefined && sa === serviceOf(b, namespace);
};
/** A copy of an object without one of its (optional) fields. */
function without(object, key) {
    const copy = { ...object };
    delete copy[key];
    return copy;
}
/**
 * The apply configuration that sends `weight` percent of the stable Service's share of each HTTP
 * route that sends to it to the canary Service: the canary destination (after the stable one, on
 * its port, without its subset, which names the stable's pods) gets that part and the stable
 * destination the rest; every other destination, route and field stays as read, so a route's
 * weights still add up to 100. With `dropCanary` the canary destination is removed (after promotion
 * or abort) and the stable destination gets its whole share again, with no weight at all when it
 * is the route's only destination, as users write it.
 */
function weightedVirtualService(vs, o) {
    if (!Number.isInteger(o.weight) || o.weight < 0 || o.weight > 100)
        throw new Error(`weightedVirtualService: weight ${o.weight} is not a whole percentage`);
    const ns = vs.metadata.namespace;
    const isStable = (d) => sameService(d.destination.host, o.stableHost, ns);
    const http = vs.spec.http ?? [];
    if (!http.some((r) => (r.route ?? []).some(isStable)))
        throw new lite/* UserError */.yo(`VirtualService ${vs.metadata.name} sends no HTTP traffic to host ${o.stableHost} (its http routes send to ${[...new Set(http.flatMap((r) => (r.route ?? []).map((d) => d.destination.host)))].join(', ') || 'nothing'}).`, { input: 'route' }, 'Name the VirtualService whose http routes send traffic to the stable Service, or name that Service in the deployment input.');
    return {
        apiVersion: vs.apiVersion,
        kind: 'VirtualService',
        metadata: { name: vs.metadata.name, ...(ns ? { namespace: ns } : {}) },
        spec: {
            http: http.map((route, index) => {
                const destinations = route.route ?? [];
                const stables = destinations.filter(isStable);
                if (stables.length === 0)
                    return route;
                const which = `http route ${route.name ? `'${route.name}'` : `#${index + 1}`} of VirtualService ${vs.metadata.name}`;
                if (stables.length > 1)
                    throw new lite/* UserError */.yo(`${which} sends to ${o.stableHost} through ${stables.length} destinations; slipway weighs the canary against one.`, { input: 'route' }, 'Send the stable traffic of each route to one destination, or split it by subset in separate routes.');
                const stable = stables[0];
                // The canary Service lives beside the stable one: its host is written the way the route writes the stable's.
                const canaryHost = o.canaryHost.includes('.')
                    ? o.canaryHost
                    : o.canaryHost + stable.destination.host.slice(stable.destination.host.split('.')[0].length);
                const isCanary = (d) => sameService(d.destination.host, canaryHost, ns);
                const others = destinations.filter((d) => !isStable(d) && !isCanary(d));
                const share = 100 - others.reduce((sum, d) => sum + (d.weight ?? 0), 0);
                if (share < 0)
                    throw new lite/* UserError */.yo(`${which} gives its other destinations weights that add up to ${100 - share}, more than 100.`, { input: 'route' }, "Make the weights of each route's destinations add up to 100, as Istio requires.");
                const canaryWeight = o.dropCanary ? 0 : Math.round((share * o.weight) / 100);
                const out = [];
                for (const d of destinations) {
                    if (isCanary(d))
                        continue;
                    if (d !== stable) {
                        out.push(d);
                        continue;
                    }
                    out.push(o.dropCanary && others.length === 0 ? without(d, 'weight') : { ...d, weight: share - canaryWeight });
                    if (!o.dropCanary)
                        out.push({
                            ...d,
                            destination: { ...without(d.destination, 'subset'), host: canaryHost },
                            weight: canaryWeight,
                        });
                }
                return { ...route, route: out };
            }),
        },
    };
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/routers/istio.ts
// The `istio` router: the canary has a Service of its own, and the user's VirtualService (the
// `route` input) sends each HTTP route's stable share to the stable and canary hosts by weight.
// `spec.http` is a list Istio's CRD keeps whole, so it is applied whole as read, with the weights
// changed: slipway takes over `spec.http` (a forced server-side apply of that field alone).

function istioTraffic(t) {
    const name = t.settings.route;
    const read = () => t.route('virtualservices.networking.istio.io', 'VirtualService');
    const weigh = async (weight, dropCanary) => {
        const applied = weightedVirtualService(await read(), {
            stableHost: t.stable,
            canaryHost: t.canary,
            weight,
            dropCanary,
        });
        await t.kubectl.apply(applied, { force: true });
    };
    return {
        canaryService: true,
        describe: `VirtualService ${name}`,
        async check() {
            weightedVirtualService(await read(), { stableHost: t.stable, canaryHost: t.canary, weight: 0 });
        },
        async setWeight(weight) {
            await t.sizeCanaryFor(weight);
            await weigh(weight, false);
        },
        toStable: () => weigh(0, true),
    };
}


/***/ })

};
