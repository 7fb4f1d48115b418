// The `istio` router's object: the user's VirtualService with the canary's weight in each HTTP route
// that sends traffic to the stable Service. Istio's CRD leaves `spec.http` an atomic list to a
// server-side apply, so slipway applies the whole list as it read it a moment before, changing only
// the stable and canary destinations of those routes. Istio reads a destination's short host name
// in the VirtualService's namespace, so `web`, `web.shop`, `web.shop.svc` and
// `web.shop.svc.cluster.local` are one Service to a VirtualService in namespace shop.
import { UserError } from '@slipway/action-kit/lite';

/** A destination of an HTTP route (`headers` and whatever else Istio adds are carried as they are). */
interface RouteDestination {
  destination: { host: string; subset?: string; port?: { number: number }; [field: string]: unknown };
  weight?: number;
  [field: string]: unknown;
}

/** An HTTP route: its match, retries, timeout, rewrite... are carried as they are. */
interface HttpRoute {
  name?: string;
  route?: RouteDestination[];
  [field: string]: unknown;
}

/** The parts of a networking.istio.io/v1 VirtualService slipway reads or writes. */
export interface VirtualService {
  apiVersion: string;
  kind: 'VirtualService';
  metadata: { name: string; namespace?: string; [field: string]: unknown };
  spec: { hosts?: string[]; gateways?: string[]; http?: HttpRoute[]; [field: string]: unknown };
}

const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const SERVICE_HOST = new RegExp(`^(${LABEL})(?:\\.(${LABEL})(?:\\.svc(?:\\.cluster\\.local)?)?)?$`);

/** The Service a host names, `name.namespace`, when it names one in the cluster's own domain. */
function serviceOf(host: string, namespace: string | undefined): string | undefined {
  const m = SERVICE_HOST.exec(host);
  if (!m) return undefined;
  const ns = m[2] ?? namespace;
  return ns === undefined ? undefined : `${m[1]}.${ns}`;
}

const sameService = (a: string, b: string, namespace: string | undefined): boolean => {
  if (a === b) return true;
  const sa = serviceOf(a, namespace);
  return sa !== undefined && sa === serviceOf(b, namespace);
};

/** A copy of an object without one of its (optional) fields. */
function without<T extends object>(object: T, key: keyof T): T {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/**
 * The apply configuration that sends `weight` percent of the stable Service's share of each HTTP
 * route that sends to it to the canary Service: the canary destination (after the stable one, on
 * its port, without its subset, which names the stable's pods) gets that part and the stable
 * destination the rest; every other destination, route and field stays as read, so a route's
 * weights still add up to 100. With `dropCanary` the canary destination is removed (after promotion
 * or abort) and the stable destination gets its whole share again, with no weight at all when it
 * is the route's only destination, as users write it.
 */
export function weightedVirtualService(
  vs: VirtualService,
  o: { stableHost: string; canaryHost: string; weight: number; dropCanary?: boolean },
): VirtualService {
  if (!Number.isInteger(o.weight) || o.weight < 0 || o.weight > 100)
    throw new Error(`weightedVirtualService: weight ${o.weight} is not a whole percentage`);
  const ns = vs.metadata.namespace;
  const isStable = (d: RouteDestination): boolean => sameService(d.destination.host, o.stableHost, ns);
  const http = vs.spec.http ?? [];
  if (!http.some((r) => (r.route ?? []).some(isStable)))
    throw new UserError(
      `VirtualService ${vs.metadata.name} sends no HTTP traffic to host ${o.stableHost} (its http routes send to ${
        [...new Set(http.flatMap((r) => (r.route ?? []).map((d) => d.destination.host)))].join(', ') || 'nothing'
      }).`,
      { input: 'route' },
      'Name the VirtualService whose http routes send traffic to the stable Service, or name that Service in the deployment input.',
    );
  return {
    apiVersion: vs.apiVersion,
    kind: 'VirtualService',
    metadata: { name: vs.metadata.name, ...(ns ? { namespace: ns } : {}) },
    spec: {
      http: http.map((route, index) => {
        const destinations = route.route ?? [];
        const stables = destinations.filter(isStable);
        if (stables.length === 0) return route;
        const which = `http route ${route.name ? `'${route.name}'` : `#${index + 1}`} of VirtualService ${vs.metadata.name}`;
        if (stables.length > 1)
          throw new UserError(
            `${which} sends to ${o.stableHost} through ${stables.length} destinations; slipway weighs the canary against one.`,
            { input: 'route' },
            'Send the stable traffic of each route to one destination, or split it by subset in separate routes.',
          );
        const stable = stables[0]!;
        // The canary Service lives beside the stable one: its host is written the way the route writes the stable's.
        const canaryHost = o.canaryHost.includes('.')
          ? o.canaryHost
          : o.canaryHost + stable.destination.host.slice(stable.destination.host.split('.')[0]!.length);
        const isCanary = (d: RouteDestination): boolean => sameService(d.destination.host, canaryHost, ns);
        const others = destinations.filter((d) => !isStable(d) && !isCanary(d));
        const share = 100 - others.reduce((sum, d) => sum + (d.weight ?? 0), 0);
        if (share < 0)
          throw new UserError(
            `${which} gives its other destinations weights that add up to ${100 - share}, more than 100.`,
            { input: 'route' },
            "Make the weights of each route's destinations add up to 100, as Istio requires.",
          );
        const canaryWeight = o.dropCanary ? 0 : Math.round((share * o.weight) / 100);
        const out: RouteDestination[] = [];
        for (const d of destinations) {
          if (isCanary(d)) continue;
          if (d !== stable) {
            out.push(d);
            continue;
          }
          out.push(o.dropCanary && others.length === 0 ? without(d, 'weight') : { ...d, weight: share - canaryWeight });
          if (!o.dropCanary)
            out.push({
              ...d,
              destination: { ...without(d.destination, 'subset'), host: canaryHost },
              weight: canaryWeight,
            });
        }
        return { ...route, route: out };
      }),
    },
  };
}
