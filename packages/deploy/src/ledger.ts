// The release ledger of one environment: which release is stable, which canary is under way and
// how far it got, and every transition, so that a crashed or cancelled run can be resumed or
// rolled back by the next one. Each change is on disk before the promise resolves.
// Every write carries a checksum and is copied to ledger.last-good.json; a ledger found damaged
// (not JSON, not a ledger, or not what its checksum says) is replaced by that copy, loudly, and
// kept aside for inspection. A ledger with no checksum field (an older one, or one fixed by hand
// with the field removed) is taken as it is.
import { createHash } from 'node:crypto';
import { open as openFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import {
  describeJsonError,
  fieldLine,
  jsonErrorOffset,
  lineColumn,
  readUserFile,
  UserError,
  writeFileAtomic,
  type Clock,
  type Logger,
} from '@slipway/action-kit/lite';

/** Where a canary is between its start and its end. */
/** `paused` is a canary held at its weight on purpose (auto-promote: false), for a later run to resume. */
export type CanaryPhase = 'starting' | 'ready' | 'stepping' | 'paused' | 'promoting' | 'aborting';
/** How a canary ended; the canary record is cleared once one of these is recorded. */
/** `recovered`: the stable release taken from GitHub's deployment history, the ledger having been empty. */
export type CanaryOutcome = 'promoted' | 'rolled-back' | 'failed' | 'recovered';

const PHASES = ['starting', 'ready', 'stepping', 'paused', 'promoting', 'aborting'] as const;
const OUTCOMES = ['promoted', 'rolled-back', 'failed', 'recovered'] as const;

/** Previous stable releases kept for instant rollback, unless the caller asks for another number. */
const DEFAULT_KEEP = 5;
/** The transition log keeps its newest entries only, so the file stays small on a busy environment. */
const MAX_TRANSITIONS = 1000;
/** 1000 transitions are a few hundred KiB; anything far larger is not a ledger. */
const MAX_LEDGER_BYTES = 16 * 1024 * 1024;
const ENVIRONMENT = /^[A-Za-z0-9._-]{1,64}$/;

const nonEmpty = v.pipe(v.string(), v.minLength(1));
const time = v.pipe(v.string(), v.isoTimestamp());
const weight = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));
const releaseSchema = v.object({
  id: nonEmpty,
  version: v.string(),
  upstream: v.string(),
  dir: v.optional(v.string()),
  pid: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  startedAt: time,
  digest: v.optional(v.string()),
  /** How it was started, so that a rollback can start it again. */
  command: v.optional(v.string()),
});
const canarySchema = v.object({
  release: releaseSchema,
  phase: v.picklist(PHASES),
  stepIndex: v.pipe(v.number(), v.integer(), v.minValue(0)),
  weight,
  runId: nonEmpty,
  startedAt: time,
});
/** One transition as the ledger writes it, for readers of `audit.jsonl` to validate lines with. */
export const transitionSchema = v.object({
  at: time,
  runId: nonEmpty,
  from: v.picklist([...PHASES, 'idle']),
  to: v.picklist([...PHASES, ...OUTCOMES]),
  weight,
  release: v.optional(v.string()),
  note: v.optional(v.string()),
  /** Who and what, for the audit trail and delivery metrics (set from the run's context). */
  actor: v.optional(v.string()),
  commit: v.optional(v.string()),
  commitTime: v.optional(time),
  version: v.optional(v.string()),
  digest: v.optional(v.string()),
});
const documentSchema = v.object({
  version: v.literal(1),
  environment: v.pipe(v.string(), v.regex(ENVIRONMENT)),
  stable: v.optional(releaseSchema),
  canary: v.optional(canarySchema),
  releases: v.array(releaseSchema),
  transitions: v.array(transitionSchema),
});

/** A release as the ledger remembers it: enough to route to it again or to stop it. */
export type ReleaseRecord = v.InferOutput<typeof releaseSchema>;
/** The canary under way: its release, how far it got, and the run that drives it. */
export type CanaryRecord = v.InferOutput<typeof canarySchema>;
/** One entry of the append-only transition log. */
export type Transition = v.InferOutput<typeof transitionSchema>;
/** The whole ledger file. */
export type LedgerDocument = v.InferOutput<typeof documentSchema>;

/** A value no caller can change by accident: the ledger changes only through its methods. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** Who runs the deploy and what it ships, stamped on every transition this ledger object writes. */
export interface AuditContext {
  actor?: string;
  commit?: string;
  /** ISO time of the commit, for lead time. */
  commitTime?: string;
}

