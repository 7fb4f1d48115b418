// The `gateway-api` router's object: the user's HTTPRoute with the canary's weight in each rule
// that sends traffic to the stable Service. The Gateway API declares `spec.rules` an atomic list,
// so a server-side apply cannot own the weights alone: slipway applies the whole `rules` list as
// it read it a moment before, changing only the stable and canary backends of those rules.
import { UserError } from '@slipway/action-kit/lite';

/** A backend of a rule: a Service and port (other kinds are carried as they are). */
export interface BackendRef {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
  [field: string]: unknown;
}

/** The parts of a gateway.networking.k8s.io/v1 HTTPRoute slipway reads or writes. */
export interface HTTPRoute {
  apiVersion: string;
  kind: 'HTTPRoute';
  metadata: { name: string; namespace?: string; [field: string]: unknown };
  spec: { rules?: { backendRefs?: BackendRef[]; [field: string]: unknown }[]; [field: string]: unknown };
}

/** A Service a rule sends to. */
export interface ServicePort {
  name: string;
  port: number;
}

const isService = (ref: BackendRef, name: string): boolean =>
  ref.name === name && (ref.kind ?? 'Service') === 'Service' && (ref.group ?? '') === '';

/**
 * The apply configuration that sends `weight` percent of each stable rule's traffic to the canary
 * Service: the stable backend gets 100 − weight, the canary backend (added after it when missing)
 * gets weight, every other backend and field of every rule stays as read. With `dropCanary` the
 * canary backend is removed instead (after promotion or abort).
 */
export function weightedRoute(
  route: HTTPRoute,
  o: {
    stable: { name: string; port?: number };
    canary: { name: string; port?: number };
    weight: number;
    dropCanary?: boolean;
  },
): HTTPRoute {
  const rules = route.spec.rules ?? [];
  const routed = rules.filter((r) => (r.backendRefs ?? []).some((b) => isService(b, o.stable.name)));
  if (routed.length === 0)
    throw new UserError(
      `HTTPRoute ${route.metadata.name} sends no traffic to Service ${o.stable.name} (its rules send to ${
        [...new Set(rules.flatMap((r) => (r.backendRefs ?? []).map((b) => b.name)))].join(', ') || 'nothing'
      }).`,
      { input: 'route' },
      'Name the HTTPRoute whose rules send traffic to the stable Service, or name that Service in the deployment input.',
    );
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
        if (!refs.some((b) => isService(b, o.stable.name))) return rule;
        const out: BackendRef[] = [];
        for (const ref of refs) {
          if (isService(ref, o.canary.name)) continue;
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
