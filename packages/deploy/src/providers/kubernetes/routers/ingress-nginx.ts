// The `ingress-nginx` router: the canary has a Service of its own, and a second Ingress beside
// the user's (the `route` input), `<route>-canary`, carries ingress-nginx's canary annotations with
// the weight. That Ingress is slipway's alone: applied whole, its weight set to 0 and then deleted
// when all traffic goes back to the stable Service. The user's Ingress is only read.
import { canaryIngress, type Ingress } from '../ingress-nginx.js';
import { canaryName } from '../objects.js';
import type { KubeTarget } from '../target.js';
import type { KubeTraffic } from '../traffic.js';

export function ingressNginxTraffic(t: KubeTarget): KubeTraffic {
  const name = t.settings.route;
  const read = (): Promise<Ingress> => t.route<Ingress>('ingresses.networking.k8s.io', 'Ingress');
  const canary = async (weight: number): Promise<Ingress> =>
    canaryIngress(await read(), { stableService: t.stable, canaryService: t.canary, weight });
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
      if (await t.kubectl.get('ingresses.networking.k8s.io', canaryName(name))) await t.kubectl.apply(await canary(0));
      await t.kubectl.delete('ingresses.networking.k8s.io', canaryName(name));
    },
  };
}
