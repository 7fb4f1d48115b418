// Fault 8: the ledger file is damaged between two runs (cut short, overwritten with random bytes,
// deleted, or edited behind its checksum) while the load runs against the front door. The next
// deploy reads the last good copy, says so in a warning naming both files, keeps the damaged file
// aside, and runs its canary to promotion. With the copy damaged too, the deploy fails with a
// UserError before it starts anything, and leaves both files as they are for a human. The stable
// release fails none of the requests it gets, behind the local proxy and HAProxy.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError, RecordingLogger, systemClock } from '@slipway/action-kit/lite';
import { Ledger, releaseAlive, type LedgerDocument } from '@slipway/deploy';
import { needsTool } from '../harness.js';
import { TOOL } from './front-doors.js';
import { answeredBy, ENVIRONMENT, phases, Stage, stableId, type Settled } from './harness.js';
import type { LoadResult } from './load.js';

/** A release id no ledger has ever named: what the edit behind the checksum makes stable. */
const NO_SUCH_RELEASE = 'r-0000000000000000-no-such-release';

/** One canary step at 50%: enough to run the canary under load, short enough for a busy machine. */
const ONE_STEP = { steps: [{ weight: 50, pauseMs: 0 }], stepAnalysisMs: 1500 };

/** How each fault damages the ledger's text (`undefined`: the file is deleted). */
type Damage = (text: string) => string | Buffer | undefined;

const cutShort: Damage = (text) => text.slice(0, Math.floor(text.length / 2));
/** Random bytes behind a NUL, so that no draw can be JSON. */
const randomGarbage: Damage = () => Buffer.concat([Buffer.from([0]), randomBytes(2047)]);
const deleted: Damage = () => undefined;
/** Valid JSON, checksum kept, the stable release's id changed to one that does not exist. */
const editedBehindChecksum: Damage = (text) => {
  const doc = JSON.parse(text) as LedgerDocument & { checksum: string };
  doc.stable!.id = NO_SUCH_RELEASE;
  return `${JSON.stringify(doc, null, 2)}\n`;
};

function damageFile(path: string, damage: Damage): string | Buffer | undefined {
  const damaged = damage(readFileSync(path, 'utf8'));
  if (damaged === undefined) rmSync(path);
  else writeFileSync(path, damaged);
  return damaged;
}

