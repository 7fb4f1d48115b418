import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { systemClock } from '@slipway/action-kit/lite';
import { releaseAlive, startRelease, stopRelease } from '../src/release/process.js';
import { waitReady } from '../src/release/ready.js';
import type { PreparedRelease, RunningRelease } from '../src/release/types.js';
import { makeTree, REPO, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';

/** A release that serves /healthz, and its own environment at /env. */
const SERVER = `import { createServer } from 'node:http';
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(req.url === '/env' ? JSON.stringify(process.env) : '"ok"');
});
server.listen(Number(process.env.PORT), process.env.HOST, () => console.log('listening on ' + process.env.PORT));
`;
const START = `exec "${process.execPath}" server.mjs`;

let root: string;
let release: PreparedRelease;
const started: number[] = [];
beforeEach(() => {
  root = makeTree({ 'releases/1.0.0-abc/app/server.mjs': SERVER }, 'slipway-process-');
  release = { id: '1.0.0-abc', version: '1.0.0', digest: 'sha256:abc', dir: join(root, 'releases/1.0.0-abc/app') };
});
afterEach(async () => {
  // A leaked release would outlive the run: the global teardown fails on it.
  for (const pid of started.splice(0)) await stopRelease(pid, 1000);
  removeTree(root);
});

/** Starts a release and remembers it for the clean-up. */
async function start(command = START, env: Record<string, string | undefined> = process.env): Promise<RunningRelease> {
  const running = await startRelease({ release, command, env });
  started.push(running.pid);
  return running;
}

async function ready(running: RunningRelease): Promise<void> {
  expect(await waitReady(running, { healthPath: '/healthz', timeoutMs: 60_000, clock: systemClock })).toMatchObject({
    ready: true,
  });
}

/** The process group of a live process, from /proc. */
function groupOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

describe('startRelease', () => {
  it('runs the release in its own process group on a free loopback port, logging to release.log', async () => {
    const running = await start();
    expect(running.upstream).toBe(`http://127.0.0.1:${running.port}`);
    expect(running.logFile).toBe(join(root, 'releases/1.0.0-abc/release.log'));
    await ready(running);
    expect(releaseAlive(running.pid)).toBe(true);
    expect(groupOf(running.pid)).toBe(running.pid);
    expect(readFileSync(running.logFile, 'utf8')).toContain(`listening on ${running.port}`);
  });

  it('outlives the process that started it, until stopped', async () => {
    // The parent imports the module like the action does, starts the release, and exits.
    const parent = join(root, 'parent.mts');
    writeFileSync(
      parent,
      `import { startRelease } from ${JSON.stringify(pathToFileURL(join(REPO, 'packages/deploy/src/release/process.ts')).href)};
const running = await startRelease({ release: ${JSON.stringify(release)}, command: ${JSON.stringify(START)}, env: process.env });
console.log(JSON.stringify(running));
`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', parent], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const running = JSON.parse(run.stdout) as RunningRelease;
    started.push(running.pid);

    expect(releaseAlive(running.pid)).toBe(true);
    await ready(running);
    await stopRelease(running.pid, 5000);
    expect(releaseAlive(running.pid)).toBe(false);
  });

  it('gives the release PORT, HOST and its id, but not the runner credentials or tracking id', async () => {
    const running = await startRelease({
      release,
      command: START,
      port: 0,
      env: {
        ...process.env,
        ACTIONS_RUNTIME_TOKEN: 'runtime-token',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
        RUNNER_TRACKING_ID: 'github_1234',
        DATABASE_URL: 'postgres://db/app',
      },
    });
    started.push(running.pid);
    await ready(running);
    const env = (await (await fetch(`${running.upstream}/env`)).json()) as Record<string, string>;
    expect(env).toMatchObject({
      PORT: String(running.port),
      HOST: '127.0.0.1',
      SLIPWAY_RELEASE_ID: '1.0.0-abc',
      SLIPWAY_RELEASE_VERSION: '1.0.0',
      DATABASE_URL: 'postgres://db/app',
    });
    for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'RUNNER_TRACKING_ID'])
      expect(env).not.toHaveProperty(name);
    // The test run's marker stays, so that a leaked release is found.
    expect(env.SLIPWAY_TEST_RUN).toBe(process.env.SLIPWAY_TEST_RUN);
  });

  it('uses the port it is given', async () => {
    const first = await start();
    await stopRelease(first.pid, 5000);
    // The port the first release had is free again.
    const running = await startRelease({ release, command: START, env: process.env, port: first.port });
    started.push(running.pid);
    expect(running.port).toBe(first.port);
    await ready(running);
  });

  it('fails on a start-command that exits at once, with its code and log tail, and leaves nothing running', async () => {
    const command =
      'sleep 60 & echo $! > background.pid; echo "cannot reach https://app:hunter2@db.example/app" >&2; exit 3';
    await expect(startRelease({ release, command, env: process.env })).rejects.toThrow(
      userError('start-command', /exited at once with code 3[^]*cannot reach https:\/\/app:\*\*\*@db\.example\/app/),
    );
    const background = Number(readFileSync(join(release.dir, 'background.pid'), 'utf8'));
    expect(releaseAlive(background)).toBe(false);
    // Only the message is masked: the log on the host keeps what the release wrote.
    expect(readFileSync(join(root, 'releases/1.0.0-abc/release.log'), 'utf8')).toContain('cannot reach');
  });

  it('fails on a start-command that exits at once with success (a daemon), too', async () => {
    await expect(startRelease({ release, command: 'true', env: process.env })).rejects.toThrow(
      userError('start-command', /exited at once with code 0[^]*log .* is empty/),
    );
  });

  it('refuses to start in a missing folder with an internal error', async () => {
    mkdirSync(join(root, 'releases/2.0.0-def'));
    const missing = { ...release, dir: join(root, 'releases/2.0.0-def/app') };
    await expect(startRelease({ release: missing, command: START, env: process.env })).rejects.toThrow(
      /Cannot start the release in .*2\.0\.0-def\/app/,
    );
  });
});

describe('stopRelease', () => {
  it('stops the whole group, killing what ignores SIGTERM after the grace period', async () => {
    const running = await start(`trap '' TERM; sleep 60 & echo $! > child.pid; ${START}`);
    await ready(running);
    const child = Number(readFileSync(join(release.dir, 'child.pid'), 'utf8'));
    expect(releaseAlive(child)).toBe(true);
    await stopRelease(running.pid, 200);
    expect(releaseAlive(running.pid)).toBe(false);
    expect(releaseAlive(child)).toBe(false);
  });

  it('does nothing for a release that is already gone', async () => {
    const running = await start();
    await stopRelease(running.pid, 5000);
    await expect(stopRelease(running.pid, 5000)).resolves.toBeUndefined();
  });
});
