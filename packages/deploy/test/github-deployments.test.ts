// GitHub Deployments against a local stand-in for the REST API: the rollout's statuses in order,
// the plugins' retries and rate-limit handling, one warning and silence when GitHub cannot be
// used, the token kept out of every log line, and the last known-good release read back.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Bottleneck from 'bottleneck';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { closedPort } from '../../../test/harness.js';
import { githubDeployments, noDeployments, type DeploymentRecorder } from '../src/github/deployments.js';
import { lastKnownGood } from '../src/github/recover.js';
import { GithubStandIn, type Fault } from './github-stand-in.js';

const TOKEN = 'ghs_standIn0123456789abcdefTOKEN';
const RUN_URL = 'https://github.com/acme/shop/actions/runs/42';
const SHA = 'a'.repeat(40);

let gh: GithubStandIn;
let logger: RecordingLogger;
beforeEach(async () => {
  gh = await GithubStandIn.start('acme/shop');
  logger = new RecordingLogger();
});
afterEach(() => gh.close());

// Short waits: backoff units of 5 ms, a 300 ms request timeout, two retries, and a write queue
// without the throttling plugin's second between writes (its only Bottleneck is the plugin's own).
const writeQueue = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
const fast = { retries: 2, retryBaseMs: 5, requestTimeoutMs: 300, writeQueue };
const recorder = (over: Partial<Parameters<typeof githubDeployments>[0]> = {}): DeploymentRecorder =>
  githubDeployments({
    token: TOKEN,
    repository: 'acme/shop',
    apiUrl: gh.url,
    runUrl: RUN_URL,
    logger,
    ...fast,
    ...over,
  });
const start = (r: DeploymentRecorder, environment = 'staging') =>
  r.start({ ref: SHA, environment, releaseId: 'r-7', version: '1.4.0', description: 'canary of 1.4.0' });
const rollout = async (r: DeploymentRecorder) => {
  await start(r);
  await r.progress(25, 'step 1 of 3');
  await r.succeeded('https://shop.example.com', 'promoted 1.4.0');
};
const warnings = () => logger.messages('warning');

describe('githubDeployments', () => {
  it('creates the deployment, then in_progress, in_progress with the weight, and success', async () => {
    await rollout(recorder());
    expect(gh.writes().map((r) => [r.method, r.path])).toEqual([
      ['POST', '/repos/acme/shop/deployments'],
      ['POST', '/repos/acme/shop/deployments/1000/statuses'],
      ['POST', '/repos/acme/shop/deployments/1000/statuses'],
      ['POST', '/repos/acme/shop/deployments/1000/statuses'],
    ]);
    const [create, ...statuses] = gh.writes().map((r) => r.body);
    expect(create).toEqual({
      ref: SHA,
      environment: 'staging',
      description: 'canary of 1.4.0',
      payload: { releaseId: 'r-7', version: '1.4.0' },
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
      production_environment: false,
    });
    expect(statuses).toEqual([
      { state: 'in_progress', description: 'canary of 1.4.0', log_url: RUN_URL },
      { state: 'in_progress', description: '25% of traffic: step 1 of 3', log_url: RUN_URL },
      {
        state: 'success',
        description: 'promoted 1.4.0',
        log_url: RUN_URL,
        environment_url: 'https://shop.example.com',
        auto_inactive: true,
      },
    ]);
    expect(gh.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(gh.statuses.get(1000)!.map((s) => s.state)).toEqual(['in_progress', 'in_progress', 'success']);
    expect(warnings()).toEqual([]);
  });

  it('marks production as a production environment, posts failure, and cuts descriptions to 140 characters', async () => {
    const r = recorder({ runUrl: undefined });
    await start(r, 'production');
    await r.failed(`health checks failed: ${'x'.repeat(200)}`);
    const [create, , failure] = gh.writes().map((w) => w.body as Record<string, unknown>);
    expect(create).toMatchObject({ environment: 'production', production_environment: true });
    expect(failure).toEqual({ state: 'failure', description: `health checks failed: ${'x'.repeat(117)}…` });
    expect([...(failure!.description as string)]).toHaveLength(140);
  });

  it('keeps statuses in call order when the caller does not await each call', async () => {
    const r = recorder();
    await Promise.all([start(r), r.progress(10, 'a'), r.progress(50, 'b'), r.failed('rolled back')]);
    expect(gh.statuses.get(1000)!.map((s) => `${s.state} ${s.description}`)).toEqual([
      'in_progress canary of 1.4.0',
      'in_progress 10% of traffic: a',
      'in_progress 50% of traffic: b',
      'failure rolled back',
    ]);
  });

  it('retries 5xx answers and goes on without a warning', async () => {
    gh.failNext(2, { kind: 'status', status: 502, message: 'Bad Gateway' });
    await rollout(recorder());
    expect(gh.requests.filter((r) => r.path === '/repos/acme/shop/deployments')).toHaveLength(3);
    expect(gh.statuses.get(1000)!.map((s) => s.state)).toEqual(['in_progress', 'in_progress', 'success']);
    expect(warnings()).toEqual([]);
  });

  it('waits out a secondary rate limit (429, retry-after) through the throttling plugin', async () => {
    gh.failNext(1, { kind: 'secondary-rate-limit' });
    await rollout(recorder());
    expect(gh.requests.filter((r) => r.path === '/repos/acme/shop/deployments')).toHaveLength(2);
    expect(gh.statuses.get(1000)!.map((s) => s.state)).toEqual(['in_progress', 'in_progress', 'success']);
    expect(logger.messages('debug')).toContainEqual(
      expect.stringMatching(/secondary rate limit .* retry-after 1s; retrying/),
    );
    expect(warnings()).toEqual([]);
  });

  const unusable: {
    name: string;
    fault?: Fault;
    repository?: string;
    refused?: boolean;
    attempts: number;
    says: RegExp;
  }[] = [
    {
      name: 'always 5xx',
      fault: { kind: 'status', status: 503 },
      attempts: 3,
      says: /POST \/repos\/acme\/shop\/deployments: Server Error .*\(503\)/,
    },
    { name: 'a hang', fault: { kind: 'hang' }, attempts: 3, says: /timed out/ },
    { name: 'a refused connection', refused: true, attempts: 0, says: /ECONNREFUSED/ },
    {
      name: 'a 403',
      fault: { kind: 'forbidden' },
      attempts: 1,
      says: /Resource not accessible by integration.*add `permissions: deployments: write` to the job/,
    },
    { name: 'a 404 repository', repository: 'acme/gone', attempts: 1, says: /repository acme\/gone not found/ },
  ];
  it.each(unusable)('warns once on $name, then records nothing and never rejects', async (c) => {
    if (c.fault) gh.failAlways(c.fault);
    const apiUrl = c.refused ? `http://127.0.0.1:${await closedPort()}` : gh.url;
    const r = recorder({ apiUrl, ...(c.repository ? { repository: c.repository } : {}) });
    await expect(start(r)).resolves.toBeUndefined();
    expect(gh.requests).toHaveLength(c.attempts);
    gh.heal();
    await expect(r.progress(50, 'step 2')).resolves.toBeUndefined();
    await expect(r.succeeded('https://shop.example.com', 'promoted')).resolves.toBeUndefined();
    await expect(r.failed('rolled back')).resolves.toBeUndefined();
    expect(gh.requests).toHaveLength(c.attempts);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/^GitHub Deployments unavailable: .*; the deploy goes on from the ledger$/);
    expect(warnings()[0]).toMatch(c.says);
  });

  it('turns itself off when GitHub fails midway', async () => {
    const r = recorder();
    await start(r);
    gh.failAlways({ kind: 'status', status: 500 });
    await r.progress(25, 'step 1 of 3');
    const seen = gh.requests.length;
    await r.succeeded('https://shop.example.com', 'promoted');
    expect(gh.requests).toHaveLength(seen);
    expect(warnings()).toHaveLength(1);
  });

  it('never logs the token, even when GitHub echoes it back', async () => {
    const echo: Fault = { kind: 'status', status: 500, message: `Bad token ${TOKEN} (Authorization: token ${TOKEN})` };
    for (const fault of [echo, { kind: 'forbidden' }, { kind: 'hang' }] satisfies Fault[]) {
      gh.heal();
      gh.failAlways(fault);
      await rollout(recorder());
      await lastKnownGood({ token: TOKEN, repository: 'acme/shop', apiUrl: gh.url, logger, ...fast }, 'staging');
    }
    expect(warnings()).toHaveLength(6);
    expect(warnings()[0]).toContain('Bad token ***');
    expect(logger.records.filter((r) => r.message.includes(TOKEN))).toEqual([]);
  });
});

