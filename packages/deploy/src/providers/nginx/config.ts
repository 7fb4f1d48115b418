// The nginx configuration slipway owns: the upstream file (rewritten on every weight change) and
// the access-log snippet (written once), so a deploy never edits a file the user wrote.
import { UserError } from '@slipway/action-kit/lite';
import type { Release } from '../../types.js';

/** The name shared by the upstream block and the log format: `slipway_<environment>`, made a safe nginx word. */
export function upstreamName(environment: string): string {
  return `slipway_${environment.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/**
 * The `host:port` nginx reaches a release at. Only a scheme, a host and a port are accepted: the
 * address is written into nginx's configuration, so anything that could end a directive is refused.
 */
export function serverAddress(release: Release): string {
  const text = release.upstream.trim();
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    url = undefined;
  }
  const plain =
    url && (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '');
  if (!url || !plain || url.search || url.hash || url.username || !/^[A-Za-z0-9.:[\]-]+$/.test(url.host))
    throw new UserError(
      `release ${release.id} has the upstream '${text.slice(0, 80)}', which nginx cannot use as a server.`,
      { input: 'nginx-upstream-file' },
      'Give each release an address such as http://127.0.0.1:8080 (scheme, host and port only).',
    );
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/** One server line; nginx weights are 1 or more, so a share of 0 is written as `down` (kept for the reader). */
function serverLine(release: Release, share: number): string {
  const state = share > 0 ? `weight=${share}` : 'down';
  return `    server ${serverAddress(release)} ${state}; # ${release.id.replace(/[\r\n]/g, ' ')}\n`;
}

/**
 * The upstream file: the weighted block, and the log format the access-log snippet uses (a
 * `log_format` is only allowed in `http`, which is where this file is included).
 */
export function renderUpstream(
  environment: string,
  stable: Release | undefined,
  canary: Release | undefined,
  canaryWeight: number,
): string {
  // With one release absent, the other is the only place traffic can go, whatever the split;
  // but a canary at 0 stays down even then, as setWeights promises.
  const lines = [
    stable ? serverLine(stable, canary ? 100 - canaryWeight : 100) : '',
    canary ? serverLine(canary, canaryWeight > 0 ? (stable ? canaryWeight : 100) : 0) : '',
  ];
  const name = upstreamName(environment);
  return (
    `# Written by slipway (deploy-canary); every weight change replaces this file.\n` +
    `upstream ${name} {\n${lines.join('')}    keepalive 32;\n}\n` +
    `log_format ${name} '$msec $status "$upstream_addr" "$upstream_status" "$upstream_response_time"';\n`
  );
}

/** The snippet users include in the `server` or `location` that proxies to the upstream. */
export function renderAccessLog(environment: string, logPath: string): string {
  return (
    `# Written by slipway (deploy-canary): include this in the server or location that proxies to\n` +
    `# http://${upstreamName(environment)}, so the canary is judged on live traffic.\n` +
    `access_log ${logPath} ${upstreamName(environment)};\n`
  );
}
