// Fault 2: the deploy itself is killed with SIGKILL while its canary takes traffic (a runner that
// lost its machine, an OOM kill): no handler runs, so the canary is left half-routed. What
// finishes it is (a) deploy-canary's post step, or (b) the next run, which rolls it back before
// deploying its own release. dist/deploy-canary/index.js runs exactly as the runner runs it
// (main, then post with the state main saved), in front of a real HAProxy, under load.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseAlive } from '@slipway/deploy';
import { inputVar, needsTool, parseOutputFile, REPO, runBundleAsync } from '../harness.js';
import { answeredBy, ENVIRONMENT, phases, Stage, stableId, untilServed, untilStepping } from './harness.js';

const suite = needsTool('haproxy');
let stage: Stage;

suite.describe('fault 2: the deploy is killed with SIGKILL mid-rollout (dist/deploy-canary on HAProxy)', () => {
  beforeAll(async () => {
    stage = await Stage.open('haproxy');
    const first = await stage.deployed(stage.plan('1.0.0'));
    expect(first.outcome).toMatchObject({ result: 'promoted' });
  }, 60_000);

  afterAll(() => stage?.close(), 90_000);

  /** The action's inputs for one version (its folder is written by the stage). */
  const inputs = (version: string, over: Record<string, string> = {}): Record<string, string> => ({
    provider: 'haproxy',
    environment: ENVIRONMENT,
    artifact: stage.release(version),
    version,
    'state-dir': stage.stateDir,
    ...stage.door.settings,
    'start-command': 'exec node server.mjs',
    steps: '10,50',
    'step-analysis': '2s',
    drain: '0s',
    ...over,
  });
  /** What the runner gives every step of run `runId`. */
  const runnerEnv = (runId: string): Record<string, string> => ({
    SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN ?? '',
    GITHUB_RUN_ID: runId,
    FAULTS_RECEIPTS: stage.receipts,
  });

  /** Starts main with a window that never ends, kills it with SIGKILL once its canary takes traffic; returns the state it saved. */
  const killedMain = async (version: string, runId: string): Promise<Record<string, string>> => {
    const stateFile = join(stage.root, `state-${runId}`);
    writeFileSync(stateFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: stage.root,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: stage.root,
      GITHUB_STATE: stateFile,
      GITHUB_OUTPUT: join(stage.root, `output-${runId}`),
      ...runnerEnv(runId),
    };
    for (const [name, value] of Object.entries(inputs(version, { 'step-analysis': '10m' })))
      env[inputVar(name)] = value;
    const main = spawn(process.execPath, [join(REPO, 'dist', 'deploy-canary', 'index.js')], {
      cwd: stage.root,
      env,
      stdio: 'ignore',
    });
    const exited = new Promise((r) => main.once('exit', r));
    try {
      await untilStepping(stage);
      await untilServed(stage, stage.ledger().canary!.release.id);
    } finally {
      main.kill('SIGKILL');
      await exited;
    }
    return parseOutputFile(readFileSync(stateFile, 'utf8'));
  };

  it('(a) the post step rolls the canary back; the stable release fails no request', async () => {
    const stable = stableId(stage);
    const load = stage.load();
    const state = await killedMain('2.0.0', '4242');
    const left = stage.ledger().canary!;
    expect(left).toMatchObject({ phase: 'stepping', weight: 10, runId: '4242-1' });
    // Nothing ran after the kill: the canary still runs and still has its share.
    expect(releaseAlive(left.release.pid!)).toBe(true);

    expect(state['slipway-post']).toBe('true');
    const postEnv = { ...runnerEnv('4242') };
    for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
    const post = await runBundleAsync('deploy-canary', inputs('2.0.0'), { workspace: stage.root, env: postEnv });
    const seen = await load.stop();

    expect(post.status).toBe(0);
    expect(post.stdout).toContain(
      `::warning::post: run 4242-1 ended with canary ${left.release.id} stepping at 10%25: rolled back, all traffic on ${stable}`,
    );
    const ledger = stage.ledger();
    expect(ledger.stable!.id).toBe(stable);
    expect(ledger.canary).toBeUndefined();
    expect(ledger.transitions.at(-1)).toMatchObject({ to: 'rolled-back', runId: '4242-1-recover' });
    expect(releaseAlive(left.release.pid!)).toBe(false);
    expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
    expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
    expect(seen.tally.byRelease[left.release.id]).toMatchObject({ failed: 0 });
    expect(seen.tally.unattributed).toStrictEqual({});
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable]));
  });

  it('(b) the next run rolls the canary back before deploying its own release, which is promoted', async () => {
    const stable = stableId(stage);
    const load = stage.load();
    await killedMain('3.0.0', '4243');
    const left = stage.ledger().canary!;
    expect(left).toMatchObject({ phase: 'stepping', weight: 10, runId: '4243-1' });

    const next = await runBundleAsync('deploy-canary', inputs('4.0.0', { steps: '50' }), {
      workspace: stage.root,
      env: runnerEnv('4244'),
    });
    const seen = await load.stop();

    expect(next.status).toBe(0);
    expect(next.stdout).toContain(
      `::warning::run 4243-1 left canary ${left.release.id} stepping at 10%25: rolling it back before this deploy`,
    );
    expect(next.outputs).toMatchObject({ result: 'promoted', 'previous-release-id': stable });
    const promoted = next.outputs['release-id']!;
    const ledger = stage.ledger();
    expect(ledger.stable!.id).toBe(promoted);
    expect(ledger.canary).toBeUndefined();
    const mine = ledger.transitions.filter((t) => t.runId === '4244-1');
    expect(phases(mine)).toStrictEqual([
      'aborting',
      'rolled-back',
      'starting',
      'starting',
      'ready',
      'stepping',
      'promoting',
      'promoted',
    ]);
    expect(mine[1]).toMatchObject({
      release: left.release.id,
      note: expect.stringMatching(/rolled back by run 4244-1/),
    });
    expect(releaseAlive(left.release.pid!)).toBe(false);
    // Every release that answered (the old stable, the abandoned canary, the new one) failed nothing.
    for (const id of [stable, left.release.id, promoted]) expect(seen.tally.byRelease[id]).toMatchObject({ failed: 0 });
    expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
    expect(seen.tally.unattributed).toStrictEqual({});
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([promoted]));
  });
});
