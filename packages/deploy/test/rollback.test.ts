// Rollback on the local provider with real release processes, under autocannon load: back to the
// previous release (started again from its folder when its process is gone), to a named one, a
// no-op when the target is live, and a paused canary aborted first.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@slipway/action-kit/lite';
import { closedPort, makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import {
  deployCanary,
  downEnvironment,
  parseSteps,
  releaseAlive,
  rollback,
  type LedgerDocument,
  type RollbackOptions,
} from '../src/index.js';
import { deployInChild, releaseFolder, scenarioPlan, scenarioSeams, startLoad } from './scenario-harness.js';

let root: string;
let stateDir: string;
let listen: string;
const ids: Record<string, string> = {};
const base = () => ({ provider: 'local', stateDir, settings: { listen } });
const ledger = (): LedgerDocument =>
  JSON.parse(readFileSync(join(stateDir, 'prod', 'ledger.json'), 'utf8')) as LedgerDocument;
const options = (over: Partial<RollbackOptions> = {}): RollbackOptions => ({
  provider: 'local',
  environment: 'prod',
  stateDir,
  workspace: root,
  settings: { listen },
  to: 'previous',
  reason: 'errors after the release',
  runId: `rollback-${Date.now()}`,
  owner: 'rollback test',
  healthPath: '/healthz',
  readyTimeoutMs: 15_000,
  drainMs: 200,
  ...over,
});

beforeAll(async () => {
  root = makeTree({}, 'slipway-rollback-');
  stateDir = join(root, 'state');
  listen = `127.0.0.1:${await closedPort()}`;
  for (const version of ['1.0.0', '2.0.0']) {
    const outcome = await deployCanary(
      scenarioPlan(base(), {
        artifact: releaseFolder(root, version, 'good'),
        version,
        steps: parseSteps('50'),
        stepAnalysisMs: 1500,
      }),
      scenarioSeams(),
    );
    expect(outcome.result).toBe('promoted');
    ids[version] = outcome.releaseId;
  }
}, 120_000);

afterAll(async () => {
  await downEnvironment(stateDir, 'prod', systemClock);
  removeTree(root);
}, 60_000);

describe('rollback', () => {
  it('restores the previous release, starting it again from its folder, with no failed request', async () => {
    // The promotion of 2.0.0 stopped 1.0.0 after its drain: the rollback has to start it again.
    expect(releaseAlive(ledger().releases[0]!.pid!)).toBe(false);
    const load = await startLoad(`http://${listen}/`);
    const outcome = await rollback(options(), scenarioSeams());
    await new Promise((r) => setTimeout(r, 500));
    const seen = await load.stop();
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      restoredRelease: ids['1.0.0'],
      replacedRelease: ids['2.0.0'],
    });
    expect(seen.lost + seen.non2xx).toBe(0);
    expect(seen.answers.at(-1)!.release).toBe(ids['1.0.0']);
    expect(ledger().stable!.id).toBe(ids['1.0.0']);
    expect(ledger().transitions.at(-1)).toMatchObject({
      to: 'rolled-back',
      note: 'rollback: errors after the release',
    });
  });

  it('is a no-op when the target is already live, and names what it could roll back to otherwise', async () => {
    await expect(rollback(options({ to: ids['1.0.0'] }), scenarioSeams())).resolves.toMatchObject({ result: 'noop' });
    await expect(rollback(options({ to: '9.9.9-000000000000' }), scenarioSeams())).rejects.toThrow(
      userError('to', new RegExp(`Use previous or one of: ${ids['1.0.0']}, ${ids['2.0.0']}`)),
    );
  });

  it('rolls forward to a named release and aborts a paused canary first', async () => {
    const paused = await deployCanary(
      scenarioPlan(base(), {
        artifact: releaseFolder(root, '3.0.0', 'good'),
        version: '3.0.0',
        steps: parseSteps('20,100'),
        stepAnalysisMs: 1500,
        autoPromote: false,
      }),
      scenarioSeams(),
    );
    expect(paused).toMatchObject({ result: 'paused', weight: 20 });
    const aborted = await rollback(options(), scenarioSeams());
    expect(aborted).toMatchObject({
      result: 'rolled-back',
      restoredRelease: ids['1.0.0'],
      replacedRelease: paused.releaseId,
    });
    expect(ledger().canary).toBeUndefined();
    const forward = await rollback(options({ to: ids['2.0.0'] }), scenarioSeams());
    expect(forward).toMatchObject({ result: 'rolled-back', restoredRelease: ids['2.0.0'] });
    expect((await fetch(`http://${listen}/`)).headers.get('x-release')).toBe(ids['2.0.0']);
  });

  it('takes the lock over from a deploy mid-analysis, which stops acting, and ends with stable at 100%', async () => {
    const stableId = ledger().stable!.id;
    // A step analysed for a minute: without the takeover the rollback would wait behind it, or fail on the lock.
    const plan = scenarioPlan(base(), {
      artifact: releaseFolder(root, '4.0.0', 'good'),
      version: '4.0.0',
      steps: parseSteps('50'),
      stepAnalysisMs: 60_000,
    });
    const child = deployInChild(plan);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    for (let i = 0; !(ledger().canary?.phase === 'stepping' && ledger().canary!.weight === 50); i++) {
      if (child.exitCode !== null) throw new Error(`the deploy ended early with ${child.exitCode}: ${stderr}`);
      if (i > 600) throw new Error('the canary never reached its step');
      await new Promise((r) => setTimeout(r, 100));
    }
    const canary = ledger().canary!.release;
    const load = await startLoad(`http://${listen}/`);
    let outcome;
    try {
      outcome = await rollback(options({ reason: 'paged at 50%' }), scenarioSeams());
    } finally {
      await new Promise((r) => setTimeout(r, 500));
    }
    const seen = await load.stop();
    expect(outcome).toMatchObject({ result: 'rolled-back', restoredRelease: stableId, replacedRelease: canary.id });
    // The deploy noticed at its next lock check, and ended without touching the ledger or traffic again.
    expect(await exited).not.toBe(0);
    expect(stderr).toMatch(/lock was taken over by rollback test/);
    expect(releaseAlive(canary.pid!)).toBe(false);
    const doc = ledger();
    expect(doc.canary).toBeUndefined();
    expect(doc.stable!.id).toBe(stableId);
    expect(doc.transitions.filter((t) => t.runId === plan.runId).at(-1)!.to).toBe('stepping');
    expect(doc.transitions.at(-1)).toMatchObject({ to: 'rolled-back', note: 'rollback: paged at 50%' });
    // Traffic: every answer after the rollback came from stable, and no request failed.
    expect(seen.lost + seen.non2xx).toBe(0);
    for (let i = 0; i < 20; i++) expect((await fetch(`http://${listen}/`)).headers.get('x-release')).toBe(stableId);
  }, 120_000);
});
