// The `ingress-nginx` router's object: a second Ingress, `<name>-canary`, that ingress-nginx reads as
// the canary of the user's Ingress because it carries `canary: "true"` and the same host and path.
// ingress-nginx takes every other annotation of a canary from the main Ingress, except the load
// balancing and session affinity ones, which it reads from the canary itself: those are copied so
// the canary Service is balanced and kept sticky the way the stable one is. The class annotation is
// copied too: without it a controller that selects by annotation would not read the canary at all.
// The canary Ingress is slipway's alone, so it is applied whole.
import { UserError } from '@slipway/action-kit/lite';
import { canaryName, TRACK_LABEL } from './objects.js';

/** An Ingress backend: a Service and port, or another resource (carried as it is). */
interface IngressBackend {
  service?: { name: string; port?: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind: string; name: string };
}

/** The parts of a networking.k8s.io/v1 Ingress slipway reads or writes. */
export interface Ingress {
  apiVersion: string;
  kind: 'Ingress';
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    rules?: {
      host?: string;
      http?: { paths: { path?: string; pathType: string; backend: IngressBackend }[] };
    }[];
    [field: string]: unknown;
  };
}

const NGINX = 'nginx.ingress.kubernetes.io';

/** The stable Ingress's annotations the canary Ingress repeats (ingress-nginx does not inherit these). */
const COPIED = [
  /^kubernetes\.io\/ingress\.class$/,
  /^nginx\.ingress\.kubernetes\.io\/(load-balance|upstream-hash-by(-subset(-size)?)?)$/,
  /^nginx\.ingress\.kubernetes\.io\/(affinity|affinity-mode|session-cookie-[a-z-]+)$/,
];

/** Go's strconv.ParseBool, which ingress-nginx reads boolean annotations with. */
const isTrue = (value: string | undefined): boolean => /^(1|t|T|TRUE|true|True)$/.test(value ?? '');

/**
 * The canary Ingress that sends `weight` percent of the stable Ingress's traffic for each host and
 * path that goes to the stable Service to the canary Service (on the same port). Only those paths
 * are in it: ingress-nginx pairs a canary with the main Ingress by host and path.
 */
export function canaryIngress(
  stable: Ingress,
  o: { stableService: string; canaryService: string; weight: number },
): Ingress {
  if (!Number.isInteger(o.weight) || o.weight < 0 || o.weight > 100)
    throw new Error(`canaryIngress: weight ${o.weight} is not a whole percentage`);
  const name = stable.metadata.name;
  const annotations = stable.metadata.annotations ?? {};
  if (isTrue(annotations[`${NGINX}/canary`]))
    throw new UserError(
      `Ingress ${name} is itself a canary Ingress (it has the annotation ${NGINX}/canary: "${annotations[`${NGINX}/canary`]}").`,
      { input: 'route' },
      'Name the main Ingress that sends traffic to the stable Service; slipway creates the canary Ingress beside it.',
    );
  const rules = (stable.spec.rules ?? [])
    .map((rule) => ({
      ...(rule.host !== undefined ? { host: rule.host } : {}),
      paths: (rule.http?.paths ?? []).filter((p) => p.backend.service?.name === o.stableService),
    }))
    .filter((rule) => rule.paths.length > 0);
  if (rules.length === 0) {
    const services = (stable.spec.rules ?? []).flatMap((r) =>
      (r.http?.paths ?? []).map((p) => p.backend.service?.name).filter((s): s is string => s !== undefined),
    );
    throw new UserError(
      `no path of Ingress ${name} sends traffic to Service ${o.stableService} (its paths send to ${
        [...new Set(services)].join(', ') || 'no Service'
      }).`,
      { input: 'route' },
      'Name the Ingress that has a host and path whose backend is the stable Service (ingress-nginx pairs a canary Ingress with it by host and path), or name that Service in the deployment input.',
    );
  }
  const canary = canaryName(name);
  if (canary.length > 253)
    throw new UserError(
      `Ingress ${name.slice(0, 40)}… is too long a name for its canary Ingress ${name.slice(0, 40)}…-canary (at most 253 characters).`,
      { input: 'route' },
      'Name an Ingress of at most 246 characters.',
    );
  const copied = Object.fromEntries(Object.entries(annotations).filter(([key]) => COPIED.some((re) => re.test(key))));
  return {
    apiVersion: stable.apiVersion,
    kind: 'Ingress',
    metadata: {
      name: canary,
      ...(stable.metadata.namespace ? { namespace: stable.metadata.namespace } : {}),
      labels: { [TRACK_LABEL]: 'canary', 'app.kubernetes.io/managed-by': 'slipway' },
      annotations: {
        ...copied,
        [`${NGINX}/canary`]: 'true',
        [`${NGINX}/canary-weight`]: String(o.weight),
        [`${NGINX}/canary-weight-total`]: '100',
      },
    },
    spec: {
      ...(stable.spec.ingressClassName !== undefined ? { ingressClassName: stable.spec.ingressClassName } : {}),
      rules: rules.map((rule) => ({
        ...(rule.host !== undefined ? { host: rule.host } : {}),
        http: {
          paths: rule.paths.map((p) => ({
            ...p,
            backend: { service: { ...p.backend.service!, name: o.canaryService } },
          })),
        },
      })),
    },
  };
}
