// Every input of every action, given each hostile or careless value, run through the action's own
// main (as the runner would, with real INPUT_* variables): the outcome is a success or a user's
// error that names what to fix — never an internal error, a stack, a hang, or a credential in the
// log, the outputs or the job summary, and nothing written outside the workspace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { coreLogger, isUserError, reportFailure, type ActionSeams } from '@slipway/action-kit';
import { REPO, hasCommand, inputVar, makeTree, needsTool, removeTree } from '../harness.js';
import { generateKey } from '../../packages/deploy/test/sshd-harness.js';

const PASSWORD = 'hunter2-Pa55word';
const BAD_VALUES: [string, string][] = [
  ['empty', ''],
  ['blank', '   '],
  ['huge', 'x'.repeat(100_000)],
  ['NUL byte', 'a\0b'],
  ['newline', 'a\nb'],
  ['option-like', '-p'],
  ['parent path', '../../etc'],
  ['device', '/dev/zero'],
  ['JSON object', '{}'],
  ['JSON null', 'null'],
  ['negative', '-1'],
  ['overflow', '9999999999999999999'],
  ['infinite', '1e309'],
  ['NaN', 'NaN'],
  ['non-Latin-1', '名前: 値'],
  ['workflow command', 'x\n::warning title=INJECTED::y'],
  ['credential URL', `https://user:${PASSWORD}@127.0.0.1:1/`],
];

/** Inputs that take a URL: their credentials must not reach outputs either. */
const URL_INPUTS = new Set(['url', 'baseline-url', 'prometheus-url', 'osv-api-url']);

type Run = (seams: ActionSeams) => Promise<void>;
interface ActionCase {
  name: string;
  /** Valid values for the other inputs, so that each case tests one input. */
  baseline: (url: string) => Record<string, string>;
  files: Record<string, string>;
}

