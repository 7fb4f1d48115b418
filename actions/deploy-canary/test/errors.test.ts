// Each mistake a user can make is one ::error line naming the input or the file and what to do,
// with nothing changed on the host: no traffic moved, no release running, the ledger as it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingLogger, reportFailure, systemClock, type ActionSeams } from '@slipway/action-kit/lite';
import { downEnvironment } from '@slipway/deploy';
import { closedPort, inputVar, makeTree, removeTree } from '../../../test/harness.js';
import { run } from '../src/main.js';

const DAEMON = JSON.stringify([
  process.execPath,
  '--import',
  'tsx',
  join(import.meta.dirname, '..', '..', '..', 'packages', 'deploy', 'test', 'daemon-entry.ts'),
]);

const SERVER = `import { createServer } from 'node:http';
createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), process.env.HOST);
`;

let workspace: string;
let stateDir: string;
let taken: Server;
let takenAt = '';
beforeAll(async () => {
  workspace = makeTree({ 'app/server.mjs': SERVER, 'app/VERSION': '1\n' }, 'slipway-deploy-errors-');
  stateDir = join(workspace, '..', `${workspace.split('/').at(-1)}-state`);
  taken = createServer((_q, r) => r.end('not slipway'));
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  takenAt = `127.0.0.1:${(taken.address() as { port: number }).port}`;
});
afterAll(async () => {
  await downEnvironment(stateDir, 'production', systemClock).catch(() => []);
  taken.close();
  removeTree(workspace);
  removeTree(stateDir);
});

/** Runs the action's main with these inputs; returns the ::error lines the runner would show, and the outputs. */
async function attempt(inputs: Record<string, string>) {
  const logger = new RecordingLogger();
  const outputs: Record<string, string> = {};
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: workspace,
    GITHUB_WORKSPACE: workspace,
    SLIPWAY_DAEMON_COMMAND: DAEMON,
    SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN,
    [inputVar('artifact')]: 'app',
    [inputVar('state-dir')]: stateDir,
    [inputVar('start-command')]: 'node server.mjs',
    [inputVar('drain')]: '0s',
    // Never the default 8080: a test must not take a port the machine may use.
    [inputVar('listen')]: `127.0.0.1:${await closedPort()}`,
  };
  for (const [k, v] of Object.entries(inputs)) env[inputVar(k)] = v;
  const seams: ActionSeams = { env, logger, setOutput: (k, v) => (outputs[k] = String(v)), mask: () => {} };
  let error: unknown;
  try {
    await run(seams);
  } catch (err) {
    error = err;
    reportFailure('deploy-canary', err, logger, false);
  }
  return { error, errors: logger.messages('error'), outputs };
}

const ledgerText = (): string | undefined => {
  const path = join(stateDir, 'production', 'ledger.json');
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};

