// GitHub failing under real rollouts: real local deploys of 1.0.0 and 2.0.0 and a rollback, while
// the REST API answers 5xx to everything, never answers, or refuses the token (403). The ledger
// carries each run to the end; GitHub's part is retried, then given up with one warning, and the
// token never reaches a log line.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import { join } from 'node:path';
import Bottleneck from 'bottleneck';
import { RecordingLogger, systemClock } from '@slipway/action-kit/lite';
import { closedPort, makeTree, removeTree } from '../../../test/harness.js';
import {
  deployCanary,
  downEnvironment,
  githubDeployments,
  parseSteps,
  rollback,
  type DeploymentRecorder,
} from '../src/index.js';
import { GithubStandIn } from './github-stand-in.js';
import { releaseFolder, scenarioPlan, scenarioSeams } from './scenario-harness.js';

const TOKEN = ['ghs', '_', 'faultsT0ken', '9f8e7d6c5b4a3210ZyXw'].join('');
const CREATE = '/repos/acme/shop/deployments';
const RETRIES = 2;

/** What the tests read of a fake GitHub: the stand-in, or the refusing server below. */
interface FakeGithub {
  url: string;
  requests: readonly { method: string; path: string }[];
  close(): Promise<void>;
}

/**
 * Answers every request as GitHub answers a GITHUB_TOKEN without `deployments: write`: 403 with
 * the permission it lacks in `x-accepted-github-permissions`. (The stand-in's `forbidden` fault
 * sends no such header.)
 */
async function refusingGithub(): Promise<FakeGithub> {
  const requests: { method: string; path: string }[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://x').pathname });
    req.resume();
    req.on('end', () => {
      const body = JSON.stringify({
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        status: '403',
      });
      res.writeHead(403, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'x-accepted-github-permissions': 'deployments=write',
        'x-github-api-version-selected': '2022-11-28',
      });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    close: () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      return closed;
    },
  };
}

// Backoff units of 5 ms keep a run short; no second between writes.
const writeQueue = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
const recorderFor = (apiUrl: string, logger: RecordingLogger, over: { requestTimeoutMs?: number } = {}) =>
  githubDeployments({
    token: TOKEN,
    repository: 'acme/shop',
    apiUrl,
    runUrl: 'https://github.com/acme/shop/actions/runs/9',
    logger,
    retries: RETRIES,
    retryBaseMs: 5,
    writeQueue,
    ...over,
  });

/** Everything a run logged, for the secret check. */
const everyLine = (logger: RecordingLogger) => logger.records.map((r) => r.message);

let root: string;
let stateDir: string;
let listen: string;
let github: FakeGithub | undefined;
beforeEach(async () => {
  root = makeTree({}, 'slipway-github-faults-');
  stateDir = join(root, 'state');
  listen = `127.0.0.1:${await closedPort()}`;
});
afterEach(async () => {
  await downEnvironment(stateDir, 'prod', systemClock);
  await github?.close();
  github = undefined;
  removeTree(root);
}, 60_000);

const faults: {
  name: string;
  github: () => Promise<FakeGithub>;
  /** Requests one run makes: the first one, and its retries; none after the warning. */
  attempts: number;
  /** Per request; the default 10 s where GitHub answers, so a slow machine never turns an answer into a timeout. */
  requestTimeoutMs?: number;
  says: RegExp;
}[] = [
  {
    name: '502 and 503 on every request',
    github: async () => {
      const gh = await GithubStandIn.start('acme/shop');
      // GitHub's error pages do not echo tokens, but a proxy in front of it might.
      for (let i = 0; i < 100; i++)
        gh.failNext(1, { kind: 'status', status: 502, message: `Bad Gateway (token ${TOKEN})` }).failNext(1, {
          kind: 'status',
          status: 503,
          message: 'Service Unavailable',
        });
      return gh;
    },
    attempts: RETRIES + 1,
    says: /POST \/repos\/acme\/shop\/deployments: .*\(50[23]\)/,
  },
  {
    name: 'no answer at all',
    github: async () => (await GithubStandIn.start('acme/shop')).failAlways({ kind: 'hang' }),
    attempts: RETRIES + 1,
    requestTimeoutMs: 1000,
    says: /POST \/repos\/acme\/shop\/deployments: no answer in time \(request timed out\)/,
  },
  {
    name: '403 for a token without deployments: write',
    github: refusingGithub,
    attempts: 1,
    says: /Resource not accessible by integration.*add `permissions: deployments: write` to the job/,
  },
];

