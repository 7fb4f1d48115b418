// deploy-canary and rollback end to end on the command provider, with this machine standing in for
// the platform: deploy-command runs the release there (a process this test's "platform" script
// starts from the release's sources, on a port of its own) and prints its URL, which slipway
// probes; the other commands record what they were asked to do. slipway itself starts no release.
// Assertions are on results and the recorded calls, never on timings.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { RecordingLogger } from '@slipway/action-kit/lite';
import {
  deployCanary,
  knownGoodReleases,
  parseSteps,
  rollback,
  type KnownGoodSource,
  type LedgerDocument,
} from '../src/index.js';
import { GithubStandIn } from './github-stand-in.js';
import { releaseFolder, scenarioPlan, scenarioSeams, type Mode } from './scenario-harness.js';

const PLATFORM = `#!/bin/sh
# Records the call; on deploy, runs the release from its sources on a free port and prints its URL.
set -eu
echo "$1 $SLIPWAY_RELEASE $SLIPWAY_WEIGHT% prev=$SLIPWAY_PREVIOUS_RELEASE" >> "$CALLS"
[ "$1" = deploy ] || exit 0
[ "$SLIPWAY_OPERATION" = deploy ]
dir=$(ls -d "$SOURCES/$SLIPWAY_VERSION"-*)
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
cd "$dir"
PORT=$port HOST=127.0.0.1 SLIPWAY_RELEASE_ID=$SLIPWAY_RELEASE nohup node server.mjs >/dev/null 2>&1 &
echo $! >> "$PIDS"
echo "revision $SLIPWAY_RELEASE deployed with no traffic"
[ -n "\${NO_URL:-}" ] || echo "http://127.0.0.1:$port"
`;

