// The `replicas` router: no mesh, no ingress controller. The canary's pods carry the stable's
// labels, so the one stable Service reaches both Deployments' pods, and traffic splits by pod
// count (as Argo Rollouts' canary without a traffic router). The canary grows and is ready before
// the stable shrinks, and the stable is back at its full size before the canary goes: capacity
// never drops below the stable's full count. Its first pod takes its share (1 in n+1) as soon as
// it is Ready, before the first step.
import { replicaSplit } from '../objects.js';
import type { KubeTarget } from '../target.js';
import type { KubeTraffic } from '../traffic.js';

export function replicasTraffic(t: KubeTarget): KubeTraffic {
  return {
    canaryService: false,
    describe: `pod counts behind the Service of ${t.stable}`,
    async check() {
      // Nothing beyond the stable Deployment, which the host reads anyway.
    },
    async setWeight(weight) {
      const split = replicaSplit(await t.fullSize(), weight);
      await t.scaleCanary(split.canary);
      await t.mustRollOut(t.canary, `the canary did not become ready at ${split.canary} pods`);
      await t.scaleStable(split.stable);
    },
    async toStable() {
      await t.scaleStable(await t.fullSize());
      await t.mustRollOut(
        t.stable,
        `the stable Deployment ${t.stable} did not get back to its full size (the canary keeps its pods)`,
      );
    },
  };
}
