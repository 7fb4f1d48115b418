export const id = 277;
export const ids = [277];
export const modules = {

/***/ 277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gatewayApiTraffic: () => (/* binding */ gatewayApiTraffic)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 12 modules
var lite = __webpack_require__(3436);
;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/gateway-api.ts
// The `gateway-api` router's object: the user's HTTPRoute with the canary's weight in each rule
// that sends traffic to the stable Service. The Gateway API declares `spec.rules` an atomic list,
// so a server-side apply cannot own the weights alone: slipway applies the whole `rules` list as
// it read it a moment before, changing only the stable and canary backends of those rules.

const isService = (ref, name) => ref.name === name && (ref.kind ?? 'Service') === 'Service' && (ref.group ?? '') === '';
/**
 * The apply configuration that sends `weight` percent of each stable rule's traffic to the canary
 * Service: the stable backend gets 100 − weight, the canary backend (added after it when missing)
 * gets weight, every other backend and field of every rule stays as read. With `dropCanary` the
 * canary backend is removed instead (after promotion or abort).
 */
function weightedRoute(route, o) {
    const rules = route.spec.rules ?? [];
    const routed = rules.filter((r) => (r.backendRefs ?? []).some((b) => isService(b, o.stable.name)));
    if (routed.length === 0)
        throw new lite/* UserError */.yo(`HTTPRoute ${route.metadata.name} sends no traffic to Service ${o.stable.name} (its rules send to ${[...new Set(rules.flatMap((r) => (r.backendRefs ?? []).map((b) => b.name)))].join(', ') || 'nothing'}).`, { input: 'route' }, 'Name the HTTPRoute whose rules send traffic to the stable Service, or name that Service in the deployment input.');
    return {
        apiVersion: route.apiVersion,
        kind: 'HTTPRoute',
        metadata: {
            name: route.metadata.name,
            ...(route.metadata.namespace ? { namespace: route.metadata.namespace } : {}),
        },
        spec: {
            rules: rules.map((rule) => {
                const refs = rule.backendRefs ?? [];
                if (!refs.some((b) => isService(b, o.stable.name)))
                    return rule;
                const out = [];
                for (const ref of refs) {
                    if (isService(ref, o.canary.name))
                        continue;
                    if (!isService(ref, o.stable.name)) {
                        out.push(ref);
                        continue;
                    }
                    out.push({ ...ref, weight: 100 - o.weight });
                    if (!o.dropCanary)
                        out.push({ ...ref, name: o.canary.name, port: o.canary.port ?? ref.port, weight: o.weight });
                }
                return { ...rule, backendRefs: out };
            }),
        },
    };
}

;// CONCATENATED MODULE: ./packages/deploy/src/providers/kubernetes/routers/gateway-api.ts
// The `gateway-api` router: the canary has a Service of its own, and the user's HTTPRoute (the
// `route` input) sends each rule's traffic to the stable and canary Services by weight. The rules
// list is atomic in the Gateway API's schema, so it is applied whole as read, with the weights
// changed: slipway takes over `spec.rules` (a forced server-side apply of that field alone).

function gatewayApiTraffic(t) {
    const name = t.settings.route;
    const read = () => t.route('httproutes.gateway.networking.k8s.io', 'HTTPRoute');
    const weigh = async (weight, dropCanary) => {
        const route = await read();
        const applied = weightedRoute(route, {
            stable: { name: t.stable },
            canary: { name: t.canary },
            weight,
            dropCanary,
        });
        await t.kubectl.apply(applied, { force: true });
    };
    return {
        canaryService: true,
        describe: `HTTPRoute ${name}`,
        async check() {
            // Throws the route input's error when the route does not send to the stable Service.
            weightedRoute(await read(), { stable: { name: t.stable }, canary: { name: t.canary }, weight: 0 });
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
