// Fault 7: the clock jumps while a canary is being analysed: the wall clock an hour forward or
// back (an NTP step; the monotonic clock goes on), or both an hour forward (a machine suspended
// and resumed). Windows are measured on the monotonic clock, so the verdict stays sane; the lock
// is refreshed on the clock as it now reads, so other runs (on the same clock) are refused. A run
// that finds a lock expired by the jump before its holder refreshed it takes the lock over; the
// holder then stops at its next refresh, writing nothing more.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '@slipway/action-kit/lite';
import { acquireLock, releaseAlive, type LockRecord } from '@slipway/deploy';
import { userError } from '../matchers.js';
import { answeredBy, ENVIRONMENT, phases, Stage, stableId, until, untilServed, untilStepping } from './harness.js';

const HOUR = 60 * 60 * 1000;
/** The deploy's lock lives this long without a refresh (controller.ts). */
const LOCK_TTL_MS = 10 * 60 * 1000;

/** The system clock, but for an offset the test moves; while held, every sleep waits for `release`. */
class JumpingClock implements Clock {
  private wall = 0;
  private mono = 0;
  private gate: Promise<void> | undefined;
  private open: () => void = () => {};
  /** Sleeps waiting at the gate now. */
  held = 0;

  now = (): number => Date.now() + this.wall;
  monotonic = (): number => performance.now() + this.mono;
  sleep = async (ms: number): Promise<void> => {
    while (this.gate) {
      this.held++;
      await this.gate;
      this.held--;
    }
    await systemClock.sleep(ms);
  };

  /** Moves the wall clock by `ms`, and the monotonic one too when `suspended`. */
  jump(ms: number, suspended = false): void {
    this.wall += ms;
    if (suspended) this.mono += ms;
  }

  hold(): void {
    this.gate = new Promise((r) => (this.open = r));
  }

  release(): void {
    this.gate = undefined;
    this.open();
  }
}

let stage: Stage;
const lockPath = (): string => join(stage.environmentDir, 'lock');
const lock = (): LockRecord | undefined => {
  try {
    return JSON.parse(readFileSync(lockPath(), 'utf8')) as LockRecord;
  } catch {
    return undefined;
  }
};
const contender = (clock: Clock) =>
  acquireLock({
    stateDir: stage.stateDir,
    environment: ENVIRONMENT,
    owner: 'contender',
    runId: 'contender-1',
    ttlMs: LOCK_TTL_MS,
    clock,
  });

