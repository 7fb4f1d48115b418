// The kubernetes provider's releases: images a cluster runs. Starting a release applies the
// canary Deployment (the user's stable Deployment with the release's image and a track label),
// or, when there is no stable Deployment yet, creates it; it is ready once its rollout is, as
// `kubectl rollout status` says, and once canary-url answers. The stable Deployment that runs
// when the ledger knows none is taken as the stable release (ReleaseHost.live).
import { UserError } from '@slipway/action-kit/lite';
import type { ReleaseHost, StartedRelease } from '../../controller/plan.js';
import { waitUntilAnswers } from '../../release/ready.js';
import type { Readiness } from '../../release/types.js';
import { canaryDeployment, RELEASE_ANNOTATION, TRACK_LABEL, type Deployment } from './objects.js';
import {
  IMAGE_ANNOTATION,
  imageDigest,
  imageReleaseId,
  imageVersion,
  KubeTarget,
  STABLE_REPLICAS_ANNOTATION,
  type KubeContext,
  type Service,
} from './target.js';
import { parseKubeSettings } from './settings.js';
import { trafficFor, trafficNames } from './traffic.js';

/** The label a Deployment slipway creates selects its pods by. */
const NAME_LABEL = 'app.kubernetes.io/name';

export function createKubernetesHost(context: KubeContext): ReleaseHost {
  const t = new KubeTarget(context);
  const s = t.settings;
  /** The Deployment this run started: the canary, or the stable one on a first deploy. */
  let started = t.canary;
  return {
    platform: `Kubernetes (${t.where})`,
    prepare({ version }) {
      // A deploy needs the release's image and the canary's address: the same checks, required this time.
      parseKubeSettings(context.settings, trafficNames());
      // The manifest too, before anything is deployed.
      t.manifest();
      const v = version || imageVersion(s.image);
      return Promise.resolve({
        id: imageReleaseId(s.image, v),
        version: v,
        digest: imageDigest(s.image),
        dir: s.image,
      });
    },
    async start({ release, previousReleaseId }): Promise<StartedRelease> {
      const traffic = await trafficFor(t);
      await traffic.check();
      const stable = await t.deployment(t.stable);
      if (!stable && previousReleaseId)
        throw new UserError(
          `Deployment ${t.stable} does not exist in ${t.where}, though the ledger says ${previousReleaseId} runs there.`,
          { input: 'deployment' },
          "Name the Deployment that runs the service; if it was removed on purpose, remove the environment's ledger.json in state-dir, and this deploy creates it as a first release.",
        );
      if (!stable) {
        await createStable(t, release.id, release.dir);
        started = t.stable;
        return { upstream: s.stableUrl || s.canaryUrl };
      }
      t.container(stable);
      // The mesh routers weigh the stable Service against the canary's; with replicas the canary's
      // Service is only its own address (canary-url for a runner in the cluster), made when the stable has one.
      const service = traffic.canaryService ? await stableService(t) : await t.service(t.stable);
      const without = traffic.canaryService ? Object.keys(service?.spec.selector ?? {}) : [];
      // With a manifest, the canary is the manifest's Deployment: its changes ship with the release.
      const canary = canaryDeployment(t.manifest()?.deployment ?? stable, {
        id: release.id,
        image: release.dir,
        ...(s.container ? { container: s.container } : {}),
        replicas: 1,
        without,
        annotations: { [STABLE_REPLICAS_ANNOTATION]: String(s.replicas ?? stable.spec.replicas ?? 1) },
      });
      await t.kubectl.apply(canary);
      if (service) await t.kubectl.apply(canaryService(service, t.canary, canary.spec.template.metadata!.labels!));
      started = t.canary;
      return { upstream: s.canaryUrl };
    },
    async waitReady(running, o): Promise<Readiness> {
      const began = t.clock.monotonic();
      const r = await t.waitRollout(started, o.timeoutMs, o.signal);
      if (r.state !== 'ready') return { ready: false, reason: r.reason, attempts: 1 };
      if (!running.upstream) return { ready: true, attempts: 1 };
      const target = `${running.upstream}${o.healthPath}`;
      const left = Math.max(1000, o.timeoutMs - (t.clock.monotonic() - began));
      return waitUntilAnswers({ url: new URL(target), shown: target }, { ...o, timeoutMs: left });
    },
    // The cluster runs the pods: the routers scale and remove them.
    stop: () => Promise.resolve(),
    alive: () => true,
    async live(count) {
      const d = await t.deployment(t.stable);
      if (!d) return [];
      const image = t.container(d).image ?? '';
      const a = d.metadata.annotations ?? {};
      const version = imageVersion(image);
      const id =
        a[IMAGE_ANNOTATION] === image && a[RELEASE_ANNOTATION] ? a[RELEASE_ANNOTATION] : imageReleaseId(image, version);
      const before = count > 1 ? (await revisionImages(t, d)).filter((i) => i !== image).slice(0, count - 1) : [];
      return [image, ...before].map((img, i) => ({
        id: i === 0 ? id : imageReleaseId(img, imageVersion(img)),
        version: imageVersion(img),
        upstream: s.stableUrl,
        dir: img,
      }));
    },
  };
}

