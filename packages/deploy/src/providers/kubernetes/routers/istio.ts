// The `istio` router: the canary has a Service of its own, and the user's VirtualService (the
// `route` input) sends each HTTP route's stable share to the stable and canary hosts by weight.
// `spec.http` is a list Istio's CRD keeps whole, so it is applied whole as read, with the weights
// changed: slipway takes over `spec.http` (a forced server-side apply of that field alone).
import { weightedVirtualService, type VirtualService } from '../istio.js';
import type { KubeTarget } from '../target.js';
import type { KubeTraffic } from '../traffic.js';

export function istioTraffic(t: KubeTarget): KubeTraffic {
  const name = t.settings.route;
  const read = (): Promise<VirtualService> =>
    t.route<VirtualService>('virtualservices.networking.istio.io', 'VirtualService');
  const weigh = async (weight: number, dropCanary: boolean): Promise<void> => {
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
