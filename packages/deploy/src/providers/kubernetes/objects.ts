// The Kubernetes objects the kubernetes provider writes, derived from the user's own: the canary
// Deployment is the stable one with the release's image and a track label, so whatever the user
// set (probes, resources, volumes, the service account) comes along unchanged.
import { UserError } from '@slipway/action-kit/lite';

/** The label that tells the canary's pods from the stable's. */
export const TRACK_LABEL = 'slipway.dev/track';
/** The annotation naming the release a canary runs. */
export const RELEASE_ANNOTATION = 'slipway.dev/release';
/** The label naming the stable Deployment a canary's pods belong to, when they leave the stable Service's labels out. */
export const CANARY_OF_LABEL = 'slipway.dev/canary-of';

/** The parts of a container slipway reads or writes. */
export interface Container {
  name: string;
  image?: string;
  [field: string]: unknown;
}

/** The parts of an apps/v1 Deployment slipway reads or writes (the rest is carried as is). */
export interface Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  spec: {
    replicas?: number;
    selector: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
    template: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [field: string]: unknown };
      spec: { containers: Container[]; [field: string]: unknown };
    };
    [field: string]: unknown;
  };
  status?: unknown;
}

/** Annotations the API server or kubectl keep on a Deployment: never copied to another object. */
const MANAGED_ANNOTATIONS = ['deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration'];

/** The canary Deployment's name for a stable Deployment. */
export function canaryName(stable: string): string {
  return `${stable}-canary`;
}

/**
 * The canary Deployment for a release: the stable Deployment with the release's image in one
 * container (`container`, or the first), `replicas` pods, and the track label on it, its selector
 * and its pods (so the stable Deployment's pods and the canary's stay apart, while a Service that
 * selects the stable's labels reaches both). Server-managed fields are left out: the result is an
 * apply configuration.
 */
export function canaryDeployment(
  stable: Deployment,
  release: {
    id: string;
    image: string;
    container?: string;
    replicas: number;
    /**
     * Labels the canary's pods must not carry: the stable Service's selector, when the canary has a
     * Service of its own (the mesh routers weigh the two Services, so neither may reach the other's
     * pods). They are replaced by the track label and CANARY_OF_LABEL naming the stable Deployment.
     */
    without?: readonly string[];
    /** More annotations for the canary Deployment. */
    annotations?: Record<string, string>;
  },
): Deployment {
  const containers = stable.spec.template.spec.containers ?? [];
  const index = release.container ? containers.findIndex((c) => c.name === release.container) : 0;
  if (index < 0 || !containers[index])
    throw new UserError(
      `'${release.container ?? ''}' is not a container of Deployment ${stable.metadata.name} (it has ${containers.map((c) => c.name).join(', ') || 'none'}).`,
      { input: 'container' },
      'Name the container whose image the release sets, or leave container empty for the first one.',
    );
  const without = release.without ?? [];
  const track = {
    [TRACK_LABEL]: 'canary',
    ...(without.length ? { [CANARY_OF_LABEL]: stable.metadata.name } : {}),
  };
  const keep = (labels: Record<string, string> | undefined) =>
    Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !without.includes(k)));
  const annotations = Object.fromEntries(
    Object.entries(stable.metadata.annotations ?? {}).filter(([k]) => !MANAGED_ANNOTATIONS.includes(k)),
  );
  const template = stable.spec.template;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: canaryName(stable.metadata.name),
      ...(stable.metadata.namespace ? { namespace: stable.metadata.namespace } : {}),
      labels: { ...stable.metadata.labels, ...track },
      annotations: { ...annotations, ...release.annotations, [RELEASE_ANNOTATION]: release.id },
    },
    spec: {
      ...withoutKeys(stable.spec, ['replicas', 'selector', 'template', 'paused']),
      replicas: release.replicas,
      selector: { ...stable.spec.selector, matchLabels: { ...keep(stable.spec.selector.matchLabels), ...track } },
      template: {
        ...template,
        metadata: {
          ...withoutKeys(template.metadata ?? {}, ['creationTimestamp']),
          labels: { ...keep(template.metadata?.labels), ...track },
          annotations: { ...template.metadata?.annotations, [RELEASE_ANNOTATION]: release.id },
        },
        spec: {
          ...template.spec,
          containers: containers.map((c, i) => (i === index ? { ...c, image: release.image } : c)),
        },
      },
    },
  };
}

/**
 * Pods per Deployment for a canary weight when traffic splits by pod count behind one Service
 * (the `replicas` router): the canary gets its share of `total` and at least one pod for any
 * weight above 0; the stable keeps the rest, and at least one pod below 100 (so a one-pod service
 * runs two pods, half and half, while the canary is judged). All of `total` go to one side at 0 and 100.
 */
export function replicaSplit(total: number, weight: number): { stable: number; canary: number } {
  if (weight <= 0) return { stable: total, canary: 0 };
  if (weight >= 100) return { stable: 0, canary: total };
  const canary = Math.max(1, Math.min(total - 1, Math.round((total * weight) / 100)));
  return { stable: Math.max(1, total - canary), canary };
}

/** The canary weight a pod split gives, percent (what `replicaSplit` approximates). */
export function splitWeight(split: { stable: number; canary: number }): number {
  const all = split.stable + split.canary;
  return all === 0 ? 0 : Math.round((100 * split.canary) / all);
}

/** Fields the API server sets on every object: never part of what slipway applies. */
const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];

/**
 * An object slipway applied before, read back as its apply configuration: server fields and status
 * left out. A manager's server-side apply is its whole intent for the object (fields it leaves out
 * are removed), so slipway changes its own objects by applying them whole.
 */
export function intentOf<T extends { metadata: Record<string, unknown>; status?: unknown }>(live: T): T {
  const annotations = Object.fromEntries(
    Object.entries((live.metadata.annotations as Record<string, string> | undefined) ?? {}).filter(
      ([k]) => !MANAGED_ANNOTATIONS.includes(k),
    ),
  );
  const metadata = { ...withoutKeys(live.metadata, SERVER_METADATA), annotations };
  return { ...withoutKeys(live as Record<string, unknown>, ['status']), metadata } as unknown as T;
}

function withoutKeys<T extends Record<string, unknown>>(object: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([k]) => !keys.includes(k))) as Partial<T>;
}
