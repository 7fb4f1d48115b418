// Where releases run: supervised processes of this host, unless a platform runs them (the
// `command` provider with a deploy-command).
import { prepareRelease, releaseAlive, startRelease, stopRelease, waitReady } from '../release/index.js';
import type { RunningRelease } from '../release/types.js';
import { createCommandHost } from '../providers/command/host.js';
import { createKubernetesHost } from '../providers/kubernetes/host.js';
import type { RouterContext } from '../registry.js';
import type { DeploySeams, ReleaseHost } from './plan.js';

/** The real host: releases as detached processes on loopback ports. */
export const defaultHost: ReleaseHost = {
  prepare: prepareRelease,
  start: startRelease,
  // Only this host's own releases reach it: they have their pid and log file.
  waitReady: (running, options) => waitReady(running as RunningRelease, options),
  stop: (pid, graceMs) => (pid === undefined ? Promise.resolve() : stopRelease(pid, graceMs)),
  alive: (pid) => pid !== undefined && releaseAlive(pid),
};

/** The host a provider's releases run on: the platform when the command provider deploys them, else this one. */
export function releaseHost(provider: string, context: RouterContext): ReleaseHost {
  if (provider === 'kubernetes') return createKubernetesHost(context);
  if (provider === 'command' && context.settings['deploy-command']?.trim()) return createCommandHost(context);
  return defaultHost;
}

/** Where a run acts: what routerFor and releaseHost need, from a plan (or rollback options) and the seams. */
export function routerContext(
  o: { stateDir: string; environment: string; settings: Record<string, string>; workspace: string },
  seams: Pick<DeploySeams, 'env' | 'selfCommand'>,
): RouterContext {
  return {
    stateDir: o.stateDir,
    environment: o.environment,
    settings: o.settings,
    workspace: o.workspace,
    env: seams.env,
    ...(seams.selfCommand ? { selfCommand: seams.selfCommand } : {}),
  };
}
