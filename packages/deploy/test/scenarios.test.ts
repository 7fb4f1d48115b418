// deploy-canary's guarantees, proved end to end for each traffic router: real release processes,
// a real HAProxy and nginx, and autocannon load through the front door during every deploy.
// Assertions are on results, shares, counts and which release answered: never on timings.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedPort, makeTree, needsTool, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { systemClock } from '@slipway/action-kit/lite';
import {
  deployCanary,
  downEnvironment,
  recoverCanary,
  releaseAlive,
  type DeployOutcome,
  type LedgerDocument,
} from '../src/index.js';
import { renderUpstream } from '../src/providers/nginx/config.js';
import { createNginxRouter } from '../src/providers/nginx/router.js';
import { startHaproxy, type TestHaproxy } from './haproxy-harness.js';
import { startNginx, type TestNginx } from './nginx-harness.js';
import {
  deployInChild,
  releaseFolder,
  scenarioPlan,
  scenarioSeams,
  startLoad,
  type LoadRecord,
} from './scenario-harness.js';

/** A provider under test: its settings and front door once started, and how to stop what it started. */
interface Setup {
  provider: string;
  tool?: string;
  /**
   * Requests the load may lose on the connection in one deploy. nginx has no runtime API: each
   * weight change is a reload, and an old worker closing an idle keep-alive connection races a
   * request the client sends on it at that moment (a reset, never a 5xx; clients that retry
   * idempotent requests, as browsers do, never see it; autocannon does not retry). The router's
   * own load test measures the same bound.
   */
  maxLost: number;
  start(dir: string): Promise<{ settings: Record<string, string>; url: string; stop(): Promise<void> }>;
}

const SETUPS: Setup[] = [
  {
    provider: 'local',
    maxLost: 0,
    async start() {
      const listen = `127.0.0.1:${await closedPort()}`;
      return { settings: { listen }, url: `http://${listen}/`, stop: async () => {} };
    },
  },
  {
    provider: 'haproxy',
    tool: 'haproxy',
    maxLost: 0,
    async start(dir) {
      const haproxy: TestHaproxy = await startHaproxy(dir);
      return {
        settings: { 'haproxy-socket': haproxy.adminSocket, 'haproxy-backend': 'app' },
        url: haproxy.url,
        stop: () => haproxy.stop(),
      };
    },
  },
  {
    provider: 'nginx',
    tool: 'nginx',
    maxLost: 5,
    async start(dir) {
      const upstreamFile = join(dir, 'upstream.conf');
      // nginx needs its includes before it starts: a placeholder upstream, and the log snippet a router writes.
      writeFileSync(
        upstreamFile,
        renderUpstream('prod', { id: 'seed', version: '0', upstream: 'http://127.0.0.1:1' }, undefined, 0),
      );
      const seed = { stateDir: join(dir, 'seed-state'), environment: 'prod' };
      await (
        await createNginxRouter({
          ...seed,
          settings: { 'nginx-upstream-file': upstreamFile, 'nginx-reload-command': 'true' },
        })
      ).close();
      const nginx: TestNginx = await startNginx(dir, upstreamFile, join(dir, 'upstream.access.inc'), 'slipway_prod');
      return {
        settings: {
          'nginx-upstream-file': upstreamFile,
          'nginx-reload-command': nginx.reloadCommand,
          'nginx-test-command': nginx.testCommand,
        },
        url: `http://127.0.0.1:${nginx.port}/`,
        stop: () => nginx.stop(),
      };
    },
  },
];

