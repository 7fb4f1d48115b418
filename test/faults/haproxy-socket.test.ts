// Fault 3: HAProxy's runtime API goes away while a canary is being analysed: (a) the admin socket
// file disappears (HAProxy keeps serving), (b) HAProxy itself stops and is started again. The
// deploy stops with an error naming haproxy-socket; its abort cannot reach HAProxy either, so the
// canary keeps the share HAProxy last had (it is healthy and keeps answering) while the ledger
// records the abort as begun. Once the socket is back, the post step's recovery finishes the
// abort and all traffic is on stable. A restarted HAProxy has lost every runtime change (both
// slots are as its configuration declares them: in maintenance) and routes nothing until then;
// (c) with no deploy running, deploying the stable release again routes its traffic back.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { renameSync } from 'node:fs';
import { releaseAlive } from '@slipway/deploy';
import { needsTool } from '../harness.js';
import { userError } from '../matchers.js';
import type { FaultHaproxy } from './front-doors.js';
import { answeredBy, phases, Stage, stableId, untilServed, untilStepping, type Settled } from './harness.js';

let stage: Stage;
const haproxy = (): FaultHaproxy => stage.door as FaultHaproxy;

/** Deploys `version` with a window that outlasts the fault, and applies `fault` once the canary takes traffic. */
async function deployThrough(version: string, fault: () => Promise<void> | void) {
  // A window of 20 s has looks every 2 s: the fault lands inside it, and the next look meets it.
  const running = stage.deploy(stage.plan(version, 'good', { stepAnalysisMs: 20_000 }));
  await untilStepping(stage, running);
  const canary = stage.ledger().canary!.release;
  await untilServed(stage, canary.id);
  await fault();
  const settled: Settled = await running.done;
  return { runId: running.plan.runId, canary, settled };
}

needsTool('haproxy').describe("fault 3: HAProxy's runtime API goes away mid-deploy", () => {
  beforeAll(async () => {
    stage = await Stage.open('haproxy');
    expect((await stage.deployed(stage.plan('1.0.0'))).outcome).toMatchObject({ result: 'promoted' });
  }, 60_000);

  afterAll(() => stage?.close(), 90_000);

  it('(a) the socket file is removed: a clear error, the canary keeps its share until the socket is back, then recovery puts all traffic on stable', async () => {
    const stable = stableId(stage);
    const away = `${haproxy().adminSocket}.away`;
    const load = stage.load();
    const { runId, canary, settled } = await deployThrough('2.0.0', () => renameSync(haproxy().adminSocket, away));

    expect(settled.error).toEqual(userError('haproxy-socket', /admin\.sock does not exist/));
    expect(settled.logger.messages('error')).toStrictEqual([
      expect.stringMatching(/^could not roll back after the error: .*admin\.sock does not exist/),
    ]);
    // The abort was recorded before it was tried; HAProxy never heard of it.
    expect(stage.ledger().canary).toMatchObject({ phase: 'aborting', weight: 0, runId });
    expect(phases(stage.transitionsOf(runId)).slice(-2)).toStrictEqual(['stepping', 'aborting']);
    expect(releaseAlive(canary.pid!)).toBe(true);
    // HAProxy (weighted round robin at 90/10) still gives the canary its tenth, and both answer.
    const during = await stage.sample(100);
    expect(answeredBy(during)).toStrictEqual(new Set([stable, canary.id]));

    // The post step, run while the socket is still gone, can do no more than say so; it changes nothing.
    await expect(stage.recover(runId)).rejects.toEqual(userError('haproxy-socket', /does not exist/));
    expect(stage.ledger().canary).toMatchObject({ phase: 'aborting', runId });

    renameSync(away, haproxy().adminSocket);
    await expect(stage.recover(runId)).resolves.toMatch(/rolled back, all traffic on /);
    const seen = await load.stop();

    expect(stage.ledger().stable!.id).toBe(stable);
    expect(stage.ledger().canary).toBeUndefined();
    expect(stage.ledger().transitions.at(-1)).toMatchObject({ to: 'rolled-back', runId: `${runId}-recover` });
    expect(releaseAlive(canary.pid!)).toBe(false);
    expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
    expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
    expect(seen.tally.unattributed).toStrictEqual({});
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable]));
  });

  it('(b) HAProxy stops mid-analysis and starts again: a clear error; the restarted HAProxy routes nothing until recovery puts all traffic on stable', async () => {
    const stable = stableId(stage);
    const load = stage.load();
    const { runId, canary, settled } = await deployThrough('3.0.0', () => haproxy().halt());

    expect(settled.error).toEqual(
      userError('haproxy-socket', /admin\.sock (does not exist|exists but nothing listens)/),
    );
    expect(stage.ledger().canary).toMatchObject({ phase: 'aborting', runId });
    expect(releaseAlive(canary.pid!)).toBe(true);

    await haproxy().start();
    // Runtime changes do not survive a restart: both slots are back in maintenance.
    const restarted = await stage.sample(20);
    expect(restarted.tally.byRelease).toStrictEqual({});
    expect(restarted.tally.unattributed).toStrictEqual({ 'status 503': restarted.tally.total });

    await expect(stage.recover(runId)).resolves.toMatch(/rolled back, all traffic on /);
    const seen = await load.stop();

    expect(stage.ledger()).toMatchObject({ stable: { id: stable } });
    expect(stage.ledger().canary).toBeUndefined();
    expect(releaseAlive(canary.pid!)).toBe(false);
    expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
    // What failed failed at the front door: refused while HAProxy was down, 503 while it routed nothing.
    for (const what of Object.keys(seen.tally.unattributed))
      expect(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'status 503']).toContain(what);
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable]));
  });

  it('(c) HAProxy restarts between deploys: it routes nothing; deploying the stable release again routes its traffic back', async () => {
    const stable = stableId(stage);
    await haproxy().halt();
    await haproxy().start();
    const restarted = await stage.sample(20);
    expect(restarted.tally.unattributed).toStrictEqual({ 'status 503': restarted.tally.total });

    // Before, this said "nothing to do" and left every request a 503.
    const again = await stage.deployed(stage.plan('1.0.0'));
    expect(again.outcome).toMatchObject({ result: 'promoted', releaseId: stable });
    expect(again.outcome?.reason).toMatch(/already the stable release .*routed to it again/);
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable]));
    expect(stage.ledger()).toMatchObject({ stable: { id: stable } });
  });
});
