// The command router against real shell scripts: each call's SLIPWAY_* variables are appended to a
// file, and the tests assert the exact sequence a rollout, a promotion and an abort produce.
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionsExec, RecordingLogger, type Exec } from '@slipway/action-kit/lite';
import { makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { createCommandRouter } from '../src/providers/command/router.js';
import type { Release } from '../src/index.js';

const root = makeTree({
  'record.sh': [
    '#!/bin/sh',
    // One line per call: which input ran, and what it was told.
    'echo "$1 $SLIPWAY_OPERATION $SLIPWAY_RELEASE@$SLIPWAY_VERSION $SLIPWAY_WEIGHT% prev=$SLIPWAY_PREVIOUS_RELEASE env=$SLIPWAY_ENVIRONMENT stable=$SLIPWAY_STABLE_URL canary=$SLIPWAY_CANARY_URL token=${ACTIONS_RUNTIME_TOKEN:-none}" >> "$CALLS"',
  ].join('\n'),
});
const calls = join(root, 'calls.txt');
const script = (input: string) => `sh '${join(root, 'record.sh')}' ${input}`;
let stateDir = '';
let n = 0;

const A: Release = { id: '1.0.0-aaaaaaa', version: '1.0.0', upstream: 'http://127.0.0.1:4001' };
const B: Release = { id: '2.0.0-bbbbbbb', version: '2.0.0', upstream: 'http://127.0.0.1:4002' };

/** Real processes, without echoing their output into Jest's. */
const quietExec: Exec = (command, args, options = {}) => actionsExec(command, args, { ...options, silent: true });

const ALL = {
  'deploy-command': script('deploy-command'),
  'set-weight-command': script('set-weight-command'),
  'promote-command': script('promote-command'),
  'abort-command': script('abort-command'),
};

function router(settings: Record<string, string>, logger = new RecordingLogger()) {
  return createCommandRouter({
    stateDir,
    environment: 'prod',
    settings,
    // A runner credential in the environment must not reach the user's commands.
    env: { PATH: process.env.PATH, CALLS: calls, ACTIONS_RUNTIME_TOKEN: 'runner-secret' },
    exec: quietExec,
    logger,
  });
}

function recorded(): string[] {
  try {
    return readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

beforeEach(() => {
  rmSync(calls, { force: true });
  stateDir = join(root, `state-${n++}`);
});

afterAll(() => removeTree(root));

const AT_10 = `set-weight-command set-weight ${B.id}@2.0.0 10% prev=${A.id} env=prod stable=${A.upstream} canary=${B.upstream} token=none`;

describe('command router', () => {
  it('runs deploy once, then set-weight per step, then promote, with the variables of each', async () => {
    const r = await router(ALL);
    await r.setWeights(A, B, 10);
    await r.setWeights(A, B, 50);
    await r.setWeights(B, undefined, 0);
    await r.close();
    expect(recorded()).toStrictEqual([
      `deploy-command deploy ${B.id}@2.0.0 10% prev=${A.id} env=prod stable=${A.upstream} canary=${B.upstream} token=none`,
      AT_10,
      `set-weight-command set-weight ${B.id}@2.0.0 50% prev=${A.id} env=prod stable=${A.upstream} canary=${B.upstream} token=none`,
      `promote-command promote ${B.id}@2.0.0 100% prev=${A.id} env=prod stable=${B.upstream} canary= token=none`,
    ]);
  });

  it('aborts with abort-command: all traffic back on stable, the withdrawn canary as previous', async () => {
    const r = await router(ALL);
    await r.setWeights(A, B, 10);
    await r.setWeights(A, undefined, 0);
    expect(recorded().slice(1)).toStrictEqual([
      AT_10,
      `abort-command abort ${A.id}@1.0.0 100% prev=${B.id} env=prod stable=${A.upstream} canary= token=none`,
    ]);
  });

  it('falls back to set-weight-command for promote and abort when those are not set', async () => {
    const only = { 'set-weight-command': script('set-weight-command') };
    const r = await router(only);
    await r.setWeights(A, B, 10);
    await r.setWeights(B, undefined, 0);
    const C: Release = { id: '3.0.0-ccccccc', version: '3.0.0', upstream: 'http://127.0.0.1:4003' };
    await r.setWeights(B, C, 25);
    await r.setWeights(B, undefined, 0);
    expect(recorded().map((l) => l.split(' env=')[0])).toStrictEqual([
      `set-weight-command set-weight ${B.id}@2.0.0 10% prev=${A.id}`,
      `set-weight-command promote ${B.id}@2.0.0 100% prev=${A.id}`,
      `set-weight-command set-weight ${C.id}@3.0.0 25% prev=${B.id}`,
      `set-weight-command abort ${B.id}@2.0.0 100% prev=${C.id}`,
    ]);
  });

  it('tells a promotion from an abort in a later run (a paused canary promoted by the next run)', async () => {
    await (await router(ALL)).setWeights(A, B, 50);
    const next = await router(ALL);
    await next.setWeights(B, undefined, 0);
    expect(recorded().map((l) => l.split(' ').slice(0, 4).join(' '))).toStrictEqual([
      `deploy-command deploy ${B.id}@2.0.0 50%`,
      `set-weight-command set-weight ${B.id}@2.0.0 50%`,
      `promote-command promote ${B.id}@2.0.0 100%`,
    ]);
  });

  it('restores an older release with abort-command, naming the live release it replaces', async () => {
    const r = await router(ALL);
    await r.setWeights(A, B, 50);
    await r.setWeights(B, undefined, 0);
    await (await router(ALL)).setWeights(A, undefined, 0);
    expect(recorded().at(-1)).toBe(
      `abort-command abort ${A.id}@1.0.0 100% prev=${B.id} env=prod stable=${A.upstream} canary= token=none`,
    );
  });

  it('routes the first release of an environment with set-weight-command at 100%', async () => {
    await (await router(ALL)).setWeights(undefined, A, 100);
    expect(recorded().map((l) => l.split(' stable=')[0])).toStrictEqual([
      `deploy-command deploy ${A.id}@1.0.0 100% prev= env=prod`,
      `set-weight-command set-weight ${A.id}@1.0.0 100% prev= env=prod`,
    ]);
  });

  it('fails with a UserError on the input, its exit code and the redacted tail of its stderr', async () => {
    const long = 'x'.repeat(1000);
    const failing = `echo '${long}' >&2; echo 'denied by https://deploy:hunter2secret@api.example.com/v1' >&2; exit 7`;
    const r = await router({ 'set-weight-command': failing });
    const error = await r.setWeights(A, B, 10).catch((e: unknown) => e);
    expect(error).toEqual(
      userError('set-weight-command', /exited with code 7: …x+ \| denied by https:\/\/deploy:\*\*\*@api/),
    );
    const text = (error as Error).message;
    expect(text).not.toContain('hunter2secret');
    expect(text.length).toBeLessThan(400);
  });

  it('fails with a UserError on deploy-command before any traffic moves', async () => {
    const r = await router({ ...ALL, 'deploy-command': 'echo "no such image" >&2; exit 2' });
    await expect(r.setWeights(A, B, 10)).rejects.toThrow(userError('deploy-command', /code 2: no such image/));
    expect(recorded()).toStrictEqual([]);
  });

  it('stops a command that runs past command-timeout', async () => {
    const r = await router({ 'set-weight-command': 'sleep 30', 'command-timeout': '300ms' });
    await expect(r.setWeights(A, B, 10)).rejects.toThrow(
      userError('set-weight-command', /did not finish within 300ms/),
    );
  });

  it.each([
    [{}, 'set-weight-command', /is required by the command provider/],
    [{ 'set-weight-command': 'true', 'command-timeout': 'soon' }, 'command-timeout', /'soon' is not a duration/],
  ])('refuses settings it cannot work with (%j)', async (settings, input, message) => {
    await expect(router(settings)).rejects.toThrow(userError(input, message));
  });

  it('takes its front door from front-door-url', async () => {
    expect((await router({ 'set-weight-command': 'true' })).frontDoor).toBe('command provider');
    const r = await router({ 'set-weight-command': 'true', 'front-door-url': 'https://app.example.com' });
    expect(r.frontDoor).toBe('https://app.example.com');
  });
});

describe('command router traffic', () => {
  const statusFile = () => join(root, 'status.json');
  const withStatus = (logger: RecordingLogger) =>
    router({ 'set-weight-command': 'true', 'status-command': `cat '${statusFile()}'` }, logger);

  it('has no traffic to report without status-command', async () => {
    expect(await (await router({ 'set-weight-command': 'true' })).readTraffic()).toBeUndefined();
  });

  it('reads the JSON status-command prints', async () => {
    writeFileSync(
      statusFile(),
      JSON.stringify({
        [B.id]: { requests: 40, errors: 2, latenciesMs: [12, 30] },
        [A.id]: { requests: 360, errors: 0 },
      }),
    );
    const logger = new RecordingLogger();
    const traffic = await (await withStatus(logger)).readTraffic();
    expect(traffic).toStrictEqual(
      new Map([
        [B.id, { requests: 40, errors: 2, latenciesMs: [12, 30] }],
        [A.id, { requests: 360, errors: 0, latenciesMs: [] }],
      ]),
    );
    expect(logger.records).toStrictEqual([]);
  });

  it('gives the status command the variables of the last weight change', async () => {
    const logger = new RecordingLogger();
    const r = await router(
      {
        'set-weight-command': 'true',
        'status-command': 'printf \'{"%s":{"requests":%s,"errors":0}}\' "$SLIPWAY_RELEASE" "$SLIPWAY_WEIGHT"',
      },
      logger,
    );
    await r.setWeights(A, B, 25);
    expect(await r.readTraffic()).toStrictEqual(new Map([[B.id, { requests: 25, errors: 0, latenciesMs: [] }]]));
  });

  it.each([
    ['not JSON', 'requests: 40', /did not print JSON/],
    ['a negative count', JSON.stringify({ [B.id]: { requests: -1, errors: 0 } }), /requests/],
    ['no errors count', JSON.stringify({ [B.id]: { requests: 3 } }), /errors/],
    ['nothing', '', /printed nothing/],
  ])('answers undefined and warns once when the status is %s', async (_name, text, problem) => {
    writeFileSync(statusFile(), text);
    const logger = new RecordingLogger();
    const r = await withStatus(logger);
    expect(await r.readTraffic()).toBeUndefined();
    expect(await r.readTraffic()).toBeUndefined();
    const warnings = logger.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(problem);
    expect(warnings[0]).toMatch(/status-command.*judged on health probes/);
  });

  it('answers undefined with a warning when status-command fails', async () => {
    const logger = new RecordingLogger();
    const r = await router(
      { 'set-weight-command': 'true', 'status-command': 'echo "metrics API down" >&2; exit 1' },
      logger,
    );
    expect(await r.readTraffic()).toBeUndefined();
    expect(logger.messages('warning')).toStrictEqual([
      "input 'status-command': exited with code 1: metrics API down; steps are judged on health probes alone until it answers",
    ]);
  });
});
