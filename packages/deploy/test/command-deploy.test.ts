// deploy-canary end to end on the command provider, with this machine as the "platform": slipway
// starts and probes the release processes as usual, and the provider's commands only record what
// they were asked to do. Assertions are on results and the recorded calls, never on timings.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@slipway/action-kit/lite';
import { makeTree, removeTree } from '../../../test/harness.js';
import { deployCanary, downEnvironment, parseSteps } from '../src/index.js';
import { releaseFolder, scenarioPlan, scenarioSeams } from './scenario-harness.js';

describe('deploy-canary on the command provider', () => {
  let root = '';
  let stateDir = '';
  let calls = '';
  let settings: Record<string, string> = {};
  const recorded = () => readFileSync(calls, 'utf8').trim().split('\n');
  const deploy = (version: string, mode: 'good' | 'bad', extra: Record<string, string> = {}) =>
    deployCanary(
      scenarioPlan(
        { provider: 'command', stateDir, settings: { ...settings, ...extra } },
        { artifact: releaseFolder(root, version, mode), version, steps: parseSteps('10,50'), stepAnalysisMs: 1500 },
      ),
      scenarioSeams({ env: { ...process.env, CALLS: calls } }),
    );

  beforeAll(() => {
    root = makeTree({
      'record.sh': `#!/bin/sh\necho "$1 $SLIPWAY_RELEASE $SLIPWAY_WEIGHT% prev=$SLIPWAY_PREVIOUS_RELEASE" >> "$CALLS"\n`,
      // A platform whose metrics show the canary failing half its requests while stable serves cleanly.
      'failing-metrics.sh':
        '#!/bin/sh\nprintf \'{"%s":{"requests":400,"errors":200},"%s":{"requests":400,"errors":0}}\' "$SLIPWAY_RELEASE" "$SLIPWAY_PREVIOUS_RELEASE"\n',
    });
    stateDir = join(root, 'state');
    calls = join(root, 'calls.txt');
    const record = (input: string) => `sh '${join(root, 'record.sh')}' ${input}`;
    settings = {
      'deploy-command': record('deploy'),
      'set-weight-command': record('set-weight'),
      'promote-command': record('promote'),
      'abort-command': record('abort'),
      'front-door-url': 'https://app.example.com',
    };
  });

  afterAll(async () => {
    // Stops every release process the deploys started.
    if (stateDir) await downEnvironment(stateDir, 'prod', systemClock);
    if (root) removeTree(root);
  }, 60_000);

  it('routes the first release, then promotes the next one through 10% and 50%', async () => {
    const first = await deploy('1.0.0', 'good');
    expect(first).toMatchObject({ result: 'promoted', url: 'https://app.example.com', weight: 100 });
    const second = await deploy('2.0.0', 'good');
    expect(second).toMatchObject({ result: 'promoted', previousReleaseId: first.releaseId, weight: 100 });
    expect(second.report.steps.map((s) => [s.weight, s.verdict])).toStrictEqual([
      [10, 'pass'],
      [50, 'pass'],
    ]);
    const [a, b] = [first.releaseId, second.releaseId];
    expect(recorded()).toStrictEqual([
      `deploy ${a} 100% prev=`,
      `set-weight ${a} 100% prev=`,
      `deploy ${b} 10% prev=${a}`,
      `set-weight ${b} 10% prev=${a}`,
      `set-weight ${b} 50% prev=${a}`,
      `promote ${b} 100% prev=${a}`,
    ]);
  }, 90_000);

  it("rolls back through abort-command when status-command shows the canary's errors", async () => {
    rmSync(calls, { force: true });
    writeFileSync(calls, '');
    const status = { 'status-command': `sh '${join(root, 'failing-metrics.sh')}'` };
    const outcome = await deploy('3.0.0', 'good', status);
    expect(outcome.result).toBe('rolled-back');
    expect(outcome.reason).toMatch(/^step 1 at 10%: live traffic/);
    const stable = outcome.previousReleaseId;
    const canary = outcome.releaseId;
    expect(recorded()).toStrictEqual([
      `deploy ${canary} 10% prev=${stable}`,
      `set-weight ${canary} 10% prev=${stable}`,
      `abort ${stable} 100% prev=${canary}`,
    ]);
  }, 90_000);
});