describe('deploy-canary on the command provider', () => {
  let root = '';
  let stateDir = '';
  let calls = '';
  let pids = '';
  let settings: Record<string, string> = {};
  const recorded = () => readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean);
  const clearCalls = () => writeFileSync(calls, '');
  const ledger = (): LedgerDocument =>
    JSON.parse(readFileSync(join(stateDir, 'prod', 'ledger.json'), 'utf8')) as LedgerDocument;
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    CALLS: calls,
    PIDS: pids,
    SOURCES: join(root, 'src'),
    ...extra,
  });
  const deploy = (
    version: string,
    mode: Mode,
    extra: Record<string, string> = {},
    vars = {},
    seams: { stateDir?: string; knownGood?: KnownGoodSource } = {},
  ) =>
    deployCanary(
      scenarioPlan(
        { provider: 'command', stateDir: seams.stateDir ?? stateDir, settings: { ...settings, ...extra } },
        {
          artifact: releaseFolder(root, version, mode),
          version,
          steps: parseSteps('10,50'),
          stepAnalysisMs: 1500,
          readyTimeoutMs: 5000,
          // The platform runs the release: no start command of slipway's is involved.
          startCommand: '',
        },
      ),
      scenarioSeams({ env: env(vars), ...(seams.knownGood ? { knownGood: seams.knownGood } : {}) }),
    );

  beforeAll(() => {
    root = makeTree({
      'platform.sh': PLATFORM,
      // A platform whose metrics show the canary failing half its requests while stable serves cleanly.
      'failing-metrics.sh':
        '#!/bin/sh\nprintf \'{"%s":{"requests":400,"errors":200},"%s":{"requests":400,"errors":0}}\' "$SLIPWAY_RELEASE" "$SLIPWAY_PREVIOUS_RELEASE"\n',
    });
    stateDir = join(root, 'state');
    calls = join(root, 'calls.txt');
    pids = join(root, 'pids.txt');
    writeFileSync(calls, '');
    writeFileSync(pids, '');
    const platform = (input: string) => `sh '${join(root, 'platform.sh')}' ${input}`;
    settings = {
      'deploy-command': platform('deploy'),
      'set-weight-command': platform('set-weight'),
      'promote-command': platform('promote'),
      'abort-command': platform('abort'),
      'front-door-url': 'https://app.example.com',
    };
  });

  afterAll(() => {
    // The "platform" stops what it started.
    if (pids && existsSync(pids))
      for (const pid of readFileSync(pids, 'utf8').split('\n').filter(Boolean))
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // gone already
        }
    if (root) removeTree(root);
  });

  it('deploys each release with deploy-command, probes it at its URL, and promotes through 10% and 50%', async () => {
    const first = await deploy('1.0.0', 'good');
    expect(first).toMatchObject({ result: 'promoted', url: 'https://app.example.com', weight: 100 });
    const second = await deploy('2.0.0', 'good');
    expect(second).toMatchObject({ result: 'promoted', previousReleaseId: first.releaseId, weight: 100 });
    expect(second.report.steps.map((s) => [s.weight, s.verdict, s.probes.failed])).toStrictEqual([
      [10, 'pass', 0],
      [50, 'pass', 0],
    ]);
    expect(second.report.steps.every((s) => s.probes.sent > 0)).toBe(true);
    const [a, b] = [first.releaseId, second.releaseId];
    expect(recorded()).toStrictEqual([
      `deploy ${a} 0% prev=`,
      `set-weight ${a} 100% prev=`,
      `deploy ${b} 0% prev=${a}`,
      `set-weight ${b} 10% prev=${a}`,
      `set-weight ${b} 50% prev=${a}`,
      `promote ${b} 100% prev=${a}`,
    ]);
    // slipway ran nothing itself: the ledger knows the releases by their URLs, with no process or command.
    const stable = ledger().stable!;
    expect(stable.upstream).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stable.pid).toBeUndefined();
    expect(stable.command).toBeUndefined();
    // Deployed again (a re-run of the same commit): no hook runs; above all not abort-command.
    const again = await deploy('2.0.0', 'good');
    expect(again).toMatchObject({ result: 'promoted', releaseId: b });
    expect(again.reason).toMatch(/already the stable release .*; nothing else to do$/);
    expect(recorded()).toHaveLength(6);
  }, 90_000);

  it("rolls back through abort-command when status-command shows the canary's errors", async () => {
    clearCalls();
    const status = { 'status-command': `sh '${join(root, 'failing-metrics.sh')}'` };
    const outcome = await deploy('3.0.0', 'good', status);
    expect(outcome.result).toBe('rolled-back');
    expect(outcome.reason).toMatch(/^step 1 at 10%: live traffic/);
    const stable = outcome.previousReleaseId;
    const canary = outcome.releaseId;
    expect(recorded()).toStrictEqual([
      `deploy ${canary} 0% prev=${stable}`,
      `set-weight ${canary} 10% prev=${stable}`,
      `abort ${stable} 100% prev=${canary}`,
    ]);
  }, 90_000);

  it('gives no traffic to a release that never answers its health path at its URL', async () => {
    clearCalls();
    const outcome = await deploy('4.0.0', 'deaf');
    expect(outcome.result).toBe('failed');
    expect(outcome.reason).toMatch(
      /never became ready: the release did not answer http:\/\/\S+\/healthz with 2xx\/3xx within .*HTTP 503/,
    );
    // The platform is told to withdraw it (it never had traffic).
    const [canary, stable] = [outcome.releaseId, outcome.previousReleaseId];
    expect(recorded()).toStrictEqual([`deploy ${canary} 0% prev=${stable}`, `abort ${stable} 100% prev=${canary}`]);
  }, 90_000);

  it('refuses a release with no URL when nothing else could judge it, before any traffic moves', async () => {
    clearCalls();
    await expect(deploy('5.0.0', 'good', {}, { NO_URL: '1' })).rejects.toThrow(
      userError('deploy-command', /printed no URL for 5\.0\.0-\w+, and no status-command/),
    );
    expect(recorded().filter((c) => !c.startsWith('deploy '))).toStrictEqual([]);
  }, 90_000);

  it('rolls back by switching traffic on the platform, starting nothing', async () => {
    clearCalls();
    const before = ledger();
    const outcome = await rollback(
      {
        provider: 'command',
        environment: 'prod',
        stateDir,
        workspace: root,
        settings,
        to: 'previous',
        reason: 'incident',
        runId: `rollback-${Date.now()}`,
        owner: 'rollback test',
        healthPath: '/healthz',
        readyTimeoutMs: 5000,
        drainMs: 0,
      },
      scenarioSeams({ env: env() }),
    );
    const [restored, replaced] = [before.releases[0]!.id, before.stable!.id];
    expect(outcome).toMatchObject({ result: 'rolled-back', restoredRelease: restored, replacedRelease: replaced });
    expect(outcome.restoredUpstream).toBe(before.releases[0]!.upstream);
    expect(recorded()).toStrictEqual([`abort ${restored} 100% prev=${replaced}`]);
    expect(ledger().stable!.id).toBe(restored);
  }, 90_000);

  describe('on a fresh runner, whose ledger is empty', () => {
    let gh: GithubStandIn;
    const releases = { older: '1.0.0-aaaaaaaaaaaa', live: '2.0.0-bbbbbbbbbbbb', failed: '3.0.0-cccccccccccc' };
    const source = (): KnownGoodSource => (count) =>
      knownGoodReleases(
        { token: 'ghs_test', repository: 'acme/shop', apiUrl: gh.url, logger: new RecordingLogger(), retries: 0 },
        'prod',
        count,
      );

    beforeAll(async () => {
      gh = await GithubStandIn.start('acme/shop');
      // Oldest first: two releases that went live, then one that was rolled back.
      gh.seed({
        ref: 'c1',
        environment: 'prod',
        payload: { releaseId: releases.older, version: '1.0.0' },
        states: ['in_progress', 'success', 'inactive'],
      });
      gh.seed({
        ref: 'c2',
        environment: 'prod',
        payload: { releaseId: releases.live, version: '2.0.0' },
        states: ['in_progress', 'success'],
      });
      gh.seed({
        ref: 'c3',
        environment: 'prod',
        payload: { releaseId: releases.failed, version: '3.0.0' },
        states: ['in_progress', 'failure'],
      });
    });
    afterAll(async () => gh.close());

    it("rolls back to the release GitHub's history says was live before the current one", async () => {
      clearCalls();
      const fresh = join(root, 'fresh-rollback');
      const outcome = await rollback(
        {
          provider: 'command',
          environment: 'prod',
          stateDir: fresh,
          workspace: root,
          settings,
          to: 'previous',
          reason: 'incident',
          runId: `rollback-${Date.now()}`,
          owner: 'rollback test',
          healthPath: '/healthz',
          readyTimeoutMs: 5000,
          drainMs: 0,
        },
        scenarioSeams({ env: env(), knownGood: source() }),
      );
      expect(outcome).toMatchObject({
        result: 'rolled-back',
        restoredRelease: releases.older,
        replacedRelease: releases.live,
      });
      expect(recorded()).toStrictEqual([`abort ${releases.older} 100% prev=`]);
      const doc = JSON.parse(readFileSync(join(fresh, 'prod', 'ledger.json'), 'utf8')) as LedgerDocument;
      expect(doc.stable!.id).toBe(releases.older);
      expect(doc.transitions.map((t) => [t.to, t.release])).toStrictEqual([
        ['recovered', releases.older],
        ['recovered', releases.live],
        ['rolled-back', releases.older],
      ]);
    }, 60_000);

    it('deploys a canary against the live release GitHub knows of, not as a first release at 100%', async () => {
      clearCalls();
      const outcome = await deploy(
        '6.0.0',
        'good',
        {},
        {},
        { stateDir: join(root, 'fresh-deploy'), knownGood: source() },
      );
      expect(outcome).toMatchObject({ result: 'promoted', previousReleaseId: releases.live });
      const canary = outcome.releaseId;
      expect(recorded()).toStrictEqual([
        `deploy ${canary} 0% prev=${releases.live}`,
        `set-weight ${canary} 10% prev=${releases.live}`,
        `set-weight ${canary} 50% prev=${releases.live}`,
        `promote ${canary} 100% prev=${releases.live}`,
      ]);
    }, 90_000);
  });
});
