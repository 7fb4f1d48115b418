// Fault 4: nginx fails a weight change during a step (its reload command fails, or `nginx -t`
// refuses the new upstream file). The router puts the previous upstream file back (so the file
// matches what nginx runs), the deploy stops with an error naming the input, and the one abort
// path sends all traffic to stable. When the reload keeps failing, the abort cannot reload either:
// nginx keeps the canary's last share until the reload works again and the recovery runs.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { releaseAlive, type ReleaseRecord } from '@slipway/deploy';
import { renderUpstream } from '../../packages/deploy/src/providers/nginx/config.js';
import { needsTool } from '../harness.js';
import { userError } from '../matchers.js';
import type { FaultNginx } from './front-doors.js';
import { answeredBy, ENVIRONMENT, leftoverTemps, phases, Stage, untilServed, untilStepping } from './harness.js';
import type { LoadResult } from './load.js';

/**
 * Resets nginx may cause on idle keep-alive connections at a reload (see canary-crash.test.ts): how
 * many depends on how requests race the old workers' exit, so on the machine's load (a CI run saw
 * 15 over three reloads), not on slipway. What the code guarantees is their kind: a connection
 * reset, never an HTTP error; and that the stable release fails none of the requests it gets.
 */

let stage: Stage;
const nginx = (): FaultNginx => stage.door as FaultNginx;
const upstreamFile = (): string => readFileSync(nginx().upstreamFile, 'utf8');
const routed = (r: ReleaseRecord) => ({ id: r.id, version: r.version, upstream: r.upstream });

/** The stable release answered and failed nothing; nothing else failed but the resets a reload may cause. */
function expectStableUnharmed(seen: LoadResult, stable: string): void {
  expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
  expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
  for (const [what, count] of Object.entries(seen.tally.unattributed))
    expect([what, count > 0]).toStrictEqual(['ECONNRESET', true]);
}

needsTool('nginx').describe('fault 4: nginx fails a weight change during a step', () => {
  beforeAll(async () => {
    stage = await Stage.open('nginx');
    expect((await stage.deployed(stage.plan('1.0.0'))).outcome).toMatchObject({ result: 'promoted' });
  }, 60_000);

  afterAll(() => stage?.close(), 90_000);

  /** Steps 10 then 25: the second weight change (call 2 of each command) is step 2's. */
  const plan = (version: string) =>
    stage.plan(version, 'good', {
      steps: [10, 25, 100].map((weight) => ({ weight, pauseMs: 0 })),
      stepAnalysisMs: 1500,
    });

  it.each([
    [
      'its reload command fails once',
      'reload',
      'nginx-reload-command',
      /nginx did not reload: nginx: \[emerg\] injected fault: call 2 of reload/,
    ],
    [
      'nginx -t refuses the new file once',
      'test',
      'nginx-upstream-file',
      /nginx refused the new upstream file .*upstream\.conf: nginx: \[emerg\] injected fault: call 2 of test/,
    ],
  ] as const)(
    'when %s at step 2, the deploy aborts to stable and the upstream file names stable alone',
    async (_name, command, input, message) => {
      const stable = stage.ledger().stable!;
      nginx().failCalls(command, [2]);
      const load = stage.load();
      const running = stage.deploy(plan(`2.0.0-${command}`));
      const { outcome, error } = await running.done;
      const seen = await load.stop();
      nginx().failCalls(command, []);

      expect(outcome).toBeUndefined();
      expect(error).toEqual(userError(input, message));
      const ledger = stage.ledger();
      expect(ledger.stable!.id).toBe(stable.id);
      expect(ledger.canary).toBeUndefined();
      // Step 2 was recorded before nginx was asked; the abort followed it.
      const mine = stage.transitionsOf(running.plan.runId);
      expect(phases(mine).slice(-4)).toStrictEqual(['stepping', 'stepping', 'aborting', 'rolled-back']);
      expect(mine.at(-3)).toMatchObject({ weight: 25 });
      const canary = mine[0]!.release!;
      expect(upstreamFile()).toBe(renderUpstream(ENVIRONMENT, routed(stable), undefined, 0));
      expect(leftoverTemps(stage.root)).toStrictEqual([]);
      expectStableUnharmed(seen, stable.id);
      expect(seen.tally.byRelease[canary]).toMatchObject({ failed: 0 });
      expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable.id]));
    },
  );

  it('when the reload keeps failing from step 2 on, the file stays what nginx runs, and recovery finishes the abort once nginx reloads again', async () => {
    const stable = stage.ledger().stable!;
    nginx().failCalls('reload', ['2+']);
    const load = stage.load();
    const running = stage.deploy(plan('3.0.0'));
    await untilStepping(stage, running);
    const canary = stage.ledger().canary!.release;
    await untilServed(stage, canary.id);
    const { error, logger } = await running.done;

    expect(error).toEqual(userError('nginx-reload-command', /nginx did not reload/));
    expect(logger.messages('error')).toStrictEqual([
      expect.stringMatching(/^could not roll back after the error: nginx did not reload/),
    ]);
    expect(stage.ledger().canary).toMatchObject({ phase: 'aborting', runId: running.plan.runId });
    // The file was put back to step 1's, which is what nginx still runs: the canary keeps its tenth.
    expect(upstreamFile()).toBe(renderUpstream(ENVIRONMENT, routed(stable), routed(canary), 10));
    expect(releaseAlive(canary.pid!)).toBe(true);

    nginx().failCalls('reload', []);
    await expect(stage.recover(running.plan.runId)).resolves.toMatch(/rolled back, all traffic on /);
    const seen = await load.stop();

    expect(stage.ledger()).toMatchObject({ stable: { id: stable.id } });
    expect(stage.ledger().canary).toBeUndefined();
    expect(upstreamFile()).toBe(renderUpstream(ENVIRONMENT, routed(stable), undefined, 0));
    expect(releaseAlive(canary.pid!)).toBe(false);
    expectStableUnharmed(seen, stable.id);
    expect(seen.tally.byRelease[canary.id]).toMatchObject({ failed: 0 });
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable.id]));
  });
});
