// The `local` router: the embedded default of deploy-canary, a weighted proxy on this machine in
// front of releases on loopback ports. The proxy is a detached daemon (daemon.ts) so that traffic
// outlives the job and a later deploy takes it over; this router only drives it through its admin
// API, and `close` leaves the daemon and its routing in place.
import type { RouterFactory } from '../../registry.js';
import type { TrafficRouter } from '../../types.js';
import { ensureLocalProxy } from './spawn.js';

/** Builds the local router: finds the environment's proxy daemon, or starts one on `settings.listen` (default 127.0.0.1:8080). */
export const createLocalRouter: RouterFactory = async (context) => {
  const { frontDoor, admin } = await ensureLocalProxy(context);
  const router: TrafficRouter = {
    name: 'local',
    frontDoor,
    setWeights: (stable, canary, canaryWeight) => admin.setWeights(stable, canary, canaryWeight),
    reassert: (stable) => admin.setWeights(stable, undefined, 0),
    readTraffic: () => admin.takeTraffic(),
    close: () => admin.close(),
  };
  return router;
};