const ACTIONS: ActionCase[] = [
  { name: 'detect-stack', baseline: () => ({}), files: { 'index.html': '<h1>hi</h1>' } },
  {
    name: 'build-artifact',
    baseline: () => ({ install: 'false', command: 'none', include: 'index.html', upload: 'false', cache: 'false' }),
    files: { 'index.html': '<h1>hi</h1>' },
  },
  { name: 'security-scan', baseline: () => ({ scanners: 'secrets' }), files: { 'app.js': 'console.log(1)\n' } },
  {
    // A HAProxy socket that does not exist ends each case fast, after every input was read.
    name: 'deploy-canary',
    baseline: () => ({
      provider: 'haproxy',
      'haproxy-socket': '/nonexistent/slipway-admin.sock',
      'haproxy-backend': 'app',
      artifact: 'app',
      'start-command': 'node server.mjs',
      'state-dir': 'state',
    }),
    files: { 'app/server.mjs': 'console.log(1)\n' },
  },
  {
    // No ledger in the state folder: each case ends at 'nothing to roll back to', after every input was read.
    name: 'rollback',
    baseline: () => ({
      provider: 'haproxy',
      'haproxy-socket': '/nonexistent/slipway-admin.sock',
      'haproxy-backend': 'app',
      'state-dir': 'state',
    }),
    files: {},
  },
  {
    name: 'verify-health',
    baseline: (url) => ({ url, duration: '0', wait: '500ms', timeout: '2s' }),
    files: {},
  },
];

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((_req, res) => res.end('{"status":"ok"}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/healthz`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

/** One case's outcome: what the runner would show, and how the run ended. */
interface Outcome {
  ended: 'ok' | 'user-error' | 'internal-error' | 'hung';
  text: string;
  /** Files and folders the run created outside the workspace (relative paths must stay inside). */
  outside: string[];
}

async function runCase(
  action: ActionCase,
  run: Run,
  input: string,
  value: string,
  others: Record<string, string> = {},
): Promise<Outcome> {
  const meta = parse(readFileSync(join(REPO, 'actions', action.name, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  // The workspace sits two folders deep in a jail, so that `../../x` lands in the jail, where a
  // write outside the workspace shows, rather than in the machine's own folders.
  const jail = makeTree({}, 'slipway-every-input-');
  const workspace = join(jail, 'a', 'b', 'ws');
  for (const [path, content] of Object.entries(action.files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  mkdirSync(workspace, { recursive: true });
  const runner = makeTree({ summary: '' }, 'slipway-every-runner-');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: runner };
  for (const [name, spec] of Object.entries(meta.inputs))
    env[inputVar(name)] = spec?.default === undefined ? '' : String(spec.default);
  for (const [name, v] of Object.entries({ ...action.baseline(url), ...others })) env[inputVar(name)] = v;
  env[inputVar(input)] = value;
  Object.assign(env, {
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: join(runner, 'summary'),
    RUNNER_TEMP: runner,
  });
  // The runner's own logger, its lines caught on their way to stdout: what the job's log shows.
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)) as typeof write;
  const outputs: string[] = [];
  const masked: string[] = [];
  let ended: Outcome['ended'] = 'ok';
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run({
        env,
        logger: coreLogger,
        setOutput: (k, v) => outputs.push(`${k}=${String(v)}`),
        mask: (m) => masked.push(m),
      }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('__hung__')), 30_000))),
    ]);
  } catch (err) {
    ended =
      err instanceof Error && err.message === '__hung__' ? 'hung' : isUserError(err) ? 'user-error' : 'internal-error';
    reportFailure(action.name, err, coreLogger, true);
  } finally {
    clearTimeout(timer);
    process.stdout.write = write;
  }
  const summary = readFileSync(join(runner, 'summary'), 'utf8');
  const outside = spawnSync('find', [jail, '-path', workspace, '-prune', '-o', '-print'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((p) => p && ![jail, join(jail, 'a'), join(jail, 'a', 'b')].includes(p));
  removeTree(jail);
  removeTree(runner);
  // What a reader of the log sees: the runner replaces masked values with ***.
  // Outputs count too for URL inputs; elsewhere an output may rightly echo the user's own value
  // (a path that happens to look like a URL).
  const shown = URL_INPUTS.has(input) ? [...printed, ...outputs, summary] : [...printed, summary];
  let text = shown.join('\n');
  for (const m of masked.filter((x) => x.length >= 3).sort((a, b) => b.length - a.length))
    text = text.split(m).join('***');
  return { ended, text, outside };
}

for (const action of ACTIONS) {
  describe(`${action.name}: every input, every bad value`, () => {
    const meta = parse(readFileSync(join(REPO, 'actions', action.name, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    let run: Run;
    beforeAll(async () => {
      run = ((await import(`../../actions/${action.name}/src/main.js`)) as { run: Run }).run;
    });
    for (const input of Object.keys(meta.inputs)) {
      it(`${input}: ends as success or a user's error, with no credential shown`, async () => {
        const failures: string[] = [];
        for (const [label, value] of BAD_VALUES) {
          const o = await runCase(action, run, input, value);
          if (o.ended === 'internal-error' || o.ended === 'hung')
            failures.push(
              `${label}: ${o.ended}: ${(o.text.split('\n').find((l) => l.startsWith('::error')) ?? o.text.slice(-300)).slice(0, 300)}`,
            );
          if (o.outside.length) failures.push(`${label}: wrote outside the workspace: ${o.outside.join(', ')}`);
          if (o.text.includes(PASSWORD))
            failures.push(
              `${label}: the password is shown: ${o.text
                .split('\n')
                .find((l) => l.includes(PASSWORD))
                ?.slice(0, 200)}`,
            );
        }
        expect(failures).toStrictEqual([]);
      }, 600_000);
    }
  });
}

// The remote host inputs need the other two set to reach the check of the third: each wrong value
// ends as one ::error line that names the input and says what to do, before any connection.
describe('deploy-canary and rollback: host, ssh-key and known-hosts', () => {
  const { it: withSsh } = needsTool('ssh-keygen');
  let keys: string;
  let key: { privateKey: string; publicKey: string };
  beforeAll(() => {
    if (!hasCommand('ssh-keygen')) return;
    keys = makeTree({}, 'slipway-every-input-keys-');
    key = generateKey(keys, 'user_ed25519');
  });
  afterAll(() => {
    if (keys) removeTree(keys);
  });

  const host = 'deploy@127.0.0.1:2222';
  const cases: [string, string, () => [string, Record<string, string>], RegExp][] = [
    [
      'host',
      'a malformed host',
      () => ['no spaces allowed@', {}],
      /input 'host': .*contains spaces\. Write it as 'user@host'/,
    ],
    [
      'known-hosts',
      'a known-hosts that does not list the host',
      () => [`other.example.com ${key.publicKey}`, { host, 'ssh-key': key.privateKey }],
      /input 'known-hosts': does not list \[127\.0\.0\.1\]:2222.*Add the lines 'ssh-keyscan -p 2222 127\.0\.0\.1' prints/,
    ],
    [
      'ssh-key',
      'a key that is not a key',
      () => ['not a key at all', { host, 'known-hosts': `[127.0.0.1]:2222 ${key.publicKey}` }],
      /input 'ssh-key': is not a private key .*ssh-keygen -t ed25519/,
    ],
  ];
  for (const action of ACTIONS.filter((a) => ['deploy-canary', 'rollback'].includes(a.name)))
    for (const [input, label, values, message] of cases)
      withSsh(`${action.name}: ${label} is one error naming ${input}`, async () => {
        const { run } = (await import(`../../actions/${action.name}/src/main.js`)) as { run: Run };
        const [value, others] = values();
        const o = await runCase(action, run, input, value, others);
        expect(o.ended).toBe('user-error');
        const errors = o.text.split('\n').filter((l) => l.startsWith('::error'));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(message);
        expect(o.outside).toStrictEqual([]);
      });
});
