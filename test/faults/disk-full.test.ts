// Fault 6: the disk under the ledger fills up during a deploy (nginx in front; its upstream file
// lives elsewhere, so only the ledger's folder is full). (a) Full before the canary starts: the
// first ledger write fails, nothing is started or routed. (b) Full while the canary takes traffic:
// the next ledger write fails. Either way the ledger on disk is the one before, whole, with no
// temporary file beside it, and no request the stable release answered fails.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { needsTool } from '../harness.js';
import { injectEnospc, mechanism, seamDisk, tmpfsDisk, type FullDisk } from './disk.js';
import type { Stage as StageType } from './harness.js';
import type { LoadResult } from './load.js';

// The seam must be in place before any module that writes is loaded: everything else comes after.
const MECHANISM = mechanism();
if (MECHANISM === 'seam') injectEnospc();
const { answeredBy, leftoverTemps, phases, Stage, stableId, untilServed, untilStepping } = await import('./harness.js');
const { isUserError } = await import('@slipway/action-kit/lite');
const { releaseAlive } = await import('@slipway/deploy');

/**
 * Resets nginx may cause on idle keep-alive connections at a reload (see canary-crash.test.ts): how
 * many depends on how requests race the old workers' exit, so on the machine's load (a CI run saw
 * 15 over three reloads), not on slipway. What the code guarantees is their kind: a connection
 * reset, never an HTTP error; and that the stable release fails none of the requests it gets.
 */
/** Who deploys and which commit, as the action stamps them on every transition. */
const AUDIT = { actor: 'octocat', commit: '3f9a1c0e5b7d2a4c6e8f0b1d3a5c7e9f1b3d5a7c' };
const NO_SPACE = /no space left on device|disk is full/i;

let stage: StageType;
let disk: FullDisk;

function expectStableUnharmed(seen: LoadResult, stable: string): void {
  expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
  expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
  for (const [what, count] of Object.entries(seen.tally.unattributed))
    expect([what, count > 0]).toStrictEqual(['ECONNRESET', true]);
}

/** Deploys `version` with the disk full from the start (pages left for the lock, none for the ledger). */
async function deployOnFullDisk(version: string) {
  disk.fill(3);
  try {
    return await stage.deployed(stage.plan(version, 'good', { audit: AUDIT }));
  } finally {
    disk.free();
  }
}

/** Deploys `version` and fills the disk while its canary takes traffic; frees nothing. */
async function fillDuringStep(version: string) {
  const running = stage.deploy(
    stage.plan(version, 'good', {
      audit: AUDIT,
      steps: [10, 50].map((weight) => ({ weight, pauseMs: 0 })),
      stepAnalysisMs: 3000,
    }),
  );
  await untilStepping(stage, running);
  const canary = stage.ledger().canary!.release;
  await untilServed(stage, canary.id);
  const before = readFileSync(stage.ledgerPath);
  // Two pages: enough for the lock's refresh (claim and new lock), too few for the ledger's copy.
  disk.fill(2);
  return { runId: running.plan.runId, canary, before, settled: await running.done };
}