for (const provider of ['local', 'haproxy'] as const) {
  const tool = TOOL[provider];
  const suite = tool ? needsTool(tool) : { describe };
  suite.describe(`fault 8 on ${provider}: a corrupted ledger between two runs`, () => {
    let stage: Stage;
    const copyPath = (): string => join(stage.environmentDir, 'ledger.last-good.json');
    const auditPath = (): string => join(stage.environmentDir, 'audit.jsonl');
    const keptAside = (): string[] =>
      readdirSync(stage.environmentDir)
        .filter((name) => name.startsWith('ledger.json.damaged-'))
        .sort();

    beforeAll(async () => {
      stage = await Stage.open(provider);
      const first = await stage.deployed(stage.plan('1.0.0', 'good', ONE_STEP));
      expect(first.error).toBeUndefined();
      expect(first.outcome).toMatchObject({ result: 'promoted' });
    }, 60_000);

    afterAll(() => stage?.close(), 90_000);

    /** The stable release answered, failed nothing, and the front door lost no request. */
    function expectStableUnharmed(seen: LoadResult, stable: string): void {
      expect(seen.tally.byRelease[stable]).toMatchObject({ failed: 0 });
      expect(seen.tally.byRelease[stable]!.ok).toBeGreaterThan(0);
      expect(seen.tally.unattributed).toStrictEqual({});
    }

    /** Damages the ledger (and the copy, if asked) under load; the load goes on until the caller stops it. */
    async function damageUnderLoad(ledger: Damage, copy?: Damage) {
      const stable = stableId(stage);
      const good = readFileSync(stage.ledgerPath, 'utf8');
      // Every write leaves the same text in the copy (after (c), only the ledger was put back by hand).
      if (!copy) expect(readFileSync(copyPath(), 'utf8')).toBe(good);
      const audit = readFileSync(auditPath());
      const asideBefore = keptAside();
      const load = stage.load();
      await load.more(30);
      const damaged = damageFile(stage.ledgerPath, ledger);
      const damagedCopy = copy && damageFile(copyPath(), copy);
      // Nothing reads the ledger between runs: the front door goes on sending traffic to stable.
      const from = load.done;
      await load.more(30);
      return { stable, good, audit, asideBefore, load, damaged, damagedCopy, between: [from, load.done] as const };
    }

    /** The requests answered while the ledger lay damaged and no run was going: all stable's, all good. */
    function expectStableBetweenRuns(seen: LoadResult, between: readonly [number, number], stable: string): void {
      const shots = seen.shots.slice(...between);
      expect(shots.length).toBeGreaterThan(0);
      expect(new Set(shots.map((s) => `${s.status} ${s.release}`))).toStrictEqual(new Set([`200 ${stable}`]));
    }

    /** The one warning about the ledger: both files, why, the copy's last transition, and where the damaged file went. */
    function expectRecoveryWarning(settled: Settled, reason: string, good: LedgerDocument, kept?: string): void {
      const aboutLedger = settled.logger.records.filter(
        (r) => r.level !== 'debug' && r.level !== 'info' && r.message.includes('ledger'),
      );
      expect(aboutLedger).toStrictEqual([
        {
          level: 'warning',
          message:
            `${stage.ledgerPath} ${reason}: slipway uses its last good copy, ${copyPath()} ` +
            `(last transition ${good.transitions.at(-1)!.at})` +
            (kept ? `; the damaged file is kept as ${join(stage.environmentDir, kept)}` : '') +
            '. Check that the stable release it names is the one serving.',
          props: { file: stage.ledgerPath },
        },
      ]);
    }

    it.each([
      ['(a) cut short (truncated JSON)', cutShort, 'is not valid JSON', '2.0.0'],
      ['(a) overwritten with random bytes', randomGarbage, 'is not valid JSON', '3.0.0'],
      ['(a) deleted, its copy whole', deleted, 'is missing', '4.0.0'],
      [
        '(b) edited behind its checksum (stable set to a release that does not exist)',
        editedBehindChecksum,
        'does not match its checksum',
        '5.0.0',
      ],
    ] as const)(
      '%s: the deploy warns, restores the last good copy, runs its canary and is promoted; stable fails nothing',
      async (_what, damage, reason, version) => {
        const { stable, good, audit, asideBefore, load, damaged, between } = await damageUnderLoad(damage);
        const goodDoc = JSON.parse(good) as LedgerDocument;
        const oldPid = goodDoc.stable!.pid!;

        const running = stage.deploy(stage.plan(version, 'good', ONE_STEP));
        const settled = await running.done;
        await load.more(30);
        const seen = await load.stop();

        expect(settled.error).toBeUndefined();
        expect(settled.outcome).toMatchObject({ result: 'promoted', previousReleaseId: stable });
        expect(settled.outcome!.report.steps.map((s) => s.verdict)).toStrictEqual(['pass']);
        const promoted = settled.outcome!.releaseId;

        // Loud: one warning naming the ledger and its copy; the damaged file is kept aside, byte for byte.
        const aside = keptAside().filter((name) => !asideBefore.includes(name));
        if (damaged === undefined) {
          expect(aside).toStrictEqual([]); // nothing to keep
          expectRecoveryWarning(settled, reason, goodDoc);
        } else {
          expect(aside).toHaveLength(1);
          expect(readFileSync(join(stage.environmentDir, aside[0]!))).toStrictEqual(Buffer.from(damaged));
          expectRecoveryWarning(settled, reason, goodDoc, aside[0]);
        }

        // The ledger went on from the copy: its history is the copy's, then this run's; v2 is stable.
        const ledger = stage.ledger();
        expect(ledger.stable!.id).toBe(promoted);
        expect(ledger.canary).toBeUndefined();
        expect(ledger.releases[0]!.id).toBe(stable);
        expect(JSON.stringify(ledger)).not.toContain(NO_SUCH_RELEASE);
        expect(ledger.transitions.filter((t) => t.runId !== running.plan.runId)).toStrictEqual(goodDoc.transitions);
        expect(phases(stage.transitionsOf(running.plan.runId))).toStrictEqual([
          'starting',
          'starting',
          'ready',
          'stepping',
          'promoting',
          'promoted',
        ]);
        // Whole again: its checksum holds, the copy is the same text, and the audit trail only grew.
        const reopened = new RecordingLogger();
        expect((await Ledger.open(stage.stateDir, ENVIRONMENT, systemClock, { logger: reopened })).recovered).toBe(
          undefined,
        );
        expect(reopened.records).toStrictEqual([]);
        expect(readFileSync(copyPath(), 'utf8')).toBe(readFileSync(stage.ledgerPath, 'utf8'));
        expect(readFileSync(auditPath()).subarray(0, audit.length)).toStrictEqual(audit);

        // Traffic: stable served the whole time and failed nothing; now the new release serves alone.
        expectStableBetweenRuns(seen, between, stable);
        expectStableUnharmed(seen, stable);
        expect(seen.tally.byRelease[promoted]).toMatchObject({ failed: 0 });
        expect(releaseAlive(oldPid)).toBe(false); // the old stable, drained and stopped
        expect(answeredBy(await stage.sample())).toStrictEqual(new Set([promoted]));
      },
    );

    describe('(c) the ledger and its last good copy both damaged', () => {
      let restore: (() => void) | undefined;
      // Whatever happens, put the ledger back before close: downEnvironment cannot read a doubly damaged one either.
      afterAll(() => restore?.());

      it.each([
        ['cut short, the copy edited behind its checksum', 'the ledger', cutShort, editedBehindChecksum, '6.0.0'],
        ['deleted, the copy random bytes', 'both files', deleted, randomGarbage, '6.0.1'],
      ] as const)(
        'ledger %s: the deploy fails with a UserError naming %s, starts nothing, resets nothing; stable fails nothing',
        async (_what, _named, damageLedger, damageCopy, version) => {
          const { stable, good, audit, asideBefore, load, damaged, damagedCopy, between } = await damageUnderLoad(
            damageLedger,
            damageCopy,
          );
          restore = () => {
            writeFileSync(stage.ledgerPath, good);
            writeFileSync(copyPath(), good);
          };

          const settled = await stage.deployed(stage.plan(version, 'good', ONE_STEP));
          await load.more(30);
          const seen = await load.stop();

          expect(settled.outcome).toBeUndefined();
          expect(isUserError(settled.error)).toBe(true);
          const said = isUserError(settled.error) ? settled.error.describe() : String(settled.error);
          if (damaged === undefined) {
            // Deleted: the error names both files.
            expect(said).toBe(
              `${stage.ledgerPath}: is missing, and its last good copy ${copyPath()} cannot be read either. ` +
                'slipway never resets a ledger, since it records which release is live: fix the file by hand or restore it from a backup.',
            );
          } else {
            // Damaged: the error is the ledger's own, with its line (the copy is not named: see the README).
            expect(said.startsWith(`${stage.ledgerPath}:`)).toBe(true);
            expect(said).toMatch(/^[^:]+:\d+: is not valid JSON: .*\. slipway never resets a ledger, /);
          }
          expect(settled.logger.messages('warning')).toStrictEqual([]);

          // Nothing changed on disk: both files as the fault left them, nothing kept aside, no lock, no new audit line.
          if (damaged === undefined) expect(existsSync(stage.ledgerPath)).toBe(false);
          else expect(readFileSync(stage.ledgerPath)).toStrictEqual(Buffer.from(damaged));
          expect(readFileSync(copyPath())).toStrictEqual(Buffer.from(damagedCopy!));
          expect(keptAside()).toStrictEqual(asideBefore);
          expect(existsSync(join(stage.environmentDir, 'lock'))).toBe(false);
          expect(readFileSync(auditPath())).toStrictEqual(audit);
          // The release was never started: it never listened, so it never wrote where.
          expect(readdirSync(stage.receipts).filter((f) => f.startsWith(version))).toStrictEqual([]);

          // Traffic stayed on stable throughout, and stable failed nothing.
          expectStableBetweenRuns(seen, between, stable);
          expectStableUnharmed(seen, stable);
          expect(answeredBy(seen)).toStrictEqual(new Set([stable]));

          // A human puts the ledger back from a backup; the copy is still damaged.
          writeFileSync(stage.ledgerPath, good);
          restore = undefined;
        },
      );

      it('once a human puts the ledger back, the next deploy is promoted and mends the copy', async () => {
        const stable = stableId(stage);
        expect(() => JSON.parse(readFileSync(copyPath(), 'utf8')) as unknown).toThrow(); // still the random bytes
        const load = stage.load();
        const settled = await stage.deployed(stage.plan('7.0.0', 'good', ONE_STEP));
        const seen = await load.stop();

        expect(settled.error).toBeUndefined();
        expect(settled.outcome).toMatchObject({ result: 'promoted', previousReleaseId: stable });
        expect(settled.logger.messages('warning')).toStrictEqual([]);
        expect(stage.ledger().stable!.id).toBe(settled.outcome!.releaseId);
        expect(readFileSync(copyPath(), 'utf8')).toBe(readFileSync(stage.ledgerPath, 'utf8'));
        expectStableUnharmed(seen, stable);
        expect(answeredBy(await stage.sample())).toStrictEqual(new Set([settled.outcome!.releaseId]));
      });
    });
  });
}
