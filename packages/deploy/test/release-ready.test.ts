import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock, systemClock } from '@slipway/action-kit/lite';
import { startRelease, stopRelease } from '../src/release/process.js';
import { waitReady, waitUntilAnswers } from '../src/release/ready.js';
import type { PreparedRelease, RunningRelease } from '../src/release/types.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { httpServer, httpsServer } from '../../health/test/servers.js';

/**
 * A release whose behaviour the test sets through its environment: how long before it listens,
 * what /healthz answers, and whether it crashes first.
 */
const SERVER = `import { createServer } from 'node:http';
const env = process.env;
if (env.CRASH_AFTER_MS)
  setTimeout(() => {
    console.error('fatal: cannot connect to https://app:hunter2@db.example/app');
    process.exit(2);
  }, Number(env.CRASH_AFTER_MS));
const server = createServer((req, res) => {
  const status = req.url === '/healthz' ? Number(env.HEALTH_STATUS ?? 200) : 404;
  res.writeHead(status, status === 302 ? { location: '/login' } : {});
  res.end();
});
setTimeout(
  () => server.listen(Number(env.PORT), env.HOST, () => console.log('listening on ' + env.PORT)),
  Number(env.LISTEN_AFTER_MS ?? 0),
);
`;

let root: string;
let release: PreparedRelease;
const started: number[] = [];
beforeEach(() => {
  root = makeTree({ 'releases/1.0.0-abc/app/server.mjs': SERVER }, 'slipway-ready-');
  release = { id: '1.0.0-abc', version: '1.0.0', digest: 'sha256:abc', dir: join(root, 'releases/1.0.0-abc/app') };
});
afterEach(async () => {
  for (const pid of started.splice(0)) await stopRelease(pid, 1000);
  removeTree(root);
});

/** Starts the server release with extra environment, or another command. */
async function start(
  env: Record<string, string>,
  command = `exec "${process.execPath}" server.mjs`,
): Promise<RunningRelease> {
  const running = await startRelease({ release, command, env: { ...process.env, ...env } });
  started.push(running.pid);
  return running;
}

/** Waits, in real time, until the release says it listens (the manual clock would not wait for it). */
async function listening(running: RunningRelease): Promise<void> {
  while (!readFileSync(running.logFile, 'utf8').includes('listening on'))
    await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('waitReady', () => {
  it.each([
    ['answers 200 at once', {}],
    ['answers a redirect', { HEALTH_STATUS: '302' }],
    ['listens only after a while', { LISTEN_AFTER_MS: '700' }],
  ])('is ready when the release %s', async (_what, env) => {
    const running = await start(env);
    const r = await waitReady(running, { healthPath: '/healthz', timeoutMs: 60_000, clock: systemClock });
    expect(r).toEqual({ ready: true, attempts: expect.any(Number) });
  });

  it.each([
    ['answers 503', { HEALTH_STATUS: '503' }, undefined, /last: HTTP 503\. Its log .* ends with:\nlistening on \d+$/],
    ['never listens', {}, 'exec sleep 60', /last: ECONNREFUSED\. Its log .* is empty\.$/],
  ])('gives up when the release %s until the timeout', async (_what, env, command, last) => {
    const running = await start(env, command);
    if (!command) await listening(running);
    // The manual clock makes the 30 s pass in as many attempts as the backoff allows, at once.
    const r = await waitReady(running, { healthPath: '/healthz', timeoutMs: 30_000, clock: new ManualClock() });
    expect(r.ready).toBe(false);
    if (r.ready) return;
    expect(r.reason).toMatch(/^the release did not answer \/healthz with 2xx\/3xx within 30s; /);
    expect(r.reason).toMatch(last);
    // At 0, 0.1, 0.3, 0.7 s, then a second apart from 1.5 s, and a last one at 30 s: a backoff, not a tight loop.
    expect(r.attempts).toBe(34);
  });

  it('stops at once when the release crashes before it is ready, with the reason from its log', async () => {
    const running = await start({ CRASH_AFTER_MS: '600', LISTEN_AFTER_MS: '60000' });
    const r = await waitReady(running, { healthPath: '/healthz', timeoutMs: 120_000, clock: systemClock });
    expect(r).toEqual({ ready: false, reason: expect.any(String), attempts: expect.any(Number) });
    if (r.ready) return;
    expect(r.reason).toMatch(/^the release exited with code 2 before answering \/healthz\. Its log .* ends with:\n/);
    expect(r.reason).toContain('fatal: cannot connect to https://app:***@db.example/app');
    expect(r.reason).not.toContain('hunter2');
  });

  it('stops when the run is cancelled', async () => {
    const running = await start({ HEALTH_STATUS: '503' });
    const cancel = new AbortController();
    const waiting = waitReady(running, {
      healthPath: '/healthz',
      timeoutMs: 120_000,
      clock: systemClock,
      signal: cancel.signal,
    });
    setTimeout(() => cancel.abort(), 300);
    expect(await waiting).toEqual({
      ready: false,
      reason: 'the run was cancelled while waiting for /healthz.',
      attempts: expect.any(Number),
    });
  });

  it('does not probe at all when the run is already cancelled', async () => {
    const running = await start({});
    const r = await waitReady(running, {
      healthPath: '/healthz',
      timeoutMs: 60_000,
      clock: systemClock,
      signal: AbortSignal.abort(),
    });
    expect(r).toEqual({ ready: false, reason: 'the run was cancelled while waiting for /healthz.', attempts: 0 });
  });
});

describe('waitUntilAnswers (a release on a platform, by its URL)', () => {
  it('probes an https URL over TLS, so a certificate it cannot trust is the reason given', async () => {
    // A self-signed certificate: reaching the TLS handshake shows https was spoken.
    const server = await httpsServer();
    try {
      const url = server.url; // …/healthz
      const r = await waitUntilAnswers(
        { url: new URL(url), shown: url },
        { timeoutMs: 1000, clock: new ManualClock() },
      );
      expect(r.ready).toBe(false);
      if (r.ready) return;
      expect(r.reason).toMatch(
        /did not answer https:\/\/127\.0\.0\.1:\d+\/healthz with 2xx\/3xx within 1s; last: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\.$/,
      );
      expect(server.requests).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('is ready when the URL answers, with no process to watch', async () => {
    const server = await httpServer({ status: 204 });
    try {
      const url = new URL(server.url.replace(/\/healthz$/, '/app/healthz'));
      const r = await waitUntilAnswers({ url, shown: url.href }, { timeoutMs: 10_000, clock: systemClock });
      expect(r).toEqual({ ready: true, attempts: 1 });
      expect(server.requests).toBe(1);
    } finally {
      await server.close();
    }
  });
});
