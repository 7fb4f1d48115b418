// One run at a time per environment. The lock is a file created whole or not at all (written
// under a temporary name, then hard-linked into place, which fails if a lock exists). A stale
// lock (expired, or its process gone) is replaced only by whoever first creates a claim file
// named after that lock's token, so two runs taking over the same stale lock cannot both win;
// refresh and release take the same claim, so they never undo a takeover either.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { UserError, type Clock } from '@slipway/action-kit/lite';
import { environmentDir } from './ledger.js';

/** What the lock file holds: who holds it, and until when. */
export interface LockRecord {
  owner: string;
  runId: string;
  pid: number;
  host: string;
  acquiredAt: string;
  expiresAt: string;
  /** Unique to one acquisition: names the claim file that guards taking this lock over. */
  token: string;
}

/** What `acquire` needs; `ttlMs` is how long the lock lives without a refresh. */
export interface LockOptions {
  stateDir: string;
  environment: string;
  /** Who takes it, for the message another run shows (`deploy (octo/app#42)`). */
  owner: string;
  runId: string;
  ttlMs: number;
  clock: Clock;
  /**
   * Takes the lock even from a live holder, giving this reason (a rollback never waits behind a
   * canary's analysis or a manual gate). The holder notices at its next refresh and stops acting.
   */
  takeOver?: string;
}

/** This run's lock was taken over (by a rollback) or removed: the run must stop acting at once. */
export class LockLostError extends UserError {
  readonly lockLost = true;
}

/** True for the error a refresh throws once another run took the lock over. */
export function isLockLost(err: unknown): err is LockLostError {
  return err instanceof LockLostError || (err as { lockLost?: unknown } | null)?.lockLost === true;
}

/** A lock this process holds. */
export interface LockHandle {
  /** The lock as last written by this handle. */
  readonly record: LockRecord;
  /** When this run replaced a stale lock: whose it was and why it was stale, for the log. */
  readonly tookOver: string | undefined;
  /** True when the lock was taken from a holder that may still be running (`takeOver`), not from a stale one. */
  readonly forced: boolean;
  /** Extends the lock by its ttl; a UserError when another run has taken it over meanwhile. */
  refresh(): Promise<void>;
  /** Removes the lock if it is still ours; true when it was. */
  release(): Promise<boolean>;
}

const lockSchema = v.object({
  owner: v.string(),
  runId: v.string(),
  pid: v.pipe(v.number(), v.integer()),
  host: v.string(),
  acquiredAt: v.string(),
  expiresAt: v.string(),
  token: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
});
const lostSchema = v.object({ by: v.string(), reason: v.string(), expiresAt: v.optional(v.string()) });
const claimSchema = v.object({ pid: v.number(), host: v.string(), at: v.number() });

/** A takeover holds its claim for milliseconds; one older than this was left by a process that stalled or died. */
const CLAIM_TTL_MS = 60_000;
/** Claims on one lock, each taken when the one before it was abandoned. */
const MAX_CLAIM_GENERATIONS = 20;
/** Rounds of "someone else is mid-takeover, look again" before giving up. */
const MAX_ATTEMPTS = 50;
const RETRY_MS = 20;

const ACT_HINT =
  'Wait for that run to finish or cancel it; once it ends (or its lock expires) the next run takes the lock over.';

