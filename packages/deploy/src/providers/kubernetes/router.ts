// The `kubernetes` provider's traffic router: moves traffic with the router the `router` input
// names (routers/), promotes by giving the stable Deployment the canary's image, and aborts by
// sending all traffic back to the stable Deployment at its full size before the canary is scaled
// to 0. Which of the two a "one release, no canary" call is, the canary Deployment's release
// annotation tells: the canary it names is being promoted, any other release restored.
import type { Release, TrafficRouter } from '../../types.js';
import { IMAGE_MANAGER } from './kubectl.js';
import { RELEASE_ANNOTATION } from './objects.js';
import { IMAGE_ANNOTATION, KubeTarget, type KubeContext } from './target.js';
import { trafficFor, type KubeTraffic } from './traffic.js';
import { PromTraffic } from './prometheus-traffic.js';
import { stdoutLogger } from '../stdout-logger.js';

export async function createKubernetesRouter(context: KubeContext): Promise<TrafficRouter> {
  const t = new KubeTarget(context);
  const traffic = await trafficFor(t);
  const s = t.settings;
  const prom = s.prometheusUrl
    ? new PromTraffic({
        url: s.prometheusUrl,
        requestsQuery: s.requestsQuery,
        errorsQuery: s.errorsQuery,
        http: context.http ?? fetch,
        logger: context.logger ?? stdoutLogger,
      })
    : undefined;
  /** The releases being compared, as the last traffic change named them. */
  let pair: { stable: Release; canary: Release } | undefined;
  return {
    name: 'kubernetes',
    frontDoor: t.settings.stableUrl || `${traffic.describe} in ${t.where}`,
    async setWeights(stable, canary, weight) {
      if (!Number.isInteger(weight) || weight < 0 || weight > 100)
        throw new Error(`canary weight ${weight} is not a whole percentage`);
      // The first release of an environment: the host created the stable Deployment itself.
      if (canary && !stable) return;
      if (canary) {
        if (pair?.canary.id !== canary.id || pair.stable.id !== stable!.id) prom?.reset();
        pair = { stable: stable!, canary };
        if (weight === 0) await traffic.toStable();
        else await traffic.setWeight(weight);
        return;
      }
      if (!stable) return;
      const live = await t.deployment(t.canary);
      if (live?.metadata.annotations?.[RELEASE_ANNOTATION] === stable.id)
        await promote(t, traffic, stable, live.spec.template.spec.containers);
      else await restore(t, traffic, stable);
    },
    // The data planes report nothing to slipway; Prometheus, when given, counts every request.
    readTraffic: () =>
      prom && pair
        ? prom.read([
            { id: pair.stable.id, deployment: t.stable },
            { id: pair.canary.id, deployment: t.canary },
          ])
        : Promise.resolve(undefined),
    close: () => Promise.resolve(),
  };
}

/** The stable Deployment takes the canary's image and rolls out; then the canary leaves the route and goes. */
async function promote(
  t: KubeTarget,
  traffic: KubeTraffic,
  release: Release,
  canaryContainers: { name: string; image?: string }[],
): Promise<void> {
  const stable = await t.deployment(t.stable);
  if (!stable) throw new Error(`Deployment ${t.stable} is gone from ${t.where}: nothing to promote into`);
  const name = t.container(stable).name;
  const image = canaryContainers.find((c) => c.name === name)?.image ?? release.dir ?? '';
  const replicas = traffic.canaryService ? undefined : await t.fullSize();
  const manifest = t.releaseManifest(release.id, image, replicas);
  if (manifest) {
    // The manifest is the user's word for the whole Deployment and Service: applied, and taken over, as slipway.
    await t.kubectl.apply(manifest.deployment, { force: true });
    if (manifest.service) await t.kubectl.apply(manifest.service, { force: true });
  } else await setStableImage(t, release.id, image, replicas);
  await t.mustRollOut(t.stable, `the stable Deployment ${t.stable} did not roll out ${release.id}`);
  await traffic.toStable();
  await removeCanary(t);
}

/** All traffic back on the stable Deployment at its full size (with the release's image again), then the canary scaled to 0. */
async function restore(t: KubeTarget, traffic: KubeTraffic, release: Release): Promise<void> {
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
async function removeCanary(t: KubeTarget): Promise<void> {
  await t.kubectl.delete('deployment', t.canary);
  await t.kubectl.delete('service', t.canary);
}

/** A forced server-side apply of the release's image (and size) on the stable Deployment: fields slipway takes over. */
async function setStableImage(t: KubeTarget, id: string, image: string, replicas?: number): Promise<void> {
  const stable = (await t.deployment(t.stable))!;
  if (replicas !== undefined) await t.scaleStable(replicas);
  await t.kubectl.apply(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: t.stable, annotations: { [RELEASE_ANNOTATION]: id, [IMAGE_ANNOTATION]: image } },
      spec: { template: { spec: { containers: [{ name: t.container(stable).name, image }] } } },
    },
    { force: true, manager: IMAGE_MANAGER },
  );
}
