import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock } from '@slipway/action-kit/lite';
import { acquire, lockHolder, type LockOptions, type LockRecord } from '../src/lock.js';
import { makeTree, REPO, removeTree } from '../../../test/harness.js';
import { present, userError } from '../../../test/matchers.js';

const T0 = Date.parse('2026-11-30T12:00:00.000Z');
const TTL = 60_000;

let state: string;
let clock: ManualClock;
beforeEach(() => {
  state = makeTree({}, 'slipway-lock-');
  clock = new ManualClock(T0);
});
afterEach(() => removeTree(state));

const lockFile = (): string => join(state, 'production', 'lock');
const onDisk = (): LockRecord => JSON.parse(readFileSync(lockFile(), 'utf8')) as LockRecord;
const options = (runId: string, more: Partial<LockOptions> = {}): LockOptions => ({
  stateDir: state,
  environment: 'production',
  owner: 'deploy (octo/app)',
  runId,
  ttlMs: TTL,
  clock,
  ...more,
});

/** Puts a lock on disk as another run would have left it. */
function plant(record: Partial<LockRecord>): LockRecord {
  const full: LockRecord = {
    owner: 'deploy (octo/other)',
    runId: 'run-old',
    pid: process.pid,
    host: hostname(),
    acquiredAt: new Date(T0 - 1000).toISOString(),
    expiresAt: new Date(T0 + TTL).toISOString(),
    token: 'ab'.repeat(16),
    ...record,
  };
  mkdirSync(join(state, 'production'), { recursive: true });
  writeFileSync(lockFile(), JSON.stringify(full));
  return full;
}

