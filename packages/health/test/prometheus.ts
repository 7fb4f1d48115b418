// A real Prometheus (Debian's package) scraping a prom-client service, for the integration tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Gauge, Registry } from 'prom-client';
import { closedPort } from './servers.js';

/** A service exposing a gauge the test sets, in the Prometheus text format. */
export async function metricsService(): Promise<{ port: number; ratio: Gauge; close(): Promise<void> }> {
  const registry = new Registry();
  const ratio = new Gauge({
    name: 'slipway_test_error_ratio',
    help: 'error ratio the test sets',
    registers: [registry],
  });
  const server: Server = createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(await registry.metrics());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    ratio,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Starts Prometheus on a free loopback port, scraping the target every second; resolves when ready. */
export async function startPrometheus(targetPort: number): Promise<{ url: string; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-prom-'));
  const port = await closedPort();
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: svc\n    static_configs:\n      - targets: ['127.0.0.1:${targetPort}']\n`,
  );
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = (): void => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error('Prometheus did not become ready in 10 s');
}
