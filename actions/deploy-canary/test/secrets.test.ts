// The secrets a deploy is given (github-token, notify-webhook) reach GitHub and the chat webhook,
// and nothing else: every byte the bundle wrote (log, outputs, summary, state file, and every
// file in the state folder: ledger, audit trail, logs) is searched for them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@slipway/action-kit/lite';
import { downEnvironment } from '@slipway/deploy';
import { closedPort, makeTree, removeTree, runBundleAsync, type BundleRun } from '../../../test/harness.js';
import { GithubStandIn } from '../../../packages/deploy/test/github-stand-in.js';

const TOKEN = ['ghs', '_', 'Zx81', 'Qa0b9C8d7E6f5G4h3I2j1K0lMnOpQrSt'].join('');
const HOOK_PATH = '/services/T0SLIPWAY/B0SECRET/xoxSecretHookPath42';

// Release 2 passes its readiness check, then fails its health probes, so that it is rolled back.
const SERVER = (breaks: boolean) => `import { createServer } from 'node:http';
let health = 0;
createServer((req, res) => {
  if (req.url === '/healthz') health++;
  res.writeHead(${breaks} && health > 1 ? 500 : 200);
  res.end('x');
}).listen(Number(process.env.PORT), process.env.HOST);
`;

let workspace: string;
let stateDir: string;
let listen: string;
let github: GithubStandIn;
let hook: Server;
const alerts: string[] = [];
let hookUrl = '';

beforeAll(async () => {
  workspace = makeTree({}, 'slipway-secrets-');
  for (const [v, breaks] of [
    ['1', false],
    ['2', true],
  ] as const) {
    mkdirSync(join(workspace, `v${v}`));
    writeFileSync(join(workspace, `v${v}`, 'server.mjs'), SERVER(breaks));
  }
  stateDir = join(workspace, '..', `${workspace.split('/').at(-1)}-state`);
  listen = `127.0.0.1:${await closedPort()}`;
  github = await GithubStandIn.start('acme/shop');
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      alerts.push(`${req.url} ${body}`);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
  hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}${HOOK_PATH}`;
});

afterAll(async () => {
  await downEnvironment(stateDir, 'production', systemClock);
  await github.close();
  hook.close();
  removeTree(workspace);
  removeTree(stateDir);
}, 60_000);

/** Every file under a folder, as text. */
function everyFile(dir: string): [string, string][] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return everyFile(path);
    if (!statSync(path).isFile()) return [];
    return [[path, readFileSync(path, 'latin1')] as [string, string]];
  });
}

describe('deploy-canary with a token and a webhook', () => {
  it('tells GitHub and the webhook, and writes neither secret anywhere else', async () => {
    const runs: BundleRun[] = [];
    const stateFile = join(workspace, 'state-file');
    for (const v of ['1', '2']) {
      writeFileSync(stateFile, '');
      runs.push(
        await runBundleAsync(
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
            'github-token': TOKEN,
            'notify-webhook': hookUrl,
          },
          {
            workspace,
            env: {
              SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN ?? '',
              GITHUB_API_URL: github.url,
              GITHUB_REPOSITORY: 'acme/shop',
              GITHUB_RUN_ID: '77',
              GITHUB_STATE: stateFile,
            },
          },
        ),
      );
    }
    // The second release failed its analysis: the step failed, the alert went out.
    expect(runs.map((r) => r.outputs.result)).toStrictEqual(['promoted', 'rolled-back']);
    expect(runs[1]!.status).toBe(1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain(HOOK_PATH);
    expect(alerts[0]).toMatch(/rolled back|rolled-back/);
    // GitHub heard about both, with the token.
    expect(github.requests.length).toBeGreaterThanOrEqual(4);
    expect(github.requests.every((r) => r.authorization?.includes(TOKEN))).toBe(true);
    const states = [...github.statuses.values()].map((s) => s.map((x) => x.state));
    expect(states).toContainEqual(expect.arrayContaining(['in_progress', 'success']));
    expect(states).toContainEqual(expect.arrayContaining(['in_progress', 'failure']));

    // Now every byte written, but the runner's own ::add-mask:: lines (which hand it the secrets to hide).
    const written: [string, string][] = [
      ...runs.flatMap((r, i): [string, string][] => [
        [
          `stdout ${i}`,
          r.stdout
            .split('\n')
            .filter((l) => !l.startsWith('::add-mask::'))
            .join('\n'),
        ],
        [`stderr ${i}`, r.stderr],
        [`outputs ${i}`, JSON.stringify(r.outputs)],
        [`summary ${i}`, r.summary],
      ]),
      ['state file', readFileSync(stateFile, 'utf8')],
      ...everyFile(stateDir),
    ];
    // And what the running release was given: the step's inputs are not its business.
    const [, ledgerText] = everyFile(stateDir).find(([path]) => path.endsWith('ledger.json'))!;
    const pid = (JSON.parse(ledgerText) as { stable: { pid: number } }).stable.pid;
    const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    expect(environ).toContain('PORT=');
    expect(environ).not.toContain('INPUT_');
    written.push(['release environment', environ]);
    const hookSecret = HOOK_PATH.split('/').at(-1)!;
    const leaks = written
      .filter(([, text]) => text.includes(TOKEN) || text.includes(hookSecret))
      .map(([where]) => where);
    expect(leaks).toStrictEqual([]);
    expect(written.length).toBeGreaterThan(10);
  });
});