describe('a real deploy and rollback while GitHub fails', () => {
  it.each(faults)(
    '$name: both deploys are promoted and the rollback restores 1.0.0; each run retries, then warns once',
    async (c) => {
      const gh = (github = await c.github());
      const base = { provider: 'local', stateDir, settings: { listen } };
      /** One run as an action runs it: its own recorder and log; what it asked GitHub, and what it warned. */
      const observe = async <T>(work: (recorder: DeploymentRecorder, logger: RecordingLogger) => Promise<T>) => {
        const logger = new RecordingLogger();
        const before = gh.requests.length;
        const recorder = recorderFor(
          gh.url,
          logger,
          c.requestTimeoutMs ? { requestTimeoutMs: c.requestTimeoutMs } : {},
        );
        const result = await work(recorder, logger);
        const asked = gh.requests.slice(before).map((r) => `${r.method} ${r.path}`);
        return { result, asked, warnings: logger.messages('warning'), lines: everyLine(logger) };
      };

      const ids: string[] = [];
      const runs = [];
      for (const version of ['1.0.0', '2.0.0']) {
        const run = await observe((deployments, logger) =>
          deployCanary(
            scenarioPlan(base, {
              artifact: releaseFolder(root, version, 'good'),
              version,
              steps: parseSteps('50'),
              stepAnalysisMs: 1500,
              gitRef: 'a'.repeat(40),
            }),
            scenarioSeams({ logger, deployments }),
          ),
        );
        expect(run.result.result).toBe('promoted');
        ids.push(run.result.releaseId);
        runs.push(run);
      }
      const back = await observe(async (deployments, logger) => {
        const outcome = await rollback(
          {
            provider: 'local',
            environment: 'prod',
            stateDir,
            workspace: root,
            settings: { listen },
            to: 'previous',
            reason: 'GitHub is down and 2.0.0 misbehaves',
            runId: `rollback-${Date.now()}`,
            owner: 'github faults test',
            healthPath: '/healthz',
            readyTimeoutMs: 15_000,
            drainMs: 0,
          },
          scenarioSeams({ logger }),
        );
        // As the rollback action reports it: a deployment of the restored release.
        await deployments.start({
          ref: 'a'.repeat(40),
          environment: 'prod',
          releaseId: outcome.restoredRelease,
          version: outcome.restoredRelease,
          description: `rollback to ${outcome.restoredRelease}`,
        });
        await deployments.succeeded('', outcome.reason);
        return outcome;
      });
      runs.push(back);

      expect(back.result).toMatchObject({ result: 'rolled-back', restoredRelease: ids[0], replacedRelease: ids[1] });
      expect((await fetch(`http://${listen}/`)).headers.get('x-release')).toBe(ids[0]);
      for (const run of runs) {
        // The first request, tried again while trying could help; after the warning, GitHub is left alone.
        expect(run.asked).toStrictEqual(Array<string>(c.attempts).fill(`POST ${CREATE}`));
        expect(run.warnings).toHaveLength(1);
        expect(run.warnings[0]).toMatch(/^GitHub Deployments unavailable: .*; the deploy goes on from the ledger$/);
        expect(run.warnings[0]).toMatch(c.says);
        expect(run.lines.filter((l) => l.includes(TOKEN))).toStrictEqual([]);
      }
    },
    180_000,
  );
});

describe('githubDeployments with its default request timeout', () => {
  it('gives up on a GitHub that accepts the connection and never answers, after about 10 s', async () => {
    const gh = await GithubStandIn.start('acme/shop');
    github = gh;
    gh.failAlways({ kind: 'hang' });
    const logger = new RecordingLogger();
    // No requestTimeoutMs: the default the actions run with. No retries, so one timeout is the whole wait.
    const recorder = githubDeployments({
      token: TOKEN,
      repository: 'acme/shop',
      apiUrl: gh.url,
      logger,
      retries: 0,
      writeQueue,
    });
    const started = Date.now();
    await recorder.start({
      ref: 'main',
      environment: 'prod',
      releaseId: 'r-1',
      version: '1.0.0',
      description: 'canary of 1.0.0',
    });
    // A lower bound only: a busy machine makes it later, never sooner.
    expect(Date.now() - started).toBeGreaterThanOrEqual(9000);
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toStrictEqual([`POST ${CREATE}`]);
    expect(logger.messages('warning')).toStrictEqual([expect.stringMatching(/request timed out/)]);
  }, 60_000);
});
