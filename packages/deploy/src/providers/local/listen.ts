// The `listen` input of the local router: where the proxy's front door is, as host:port.
import { UserError } from '@slipway/action-kit/lite';

/** Where the front door listens when `listen` is not given. */
export const DEFAULT_LISTEN = '127.0.0.1:8080';

/** A host and port to bind. */
export interface ListenAddress {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

/** Splits `host:port` (`[::1]:8080` for IPv6); a malformed one is the `listen` input's mistake. */
export function parseListen(text: string): ListenAddress {
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

/** `host:port`, with an IPv6 host in brackets. */
export function formatListen(address: ListenAddress): string {
  return `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
}

/**
 * Whether a proxy bound to `bound` is the one `wanted` asks for: port 0 takes any port, and
 * `localhost` any loopback address (the name resolves to one of them when binding).
 */
export function listenMatches(wanted: ListenAddress, bound: ListenAddress): boolean {
  const host = wanted.host.toLowerCase();
  const hostMatches =
    host === bound.host.toLowerCase() || (host === 'localhost' && ['127.0.0.1', '::1'].includes(bound.host));
  return hostMatches && (wanted.port === 0 || wanted.port === bound.port);
}
