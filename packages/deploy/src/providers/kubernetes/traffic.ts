// How the kubernetes provider moves traffic between the stable Deployment and the canary: one
// interface, a registry, one file each under routers/ (the `router` input names one).
import type { KubeTarget } from './target.js';

/** A way of splitting traffic between the stable Deployment and the canary. */
export interface KubeTraffic {
  /**
   * Whether the canary has a Service of its own that the router weighs against the stable's (and
   * its pods therefore leave the stable Service's selector labels out); false when both
   * Deployments' pods are behind the one stable Service and pod counts split the traffic.
   */
  readonly canaryService: boolean;
  /** What the router weights, for messages: `HTTPRoute web`, `pod counts behind Service web`. */
  readonly describe: string;
  /** Checks what the router needs before anything is deployed (the route exists and sends to the stable Service). */
  check(): Promise<void>;
  /**
   * Sends `weight` percent (1–100) of the traffic to the canary; the canary Deployment exists and
   * is ready. The canary has at least its share of the stable's full size in ready pods before
   * its share of the traffic reaches it.
   */
  setWeight(weight: number): Promise<void>;
  /**
   * All traffic to the stable Deployment, at its full size, with no canary left in the route
   * (its weight and backend removed); the canary's pods may still run when this resolves.
   */
  toStable(): Promise<void>;
}

export type TrafficFactory = (target: KubeTarget) => KubeTraffic;

const factories = new Map<string, () => Promise<TrafficFactory>>();

/** Adds a router under its name (each file under routers/ is loaded only when its name is asked for). */
export function registerTraffic(name: string, load: () => Promise<TrafficFactory>): void {
  factories.set(name, load);
}

/** The names of the kubernetes routers, for the `router` input's errors and docs. */
export function trafficNames(): string[] {
  return [...factories.keys()].sort();
}

/** The router the `router` input names (checked against trafficNames when the settings are parsed). */
export async function trafficFor(target: KubeTarget): Promise<KubeTraffic> {
  const load = factories.get(target.settings.router);
  if (!load) throw new Error(`no kubernetes router '${target.settings.router}'`);
  return (await load())(target);
}

registerTraffic('replicas', async () => (await import('./routers/replicas.js')).replicasTraffic);
registerTraffic('gateway-api', async () => (await import('./routers/gateway-api.js')).gatewayApiTraffic);
registerTraffic('ingress-nginx', async () => (await import('./routers/ingress-nginx.js')).ingressNginxTraffic);
registerTraffic('istio', async () => (await import('./routers/istio.js')).istioTraffic);
