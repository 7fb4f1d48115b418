import { UserError } from '@slipway/action-kit/lite';
import type { TrafficRouter } from './types.js';

/** What every router factory receives: its own options (from the action's inputs) and the seams. */
export interface RouterContext {
  /** Where state lives: the ledger, locks, the local provider's releases and its admin token. */
  stateDir: string;
  /** The environment this deploy is for (one ledger, one lock, one front door each). */
  environment: string;
  /** Provider-specific settings, by input name (`listen`, `haproxy-socket`, `nginx-upstream-file`…). */
  settings: Readonly<Record<string, string>>;
  /** Relative path inputs (`nginx-upstream-file`) resolve against this folder. */
  workspace?: string;
  /**
   * How to start this program again as a background daemon (the local provider's proxy): the
   * command and arguments; the daemon's role goes in the SLIPWAY_DAEMON variable. Defaults to
   * this process's own node and entry script, which is right for an action bundle and the CLI.
   */
  selfCommand?: readonly string[];
  /** The environment the daemon and its children inherit (runner credentials and RUNNER_TRACKING_ID are removed). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The inputs that configure a provider, handed to every router in RouterContext.settings; an action
 * passes those it declares (path inputs resolved). One list, so that a new router's inputs are added once.
 */
export const PROVIDER_SETTINGS = [
  'listen',
  'front-door-url',
  'haproxy-socket',
  'haproxy-backend',
  'nginx-upstream-file',
  'nginx-reload-command',
  'nginx-test-command',
  'deploy-command',
  'set-weight-command',
  'promote-command',
  'abort-command',
  'status-command',
  'command-timeout',
  'namespace',
  'deployment',
  'image',
  'replicas',
  'container-port',
  'router',
  'route',
  'kube-context',
  'canary-url',
  'stable-url',
  'kubectl',
  'container',
  'manifest',
  'prometheus-url',
  'requests-query',
  'errors-query',
] as const;

/** Provider settings that name a file, resolved like every path input. */
export const PROVIDER_PATH_SETTINGS: readonly string[] = ['nginx-upstream-file', 'manifest'];

/** Builds a router; may check that what it needs is there (a socket that answers, a binary). */
export type RouterFactory = (context: RouterContext) => Promise<TrafficRouter>;

const factories = new Map<string, () => Promise<RouterFactory>>();

/** Adds a router under its name; each router's own file calls this once (loaded lazily by name). */
export function registerRouter(name: string, load: () => Promise<RouterFactory>): void {
  factories.set(name, load);
}

/** The names of the routers, for errors and docs. */
export function routerNames(): string[] {
  return [...factories.keys()].sort();
}

/** The router called `name`; an unknown name is the `provider` input's mistake, listing the known ones. */
export async function routerFor(name: string, context: RouterContext): Promise<TrafficRouter> {
  const load = factories.get(name);
  if (!load)
    throw new UserError(
      `'${name}' is not a provider.`,
      { input: 'provider' },
      `Use one of: ${routerNames().join(', ')}.`,
    );
  return (await load())(context);
}