needsTool('nginx').describe(`fault 6: the disk under the ledger is full (${MECHANISM})`, () => {
  beforeAll(async () => {
    stage = await Stage.open('nginx');
    disk = MECHANISM === 'tmpfs' ? tmpfsDisk(stage.environmentDir, stage.root) : seamDisk(stage.environmentDir);
    stage.onClose(() => disk.unmount());
    stage.onClose(() => disk.free());
    // A history of three releases: a ledger of a few pages, as any environment soon has.
    for (const version of ['1.0.0', '2.0.0', '3.0.0'])
      expect(
        (
          await stage.deployed(
            stage.plan(version, 'good', { audit: AUDIT, steps: [{ weight: 50, pauseMs: 0 }], stepAnalysisMs: 1000 }),
          )
        ).outcome,
      ).toMatchObject({ result: 'promoted' });
    // On the tmpfs, the ledger must need more pages than the lock's refresh does, or the lock fails first.
    if (MECHANISM === 'tmpfs' && statSync(stage.ledgerPath).size <= 2 * 4096)
      throw new Error(`test bug: the ledger is ${statSync(stage.ledgerPath).size} bytes, too small to fill past`);
  }, 90_000);

  afterAll(() => stage?.close(), 90_000);

  it('(a) full before the canary starts: the deploy fails, the ledger is intact, nothing started, traffic stays on stable', async () => {
    const stable = stableId(stage);
    const before = readFileSync(stage.ledgerPath);
    const load = stage.load();
    const { outcome, error } = await deployOnFullDisk('4.0.0');
    await load.more(30);
    const seen = await load.stop();

    expect(outcome).toBeUndefined();
    expect((error as Error).message).toMatch(NO_SPACE);
    expect(readFileSync(stage.ledgerPath)).toStrictEqual(before);
    expect(leftoverTemps(stage.environmentDir)).toStrictEqual([]);
    expect(existsSync(join(stage.environmentDir, 'lock'))).toBe(false);
    // The canary was never started: it never listened, so it never wrote where.
    expect(readdirSync(stage.receipts).filter((f) => f.startsWith('4.0.0'))).toStrictEqual([]);
    expectStableUnharmed(seen, stable);
    expect(answeredBy(seen)).toStrictEqual(new Set([stable]));
  });

  // A full disk is the user's to fix: one error naming the ledger file, not an internal error.
  it('(a) the error is a UserError that names the ledger and says the disk is full', async () => {
    const { error } = await deployOnFullDisk('4.0.1');
    expect(isUserError(error)).toBe(true);
    const said = isUserError(error) ? error.describe() : String(error);
    expect(said).toMatch(NO_SPACE);
    expect(said).toContain(stage.ledgerPath);
  });

  it('(b) full while the canary takes traffic: the deploy fails, the ledger is intact, and once there is room recovery puts all traffic on stable', async () => {
    const stable = stableId(stage);
    const load = stage.load();
    const { runId, canary, before, settled } = await fillDuringStep('5.0.0');

    expect(settled.outcome).toBeUndefined();
    expect((settled.error as Error).message).toMatch(NO_SPACE);
    expect(readFileSync(stage.ledgerPath)).toStrictEqual(before);
    expect(leftoverTemps(stage.environmentDir)).toStrictEqual([]);
    expect(stage.ledger().canary).toMatchObject({ phase: 'stepping', weight: 10, runId });
    expect(existsSync(join(stage.environmentDir, 'lock'))).toBe(false);

    disk.free();
    await expect(stage.recover(runId)).resolves.toMatch(/rolled back, all traffic on /);
    const seen = await load.stop();

    expect(stage.ledger()).toMatchObject({ stable: { id: stable } });
    expect(stage.ledger().canary).toBeUndefined();
    expect(phases(stage.ledger().transitions.slice(-2))).toStrictEqual(['aborting', 'rolled-back']);
    expect(releaseAlive(canary.pid!)).toBe(false);
    expectStableUnharmed(seen, stable);
    expect(seen.tally.byRelease[canary.id]).toMatchObject({ failed: 0 });
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable]));
  });

  // When the ledger cannot be written, the abort cannot be recorded, but traffic still goes back to
  // stable ("whatever went wrong, a canary this run started does not stay half-routed"): the ledger
  // still names the canary, and the next run aborts it again, which changes nothing more.
  it('(b) the failed deploy leaves all traffic on stable, not on the canary', async () => {
    const stable = stableId(stage);
    const load = stage.load();
    const { runId } = await fillDuringStep('6.0.0');
    try {
      await load.stop();
      expect(answeredBy(await stage.sample(100))).toStrictEqual(new Set([stable]));
    } finally {
      disk.free();
      await stage.recover(runId);
    }
  });
});