/** Takes the lock of one environment, or fails at once with a UserError naming who holds it. */
export async function acquire(options: LockOptions): Promise<LockHandle> {
  const dir = environmentDir(options.stateDir, options.environment);
  const lockPath = join(dir, 'lock');
  await mkdir(dir, { recursive: true });
  let contender: string | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const now = options.clock.now();
    const record: LockRecord = {
      owner: options.owner,
      runId: options.runId,
      pid: process.pid,
      host: hostname(),
      acquiredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + options.ttlMs).toISOString(),
      token: randomBytes(16).toString('hex'),
    };
    const raw = serialize(record);
    const temp = await writeTemp(dir, raw);
    try {
      if (await linkNew(temp, lockPath)) {
        await sweepLostNotes(dir, now);
        return new Handle(options, dir, lockPath, record, raw, undefined, false);
      }
      const current = await readLock(lockPath, options.environment);
      if (!current) continue; // released between our link and our read
      const stale = staleness(current.record, now);
      const forced = !stale && options.takeOver !== undefined;
      if (!stale && !forced) throw heldError(options.environment, current.record);
      const claim = await takeClaim(dir, current.record.token, options.clock);
      if (typeof claim === 'string') {
        // Another run is taking this stale lock over; look again once it has.
        contender = claim;
        await options.clock.sleep(RETRY_MS);
        continue;
      }
      try {
        // Under the claim nobody else can change the lock, so what we judged stale is still what we replace.
        if ((await readRaw(lockPath)) !== current.raw) continue;
        // The holder finds who took its lock and why here, even when this run has finished by then.
        if (forced)
          await writeFile(
            join(dir, `lock.lost.${current.record.token}`),
            JSON.stringify({
              by: describeHolder(record),
              reason: options.takeOver,
              expiresAt: current.record.expiresAt,
            }),
          ).catch(() => {});
        await rename(temp, lockPath);
        const tookOver = stale
          ? `${describeHolder(current.record)}, whose lock was stale: ${stale}`
          : `${describeHolder(current.record)}, still running: ${options.takeOver}`;
        return new Handle(options, dir, lockPath, record, raw, tookOver, forced);
      } finally {
        await claim.release();
      }
    } finally {
      await rm(temp, { force: true });
    }
  }
  throw new UserError(
    `environment '${options.environment}': could not take the lock${contender ? `; ${contender} kept taking it over` : ''}.`,
    { input: 'environment' },
    'Run again; if this repeats, look for runs deploying to this environment at the same time.',
  );
}

