// The rollback bundle when what it reports to is down: the alert webhook refusing connections or
// answering 500, and GitHub's API answering 500. Two real deploys through the deploy-canary bundle
// on the local provider, then rollbacks between them: each one rolls back, exits 0, says one
// warning about what it could not reach, and writes neither secret anywhere.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@slipway/action-kit/lite';
import { downEnvironment } from '@slipway/deploy';
import { closedPort, makeTree, removeTree, runBundleAsync, type BundleRun } from '../../../test/harness.js';
import { GithubStandIn } from '../../../packages/deploy/test/github-stand-in.js';

const TOKEN = ['ghs', '_', 'Rb42', 'FaultsT0kenQa0b9C8d7E6f5G4h3I2j'].join('');
const HOOK_SECRET = 'xoxRollbackHookSecret77';
const HOOK_PATH = `/services/T0SLIPWAY/B0FAULTS/${HOOK_SECRET}`;

// A release that answers everything, naming itself, so the front door shows which one is live.
const SERVER = `import { createServer } from 'node:http';
createServer((req, res) => {
  res.writeHead(200, { 'x-release': process.env.SLIPWAY_RELEASE_ID ?? '' });
  res.end('ok');
}).listen(Number(process.env.PORT), process.env.HOST);
`;

let workspace: string;
let stateDir: string;
let listen: string;
let github: GithubStandIn;
let failingHook: Server;
let failingHookUrl = '';
const hookPosts: string[] = [];
const ids: string[] = [];
let live = '';

const runnerEnv = (extra: Record<string, string> = {}) => ({
  SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN ?? '',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '88',
  ...extra,
});

beforeAll(async () => {
  workspace = makeTree({}, 'slipway-rollback-faults-');
  for (const v of ['1', '2']) {
    mkdirSync(join(workspace, `v${v}`));
    writeFileSync(join(workspace, `v${v}`, 'server.mjs'), SERVER);
  }
  stateDir = join(workspace, '..', `${workspace.split('/').at(-1)}-state`);
  listen = `127.0.0.1:${await closedPort()}`;
  github = await GithubStandIn.start('acme/shop');
  // A webhook that is up but broken, and says so with the path it was asked for (its secret).
  failingHook = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hookPosts.push(req.url ?? '');
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`internal error handling ${req.url}`);
    });
  });
  await new Promise<void>((r) => failingHook.listen(0, '127.0.0.1', () => r()));
  failingHookUrl = `http://127.0.0.1:${(failingHook.address() as { port: number }).port}${HOOK_PATH}`;
  for (const v of ['1', '2']) {
    const run = await runBundleAsync(
      'deploy-canary',
      {
        artifact: `v${v}`,
        version: `${v}.0.0`,
        'state-dir': stateDir,
        listen,
        'start-command': 'node server.mjs',
        steps: '50',
        'step-analysis': '3s',
        drain: '0s',
      },
      { workspace, env: runnerEnv() },
    );
    expect({ status: run.status, result: run.outputs.result }).toStrictEqual({ status: 0, result: 'promoted' });
    ids.push(run.outputs['release-id']!);
  }
  live = ids[1]!;
}, 180_000);

afterAll(async () => {
  await downEnvironment(stateDir, 'production', systemClock);
  await github.close();
  failingHook.closeAllConnections();
  await new Promise<void>((r) => failingHook.close(() => r()));
  removeTree(workspace);
  removeTree(stateDir);
}, 60_000);

/** What a run wrote where people or later steps can read it; the runner's ::add-mask:: lines hand it the secrets and are left out. */
function written(run: BundleRun): [string, string][] {
  return [
    ['stdout', run.stdout.replace(/^::add-mask::.*$/gm, '')],
    ['stderr', run.stderr],
    ['outputs', JSON.stringify(run.outputs)],
    ['summary', run.summary],
  ];
}

const cases: {
  name: string;
  inputs: () => Promise<Record<string, string>>;
  env?: () => Record<string, string>;
  before?: () => void;
  warning: RegExp;
  /** How often the broken end was asked, where it can count: more than once, as trying again could help. */
  tried?: () => number;
}[] = [
  {
    name: 'a webhook on a closed port',
    inputs: async () => ({ 'notify-webhook': `http://127.0.0.1:${await closedPort()}${HOOK_PATH}` }),
    warning:
      /^::warning::could not send the alert to http:\/\/127\.0\.0\.1:\d+\/… \(4 attempts\): fetch failed \(ECONNREFUSED\)$/,
  },
  {
    name: 'a webhook answering 500',
    inputs: async () => ({ 'notify-webhook': failingHookUrl }),
    warning:
      /^::warning::could not send the alert to http:\/\/127\.0\.0\.1:\d+\/… \(4 attempts\): HTTP 500 internal error handling \/…$/,
    tried: () => hookPosts.filter((p) => p === HOOK_PATH).length,
  },
  {
    name: "GitHub's API answering 500",
    inputs: async () => ({ 'github-token': TOKEN }),
    env: () => ({ GITHUB_API_URL: github.url }),
    // A proxy's error page that echoes the request's credentials back.
    before: () =>
      void github.failAlways({ kind: 'status', status: 500, message: `upstream failed for token ${TOKEN}` }),
    warning:
      /^::warning::GitHub Deployments unavailable: POST \/repos\/acme\/shop\/deployments: upstream failed for token \*\*\* .*\(500\); the deploy goes on from the ledger$/,
    tried: () => github.requests.filter((r) => r.method === 'POST' && r.path === '/repos/acme/shop/deployments').length,
  },
];

describe('rollback bundle with its reporting down', () => {
  it.each(cases)(
    '$name: rolled back, exit code 0, one warning, no secret written',
    async (c) => {
      c.before?.();
      const to = ids.find((id) => id !== live)!;
      const inputs = await c.inputs();
      const run = await runBundleAsync(
        'rollback',
        { 'state-dir': stateDir, listen, to, reason: 'reporting is down', drain: '0s', ...inputs },
        { workspace, env: runnerEnv(c.env?.() ?? {}) },
      );
      expect({ status: run.status, result: run.outputs.result, restored: run.outputs['restored-release'] }).toEqual({
        status: 0,
        result: 'rolled-back',
        restored: to,
      });
      live = to;
      expect((await fetch(`http://${listen}/`)).headers.get('x-release')).toBe(to);

      const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(c.warning);
      // The first try and the three retries both clients default to.
      if (c.tried) expect(c.tried()).toBe(4);

      const secrets = [TOKEN, HOOK_PATH, HOOK_SECRET, ...(inputs['notify-webhook'] ? [inputs['notify-webhook']] : [])];
      const leaks = written(run).flatMap(([where, text]) =>
        secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s.slice(0, 12)}…`),
      );
      expect(leaks).toStrictEqual([]);
    },
    150_000,
  );
});