describe('deploy-canary refuses with one error line naming what to fix, changing nothing', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'an unknown provider',
      { provider: 'traefik' },
      /provider.*Use one of: command, haproxy, kubernetes, local, nginx/s,
    ],
    ['steps that fall', { steps: '10,5,100' }, /steps.*does not rise/],
    ['a step of 0', { steps: '0' }, /steps.*1 to 100/],
    ['a step of 150', { steps: '150' }, /steps.*1 to 100/],
    ['a pause that is not a duration', { steps: '25:forever' }, /steps.*not a duration/],
    ['a missing artifact', { artifact: 'nope.tar.gz' }, /artifact/],
    ['a start-command that exits at once', { 'start-command': 'exit 3' }, /start-command/],
    ['a listen address taken by something else', { listen: '' }, /listen.*not slipway's proxy/],
    [
      'a HAProxy socket that does not answer',
      { provider: 'haproxy', 'haproxy-socket': '/nonexistent/admin.sock', 'haproxy-backend': 'app' },
      /haproxy-socket/,
    ],
    [
      'an nginx that is not installed',
      { provider: 'nginx', 'nginx-upstream-file': 'up.conf', 'nginx-reload-command': 'no-such-nginx -s reload' },
      /nginx-reload-command.*not installed/,
    ],
    ...(
      [
        ['a kubernetes deploy without a deployment', { deployment: '' }, /input 'deployment': is required/],
        ['a Deployment name with capitals', { deployment: 'Web' }, /input 'deployment'/],
        ['a kubernetes deploy without an image', { image: '' }, /input 'image': is required/],
        ['an image with a space', { image: 'web app:1' }, /input 'image'/],
        ['a namespace with an underscore', { namespace: 'my_ns' }, /input 'namespace'/],
        ['replicas of 0', { replicas: '0' }, /input 'replicas'/],
        ['a container-port above 65535', { 'container-port': '70000' }, /input 'container-port'/],
        [
          'an unknown kubernetes router',
          { router: 'linkerd' },
          /input 'router'.*gateway-api, ingress-nginx, istio, replicas/s,
        ],
        ['a gateway-api router without a route', { router: 'gateway-api' }, /input 'route': is required/],
        ['a route with the replicas router', { route: 'web' }, /input 'route'/],
        ['a kube-context on two lines', { 'kube-context': 'prod\nother' }, /input 'kube-context'/],
        ['a kubernetes deploy without a canary-url', { 'canary-url': '' }, /input 'canary-url': is required/],
        ['a canary-url that is not http', { 'canary-url': 'ftp://canary' }, /input 'canary-url'/],
        ['a stable-url without a scheme', { 'stable-url': 'web.shop:8080' }, /input 'stable-url'/],
        ['a kubectl on two lines', { kubectl: 'kubectl\nrm -rf /' }, /input 'kubectl'/],
        ['a container name with capitals', { container: 'App' }, /input 'container'/],
        ['a kubectl timeout of 0', { 'command-timeout': '0s' }, /input 'command-timeout'/],
        [
          'a requests-query without prometheus-url',
          { 'requests-query': 'sum(x{d="$deployment"})' },
          /input 'requests-query': is given without prometheus-url/,
        ],
        ['a prometheus-url that is not a URL', { 'prometheus-url': 'prometheus:9090' }, /input 'prometheus-url'/],
        [
          'an errors-query that does not name the Deployment',
          {
            'prometheus-url': 'http://127.0.0.1:9/',
            'requests-query': 'sum(x{d="$deployment"})',
            'errors-query': 'sum(y)',
          },
          /input 'errors-query': does not name \$deployment/,
        ],
        [
          'a manifest that is not there',
          { manifest: 'k8s/nope.yaml' },
          /input 'manifest': The manifest .*nope\.yaml does not exist/,
        ],
        [
          'a manifest without the Deployment',
          { manifest: 'app/VERSION' },
          /not a Kubernetes object|has no Deployment named web/,
        ],
      ] as [string, Record<string, string>, RegExp][]
    ).map(([name, inputs, message]): [string, Record<string, string>, RegExp] => [
      name,
      {
        provider: 'kubernetes',
        deployment: 'web',
        image: 'registry.invalid/web:1.0.0',
        'canary-url': 'http://127.0.0.1:9/',
        // kubectl is never reached: a mistake in the inputs stops the deploy first.
        kubectl: '/nonexistent/kubectl',
        ...inputs,
      },
      message,
    ]),
  ];
  it.each(cases)('%s', async (_name, inputs, message) => {
    const before = ledgerText();
    const { error, errors, outputs } = await attempt(inputs.listen === '' ? { listen: takenAt } : inputs);
    expect(error).toBeDefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(errors[0]).not.toMatch(/\n\s+at /);
    expect(outputs).toMatchObject({ result: 'failed' });
    expect(outputs.reason).toBeTruthy();
    // Nothing moved: the ledger is as it was, no canary is recorded, the taken address still answers its owner.
    const after = ledgerText();
    if (before === undefined) expect(after === undefined || !JSON.parse(after).canary).toBe(true);
    else expect(JSON.parse(after!).stable).toStrictEqual(JSON.parse(before).stable);
    expect(after === undefined ? undefined : JSON.parse(after).canary).toBeUndefined();
  });

  it('an archive whose manifest does not match stops the deploy before anything runs', async () => {
    mkdirSync(join(workspace, 'dist'), { recursive: true });
    // A tarball of a single file and a manifest that lists another digest.
    const { spawnSync } = await import('node:child_process');
    spawnSync('tar', ['-czf', join(workspace, 'dist', 'app.tar.gz'), '-C', join(workspace, 'app'), 'server.mjs']);
    writeFileSync(
      join(workspace, 'dist', 'app.manifest.json'),
      JSON.stringify({ schemaVersion: 1, version: '1.0.0', archive: { sha256: '0'.repeat(64) }, files: [] }),
    );
    const { errors, outputs } = await attempt({
      artifact: 'dist/app.tar.gz',
      listen: `127.0.0.1:${await closedPort()}`,
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/sha|digest|manifest/i);
    expect(outputs.result).toBe('failed');
    const releases = join(stateDir, 'production', 'releases');
    const { readdirSync } = await import('node:fs');
    expect(existsSync(releases) ? readdirSync(releases).filter((n) => n.startsWith('1.0.0-')) : []).toStrictEqual([]);
    expect(existsSync(join(stateDir, 'production', 'proxy.json'))).toBe(false);
  });
});
