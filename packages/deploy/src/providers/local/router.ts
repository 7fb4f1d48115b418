// The `local` router: the embedded default of deploy-canary, a weighted proxy on this machine in
// front of releases on loopback ports. For now the proxy runs inside the deploying process and
// stops with it; it is to become a detached daemon with an admin API (so that traffic outlives the
// job and a later deploy takes it over), and `close` will then leave the routing in place.
import { UserError } from '@slipway/action-kit/lite';
import type { RouterFactory } from '../../registry.js';
import type { TrafficRouter } from '../../types.js';
import { WeightedProxy } from './proxy.js';

const DEFAULT_LISTEN = '127.0.0.1:8080';

/** Splits `host:port` (`[::1]:8080` for IPv6); a malformed one is the `listen` input's mistake. */
function parseListen(text: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text.trim());
  const port = Number(m?.[3]);
  if (!m || port > 65535)
    throw new UserError(
      `'${text}' is not an address to listen on.`,
      { input: 'listen' },
      'Write host:port, such as 127.0.0.1:8080.',
    );
  return { host: m[1] ?? m[2]!, port };
}

/** Builds the local router: starts the proxy on `settings.listen` (default 127.0.0.1:8080). */
export const createLocalRouter: RouterFactory = async (context) => {
  const listen = context.settings.listen?.trim() || DEFAULT_LISTEN;
  const { host, port } = parseListen(listen);
  let proxy: WeightedProxy;
  try {
    proxy = await WeightedProxy.listen({ host, port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Taking over a proxy that an earlier deploy left running belongs with the daemon (see above).
    if (code === 'EADDRINUSE')
      throw new UserError(
        `${listen} is already in use.`,
        { input: 'listen' },
        'Stop what listens there, or choose another address.',
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES')
      throw new UserError(
        `cannot listen on ${listen} (${code}).`,
        { input: 'listen' },
        'Choose an address of this machine and a port you may bind.',
      );
    throw error;
  }
  const bound = proxy.address;
  const router: TrafficRouter = {
    name: 'local',
    frontDoor: `http://${bound.host.includes(':') ? `[${bound.host}]` : bound.host}:${bound.port}`,
    setWeights: async (stable, canary, canaryWeight) => proxy.setWeights(stable, canary, canaryWeight),
    readTraffic: async () => proxy.takeSamples(),
    close: () => proxy.close(),
  };
  return router;
};