/** The pid of a process that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return present(child.pid);
}

describe('acquire', () => {
  it('takes a free lock and writes who holds it until when', async () => {
    const lock = await acquire(options('run-1'));
    expect(onDisk()).toEqual(lock.record);
    expect(lock.record).toMatchObject({
      owner: 'deploy (octo/app)',
      runId: 'run-1',
      pid: process.pid,
      host: hostname(),
      acquiredAt: '2026-11-30T12:00:00.000Z',
      expiresAt: '2026-11-30T12:01:00.000Z',
    });
    expect(lock.tookOver).toBeUndefined();
    // Only the lock itself: no temporary or claim file is left behind.
    expect(readdirSync(join(state, 'production'))).toEqual(['lock']);
  });

  it('refuses a second run at once, saying who holds the lock, since when, until when and what to do', async () => {
    const first = await acquire(options('run-1'));
    clock.advance(5000);
    await expect(acquire(options('run-2', { owner: 'someone else' }))).rejects.toThrow(
      userError(
        'environment',
        new RegExp(
          `environment 'production' is locked by deploy \\(octo/app\\) \\(run run-1, process ${process.pid} on .+\\) ` +
            'since 2026-11-30T12:00:00.000Z, until 2026-11-30T12:01:00.000Z\\. Wait for that run to finish or cancel it',
        ),
      ),
    );
    expect(onDisk()).toEqual(first.record);
  });

  it.each<[string, () => Partial<LockRecord>, RegExp]>([
    [
      'it expired',
      () => ({ expiresAt: new Date(T0 - 1).toISOString(), host: 'elsewhere' }),
      /expired at 2026-11-30T11:59:59.999Z/,
    ],
    ['it expires right now', () => ({ expiresAt: new Date(T0).toISOString(), host: 'elsewhere' }), /expired/],
    ['its process on this host is gone', () => ({ pid: deadPid() }), /process \d+ is gone/],
  ])('takes over a lock when %s', async (_why, record, reason) => {
    const planted = plant(record());
    const lock = await acquire(options('run-new'));
    expect(onDisk()).toEqual(lock.record);
    expect(lock.tookOver).toMatch(
      new RegExp(`run ${planted.runId}, process ${planted.pid} on ${planted.host}\\), whose lock was stale`),
    );
    expect(lock.tookOver).toMatch(reason);
    expect(readdirSync(join(state, 'production'))).toEqual(['lock']);
  });

  it('does not take over a live lock of another host, whatever its pid', async () => {
    plant({ host: 'elsewhere', pid: deadPid() });
    await expect(acquire(options('run-new'))).rejects.toThrow(userError('environment', /locked by .* on elsewhere\)/));
  });

  it('takes over an expired lock of its own run once it has expired, and the old handle learns it lost it', async () => {
    const old = await acquire(options('run-1'));
    clock.advance(TTL + 1);
    const fresh = await acquire(options('run-2'));
    expect(fresh.tookOver).toMatch(/run run-1/);
    await expect(old.refresh()).rejects.toThrow(userError('environment', /lock was taken over by .*run run-2/));
    await expect(old.release()).resolves.toBe(false);
    expect(onDisk()).toEqual(fresh.record);
  });

  it('is taken from a live holder when asked to (a rollback), and the holder learns by whom and why', async () => {
    const deploy = await acquire(options('run-deploy'));
    await expect(acquire(options('run-plain'))).rejects.toThrow(userError('environment', /locked by/));
    const rollback = await acquire(options('run-rollback', { owner: 'rollback', takeOver: 'rollback: paged' }));
    expect(rollback.forced).toBe(true);
    expect(deploy.forced).toBe(false);
    expect(rollback.tookOver).toMatch(/run run-deploy, .*still running: rollback: paged/);
    // The rollback may be done before the holder looks again: the note outlives the lock.
    await expect(rollback.release()).resolves.toBe(true);
    await expect(deploy.refresh()).rejects.toThrow(
      userError('environment', /taken over by rollback \(run run-rollback, .*\) \(rollback: paged\)/),
    );
    await expect(deploy.release()).resolves.toBe(false);
    expect(readdirSync(join(state, 'production'))).toEqual([]);
  });

  it('leaves no note of a takeover behind: the holder that was taken over removes it when it releases', async () => {
    const deploy = await acquire(options('run-deploy'));
    const rollback = await acquire(options('run-rollback', { owner: 'rollback', takeOver: 'rollback: paged' }));
    expect(readdirSync(join(state, 'production'))).toContain(`lock.lost.${deploy.record.token}`);
    // The holder ends without refreshing first (its deploy had finished): its note goes with it.
    await expect(deploy.release()).resolves.toBe(false);
    await expect(rollback.release()).resolves.toBe(true);
    expect(readdirSync(join(state, 'production'))).toEqual([]);
  });

  it("sweeps the note of a holder that died, once that holder's lock would have expired", async () => {
    const deploy = await acquire(options('run-deploy'));
    clock.advance(10_000);
    const rollback = await acquire(options('run-rollback', { owner: 'rollback', takeOver: 'rollback: paged' }));
    await rollback.release();
    // Until its lock would have expired the holder may still refresh, and find who took it.
    clock.advance(TTL - 10_000 - 1);
    await (await acquire(options('run-next'))).release();
    expect(readdirSync(join(state, 'production'))).toEqual([`lock.lost.${deploy.record.token}`]);
    // The deploy never refreshes nor releases (killed): past its expiry the next lock sweeps the note.
    clock.advance(2);
    await (await acquire(options('run-later'))).release();
    expect(readdirSync(join(state, 'production'))).toEqual([]);
  });

  it('sweeps a note without an expiry a day after it was written', async () => {
    mkdirSync(join(state, 'production'));
    const note = join(state, 'production', `lock.lost.${'c'.repeat(32)}`);
    writeFileSync(note, JSON.stringify({ by: 'rollback', reason: 'paged' }));
    utimesSync(note, (T0 - 23 * 3_600_000) / 1000, (T0 - 23 * 3_600_000) / 1000);
    await (await acquire(options('run-1'))).release();
    expect(readdirSync(join(state, 'production'))).toHaveLength(1);
    utimesSync(note, (T0 - 25 * 3_600_000) / 1000, (T0 - 25 * 3_600_000) / 1000);
    await (await acquire(options('run-2'))).release();
    expect(readdirSync(join(state, 'production'))).toEqual([]);
  });

  it('refuses a lock file that is not slipway’s rather than guess that it is stale', async () => {
    mkdirSync(join(state, 'production'));
    writeFileSync(lockFile(), 'held by hand');
    await expect(acquire(options('run-1'))).rejects.toThrow(userError('environment', /not a slipway lock.*Remove it/));
    expect(readFileSync(lockFile(), 'utf8')).toBe('held by hand');
  });

  it('validates the environment name', async () => {
    await expect(acquire(options('run-1', { environment: '../etc' }))).rejects.toThrow(
      userError('environment', /not an environment name/),
    );
  });
});

describe('lockHolder (slipway status)', () => {
  it('says who holds the lock, without its token; nobody once it is released', async () => {
    expect(await lockHolder(state, 'production', clock)).toBeUndefined();
    const lock = await acquire(options('run-1'));
    const holder = await lockHolder(state, 'production', clock);
    expect(holder).toStrictEqual({
      owner: 'deploy (octo/app)',
      runId: 'run-1',
      pid: process.pid,
      host: hostname(),
      acquiredAt: '2026-11-30T12:00:00.000Z',
      expiresAt: '2026-11-30T12:01:00.000Z',
    });
    await lock.release();
    expect(await lockHolder(state, 'production', clock)).toBeUndefined();
  });

  it('says why a lock is stale: expired, or its process gone', async () => {
    plant({ expiresAt: new Date(T0 - 1).toISOString() });
    expect(await lockHolder(state, 'production', clock)).toMatchObject({
      stale: expect.stringMatching(/^it expired at /),
    });
    plant({ pid: deadPid() });
    expect(await lockHolder(state, 'production', clock)).toMatchObject({
      stale: expect.stringMatching(/^process \d+ is gone$/),
    });
  });
});

describe('a stale lock someone is already taking over', () => {
  const stale = { expiresAt: new Date(T0 - 1).toISOString(), host: 'elsewhere' };
  const claim = (generation: number, body: object): void =>
    writeFileSync(join(state, 'production', `lock.claim.${'ab'.repeat(16)}.${generation}`), JSON.stringify(body));

  it('is left to the live claimant', async () => {
    plant(stale);
    claim(0, { pid: process.pid, host: hostname(), at: T0 });
    await expect(acquire(options('run-new'))).rejects.toThrow(
      userError('environment', new RegExp(`could not take the lock; process ${process.pid} on .* kept taking it over`)),
    );
    expect(onDisk().runId).toBe('run-old');
  });

  it.each([
    ['whose process is gone', () => ({ pid: deadPid(), host: hostname(), at: T0 })],
    ['that has stalled for over a minute', () => ({ pid: process.pid, host: hostname(), at: T0 - 61_000 })],
    ['that is damaged', () => ({ nonsense: true })],
  ])('is taken over past a claim %s', async (_why, body) => {
    plant(stale);
    claim(0, body());
    const lock = await acquire(options('run-new'));
    expect(onDisk()).toEqual(lock.record);
    // The abandoned claim stays: removing it would let a newcomer claim generation 0 afresh.
    expect(readdirSync(join(state, 'production')).sort()).toEqual(['lock', `lock.claim.${'ab'.repeat(16)}.0`]);
  });
});

describe('a lock handle', () => {
  it('extends the lock when refreshed', async () => {
    const lock = await acquire(options('run-1'));
    clock.advance(50_000);
    await lock.refresh();
    expect(lock.record.expiresAt).toBe('2026-11-30T12:01:50.000Z');
    expect(onDisk()).toEqual(lock.record);
    clock.advance(50_000); // past the first expiry, within the refreshed one
    await expect(acquire(options('run-2'))).rejects.toThrow(userError('environment', /until 2026-11-30T12:01:50.000Z/));
  });

  it('releases its own lock, after which the next run takes it', async () => {
    const lock = await acquire(options('run-1'));
    await expect(lock.release()).resolves.toBe(true);
    expect(readdirSync(join(state, 'production'))).toEqual([]);
    await expect(lock.release()).resolves.toBe(false);
    await acquire(options('run-2'));
  });

  it('refreshes and releases one at a time when asked at once', async () => {
    const lock = await acquire(options('run-1'));
    clock.advance(1000);
    await expect(Promise.all([lock.refresh(), lock.release()])).resolves.toEqual([undefined, true]);
    expect(readdirSync(join(state, 'production'))).toEqual([]);
  });

  it('never removes a lock that is no longer its own', async () => {
    const lock = await acquire(options('run-1'));
    await lock.release();
    const other = await acquire(options('run-2'));
    await expect(lock.release()).resolves.toBe(false);
    expect(onDisk()).toEqual(other.record);
  });
});

/** A process that takes the lock when told to go, prints what happened, and holds on until its stdin ends. */
const RACER = `
const { acquire } = await import(${JSON.stringify(join(REPO, 'packages/deploy/src/lock.ts'))});
const clock = { now: () => Date.now(), monotonic: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
const [stateDir, runId] = process.argv.slice(2);
process.stdin.once('data', async () => {
  try {
    await acquire({ stateDir, environment: 'production', owner: 'racer', runId, ttlMs: 60000, clock });
    process.stdout.write(JSON.stringify({ runId, won: true }) + '\\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ runId, won: false, error: err.describe ? err.describe() : String(err) }) + '\\n');
  }
});
process.stdout.write('ready\\n');
`;

