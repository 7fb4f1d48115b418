// Fault 1: the canary's process dies (kill -9 of the pid the ledger records) while its first step
// is being analysed. The controller notices at its next probe, rolls back through the one abort
// path, and the stable release keeps serving; behind each router, no request the stable release
// answered fails.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { releaseAlive } from '@slipway/deploy';
import { needsTool } from '../harness.js';
import { TOOL, type FrontDoor } from './front-doors.js';
import { answeredBy, phases, Stage, stableId, untilServed, untilStepping } from './harness.js';

/**
 * Requests the load may lose without an answer, per router. nginx has no runtime API: each weight
 * change is a reload, and an old worker closing an idle keep-alive connection races a request
 * sent on it. How many depends on the machine's load, not on slipway, so for nginx only their
 * kind is asserted (a connection reset, never an HTTP error); the local proxy and HAProxy lose none.
 */
const LOSES_NONE: Record<FrontDoor['provider'], boolean> = { local: true, haproxy: true, nginx: false };

for (const provider of ['local', 'haproxy', 'nginx'] as const) {
  const tool = TOOL[provider];
  const suite = tool ? needsTool(tool) : { describe };
  suite.describe(`fault 1 on ${provider}: the canary's process is killed during analysis`, () => {
    let stage: Stage;

    beforeAll(async () => {
      stage = await Stage.open(provider);
      const first = await stage.deployed(stage.plan('1.0.0'));
      expect(first.error).toBeUndefined();
      expect(first.outcome).toMatchObject({ result: 'promoted' });
    }, 60_000);

    afterAll(() => stage?.close(), 90_000);

    it('rolls the canary back and the stable release keeps serving every request it gets', async () => {
      const stable = stableId(stage);
      const load = stage.load();
      // A long window: the kill lands inside it whatever the machine's speed.
      const running = stage.deploy(stage.plan('2.0.0', 'good', { stepAnalysisMs: 60_000 }));
      await untilStepping(stage, running);
      const canary = stage.ledger().canary!.release;
      await untilServed(stage, canary.id); // the load reaches both releases
      process.kill(canary.pid!, 'SIGKILL');
      const { outcome, error } = await running.done;
      const seen = await load.stop();

      expect(error).toBeUndefined();
      expect(outcome).toMatchObject({ result: 'rolled-back', weight: 0, previousReleaseId: stable });
      expect(outcome!.reason).toMatch(/^step 1 at 10%: the canary process exited during the analysis$/);
      expect(releaseAlive(canary.pid!)).toBe(false);
      const ledger = stage.ledger();
      expect(ledger.stable!.id).toBe(stable);
      expect(ledger.canary).toBeUndefined();
      expect(phases(stage.transitionsOf(running.plan.runId)).slice(-3)).toStrictEqual([
        'stepping',
        'aborting',
        'rolled-back',
      ]);
      // The stable release answered and failed nothing; what failed was the canary's.
      expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
      expect(seen.tally.byRelease[stable]!.failed).toBe(0);
      const lost = Object.values(seen.tally.unattributed).reduce((a, b) => a + b, 0);
      if (LOSES_NONE[provider]) expect(lost).toBe(0);
      else expect(Object.keys(seen.tally.unattributed).filter((what) => what !== 'ECONNRESET')).toStrictEqual([]);
      expect(Object.keys(seen.tally.byRelease).sort()).toStrictEqual([canary.id, stable].sort());
      // And now only the stable release answers.
      const after = await stage.sample();
      expect(answeredBy(after)).toStrictEqual(new Set([stable]));
      expect(after.tally.byRelease[stable]!.failed).toBe(0);
    });
  });
}