class Handle implements LockHandle {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: LockOptions,
    private readonly dir: string,
    private readonly lockPath: string,
    public record: LockRecord,
    private raw: string,
    readonly tookOver: string | undefined,
    readonly forced: boolean,
  ) {}

  async refresh(): Promise<void> {
    const ours = await this.whileOurs(async () => {
      const expiresAt = new Date(this.options.clock.now() + this.options.ttlMs).toISOString();
      const record = { ...this.record, expiresAt };
      const raw = serialize(record);
      const temp = await writeTemp(this.dir, raw);
      try {
        await rename(temp, this.lockPath);
      } finally {
        await rm(temp, { force: true });
      }
      this.record = record;
      this.raw = raw;
    });
    if (ours) return;
    const notePath = join(this.dir, `lock.lost.${this.record.token}`);
    const note = v.safeParse(lostSchema, parseJson((await readRaw(notePath).catch(() => undefined)) ?? ''));
    await rm(notePath, { force: true }).catch(() => {});
    const holder = await readLock(this.lockPath, this.options.environment).catch(() => undefined);
    const by = note.success ? `${note.output.by} (${note.output.reason})` : holder && describeHolder(holder.record);
    throw new LockLostError(
      `environment '${this.options.environment}': this run's lock ${by ? `was taken over by ${by}` : 'is gone'}; stopping so that two runs do not deploy at once.`,
      { input: 'environment' },
      by
        ? 'That run now owns the environment and finishes what this one started (a rollback aborts its canary); see its log.'
        : 'Something removed the lock file while this run held it; run again.',
    );
  }

  async release(): Promise<boolean> {
    const ours = await this.whileOurs(() => rm(this.lockPath));
    // Taken over: the note saying by whom was for this run, which is done with it.
    if (!ours) await rm(join(this.dir, `lock.lost.${this.record.token}`), { force: true }).catch(() => {});
    return ours;
  }

  /** Runs `change` holding the claim on our own token, if the lock is still ours; false otherwise. */
  private whileOurs(change: () => Promise<void>): Promise<boolean> {
    // One at a time: a refresh timer firing during release would otherwise meet our own claim.
    const next = this.queue.then(async () => {
      const claim = await takeClaim(this.dir, this.record.token, this.options.clock);
      if (typeof claim === 'string') return false; // a takeover of our expired lock is under way: it is theirs
      try {
        if ((await readRaw(this.lockPath)) !== this.raw) return false;
        await change();
        return true;
      } finally {
        await claim.release();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** A note without the holder's expiry (written before it was recorded) is swept a day after it was written. */
const OLD_NOTE_MS = 24 * 3_600_000;

/**
 * Removes the notes of takeovers whose holder's lock has expired since: a holder still running
 * refreshes before its lock expires, and reads and removes its note then (or when it releases), so
 * once the expiry has passed, the holder has died. Without this, a killed holder's note stays for good.
 */
async function sweepLostNotes(dir: string, now: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('lock.lost.'))) {
    const path = join(dir, name);
    const note = v.safeParse(lostSchema, parseJson((await readRaw(path).catch(() => undefined)) ?? ''));
    const expiry = note.success && note.output.expiresAt ? Date.parse(note.output.expiresAt) : NaN;
    const old = Number.isFinite(expiry)
      ? now > expiry
      : ((await stat(path).catch(() => undefined))?.mtimeMs ?? now) < now - OLD_NOTE_MS;
    if (old) await rm(path, { force: true }).catch(() => {});
  }
}

function serialize(record: LockRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Writes and fsyncs a file under a fresh temporary name, so that it is whole before anyone can see it. */
async function writeTemp(dir: string, text: string): Promise<string> {
  const temp = join(dir, `.lock.${randomBytes(8).toString('hex')}.tmp`);
  const fh = await open(temp, 'wx', 0o644);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return temp;
}

/** Links `temp` to `path` unless something is there already: the one atomic "create if absent" for a whole file. */
async function linkNew(temp: string, path: string): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

async function readRaw(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function readLock(path: string, environment: string): Promise<{ raw: string; record: LockRecord } | undefined> {
  const raw = await readRaw(path);
  if (raw === undefined) return undefined;
  const result = v.safeParse(lockSchema, parseJson(raw));
  // Locks are linked in whole, so a damaged one was written by something else: never guess it is stale.
  if (!result.success)
    throw new UserError(
      `environment '${environment}': the lock file ${path} is not a slipway lock.`,
      { input: 'environment', file: path },
      'Remove it if no run is deploying to this environment.',
    );
  return { raw, record: result.output };
}

/** A lock's holder as others may see it (not its token), and why the lock is stale when it is. */
export type LockHolder = Omit<LockRecord, 'token'> & { stale?: string };

/** Who holds an environment's lock, if anyone, and why the lock no longer protects them when it does not. */
export async function lockHolder(stateDir: string, environment: string, clock: Clock): Promise<LockHolder | undefined> {
  const found = await readLock(join(environmentDir(stateDir, environment), 'lock'), environment);
  if (!found) return undefined;
  const { owner, runId, pid, host, acquiredAt, expiresAt } = found.record;
  const stale = staleness(found.record, clock.now());
  return { owner, runId, pid, host, acquiredAt, expiresAt, ...(stale ? { stale } : {}) };
}

/** Why a lock no longer protects anyone, or undefined while its holder may still be working. */
function staleness(record: LockRecord, now: number): string | undefined {
  const expires = Date.parse(record.expiresAt);
  if (!(expires > now)) return `it expired at ${record.expiresAt}`;
  if (record.host === hostname() && !processExists(record.pid)) return `process ${record.pid} is gone`;
  return undefined;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeHolder(record: LockRecord): string {
  return `${record.owner} (run ${record.runId}, process ${record.pid} on ${record.host})`;
}

function heldError(environment: string, record: LockRecord): UserError {
  return new UserError(
    `environment '${environment}' is locked by ${describeHolder(record)} since ${record.acquiredAt}, until ${record.expiresAt}.`,
    { input: 'environment' },
    ACT_HINT,
  );
}

/**
 * Takes the claim on the lock with `token`: the first to create `lock.claim.<token>.0` has it.
 * A claim left by a dead or stalled process is skipped for the next generation, which is again
 * created exclusively, so one claimant still wins. Only a holder removes its own claim file (an
 * abandoned one stays, so nobody can create it afresh while someone holds the next generation).
 * Returns who holds the claim when that is not us.
 */
async function takeClaim(dir: string, token: string, clock: Clock): Promise<{ release(): Promise<void> } | string> {
  const body = JSON.stringify({ pid: process.pid, host: hostname(), at: clock.now() });
  const temp = await writeTemp(dir, body);
  try {
    let generation = 0;
    for (let tries = 0; generation < MAX_CLAIM_GENERATIONS && tries < MAX_ATTEMPTS; tries++) {
      const path = join(dir, `lock.claim.${token}.${generation}`);
      if (await linkNew(temp, path)) return { release: () => rm(path, { force: true }) };
      const raw = await readRaw(path);
      if (raw === undefined) continue; // its holder just let go: try the same generation again
      const claim = v.safeParse(claimSchema, parseJson(raw));
      // Claims are linked in whole, so a damaged one was never a live claimant's.
      if (claim.success) {
        const { pid, host, at } = claim.output;
        const abandoned = clock.now() - at > CLAIM_TTL_MS || (host === hostname() && !processExists(pid));
        if (!abandoned) return `process ${pid} on ${host}`;
      }
      generation++;
    }
    return 'abandoned claims';
  } finally {
    await rm(temp, { force: true });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