for (const setup of SETUPS) {
  const suite = setup.tool ? needsTool(setup.tool) : { describe };
  suite.describe(`deploy-canary scenarios on ${setup.provider}`, () => {
    let root: string;
    let stateDir: string;
    let url: string;
    let settings: Record<string, string>;
    let stopInfra: () => Promise<void> = async () => {};
    const base = () => ({ provider: setup.provider, stateDir, settings });
    const ledger = (): LedgerDocument =>
      JSON.parse(readFileSync(join(stateDir, 'prod', 'ledger.json'), 'utf8')) as LedgerDocument;
    /** Runs one deploy under load; returns its outcome and what the load saw. */
    const deployUnderLoad = async (version: string, mode: Parameters<typeof releaseFolder>[2], over = {}) => {
      const load = await startLoad(url);
      const deployed = deployCanary(
        scenarioPlan(base(), { artifact: releaseFolder(root, version, mode), version, ...over }),
        scenarioSeams(),
      );
      // The load stops whether the deploy resolves or throws.
      const settled = await deployed.then(
        (outcome) => ({ outcome }),
        (error: unknown) => ({ error }),
      );
      const seen: LoadRecord = await load.stop();
      if ('error' in settled) throw settled.error;
      return { outcome: settled.outcome as DeployOutcome, seen };
    };

    beforeAll(async () => {
      root = makeTree({}, `slipway-scenario-${setup.provider}-`);
      stateDir = join(root, 'state');
      const infra = await setup.start(root);
      ({ settings, url } = infra);
      stopInfra = infra.stop;
      // The environment's first release: nothing to compare against, it takes all traffic once ready.
      const first = await deployCanary(
        scenarioPlan(base(), { artifact: releaseFolder(root, '1.0.0', 'good'), version: '1.0.0' }),
        scenarioSeams(),
      );
      expect(first).toMatchObject({ result: 'promoted', previousReleaseId: '', weight: 100 });
    }, 120_000);

    afterAll(async () => {
      if (stateDir) await downEnvironment(stateDir, 'prod', systemClock);
      await stopInfra();
      if (root) removeTree(root);
    }, 60_000);

    it('1. promotes a good release through 10, 25, 50, 100 with no failed request and each share within 5 points', async () => {
      const before = ledger().stable!.id;
      const { outcome, seen } = await deployUnderLoad('2.0.0', 'good');
      expect(outcome).toMatchObject({ result: 'promoted', previousReleaseId: before, weight: 100 });
      expect(seen.lost).toBeLessThanOrEqual(setup.maxLost);
      expect(seen.non2xx).toBe(0);
      expect(outcome.report.steps.map((s) => s.weight)).toStrictEqual([10, 25, 50, 100]);
      for (const step of outcome.report.steps) {
        expect(step.verdict).toBe('pass');
        expect(Math.abs(step.canaryShare! - step.weight)).toBeLessThanOrEqual(5);
      }
      // Both versions answered during the rollout, and the new one is stable now.
      const released = new Set(seen.answers.map((a) => a.release));
      expect(released).toContain(outcome.releaseId);
      expect(released).toContain(before);
      expect(ledger().stable!.id).toBe(outcome.releaseId);
      expect(ledger().canary).toBeUndefined();
    });

    it('2. rolls a release with 5% of 500s back, naming the check, with no failure from the stable side', async () => {
      const stable = ledger().stable!.id;
      const { outcome, seen } = await deployUnderLoad('3.0.0', 'bad');
      expect(outcome.result).toBe('rolled-back');
      expect(outcome.weight).toBe(0);
      expect(outcome.reason).toMatch(/^step \d at \d+%: (live traffic|the canary answered)/);
      expect(seen.lost).toBeLessThanOrEqual(setup.maxLost);
      // Every failed answer came from the canary; the stable release answered everything else.
      expect(seen.answers.filter((a) => a.status >= 500 && a.release !== outcome.releaseId)).toStrictEqual([]);
      const aborted = Date.parse(outcome.report.transitions.find((t) => t.to === 'aborting')!.at);
      const late = seen.answers.filter((a) => a.release === outcome.releaseId && a.at > aborted + 1000);
      expect(late).toStrictEqual([]);
      expect(ledger().stable!.id).toBe(stable);
      expect(ledger().canary).toBeUndefined();
      expect(ledger().transitions.at(-1)).toMatchObject({ to: 'rolled-back', weight: 0 });
      // And afterwards, nothing but the stable release answers.
      const after = await startLoad(url);
      await new Promise((r) => setTimeout(r, 1000));
      const tail = await after.stop();
      expect(tail.non2xx + tail.lost).toBe(0);
      expect(new Set(tail.answers.map((a) => a.release))).toStrictEqual(new Set([stable]));
    });

    it.each([
      ['crashes on start', 'crash', /exited with code 3/],
      ['never answers its health path', 'deaf', /did not answer \/healthz/],
    ] as const)('3. a canary that %s gets no traffic and fails clearly', async (_name, mode, reason) => {
      const stable = ledger().stable!.id;
      const { outcome, seen } = await deployUnderLoad(`4.0.0-${mode}`, mode, { readyTimeoutMs: 3000 });
      expect(outcome.result).toBe('failed');
      expect(outcome.reason).toMatch(reason);
      expect(outcome.reason).toMatch(/no traffic reached it/);
      expect(seen.non2xx).toBe(0);
      expect(seen.lost).toBeLessThanOrEqual(setup.maxLost);
      expect(new Set(seen.answers.map((a) => a.release))).toStrictEqual(new Set([stable]));
      expect(ledger()).toMatchObject({ stable: { id: stable } });
      expect(ledger().canary).toBeUndefined();
    });

    it('4. after the deploy is killed with SIGKILL mid-rollout, the post step puts all traffic back on stable', async () => {
      const stable = ledger().stable!.id;
      const plan = scenarioPlan(base(), {
        artifact: releaseFolder(root, '5.0.0', 'good'),
        version: '5.0.0',
        stepAnalysisMs: 60_000,
      });
      const child = deployInChild(plan);
      const exited = new Promise((r) => child.once('exit', r));
      // Wait until the canary takes traffic, then kill the deploy outright.
      for (let i = 0; !(ledger().canary?.phase === 'stepping' && ledger().canary!.weight > 0); i++) {
        if (child.exitCode !== null) throw new Error(`the deploy ended early with ${child.exitCode}`);
        if (i > 600) throw new Error('the canary never reached its first step');
        await new Promise((r) => setTimeout(r, 100));
      }
      const canary = ledger().canary!.release;
      child.kill('SIGKILL');
      await exited;
      expect(releaseAlive(canary.pid!)).toBe(true);
      const load = await startLoad(url);
      let seen: LoadRecord;
      try {
        const done = await recoverCanary(
          { stateDir, environment: 'prod', provider: setup.provider, settings, workspace: root, runId: plan.runId },
          scenarioSeams(),
        );
        expect(done).toMatch(/rolled back, all traffic on/);
      } finally {
        seen = await load.stop();
      }
      expect(seen.lost).toBeLessThanOrEqual(setup.maxLost);
      expect(seen.answers.filter((a) => a.status >= 500)).toStrictEqual([]);
      expect(ledger().canary).toBeUndefined();
      expect(ledger().stable!.id).toBe(stable);
      expect(ledger().transitions.at(-1)).toMatchObject({ to: 'rolled-back' });
      expect(releaseAlive(canary.pid!)).toBe(false);
      const after = await startLoad(url);
      await new Promise((r) => setTimeout(r, 1000));
      expect(new Set((await after.stop()).answers.map((a) => a.release))).toStrictEqual(new Set([stable]));
    });

    it('5. of two deploys at once, one proceeds and the other fails at once naming the lock holder', async () => {
      const first = deployCanary(
        scenarioPlan(base(), {
          artifact: releaseFolder(root, '6.0.0', 'good'),
          version: '6.0.0',
          steps: [{ weight: 50, pauseMs: 0 }],
        }),
        scenarioSeams(),
      );
      for (let i = 0; !readLock(stateDir); i++) {
        if (i > 200) throw new Error('the first deploy never took the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      await expect(
        deployCanary(
          scenarioPlan(base(), { artifact: releaseFolder(root, '7.0.0', 'good'), version: '7.0.0' }),
          scenarioSeams(),
        ),
      ).rejects.toThrow(userError('environment', /locked by scenario deploy of 6\.0\.0/));
      await expect(first).resolves.toMatchObject({ result: 'promoted' });
    });
  });
}

function readLock(stateDir: string): string | undefined {
  try {
    return readFileSync(join(stateDir, 'prod', 'lock'), 'utf8');
  } catch {
    return undefined;
  }
}
