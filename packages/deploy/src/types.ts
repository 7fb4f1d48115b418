// The vocabulary of a canary deploy, shared by the controller, the ledger and every traffic router.

/** A release running somewhere a router can send traffic to. */
export interface Release {
  /** Unique per environment: the version plus a short digest, e.g. `1.4.2-3f9a1c0`. */
  id: string;
  /** The version people know it by. */
  version: string;
  /** Where the router reaches it: `http://127.0.0.1:41234`. */
  upstream: string;
  /** What it runs from: its folder on this host, or the image a cluster runs (the kubernetes provider). */
  dir?: string;
}

/** Live traffic one release served since the previous reading, as the router saw it. */
export interface TrafficSample {
  requests: number;
  /** Responses with status 500–599, and requests the router could not complete. */
  errors: number;
  /** Latency of the successful responses, ms. */
  latenciesMs: number[];
}

/** A traffic router: decides which share of the front door's traffic each release gets. */
export interface TrafficRouter {
  /** The registry name (`local`, `haproxy`, `nginx`). */
  readonly name: string;
  /** Where users and load balancers send traffic. */
  readonly frontDoor: string;
  /**
   * Routes `canaryWeight` percent (0–100) of new requests to `canary` and the rest to `stable`, in
   * one operation; a weight of 0 means no new request reaches the canary once this resolves.
   * Either release may be absent (the first release of an environment has no stable).
   */
  setWeights(stable: Release | undefined, canary: Release | undefined, canaryWeight: number): Promise<void>;
  /**
   * Routes all traffic to `stable` again, for a front door that can lose the routing it was given
   * (HAProxy's runtime changes on a restart, nginx's upstream file put back, the local proxy
   * restarted): a deploy of the release that is already stable calls it. Left out by routers that
   * cannot lose it, or for which routing again is not a no-op (the command provider's hooks would
   * run the abort command; Kubernetes would re-apply the Deployment).
   */
  reassert?(stable: Release): Promise<void>;
  /**
   * Live traffic per release id since the previous call, for the judge; `undefined` when this
   * router cannot tell (the step is then judged on probes alone, and the report says so).
   */
  readTraffic(): Promise<Map<string, TrafficSample> | undefined>;
  /** Releases what the router holds open (sockets, files); the routing itself stays in place. */
  close(): Promise<void>;
}

/** One step of a rollout: a canary weight, then an optional pause before analysis. */
export interface Step {
  weight: number;
  pauseMs: number;
}

/** How a deploy ended. `rolled-back` and `failed` fail the job; `promoted` and `paused` do not. */
export type DeployResult = 'promoted' | 'rolled-back' | 'paused' | 'failed';