interface RaceResult {
  runId: string;
  won: boolean;
  error?: string;
}

/** Starts `count` racers, lets them all go at once, and returns what each said. */
async function race(count: number): Promise<RaceResult[]> {
  const script = join(state, 'racer.mjs');
  writeFileSync(script, RACER);
  const racers = Array.from({ length: count }, (_, i) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, state, `run-${i}`], { cwd: REPO });
    let out = '';
    let err = '';
    const waiters: (() => void)[] = [];
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const w of waiters) w();
    });
    child.stderr.on('data', (d: Buffer) => (err += d));
    /** The first `n` lines the racer printed, once it has. */
    const lines = (n: number): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const done = out.split('\n').slice(0, -1);
          if (done.length >= n) resolve(done);
        };
        waiters.push(check);
        child.on('exit', () => reject(new Error(`racer ${i} ended early: ${err}`)));
        check();
      });
    const ready = lines(1);
    return { child, ready, result: ready.then(() => lines(2)) };
  });
  try {
    await Promise.all(racers.map((r) => r.ready));
    for (const r of racers) r.child.stdin.write('go\n');
    // Every racer holds on until all have answered, so a winner's exit cannot free the lock early.
    return await Promise.all(racers.map(async (r) => JSON.parse((await r.result)[1]!) as RaceResult));
  } finally {
    for (const r of racers) r.child.stdin.end();
    await Promise.all(
      racers.map((r) => (r.child.exitCode === null ? new Promise((res) => r.child.once('close', res)) : null)),
    );
  }
}

describe('racing processes', () => {
  it.each([
    ['a free lock', () => undefined],
    ['an expired lock', () => plant({ expiresAt: new Date(Date.now() - 1000).toISOString(), host: 'elsewhere' })],
    [
      'a lock whose process is gone',
      () => plant({ pid: deadPid(), expiresAt: new Date(Date.now() + TTL).toISOString() }),
    ],
  ])('for %s: exactly one of them wins', async (_what, setUp) => {
    for (let round = 0; round < 2; round++) {
      removeTree(join(state, 'production'));
      setUp();
      const results = await race(8);
      const winners = results.filter((r) => r.won);
      expect(winners).toHaveLength(1);
      const winner = winners[0]!;
      expect(onDisk().runId).toBe(winner.runId);
      for (const loser of results.filter((r) => !r.won))
        expect(loser.error).toMatch(new RegExp(`locked by racer \\(run ${winner.runId}, `));
      expect(readdirSync(join(state, 'production'))).toEqual(['lock']);
    }
  });
});