/** A ReplicaSet, as far as its revision and image go. */
interface ReplicaSet {
  metadata: { annotations?: Record<string, string>; ownerReferences?: { kind: string; name: string }[] };
  spec: { template: { spec: { containers: { name: string; image?: string }[] } } };
}

/** The images of a Deployment's revisions, newest first, each once: what `kubectl rollout history` lists. */
async function revisionImages(t: KubeTarget, d: Deployment): Promise<string[]> {
  const selector = Object.entries(d.spec.selector.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  if (!selector) return [];
  const name = t.container(d).name;
  const sets = (await t.kubectl.list<ReplicaSet>('replicasets', selector))
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === t.stable))
    .map((rs) => ({
      revision: Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
      image: rs.spec.template.spec.containers.find((c) => c.name === name)?.image ?? '',
    }))
    .sort((x, y) => y.revision - x.revision);
  return [...new Set(sets.map((rs) => rs.image).filter(Boolean))];
}

/** The stable Service (named like the stable Deployment), which a mesh router weighs the canary's against. */
async function stableService(t: KubeTarget): Promise<Service> {
  const service = await t.service(t.stable);
  if (!service)
    throw new UserError(
      `Service ${t.stable} does not exist in ${t.where}: the ${t.settings.router} router sends the stable share of the traffic to the Service named like the Deployment.`,
      { input: 'deployment' },
      `Create Service ${t.stable} for the stable Deployment's pods, or choose the replicas router.`,
    );
  return service;
}

/** The canary's Service: the stable Service's ports, selecting the canary's pods. */
function canaryService(stable: Service, name: string, podLabels: Record<string, string>): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: { ...stable.metadata.labels, [TRACK_LABEL]: 'canary' } },
    spec: {
      selector: podLabels,
      // Server-side apply needs each port's protocol (it is part of the list's key).
      ports: (stable.spec.ports ?? []).map((p) => ({
        ...(p.name ? { name: p.name } : {}),
        port: p.port,
        ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
        protocol: p.protocol ?? 'TCP',
      })),
    },
  };
}

/** The first release of an environment with no Deployment yet: slipway creates it from the manifest, or (without one) with its Service, given a port. */
async function createStable(t: KubeTarget, id: string, image: string): Promise<void> {
  const s = t.settings;
  const manifest = t.releaseManifest(id, image, s.replicas);
  if (manifest) {
    await t.kubectl.apply(manifest.deployment);
    if (manifest.service) await t.kubectl.apply(manifest.service);
    return;
  }
  const labels = { [NAME_LABEL]: t.stable };
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: t.stable, labels, annotations: { [RELEASE_ANNOTATION]: id, [IMAGE_ANNOTATION]: image } },
    spec: {
      replicas: s.replicas ?? 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: s.container || 'app',
              image,
              ...(s.containerPort ? { ports: [{ containerPort: s.containerPort, protocol: 'TCP' }] } : {}),
            },
          ],
        },
      },
    },
  };
  await t.kubectl.apply(deployment);
  if (s.containerPort)
    await t.kubectl.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: t.stable, labels },
      spec: { selector: labels, ports: [{ port: s.containerPort, targetPort: s.containerPort, protocol: 'TCP' }] },
    });
}