describe('fault 7: the clock jumps during analysis', () => {
  beforeAll(async () => {
    stage = await Stage.open('local');
    expect((await stage.deployed(stage.plan('1.0.0'))).outcome).toMatchObject({ result: 'promoted' });
  }, 60_000);

  afterAll(() => stage?.close(), 90_000);

  it.each([
    ['the wall clock jumps an hour forward', HOUR, false],
    ['the wall clock jumps an hour back', -HOUR, false],
    ['the machine is suspended for an hour (wall and monotonic clocks forward)', HOUR, true],
  ] as const)('%s: no crash, a passing verdict, the lock kept on the new time', async (_name, offset, suspended) => {
    const stable = stableId(stage);
    const clock = new JumpingClock();
    const load = stage.load();
    // Drain gives the time after the last refresh to look at the lock and try to take it.
    const plan = stage.plan(`2.0.0-${offset > 0 ? 'fwd' : 'back'}${suspended ? '-suspended' : ''}`, 'good', {
      steps: [{ weight: 50, pauseMs: 0 }],
      stepAnalysisMs: 3000,
      drainMs: 2000,
    });
    const running = stage.deploy(plan, { clock });
    await untilStepping(stage, running);
    const canary = stage.ledger().canary!.release;
    await untilServed(stage, canary.id);
    clock.jump(offset, suspended);
    // The holder's next refresh bases the expiry on the clock as it now reads ...
    await until('the lock is refreshed on the new time', () => {
      const expires = Date.parse(lock()?.expiresAt ?? '');
      return Math.abs(expires - (clock.now() + LOCK_TTL_MS)) < HOUR / 2;
    });
    // ... so a run on the same clock finds it held, not expired.
    await expect(contender(clock)).rejects.toEqual(userError('environment', /is locked by scenario deploy of 2\.0\.0/));
    const { outcome, error } = await running.done;
    const seen = await load.stop();

    expect(error).toBeUndefined();
    expect(outcome).toMatchObject({ result: 'promoted', previousReleaseId: stable });
    expect(outcome!.report.steps.map((s) => s.verdict)).toStrictEqual(['pass']);
    expect(lock()).toBeUndefined();
    const ledger = stage.ledger();
    expect(ledger.stable!.id).toBe(canary.id);
    expect(ledger.canary).toBeUndefined();
    // The transitions carry the time as the clock read it: an hour apart across the jump.
    const mine = stage.transitionsOf(plan.runId);
    expect(phases(mine)).toStrictEqual(['starting', 'starting', 'ready', 'stepping', 'promoting', 'promoted']);
    const across = Date.parse(mine.at(-1)!.at) - Date.parse(mine.find((t) => t.to === 'stepping')!.at);
    expect(Math.sign(across)).toBe(Math.sign(offset));
    expect(Math.abs(across)).toBeGreaterThan(HOUR / 2);
    expect(releaseAlive(stage.ledger().releases[0]!.pid!)).toBe(false); // the old stable, drained and stopped
    for (const id of [stable, canary.id]) expect(seen.tally.byRelease[id]).toMatchObject({ failed: 0 });
    expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
    expect(seen.tally.unattributed).toStrictEqual({});
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([canary.id]));
  });

  it('a run that finds the lock expired by a forward jump, before its holder refreshed it, takes it over; the holder stops acting', async () => {
    const stable = stableId(stage);
    const clock = new JumpingClock();
    const load = stage.load();
    const running = stage.deploy(
      stage.plan('3.0.0', 'good', { steps: [{ weight: 50, pauseMs: 0 }], stepAnalysisMs: 20_000 }),
      { clock },
    );
    await untilStepping(stage, running);
    const canary = stage.ledger().canary!.release;
    await untilServed(stage, canary.id);
    // The holder waits in a sleep (so no refresh is half done) while the clock jumps past its lock's expiry.
    clock.hold();
    let taken: Awaited<ReturnType<typeof contender>>;
    try {
      await until('the deploy waits in a sleep', () => clock.held > 0);
      clock.jump(HOUR);
      taken = await contender(clock);
    } finally {
      clock.release(); // also when the test fails: a held deploy would never end
    }
    expect(taken.tookOver).toMatch(/^scenario deploy of 3\.0\.0 \(run .*\), whose lock was stale: it expired at /);
    const { error } = await running.done;

    // The holder's next refresh finds the lock gone to another run: it stops, with the canary left to that run.
    expect(error).toEqual(userError('environment', /this run's lock was taken over by contender/));
    const ledger = stage.ledger();
    expect(ledger.canary).toMatchObject({ phase: 'stepping', weight: 50 });
    expect(phases(stage.transitionsOf(running.plan.runId)).at(-1)).toBe('stepping');
    expect(releaseAlive(canary.pid!)).toBe(true);

    // The new holder (here: the recovery, once the contender lets go) rolls the canary back.
    await taken.release();
    await expect(stage.recover()).resolves.toMatch(/rolled back, all traffic on /);
    const seen = await load.stop();
    expect(stage.ledger()).toMatchObject({ stable: { id: stable } });
    expect(releaseAlive(canary.pid!)).toBe(false);
    expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
    expect(seen.tally.unattributed).toStrictEqual({});
    expect(answeredBy(await stage.sample())).toStrictEqual(new Set([stable]));
  });
});
