import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { isUserError, ManualClock, RecordingLogger } from '@slipway/action-kit/lite';
import { environmentStatus } from '../src/environment.js';
import { Ledger, type ReleaseRecord } from '../src/ledger.js';
import { makeTree, REPO, removeTree } from '../../../test/harness.js';
import { present, userError } from '../../../test/matchers.js';

const T0 = Date.parse('2026-11-30T12:00:00.000Z');

function release(n: number): ReleaseRecord {
  return {
    id: `1.0.${n}-abc${n}`,
    version: `1.0.${n}`,
    upstream: `http://127.0.0.1:${4000 + n}`,
    startedAt: new Date(T0).toISOString(),
  };
}

let state: string;
let clock: ManualClock;
beforeEach(() => {
  state = makeTree({}, 'slipway-ledger-');
  clock = new ManualClock(T0);
});
afterEach(() => removeTree(state));

/** The ledger file's document, less the checksum every write carries (checked to be there). */
const onDisk = (env = 'production'): unknown => {
  const { checksum, ...doc } = JSON.parse(readFileSync(join(state, env, 'ledger.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  return doc;
};

/** Asserts that opening the ledger fails with a UserError about the file, and returns what it shows the user. */
async function openFailure(text: string): Promise<string> {
  mkdirSync(join(state, 'production'), { recursive: true });
  const file = join(state, 'production', 'ledger.json');
  writeFileSync(file, text);
  const err: unknown = await Ledger.open(state, 'production', clock).catch((e: unknown) => e);
  if (!isUserError(err)) throw new Error(`expected a UserError, got ${String(err)}`);
  expect(err.subject.file).toBe(file);
  // Never silently reset: the damaged file is still there, byte for byte.
  expect(readFileSync(file, 'utf8')).toBe(text);
  return err.describe();
}

describe('Ledger', () => {
  it('starts empty when there is no file, and writes nothing until a transition', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    expect(ledger.document).toEqual({ version: 1, environment: 'production', releases: [], transitions: [] });
    expect(ledger.unfinished()).toBeUndefined();
    expect(() => onDisk()).toThrow(/ENOENT/);
  });

  it('round-trips a rollout through the file: a second open sees what the first wrote', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    await ledger.transition({ to: 'starting', canary: release(1), note: 'first release' }, 'run-1');
    clock.advance(1000);
    await ledger.transition({ to: 'ready' }, 'run-1');
    await ledger.transition({ to: 'stepping', stepIndex: 0, weight: 10 }, 'run-1');
    await ledger.transition({ to: 'promoting', weight: 100 }, 'run-1');
    await ledger.promote('run-1');

    const again = await Ledger.open(state, 'production', clock);
    expect(again.document).toEqual(ledger.document);
    expect(again.document.stable).toEqual(release(1));
    expect(again.unfinished()).toBeUndefined();
    expect(again.document.transitions.map((t) => [t.from, t.to, t.weight])).toEqual([
      ['idle', 'starting', 0],
      ['starting', 'ready', 0],
      ['ready', 'stepping', 10],
      ['stepping', 'promoting', 100],
      ['promoting', 'promoted', 100],
    ]);
    expect(again.document.transitions[0]).toEqual({
      at: '2026-11-30T12:00:00.000Z',
      runId: 'run-1',
      from: 'idle',
      to: 'starting',
      weight: 0,
      release: release(1).id,
      note: 'first release',
      version: '1.0.1',
    });
    expect(again.document.transitions[1]!.at).toBe('2026-11-30T12:00:01.000Z');
  });

  it('has every transition on disk by the time its promise resolves', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    const steps = [
      { to: 'starting', canary: release(1) },
      { to: 'ready' },
      { to: 'stepping', stepIndex: 0, weight: 10 },
      { to: 'stepping', stepIndex: 1, weight: 50 },
      { to: 'aborting' },
    ] as const;
    for (const change of steps) {
      await ledger.transition(change, 'run-1');
      // Read straight from the file, not from the object: this is what a crash would leave.
      expect(onDisk()).toEqual(ledger.document);
      expect((onDisk() as { canary: { phase: string } }).canary.phase).toBe(change.to);
    }
    await ledger.abort('run-1', 'error rate 12% over 5%');
    const doc = onDisk() as { canary?: unknown; stable?: unknown; transitions: { to: string; note?: string }[] };
    expect(doc.canary).toBeUndefined();
    expect(doc.stable).toBeUndefined();
    expect(doc.transitions.at(-1)).toMatchObject({ to: 'rolled-back', weight: 0, note: 'error rate 12% over 5%' });
  });

  it('applies transitions one at a time even when the caller does not wait between them', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    await Promise.all([
      ledger.transition({ to: 'starting', canary: release(1) }, 'run-1'),
      ledger.transition({ to: 'ready' }, 'run-1'),
      ledger.transition({ to: 'stepping', weight: 25 }, 'run-1'),
    ]);
    expect((onDisk() as { transitions: unknown[] }).transitions).toHaveLength(3);
    expect(present(ledger.unfinished()).weight).toBe(25);
  });

  it('hands the document out read-only', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    await ledger.transition({ to: 'starting', canary: release(1) }, 'run-1');
    expect(() => {
      (ledger.document.transitions as unknown[]).push({});
    }).toThrow(/not extensible/);
    expect(Object.isFrozen(ledger.unfinished()!.release)).toBe(true);
  });

  it('refuses transitions that make no sense, and leaves the file as it was', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    await expect(ledger.transition({ to: 'ready' }, 'run-1')).rejects.toThrow(/no canary is under way/);
    await expect(ledger.promote('run-1')).rejects.toThrow(/no canary is under way/);
    await ledger.transition({ to: 'starting', canary: release(1) }, 'run-1');
    await expect(ledger.transition({ to: 'starting', canary: release(2) }, 'run-2')).rejects.toThrow(/unfinished/);
    await expect(ledger.transition({ to: 'stepping', weight: 150 }, 'run-1')).rejects.toThrow();
    expect(onDisk()).toEqual(ledger.document);
    expect(present(ledger.unfinished()).release.id).toBe(release(1).id);
  });

  it('keeps the last five stable releases, newest first, for instant rollback', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    for (let n = 1; n <= 8; n++) {
      await ledger.transition({ to: 'starting', canary: release(n) }, `run-${n}`);
      await ledger.promote(`run-${n}`);
    }
    expect(ledger.document.stable?.id).toBe(release(8).id);
    expect(ledger.document.releases.map((r) => r.id)).toEqual([7, 6, 5, 4, 3].map((n) => release(n).id));

    // Rolling back to a kept release takes it out of the list and puts the one it replaces first.
    await ledger.transition({ to: 'rolled-back', stable: release(6), note: 'instant rollback' }, 'run-9');
    expect(ledger.document.stable?.id).toBe(release(6).id);
    expect(ledger.document.releases.map((r) => r.id)).toEqual([8, 7, 5, 4, 3].map((n) => release(n).id));
  });

  it('keeps as many releases as asked', async () => {
    const ledger = await Ledger.open(state, 'production', clock, { keepReleases: 2 });
    for (let n = 1; n <= 4; n++) {
      await ledger.transition({ to: 'starting', canary: release(n) }, `run-${n}`);
      await ledger.promote(`run-${n}`);
    }
    expect(ledger.document.releases.map((r) => r.id)).toEqual([release(3).id, release(2).id]);
  });

  it('appends every transition to audit.jsonl, stamped with who, what commit and which release', async () => {
    const audit = { actor: 'octocat', commit: 'a1b2c3d', commitTime: '2026-11-30T11:00:00.000Z' };
    const ledger = await Ledger.open(state, 'production', clock, { audit });
    await ledger.transition({ to: 'starting', canary: { ...release(1), digest: 'sha256:ab' } }, 'run-1');
    await ledger.transition({ to: 'stepping', weight: 10 }, 'run-1');
    await ledger.promote('run-1');
    await ledger.transition({ to: 'rolled-back', stable: release(0), note: 'rollback: errors' }, 'run-2');
    const lines = readFileSync(ledger.auditPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as object);
    expect(lines).toStrictEqual(ledger.document.transitions.map((t) => ({ ...t })));
    expect(lines[0]).toMatchObject({ to: 'starting', ...audit, version: '1.0.1', digest: 'sha256:ab' });
    expect(lines[3]).toMatchObject({ to: 'rolled-back', release: release(0).id, version: '1.0.0' });
  });

  it('caps the transition log to its newest 1000 entries', async () => {
    const at = new Date(T0).toISOString();
    const old = Array.from({ length: 999 }, (_, i) => ({
      at,
      runId: `run-${i}`,
      from: 'idle',
      to: 'failed',
      weight: 0,
    }));
    mkdirSync(join(state, 'production'));
    writeFileSync(
      join(state, 'production', 'ledger.json'),
      JSON.stringify({ version: 1, environment: 'production', releases: [], transitions: old }),
    );
    const ledger = await Ledger.open(state, 'production', clock);
    await ledger.transition({ to: 'starting', canary: release(1) }, 'run-new');
    expect(ledger.document.transitions).toHaveLength(1000);
    for (const weight of [10, 20]) await ledger.transition({ to: 'stepping', weight }, 'run-new');
    const transitions = (onDisk() as { transitions: { runId: string; weight: number }[] }).transitions;
    expect(transitions).toHaveLength(1000);
    expect(transitions[0]!.runId).toBe('run-2');
    expect(transitions.slice(-3).map((t) => [t.runId, t.weight])).toEqual([
      ['run-new', 0],
      ['run-new', 10],
      ['run-new', 20],
    ]);
  });

  it.each([
    ['staging', true],
    ['eu-west.1_blue', true],
    ['a'.repeat(64), true],
    ['', false],
    ['a'.repeat(65), false],
    ['..', false],
    ['.', false],
    ['prod/eu', false],
    ['../production', false],
    ['prod uction', false],
  ])('environment name %j is accepted: %s', async (environment, ok) => {
    const opening = Ledger.open(state, environment, clock);
    if (ok) await expect(opening).resolves.toBeInstanceOf(Ledger);
    else await expect(opening).rejects.toThrow(userError('environment', /not an environment name/));
  });

  it('reports a corrupt ledger with its line and column, and never resets it', async () => {
    const shown = await openFailure('{\n  "version": 1,\n  "environment": "production",\n  "releases": [,]\n}\n');
    expect(shown).toMatch(/ledger\.json:4: is not valid JSON: .* at line 4, column 16\./);
    expect(shown).toMatch(/never resets/);
  });

  it('reports a cut-short ledger', async () => {
    expect(await openFailure('{ "version": 1, "environ')).toMatch(/is not valid JSON/);
  });

  it.each([
    [
      'a newer version',
      { version: 2, environment: 'production', releases: [], transitions: [] },
      /version: expected 1/,
    ],
    [
      'no releases',
      { version: 1, environment: 'production', transitions: [] },
      /: releases is missing at line 1, column 1/,
    ],
    [
      'a canary in an unknown phase',
      {
        version: 1,
        environment: 'production',
        canary: {
          release: release(1),
          phase: 'dancing',
          stepIndex: 0,
          weight: 0,
          runId: 'r',
          startedAt: release(1).startedAt,
        },
        releases: [],
        transitions: [],
      },
      /canary\.phase: expected \("starting" \| .*got "dancing" at line \d+, column \d+/,
    ],
    ['a list', [], /expected Object, got "an array" at line 1, column 1/],
    [
      'another environment',
      { version: 1, environment: 'staging', releases: [], transitions: [] },
      /records environment 'staging', not 'production'/,
    ],
  ])('reports a ledger with %s as not a ledger, naming the file', async (_what, doc, message) => {
    expect(await openFailure(JSON.stringify(doc, null, 2))).toMatch(message);
  });

  it('points at the line of the wrong field', async () => {
    const doc = {
      version: 1,
      environment: 'production',
      releases: [release(1), { ...release(2), pid: 'x' }],
      transitions: [],
    };
    const shown = await openFailure(JSON.stringify(doc, null, 2));
    expect(shown).toMatch(/releases\.1\.pid: expected number, got "x"/);
    const line =
      JSON.stringify(doc, null, 2)
        .split('\n')
        .findIndex((l) => l.includes('"pid"')) + 1;
    expect(shown).toMatch(new RegExp(`ledger\\.json:${line}: .* at line ${line}, column 7\\.`));
  });

  it('survives a run killed mid-rollout: the next run opens the ledger and finds the canary unfinished', async () => {
    // The child writes transitions as fast as it can; it is killed at an arbitrary one of them.
    const script = join(state, 'rollout.mjs');
    writeFileSync(
      script,
      `const { Ledger } = await import(${JSON.stringify(join(REPO, 'packages/deploy/src/ledger.ts'))});
const clock = { now: () => Date.now(), monotonic: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
const ledger = await Ledger.open(process.argv[2], 'production', clock);
const release = ${JSON.stringify(release(7))};
await ledger.transition({ to: 'starting', canary: release }, 'run-crash');
await ledger.transition({ to: 'ready' }, 'run-crash');
for (let i = 0; ; i++) {
  await ledger.transition({ to: 'stepping', stepIndex: i, weight: 1 + (i % 99) }, 'run-crash');
  process.stdout.write(i + '\\n');
}
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, state], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    let stdout = '';
    const lines = (): string[] => stdout.split('\n').slice(0, -1);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (lines().length >= 30) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the child ended before it was killed: ${stderr}`)));
    });
    await new Promise((r) => child.once('close', r));
    const written = Number(lines().at(-1));

    const ledger = await Ledger.open(state, 'production', clock);
    const canary = present(ledger.unfinished());
    expect(canary).toMatchObject({ release: release(7), phase: 'stepping', runId: 'run-crash' });
    // The last step it reported is on disk; at most the one it was writing went further.
    expect(canary.stepIndex === written || canary.stepIndex === written + 1).toBe(true);
    expect(ledger.document.transitions.at(-1)).toMatchObject({ to: 'stepping', weight: canary.weight });
    expect(ledger.document.transitions).toHaveLength(canary.stepIndex + 3);
  });
});

