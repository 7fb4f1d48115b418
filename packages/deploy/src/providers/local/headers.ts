// What the proxy changes in the headers it passes on: hop-by-hop headers belong to one connection
// (RFC 9110 §7.6.1) and are dropped; the upstream learns who the client was from X-Forwarded-*.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
]);

/** The hop-by-hop names for one message: the fixed set plus whatever its Connection header lists. */
function hopByHop(connection: string | string[] | undefined): Set<string> {
  const listed = [connection ?? []]
    .flat()
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  return listed.length === 0 ? HOP_BY_HOP : new Set([...HOP_BY_HOP, ...listed]);
}

/**
 * The request's headers for the upstream as a flat name/value list (repeated headers stay
 * repeated, names keep their case), with X-Forwarded-For extended by the client's address. For an
 * Upgrade, `Connection: Upgrade` and `Upgrade` are kept: they are what asks the upstream to switch.
 */
export function upstreamRequestHeaders(req: IncomingMessage, upgrade = false): string[] {
  const drop = hopByHop(req.headers.connection);
  const out: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (drop.has(name) || name === 'x-forwarded-for' || name === 'expect') continue;
    out.push(raw[i]!, raw[i + 1]!);
  }
  const client = req.socket.remoteAddress ?? '';
  const before = req.headers['x-forwarded-for'];
  out.push('X-Forwarded-For', before ? `${before}, ${client}` : client);
  // A load balancer in front that terminated TLS knows the scheme better than this hop does.
  if (req.headers['x-forwarded-proto'] === undefined) out.push('X-Forwarded-Proto', 'http');
  if (upgrade) out.push('Connection', 'Upgrade', 'Upgrade', String(req.headers.upgrade));
  return out;
}

/** The upstream response's headers for the client, hop-by-hop ones removed. */
export function clientResponseHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const drop = hopByHop(headers.connection);
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!drop.has(name)) out[name] = value;
  return out;
}

/** True when a request carries no body, so it can be sent again to another upstream. */
export function hasNoBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] === undefined && Number(req.headers['content-length'] ?? 0) === 0;
}
