// The rollback action's main with real INPUT_* variables, after two real deploys on the local
// provider: back to the previous release with the readiness check, and a clear error for a
// release the ledger never kept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { RecordingLogger, reportFailure, systemClock, type ActionSeams } from '@slipway/action-kit/lite';
import { deployCanary, downEnvironment, parseSteps } from '@slipway/deploy';
import { closedPort, inputVar, makeTree, removeTree } from '../../../test/harness.js';
import {
  SELF_COMMAND,
  releaseFolder,
  scenarioPlan,
  scenarioSeams,
} from '../../../packages/deploy/test/scenario-harness.js';
import { run } from '../src/main.js';

let root: string;
let stateDir: string;
let listen: string;
const ids: string[] = [];

beforeAll(async () => {
  root = makeTree({}, 'slipway-rollback-action-');
  stateDir = join(root, 'state');
  listen = `127.0.0.1:${await closedPort()}`;
  for (const version of ['1.0.0', '2.0.0']) {
    const outcome = await deployCanary(
      scenarioPlan(
        { provider: 'local', stateDir, settings: { listen } },
        {
          artifact: releaseFolder(root, version, 'good'),
          version,
          environment: 'production',
          steps: parseSteps('50'),
          stepAnalysisMs: 1500,
        },
      ),
      scenarioSeams(),
    );
    expect(outcome.result).toBe('promoted');
    ids.push(outcome.releaseId);
  }
}, 120_000);

afterAll(async () => {
  await downEnvironment(stateDir, 'production', systemClock);
  removeTree(root);
}, 60_000);

async function attempt(inputs: Record<string, string>) {
  const logger = new RecordingLogger();
  const outputs: Record<string, string> = {};
  const summary = join(root, `summary-${Date.now()}`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    GITHUB_WORKSPACE: root,
    GITHUB_STEP_SUMMARY: summary,
    SLIPWAY_DAEMON_COMMAND: JSON.stringify(SELF_COMMAND),
    SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN,
    [inputVar('state-dir')]: stateDir,
    [inputVar('listen')]: listen,
    [inputVar('drain')]: '0s',
  };
  for (const [k, v] of Object.entries(inputs)) env[inputVar(k)] = v;
  const seams: ActionSeams = { env, logger, setOutput: (k, v) => (outputs[k] = String(v)), mask: () => {} };
  let error: unknown;
  try {
    await run(seams);
  } catch (err) {
    error = err;
    reportFailure('rollback', err, logger, false);
  }
  const { readFileSync, existsSync } = await import('node:fs');
  return {
    error,
    errors: logger.messages('error'),
    outputs,
    summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '',
  };
}

describe('rollback action', () => {
  it('restores the previous release, checks it answers, and sets every output', async () => {
    const r = await attempt({ reason: 'p99 doubled after 2.0.0' });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({ result: 'rolled-back', 'restored-release': ids[0], 'replaced-release': ids[1] });
    expect(Number(r.outputs['duration-ms'])).toBeGreaterThan(0);
    expect(r.outputs.reason).toContain('p99 doubled after 2.0.0');
    expect(r.summary).toContain('| verified |');
    expect((await fetch(`http://${listen}/`)).headers.get('x-release')).toBe(ids[0]);
  });

  it('is a no-op when the target is live', async () => {
    const r = await attempt({ to: ids[0]! });
    expect(r.outputs.result).toBe('noop');
  });

  it.each([
    ['a release the ledger never kept', { to: '9.9.9-abcdefabcdef' }, /input 'to'.*Use previous or one of/],
    ['a release id with spaces', { to: 'a b' }, /input 'to'.*not a release id/],
    ['an unknown provider', { provider: 'k8s' }, /input 'provider'/],
    ['verify that is not a boolean', { verify: 'yes' }, /input 'verify'/],
    ...(
      [
        ['a kubernetes rollback without a deployment', { deployment: '' }, /input 'deployment': is required/],
        ['a namespace with capitals', { namespace: 'Shop' }, /input 'namespace'/],
        ['replicas that are not a number', { replicas: 'four' }, /input 'replicas'/],
        ['an unknown kubernetes router', { router: 'linkerd' }, /input 'router'/],
        ['an istio router without a route', { router: 'istio' }, /input 'route': is required/],
        ['a kube-context with a tab', { 'kube-context': 'a\tb' }, /input 'kube-context'/],
        ['a stable-url that is not a URL', { 'stable-url': 'stable' }, /input 'stable-url'/],
        ['a kubectl on two lines', { kubectl: 'kubectl\nid' }, /input 'kubectl'/],
        ['a container with an underscore', { container: 'my_app' }, /input 'container'/],
      ] as [string, Record<string, string>, RegExp][]
    ).map(([name, inputs, message]): [string, Record<string, string>, RegExp] => [
      name,
      { provider: 'kubernetes', deployment: 'web', kubectl: '/nonexistent/kubectl', ...inputs },
      message,
    ]),
  ])('%s is one error naming the input, with result failed', async (_name, inputs, message) => {
    const r = await attempt(inputs);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(r.errors[0]).not.toMatch(/\n\s+at /);
    expect(r.outputs.result).toBe('failed');
  });
});