describe('a damaged ledger and its last good copy', () => {
  const file = () => join(state, 'production', 'ledger.json');
  const copy = () => join(state, 'production', 'ledger.last-good.json');
  async function twoReleases(): Promise<DeepReadonlyDoc> {
    const ledger = await Ledger.open(state, 'production', clock);
    await ledger.transition({ to: 'starting', canary: release(1) }, 'run-1');
    await ledger.promote('run-1');
    await ledger.transition({ to: 'starting', canary: release(2) }, 'run-2');
    await ledger.promote('run-2');
    return ledger.document;
  }
  type DeepReadonlyDoc = Awaited<ReturnType<typeof Ledger.open>>['document'];

  it('every write leaves the same text in the last good copy', async () => {
    await twoReleases();
    expect(readFileSync(copy(), 'utf8')).toBe(readFileSync(file(), 'utf8'));
  });

  it.each([
    ['cut short (not JSON)', (text: string) => text.slice(0, text.length / 2)],
    ['a field of the wrong type', (text: string) => text.replace('"version": 1', '"version": "one"')],
    ['a value changed behind its checksum', (text: string) => text.replace(/"1\.0\.2"/, '"6.6.6"')],
  ])('%s: the last good copy is used, loudly, and the damaged file kept aside', async (_what, damage) => {
    const written = await twoReleases();
    const good = readFileSync(file(), 'utf8');
    writeFileSync(file(), damage(good));
    const logger = new RecordingLogger();
    const ledger = await Ledger.open(state, 'production', clock, { logger });
    expect(ledger.document).toStrictEqual(written);
    expect(ledger.recovered).toMatch(
      /ledger\.json (is not valid JSON|is not a slipway release ledger|does not match its checksum): slipway uses its last good copy/,
    );
    expect(logger.messages('warning')).toStrictEqual([ledger.recovered]);
    // The ledger is whole again, and the damaged text is kept for whoever looks into it.
    expect(readFileSync(file(), 'utf8')).toBe(good);
    const aside = readdirSync(join(state, 'production')).filter((f) => f.startsWith('ledger.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(state, 'production', aside[0]!), 'utf8')).toBe(damage(good));
    // And the next transition goes on from the good document.
    await ledger.transition({ to: 'starting', canary: release(3) }, 'run-3');
    expect((await Ledger.open(state, 'production', clock)).document.stable?.id).toBe(written.stable?.id);
  });

  it('a ledger lost while its copy is whole is read from the copy', async () => {
    const written = await twoReleases();
    rmSync(file());
    const logger = new RecordingLogger();
    const ledger = await Ledger.open(state, 'production', clock, { logger });
    expect(ledger.document).toStrictEqual(written);
    expect(logger.messages('warning').join()).toMatch(/ledger\.json is missing: slipway uses its last good copy/);
  });

  it('read-only (slipway status): the copy is read and the damage said, but nothing is written', async () => {
    await twoReleases();
    writeFileSync(file(), '{ "version": ');
    const ledger = await Ledger.open(state, 'production', clock, { repair: false });
    expect(ledger.recovered).toMatch(/is not valid JSON/);
    expect(readFileSync(file(), 'utf8')).toBe('{ "version": ');
    expect(readdirSync(join(state, 'production')).some((f) => f.includes('damaged'))).toBe(false);
  });

  it('with both damaged, nothing is reset: the error names the ledger, and says its copy is damaged too', async () => {
    await twoReleases();
    writeFileSync(file(), '{ "version": ');
    writeFileSync(copy(), '[]');
    const err: unknown = await Ledger.open(state, 'production', clock).catch((e: unknown) => e);
    expect(isUserError(err) && err.describe()).toMatch(
      /ledger\.json:1: is not valid JSON.*; its last good copy .*ledger\.last-good\.json cannot be read either\./,
    );
    expect(readFileSync(file(), 'utf8')).toBe('{ "version": ');
    expect(readFileSync(copy(), 'utf8')).toBe('[]');
  });

  it('a damaged ledger from before the copies existed is named alone', async () => {
    await twoReleases();
    rmSync(copy());
    writeFileSync(file(), '{ "version": ');
    const err: unknown = await Ledger.open(state, 'production', clock).catch((e: unknown) => e);
    expect(isUserError(err) && err.describe()).toMatch(/ledger\.json:1: is not valid JSON/);
    expect(isUserError(err) && err.describe()).not.toMatch(/last good copy/);
  });

  it('a ledger fixed by hand with its checksum field removed is taken as it is', async () => {
    await twoReleases();
    const doc = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    delete doc.checksum;
    (doc.stable as { version: string }).version = '1.0.2-fixed';
    writeFileSync(file(), JSON.stringify(doc));
    const logger = new RecordingLogger();
    const ledger = await Ledger.open(state, 'production', clock, { logger });
    expect(ledger.recovered).toBeUndefined();
    expect(ledger.document.stable?.version).toBe('1.0.2-fixed');
    expect(logger.records).toStrictEqual([]);
  });
});

describe('environmentStatus', () => {
  it('lists each release once: a canary that is a kept previous release shows as the canary only', async () => {
    const ledger = await Ledger.open(state, 'production', clock);
    for (const [n, run] of [
      [1, 'run-1'],
      [2, 'run-2'],
    ] as const) {
      await ledger.transition({ to: 'starting', canary: release(n) }, run);
      await ledger.transition({ to: 'ready' }, run);
      await ledger.transition({ to: 'promoting', weight: 100 }, run);
      await ledger.promote(run);
    }
    // Release 1 is kept for rollback, and now deployed again as the canary.
    await ledger.transition({ to: 'starting', canary: release(1) }, 'run-3');
    await ledger.transition({ to: 'stepping', stepIndex: 0, weight: 10 }, 'run-3');
    const status = await environmentStatus(state, 'production', clock);
    expect(status.releases.map((r) => [r.id, r.role, r.weight])).toStrictEqual([
      [release(2).id, 'stable', 90],
      [release(1).id, 'canary', 10],
    ]);
  });
});
