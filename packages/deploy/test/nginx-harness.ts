// A real nginx under a temporary prefix, two tagged release servers and autocannon load, for the
// nginx router's tests. Everything nginx writes stays under the prefix.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { closedPort } from '../../../test/harness.js';
export { load, startRelease, type LoadResult, type ReleaseServer } from './release-servers.js';

/** An nginx master running in the foreground as this test's child. */
export interface TestNginx {
  port: number;
  /** The reload and test commands that reach this instance, not the system's. */
  reloadCommand: string;
  testCommand: string;
  errorLog: string;
  stop(): Promise<void>;
}

/**
 * Writes `<prefix>/nginx.conf` (one server on a free loopback port proxying to the upstream file's
 * block, with slipway's access-log snippet) and starts nginx on it. The upstream file and the
 * snippet must exist first: nginx refuses to start without what it includes.
 */
export async function startNginx(
  prefix: string,
  upstreamFile: string,
  snippet: string,
  upstream: string,
): Promise<TestNginx> {
  const port = await closedPort();
  const conf = join(prefix, 'nginx.conf');
  const errorLog = join(prefix, 'error.log');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(prefix, t)};`);
  writeFileSync(
    conf,
    `worker_processes 2;
error_log ${errorLog} notice;
pid ${join(prefix, 'nginx.pid')};
events { worker_connections 1024; }
http {
  ${temp.join('\n  ')}
  access_log off;
  include ${upstreamFile};
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      include ${snippet};
    }
  }
}
`,
  );
  const base = `nginx -p ${prefix} -e ${errorLog} -c ${conf}`;
  const child: ChildProcess = spawn('nginx', ['-p', prefix, '-e', errorLog, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await waitForPort(port, child);
  return {
    port,
    reloadCommand: `${base} -s reload`,
    testCommand: `${base} -t`,
    errorLog,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits until something accepts on the port; fails if nginx exits first. */
async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode} before listening`);
    const up = await new Promise<boolean>((r) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        r(true);
      });
      socket.once('error', () => r(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}`);
}
