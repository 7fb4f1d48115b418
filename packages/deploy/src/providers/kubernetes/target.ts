// What the kubernetes provider's host and router share: the parsed settings, kubectl with the
// deploy's context and namespace, the names of the objects, and waiting for a rollout.
import { createHash } from 'node:crypto';
import {
  actionsExec,
  systemClock,
  UserError,
  withoutRunnerCredentials,
  type Clock,
  type Exec,
  type Http,
  type Logger,
} from '@slipway/action-kit/lite';
import type { RouterContext } from '../../registry.js';
import type { Spawn } from './api-proxy.js';
import { Kubectl, REPLICAS_MANAGER } from './kubectl.js';
import { readManifest, type Manifest } from './manifest.js';
import { canaryName, intentOf, RELEASE_ANNOTATION, TRACK_LABEL, type Container, type Deployment } from './objects.js';
import { rolloutOf, type DeploymentState, type PodState, type Rollout } from './rollout.js';
import { parseKubeSettings, type KubeSettings } from './settings.js';
import { trafficNames } from './traffic.js';

/** How often a rollout is looked at while waiting. */
const POLL_MS = 1000;
/** The longest a router waits for a rollout; a Deployment's own progress deadline usually ends it sooner. */
export const ROLLOUT_WAIT_MS = 15 * 60 * 1000;
/** On the canary Deployment: the stable Deployment's full size when the canary started (what abort restores). */
export const STABLE_REPLICAS_ANNOTATION = 'slipway.dev/stable-replicas';
/** On the stable Deployment: the image slipway last set, so that RELEASE_ANNOTATION is believed only while the image is still that. */
export const IMAGE_ANNOTATION = 'slipway.dev/image';

/** The provider's context; tests may pass the process seams the registry does not. */
export interface KubeContext extends RouterContext {
  exec?: Exec;
  /** Reaches Prometheus; fetch by default. */
  http?: Http;
  /** Where warnings go; workflow-command lines on stdout by default (the registry passes routers no logger). */
  logger?: Logger;
  spawn?: Spawn;
  clock?: Clock;
}

/** A Service, as far as slipway reads and writes one. */
export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [field: string]: unknown };
  spec: {
    selector?: Record<string, string>;
    ports?: {
      name?: string;
      port: number;
      targetPort?: number | string;
      protocol?: string;
      [field: string]: unknown;
    }[];
    [field: string]: unknown;
  };
}

/** A rollout that is no longer progressing. */
export type Settled = Exclude<Rollout, { state: 'progressing' }>;

/** The cluster end of a deploy. */
export class KubeTarget {
  readonly settings: KubeSettings;
  readonly kubectl: Kubectl;
  readonly clock: Clock;
  /** The user's stable Deployment (and its Service). */
  readonly stable: string;
  /** slipway's canary Deployment (and, with a mesh router, its Service). */
  readonly canary: string;

  constructor(context: KubeContext) {
    // A rollback deploys no release: the image and canary-url a deploy needs are checked by the host's prepare.
    this.settings = parseKubeSettings(context.settings, trafficNames(), { release: false });
    this.clock = context.clock ?? systemClock;
    this.stable = this.settings.deployment;
    this.canary = canaryName(this.stable);
    const env = withoutRunnerCredentials({ ...(context.env ?? process.env) });
    this.kubectl = new Kubectl({
      exec: context.exec ?? actionsExec,
      ...(context.spawn ? { spawn: context.spawn } : {}),
      binary: this.settings.kubectl,
      context: this.settings.context,
      namespace: this.settings.namespace,
      env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
      timeoutMs: this.settings.timeoutMs,
      manifest: this.settings.manifest !== '',
    });
  }

  private manifestRead?: Manifest | null;

  /** The Deployment (and Service) of the `manifest` input, read once; undefined without one. */
  manifest(): Manifest | undefined {
    if (this.manifestRead === undefined)
      this.manifestRead = this.settings.manifest
        ? readManifest(this.settings.manifest, this.stable, this.settings.namespace)
        : null;
    return this.manifestRead ?? undefined;
  }

  /**
   * The manifest's objects for a release, as slipway applies them: its Deployment with the
   * release's image in `container` (and `replicas` when given, and slipway's release annotations),
   * and its Service (each port's protocol spelled out, which server-side apply keys ports by).
   */
  releaseManifest(id: string, image: string, replicas?: number): Manifest | undefined {
    const m = this.manifest();
    if (!m) return undefined;
    const deployment = structuredClone(m.deployment);
    this.container(deployment).image = image;
    deployment.metadata = {
      ...deployment.metadata,
      annotations: { ...deployment.metadata.annotations, [RELEASE_ANNOTATION]: id, [IMAGE_ANNOTATION]: image },
    };
    if (replicas !== undefined) deployment.spec.replicas = replicas;
    if (!m.service) return { deployment };
    const service = structuredClone(m.service);
    service.spec.ports = service.spec.ports?.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' }));
    return { deployment, service };
  }

  /** Where the deploy happens, for messages: `namespace shop`. */
  get where(): string {
    return `namespace ${this.settings.namespace}${this.settings.context ? ` of context ${this.settings.context}` : ''}`;
  }

  deployment(name: string): Promise<Deployment | undefined> {
    return this.kubectl.get<Deployment>('deployment', name);
  }

  service(name: string): Promise<Service | undefined> {
    return this.kubectl.get<Service>('service', name);
  }