/** What one transition changes; anything left out stays as it was. */
export interface Change {
  to: CanaryPhase | CanaryOutcome;
  weight?: number;
  stepIndex?: number;
  note?: string;
  /** Starts a canary of this release (only when none is unfinished, or it is the same release). */
  canary?: ReleaseRecord;
  /** Makes this release stable (a first deploy, or a rollback to one of `releases`). */
  stable?: ReleaseRecord;
}

/** The folder of one environment's ledger and lock; a name that could leave the state folder is a UserError. */
export function environmentDir(stateDir: string, environment: string): string {
  // `.` and `..` pass the character class but would put the ledger outside its own folder.
  if (!ENVIRONMENT.test(environment) || /^\.+$/.test(environment))
    throw new UserError(
      `'${environment.slice(0, 80)}' is not an environment name.`,
      { input: 'environment' },
      'Use 1 to 64 letters, digits, dots, dashes or underscores, such as production or eu-west.1.',
    );
  return join(stateDir, environment);
}

const HINT =
  'slipway never resets a ledger, since it records which release is live: fix the file by hand or restore it from a backup.';

/** The release ledger of one environment; concurrent runs are kept out by the lock, not by this class. */
export class Ledger {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** The ledger file. */
    readonly path: string,
    private doc: DeepReadonly<LedgerDocument>,
    /** Why the ledger was read from its last good copy, when it was. */
    readonly recovered: string | undefined,
    private readonly clock: Clock,
    private readonly keep: number,
    private readonly audit: AuditContext,
    private readonly guard: (() => Promise<void>) | undefined,
  ) {}

  /** `audit.jsonl` beside the ledger: every transition ever written, one JSON object a line, never cut. */
  get auditPath(): string {
    return join(dirname(this.path), 'audit.jsonl');
  }

  /** Reads `<stateDir>/<environment>/ledger.json`; a missing file is an empty ledger, a damaged one a UserError. */
  static async open(
    stateDir: string,
    environment: string,
    clock: Clock,
    options: {
      keepReleases?: number;
      audit?: AuditContext;
      /** Runs before every write and throws to prevent it: a run whose lock was taken over writes nothing more. */
      guard?: () => Promise<void>;
      /** Told, as a warning, when a damaged ledger is replaced by its last good copy. */
      logger?: Logger;
      /** false: read the last good copy of a damaged ledger without writing anything (slipway status). */
      repair?: boolean;
    } = {},
  ): Promise<Ledger> {
    const path = join(environmentDir(stateDir, environment), 'ledger.json');
    const keep = options.keepReleases ?? DEFAULT_KEEP;
    const exists = await stat(path).then(
      () => true,
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? false : Promise.reject(err)),
    );
    const copy = lastGoodPath(path);
    let doc: LedgerDocument;
    let recovered: string | undefined;
    try {
      doc = exists
        ? readDocument(path, environment)
        : { version: 1 as const, environment, releases: [], transitions: [] };
      if (!exists && (await stat(copy).catch(() => undefined))) throw new DamagedLedger('is missing');
    } catch (err) {
      if (!(err instanceof DamagedLedger)) throw err;
      // The last good copy, if it is whole; otherwise the damage is the user's to see and fix.
      let good: LedgerDocument;
      try {
        good = readDocument(copy, environment);
      } catch {
        if (!err.original)
          throw new UserError(
            `is missing, and its last good copy ${copy} cannot be read either.`,
            { file: path },
            HINT,
          );
        // A ledger from before the copies existed has none; one that is there but damaged too is
        // said, so that nobody restores from it.
        if (!(await stat(copy).catch(() => undefined))) throw err.original;
        throw new UserError(
          `${err.original.message.replace(/\.$/, '')}; its last good copy ${copy} cannot be read either.`,
          err.original.subject,
          err.original.hint,
        );
      }
      const kept = `${path}.damaged-${new Date(clock.now()).toISOString().replace(/[:.]/g, '-')}`;
      if (options.repair !== false) {
        if (exists) await rename(path, kept);
        await writeFileAtomic(path, await readFileText(copy));
      }
      recovered = `${path} ${err.reason}: slipway uses its last good copy, ${copy} (last transition ${good.transitions.at(-1)?.at ?? 'none'})${
        options.repair !== false && exists ? `; the damaged file is kept as ${kept}` : ''
      }. Check that the stable release it names is the one serving.`;
      options.logger?.warning(recovered, { file: path });
      doc = good;
    }
    return new Ledger(path, deepFreeze(doc), recovered, clock, keep, options.audit ?? {}, options.guard);
  }

  /** The ledger as last written. */
  get document(): DeepReadonly<LedgerDocument> {
    return this.doc;
  }

  /** The canary a previous run left unfinished, for this run to resume or roll back. */
  unfinished(): DeepReadonly<CanaryRecord> | undefined {
    return this.doc.canary;
  }

  /** Records a transition and applies it; resolves only once the ledger is on disk, so act after it. */
  transition(change: Change, runId: string): Promise<DeepReadonly<LedgerDocument>> {
    // One at a time, each from the document the previous one wrote.
    const next = this.queue.then(async () => {
      await this.guard?.();
      const at = new Date(this.clock.now()).toISOString();
      const doc = deepFreeze(applyChange(this.doc, change, runId, at, this.keep, this.audit));
      // A document this class could not read back is never written: that is a bug of the caller.
      v.parse(documentSchema, doc);
      const text = serialize(doc);
      await writeFileAtomic(this.path, text).catch((err: unknown) => diskError(err, this.path));
      // The copy follows the ledger: should the ledger be damaged later, the copy is what it was.
      await writeFileAtomic(lastGoodPath(this.path), text).catch((err: unknown) =>
        diskError(err, lastGoodPath(this.path)),
      );
      this.doc = doc;
      // The ledger keeps its newest transitions; the audit trail keeps them all, appended once committed.
      await appendDurably(this.auditPath, `${JSON.stringify(doc.transitions.at(-1))}\n`).catch((err: unknown) =>
        diskError(err, this.auditPath),
      );
      return doc;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The canary becomes stable; the previous stable joins `releases` for instant rollback. */
  promote(runId: string, note?: string): Promise<DeepReadonly<LedgerDocument>> {
    return this.transition({ to: 'promoted', note }, runId);
  }

  /** Records that the canary was rolled back (its traffic already returned to stable), then forgets it. */
  abort(runId: string, reason: string): Promise<DeepReadonly<LedgerDocument>> {
    return this.transition({ to: 'rolled-back', note: reason }, runId);
  }
}

function readDocument(path: string, environment: string): LedgerDocument {
  const text = readUserFile(path, { maxBytes: MAX_LEDGER_BYTES, subject: { file: path }, what: 'The ledger' }).toString(
    'utf8',
  );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const { line } = lineColumn(text, jsonErrorOffset(text));
    throw new DamagedLedger(
      'is not valid JSON',
      new UserError(`is not valid JSON: ${describeJsonError(text, err)}.`, { file: path, line }, HINT),
    );
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'checksum' in raw) {
    const { checksum, ...rest } = raw as Record<string, unknown>;
    if (checksum !== checksumOf(rest))
      throw new DamagedLedger(
        'does not match its checksum',
        new UserError(
          'does not match its checksum: it changed after slipway wrote it.',
          { file: path, line: fieldLine(text, ['checksum']) ?? 1 },
          'If you fixed it by hand, remove its "checksum" field so that slipway takes it as it is.',
        ),
      );
    raw = rest;
  }
  // valibot takes an array for an object (with every key missing); say what it is instead.
  const result = v.safeParse(documentSchema, Array.isArray(raw) ? 'an array' : raw);
  if (!result.success) {
    const issue = result.issues[0];
    const keys = (issue.path ?? []).map((p) => p.key as string | number);
    const line = fieldLine(text, keys) ?? 1;
    const lastKey = keys.filter((k) => typeof k === 'string').at(-1);
    const column =
      lastKey === undefined ? 1 : Math.max(1, (text.split('\n')[line - 1] ?? '').indexOf(`"${lastKey}"`) + 1);
    const where = v.getDotPath(issue);
    const problem =
      issue.received === 'undefined'
        ? `${where ?? 'a field'} is missing`
        : `${where ? `${where}: ` : ''}${issue.expected ? `expected ${issue.expected}, got ${issue.received}` : issue.message}`;
    throw new DamagedLedger(
      'is not a slipway release ledger',
      new UserError(
        `is not a slipway release ledger: ${problem} at line ${line}, column ${column}.`,
        { file: path, line },
        HINT,
      ),
    );
  }
  if (result.output.environment !== environment)
    throw new UserError(
      `records environment '${result.output.environment}', not '${environment}'.`,
      { file: path, line: fieldLine(text, ['environment']) ?? 1 },
      'Each environment keeps its own ledger; put this one back in its own folder.',
    );
  return result.output;
}

/** The document after a change: pure, so a failed write leaves the ledger as it was. */
function applyChange(
  doc: DeepReadonly<LedgerDocument>,
  change: Change,
  runId: string,
  at: string,
  keep: number,
  audit: AuditContext = {},
): LedgerDocument {
  const prev = doc.canary;
  let stable: DeepReadonly<ReleaseRecord> | undefined = doc.stable;
  let releases = doc.releases;
  let canary: DeepReadonly<CanaryRecord> | undefined;
  let weight: number;
  const makeStable = (next: DeepReadonly<ReleaseRecord>): void => {
    // The release leaving stable is the one an instant rollback returns to; newest first, no repeats.
    const kept = releases.filter((r) => r.id !== next.id && r.id !== stable?.id);
    releases = stable && stable.id !== next.id ? [stable, ...kept] : kept;
    releases = releases.slice(0, keep);
    stable = next;
  };
  if (change.canary && prev && prev.release.id !== change.canary.id)
    throw new Error(
      `Ledger: canary ${prev.release.id} is unfinished; resume or abort it before starting ${change.canary.id}.`,
    );
  if ((PHASES as readonly string[]).includes(change.to)) {
    const release = change.canary ?? prev?.release;
    if (!release) throw new Error(`Ledger: no canary is under way to move to '${change.to}'.`);
    canary = {
      release,
      phase: change.to as CanaryPhase,
      stepIndex: change.stepIndex ?? prev?.stepIndex ?? 0,
      weight: change.weight ?? prev?.weight ?? 0,
      runId,
      startedAt: prev?.startedAt ?? at,
    };
    weight = canary.weight;
  } else if (change.to === 'promoted') {
    if (!prev) throw new Error('Ledger: no canary is under way to promote.');
    if (change.stable)
      throw new Error('Ledger: a promotion makes the canary stable; it takes no other stable release.');
    makeStable(prev.release);
    weight = 100;
  } else {
    weight = 0;
  }
  if (change.stable) makeStable(change.stable);
  const transition: Transition = {
    at,
    runId,
    from: prev?.phase ?? 'idle',
    to: change.to,
    weight,
    ...((canary ?? prev)
      ? { release: (canary ?? prev)!.release.id }
      : change.stable
        ? { release: change.stable.id }
        : {}),
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...auditFields(audit, (canary ?? prev)?.release ?? (change.stable as DeepReadonly<ReleaseRecord> | undefined)),
  };
  return structuredClone({
    version: 1,
    environment: doc.environment,
    ...(stable ? { stable } : {}),
    ...(canary ? { canary } : {}),
    releases,
    transitions: [...doc.transitions, transition].slice(-MAX_TRANSITIONS),
  }) as LedgerDocument;
}

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/** The audit fields of a transition: the run's context and the release's version and digest. */
function auditFields(audit: AuditContext, release: DeepReadonly<ReleaseRecord> | undefined): Partial<Transition> {
  const out: Partial<Transition> = {};
  if (audit.actor) out.actor = audit.actor;
  if (audit.commit) out.commit = audit.commit;
  if (audit.commitTime) out.commitTime = audit.commitTime;
  if (release?.version) out.version = release.version;
  if (release?.digest) out.digest = release.digest;
  return out;
}

/** Appends a line and syncs it to disk before resolving. */
async function appendDurably(path: string, line: string): Promise<void> {
  const handle = await openFile(path, 'a', 0o600);
  try {
    await handle.appendFile(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A ledger that cannot be taken as it is; `original` is the error to show when no good copy helps. */
class DamagedLedger extends Error {
  constructor(
    readonly reason: string,
    readonly original?: UserError,
  ) {
    super(reason);
  }
}

/** The copy of the last ledger written, beside it. */
function lastGoodPath(path: string): string {
  return join(dirname(path), 'ledger.last-good.json');
}

/** sha256 of a document's compact JSON, in its own key order. */
function checksumOf(doc: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(doc)).digest('hex')}`;
}

/** The ledger file's text: the document, then the checksum of it. */
function serialize(doc: DeepReadonly<LedgerDocument>): string {
  return `${JSON.stringify({ ...doc, checksum: checksumOf(doc) }, null, 2)}\n`;
}

async function readFileText(path: string): Promise<string> {
  const fh = await openFile(path, 'r');
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

/** A disk that is full or read-only is the user's to fix: say which file could not be written. */
function diskError(err: unknown, file: string): never {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    throw new UserError(
      `cannot be written: the disk is full (${code}).`,
      { file },
      'Free space on the disk that holds state-dir, then run again; the file on disk is as it was before this change.',
    );
  if (code === 'EROFS')
    throw new UserError(
      'cannot be written: the file system is read-only (EROFS).',
      { file },
      'Give state-dir a writable folder.',
    );
  throw err;
}
