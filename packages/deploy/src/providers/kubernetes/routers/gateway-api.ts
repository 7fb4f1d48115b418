// The `gateway-api` router: the canary has a Service of its own, and the user's HTTPRoute (the
// `route` input) sends each rule's traffic to the stable and canary Services by weight. The rules
// list is atomic in the Gateway API's schema, so it is applied whole as read, with the weights
// changed: slipway takes over `spec.rules` (a forced server-side apply of that field alone).
import { weightedRoute, type HTTPRoute } from '../gateway-api.js';
import type { KubeTarget } from '../target.js';
import type { KubeTraffic } from '../traffic.js';

export function gatewayApiTraffic(t: KubeTarget): KubeTraffic {
  const name = t.settings.route;
  const read = (): Promise<HTTPRoute> => t.route<HTTPRoute>('httproutes.gateway.networking.k8s.io', 'HTTPRoute');
  const weigh = async (weight: number, dropCanary: boolean): Promise<void> => {
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