  /** The container a release's image goes into: the `container` input's, or the first. */
  container(d: Deployment): Container {
    const containers = d.spec.template.spec.containers ?? [];
    const c = this.settings.container ? containers.find((x) => x.name === this.settings.container) : containers[0];
    if (!c)
      throw new UserError(
        `'${this.settings.container}' is not a container of Deployment ${d.metadata.name} (it has ${containers.map((x) => x.name).join(', ') || 'none'}).`,
        { input: 'container' },
        'Name the container whose image the release sets, or leave container empty for the first one.',
      );
    return c;
  }

  /** The object the `route` input names (`kind` as kubectl takes it, `shown` as users know it), or the route input's error. */
  async route<T>(kind: string, shown: string): Promise<T> {
    const object = await this.kubectl.get<T>(kind, this.settings.route);
    if (!object)
      throw new UserError(
        `${shown} ${this.settings.route} does not exist in ${this.where}.`,
        { input: 'route' },
        `Name the ${shown} that sends traffic to Service ${this.stable}.`,
      );
    return object;
  }

  /** Where a Deployment's rollout stands now. */
  async rollout(name: string): Promise<Rollout> {
    const d = await this.kubectl.get<Deployment & DeploymentState>('deployment', name);
    if (!d) return { state: 'failed', reason: `Deployment ${name} no longer exists in ${this.where}` };
    const match = d.spec.selector.matchLabels ?? {};
    // The stable's selector reaches the canary's pods too (the replicas router): they are not its own.
    const labels = [
      ...Object.entries(match).map(([k, v]) => `${k}=${v}`),
      ...(TRACK_LABEL in match ? [] : [`!${TRACK_LABEL}`]),
    ].join(',');
    const pods = labels
      ? await this.kubectl.list<PodState & { metadata: { labels?: Record<string, string> } }>('pods', labels)
      : [];
    return rolloutOf(d, pods);
  }

  /**
   * Waits until a Deployment's rollout is done: ready, failed at its progress deadline, or not done
   * by `timeoutMs` (then failed, with what it was waiting for).
   */
  async waitRollout(name: string, timeoutMs: number, signal?: AbortSignal): Promise<Settled> {
    const end = this.clock.monotonic() + timeoutMs;
    for (;;) {
      const r = await this.rollout(name);
      if (r.state !== 'progressing') return r;
      if (signal?.aborted) return { state: 'failed', reason: 'the run was cancelled' };
      if (this.clock.monotonic() >= end)
        return {
          state: 'failed',
          reason: `Deployment ${name} was not ready within ${Math.round(timeoutMs / 1000)} s: ${r.detail}`,
        };
      await this.clock.sleep(Math.min(POLL_MS, Math.max(0, end - this.clock.monotonic())));
    }
  }

  /** The stable Deployment's full size: the replicas input, else what the canary noted at its start, else its own. */
  async fullSize(): Promise<number> {
    if (this.settings.replicas !== undefined) return this.settings.replicas;
    const noted = Number((await this.deployment(this.canary))?.metadata.annotations?.[STABLE_REPLICAS_ANNOTATION]);
    if (Number.isInteger(noted) && noted > 0) return noted;
    return (await this.deployment(this.stable))?.spec.replicas ?? 1;
  }

  /** Sets the canary Deployment's size, applying slipway's whole intent for it again (nothing when it is gone). */
  async scaleCanary(replicas: number): Promise<void> {
    const live = await this.deployment(this.canary);
    if (!live || live.spec.replicas === replicas) return;
    const intent = intentOf(live);
    await this.kubectl.apply({ ...intent, spec: { ...intent.spec, replicas } });
  }

  /**
   * Sizes the canary for a share of the traffic a route sends it (the mesh routers, whose stable
   * keeps its full size): its share of the stable's full count, rounded up, at least 1 pod, and
   * waits until they are ready — so that the route never sends 50% to pods sized for 10%.
   */
  async sizeCanaryFor(weight: number): Promise<void> {
    const pods = Math.max(1, Math.ceil(((await this.fullSize()) * weight) / 100));
    await this.scaleCanary(pods);
    await this.mustRollOut(this.canary, `the canary did not become ready at ${pods} pods`);
  }

  /** Waits for a rollout and throws when it fails: a router cannot go on with the step. */
  async mustRollOut(name: string, what: string): Promise<void> {
    const r = await this.waitRollout(name, ROLLOUT_WAIT_MS);
    if (r.state !== 'ready') throw new Error(`${what}: ${r.reason}`);
  }

  /** A server-side apply of `replicas` alone on the user's stable Deployment (slipway takes that field). */
  async scaleStable(replicas: number): Promise<void> {
    await this.kubectl.apply(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: this.stable }, spec: { replicas } },
      { force: true, manager: REPLICAS_MANAGER },
    );
  }
}

/** The short digest of an image reference: what tells two releases of one tag apart in their ids. */
export function imageDigest(image: string): string {
  const pinned = /@(sha256:[0-9a-f]{64})$/.exec(image);
  return pinned ? pinned[1]! : `sha256:${createHash('sha256').update(image).digest('hex')}`;
}

/** The version an image reference shows: its tag, else its digest's first 12 hex, else `latest`. */
export function imageVersion(image: string): string {
  const noDigest = image.replace(/@sha256:[0-9a-f]{64}$/, '');
  const tag = /:([\w][\w.-]{0,127})$/.exec(noDigest.slice(noDigest.lastIndexOf('/') + 1));
  if (tag) return tag[1]!;
  const pinned = /@sha256:([0-9a-f]{12})/.exec(image);
  return pinned ? pinned[1]! : 'latest';
}

/** A release's id: `<version>-<first 12 hex of the image digest>`, as for an artifact. */
export function imageReleaseId(image: string, version: string): string {
  return `${version}-${imageDigest(image).slice('sha256:'.length, 'sha256:'.length + 12)}`;
}