describe('noDeployments', () => {
  it('says why once and records nothing', async () => {
    const r = noDeployments(logger, 'no github-token: deployments are recorded in the ledger only');
    await rollout(r);
    await r.failed('rolled back');
    expect(logger.records).toEqual([
      { level: 'info', message: 'no github-token: deployments are recorded in the ledger only' },
    ]);
  });
});

describe('lastKnownGood', () => {
  const options = () => ({ token: TOKEN, repository: 'acme/shop', apiUrl: gh.url, logger, ...fast });
  const release = (n: number) => ({ releaseId: `r-${n}`, version: `1.${n}.0` });

  it('finds the newest successful deployment on the second page', async () => {
    gh.seed({
      ref: 'main',
      environment: 'staging',
      payload: release(1),
      states: ['in_progress', 'success', 'inactive'],
    });
    const good = gh.seed({ ref: SHA, environment: 'staging', payload: release(2), states: ['in_progress', 'success'] });
    gh.seed({ ref: 'main', environment: 'production', payload: release(3), states: ['success'] });
    gh.seed({ ref: 'main', environment: 'staging', payload: { other: 'tool' }, states: ['success'] });
    for (let n = 4; n < 36; n++)
      gh.seed({ ref: 'main', environment: 'staging', payload: release(n), states: ['in_progress', 'failure'] });
    expect(await lastKnownGood(options(), 'staging')).toEqual({ releaseId: 'r-2', version: '1.2.0', sha: good.sha });
    const lists = gh.requests.filter((r) => r.path === '/repos/acme/shop/deployments');
    expect(lists.map((r) => [r.query.environment, r.query.page])).toEqual([
      ['staging', undefined],
      ['staging', '2'],
    ]);
    expect(warnings()).toEqual([]);
  });

  it('is undefined without a successful deployment, quietly', async () => {
    gh.seed({ ref: 'main', environment: 'staging', payload: release(1), states: ['failure'] });
    expect(await lastKnownGood(options(), 'staging')).toBeUndefined();
    expect(warnings()).toEqual([]);
  });

  it('is undefined with one warning naming the read permission when GitHub refuses', async () => {
    gh.failAlways({ kind: 'forbidden' });
    expect(await lastKnownGood(options(), 'staging')).toBeUndefined();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/add `permissions: deployments: read` to the job/);
  });
});
