// hello-service: answers / with its release, /healthz while the process is up, /readyz while its
// dependency is up, and /metrics in Prometheus' text format. behaviour.json, shipped with each
// release, decides how it behaves: errorRate is the share of / answered 500, dependencyUp whether
// /readyz answers 200 or 503. slipway's demo changes that file between releases.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const behaviour = JSON.parse(readFileSync(new URL('./behaviour.json', import.meta.url), 'utf8'));
const release = process.env.SLIPWAY_RELEASE_ID || 'dev';
const counts = new Map();
let served = 0;

function count(path, code) {
  const key = `path="${path}",code="${code}"`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  let code = 200;
  let body = '';
  if (path === '/healthz') body = 'ok\n';
  else if (path === '/readyz') {
    code = behaviour.dependencyUp ? 200 : 503;
    body = behaviour.dependencyUp ? 'ready\n' : 'dependency down\n';
  } else if (path === '/metrics') {
    const lines = ['# HELP http_requests_total Requests answered, by path and code.', '# TYPE http_requests_total counter'];
    for (const [key, value] of counts) lines.push(`http_requests_total{${key}} ${value}`);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(`${lines.join('\n')}\n`);
    return;
  } else if (path === '/') {
    served++;
    // Deterministic: every (1/errorRate)th request fails, so a share is exactly that share.
    const every = behaviour.errorRate > 0 ? Math.round(1 / behaviour.errorRate) : 0;
    code = every && served % every === 0 ? 500 : 200;
    body = code === 200 ? `hello from ${release}\n` : 'something broke\n';
  } else {
    code = 404;
    body = 'not found\n';
  }
  count(path, code);
  res.writeHead(code, { 'content-type': 'text/plain', 'x-release': release });
  res.end(body);
});

if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) {
  server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
