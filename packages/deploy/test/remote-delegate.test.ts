// deploy-canary and rollback run on a host over SSH, against a real OpenSSH server on loopback:
// the committed bundles are copied to the "host" (this machine, other folders) and run there with
// the local provider. The release answers through the front door, outputs and summary come back,
// the ledger lives in the host's workspace; a cancelled or dropped run is rolled back on the
// host; a refused connection or a wrong host key changes nothing there; and neither the key nor
// the GitHub token appears in any byte written on either side.
import { afterAll, beforeAll, expect } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inputEnvName, isUserError, systemClock } from '@slipway/action-kit/lite';
import { downEnvironment } from '../src/index.js';
import { runOnHost, type HostRunOptions, type HostRunOutcome } from '../src/remote/index.js';
import { REPO, closedPort, hasCommand, makeTree, needsTool, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { GithubStandIn } from './github-stand-in.js';
import { releaseFolder } from './scenario-harness.js';
import { generateKey, knownHostsLine, SSHD, startSshd, type TestSshd } from './sshd-harness.js';

const { describe, it } = needsTool(hasCommand('ssh') ? SSHD : 'ssh');

const TOKEN = ['ghs', '_', 'Rem0te', 'Tok3nQa0b9C8d7E6f5G4h3I2j1K0lMn'].join('');

/** What one runOnHost call left on the runner's side. */
interface HostRun {
  outcome?: HostRunOutcome;
  error?: unknown;
  stdout: string[];
  stderr: string[];
  outputs: Record<string, string>;
  summary: string;
  /** The runner's private folder, which must be empty afterwards (the key is gone). */
  tempLeft: string[];
}

describe('deploy-canary and rollback on a host over ssh', () => {
  let sshd: TestSshd;
  let root: string;
  let host: { workspace: string; bundles: string };
  let listen: string;
  let github: GithubStandIn;
  let other: { privateKey: string; publicKey: string };
  const runs: HostRun[] = [];
  const ids: string[] = [];
  /** Command lines of every process (the ssh client, the host's side), taken while a deploy ran on the host. */
  const commandLines: string[] = [];
  const marked = () =>
    processes().filter((p) => p.environ.includes(`SLIPWAY_TEST_RUN=${process.env.SLIPWAY_TEST_RUN}\n`));

  const stateDir = () => join(host.workspace, 'state');
  const ledger = () =>
    JSON.parse(readFileSync(join(stateDir(), 'production', 'ledger.json'), 'utf8')) as {
      stable?: { id: string; pid: number };
      canary?: { phase: string; weight: number };
      transitions: { to: string }[];
    };
  const servedBy = async (): Promise<string | null> => (await fetch(`http://${listen}/`)).headers.get('x-release');
  const acceptedLogins = (): number =>
    sshd
      .log()
      .split('\n')
      .filter((l) => /Accepted publickey/.test(l)).length;

  /** The step's environment as the runner gives it: action.yml defaults, the inputs, GitHub's context. */
  const stepEnv = (action: string, inputs: Record<string, string>): NodeJS.ProcessEnv => {
    const meta = parse(readFileSync(join(REPO, 'actions', action, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: unknown }>;
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: root,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_RUN_ID: '4242',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_ACTOR: 'octocat',
      GITHUB_API_URL: github.url,
      GITHUB_WORKSPACE: join(root, 'runner-workspace'),
      GITHUB_OUTPUT: join(root, 'runner-output'),
      SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN,
    };
    for (const [name, spec] of Object.entries(meta.inputs))
      env[inputEnvName(name)] = spec?.default === undefined ? '' : String(spec.default);
    for (const [name, value] of Object.entries(inputs)) {
      if (!(name in meta.inputs)) throw new Error(`test bug: ${action} has no input '${name}'`);
      env[inputEnvName(name)] = value;
    }
    return env;
  };

  const onHost = async (
    action: 'deploy-canary' | 'rollback',
    inputs: Record<string, string>,
    more: Partial<HostRunOptions> = {},
    signal?: AbortSignal,
  ): Promise<HostRun> => {
    const meta = parse(readFileSync(join(REPO, 'actions', action, 'action.yml'), 'utf8')) as {
      outputs: Record<string, unknown>;
    };
    const tempDir = join(root, 'runner-temp', String(runs.length));
    mkdirSync(tempDir, { recursive: true });
    const run: HostRun = { stdout: [], stderr: [], outputs: {}, summary: '', tempLeft: [] };
    runs.push(run);
    try {
      run.outcome = await runOnHost(
        {
          action,
          host: `${userInfo().username}@127.0.0.1:${sshd.port}`,
          sshKey: sshd.userKey,
          knownHosts: sshd.hostKeyLine,
          bundleDir: () => join(REPO, 'dist', action),
          outputs: Object.keys(meta.outputs),
          tempDir,
          workspace: host.workspace,
          bundleRoot: host.bundles,
          connectTimeoutMs: 10_000,
          ...more,
        },
        {
          env: stepEnv(action, { ...inputs, 'github-token': TOKEN }),
          stdout: (line) => run.stdout.push(line),
          stderr: (line) => run.stderr.push(line),
          setOutput: (name, value) => (run.outputs[name] = value),
          appendSummary: async (markdown) => void (run.summary += markdown),
          ...(signal ? { signal } : {}),
        },
      );
    } catch (e) {
      run.error = e;
    }
    run.tempLeft = readdirSync(tempDir);
    return run;
  };

  const deploy = (version: string, more: Record<string, string> = {}, signal?: AbortSignal) =>
    onHost(
      'deploy-canary',
      {
        version,
        'state-dir': 'state',
        listen,
        'start-command': 'node server.mjs',
        steps: '50',
        'step-analysis': '2s',
        drain: '0s',
        ...more,
      },
      { artifact: releaseFolder(join(root, 'runner-workspace'), version, 'good') },
      signal,
    );

  /** Waits until the host's canary takes traffic. */
  const canaryStepping = async (): Promise<void> => {
    for (let i = 0; !(ledger().canary?.phase === 'stepping' && ledger().canary!.weight > 0); i++) {
      if (i > 600) throw new Error('the canary never took traffic');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    root = makeTree({}, 'slipway-delegate-');
    host = { workspace: join(root, 'host', 'workspace'), bundles: join(root, 'host', 'bundles') };
    other = generateKey(root, 'other_key');
    listen = `127.0.0.1:${await closedPort()}`;
    github = await GithubStandIn.start('acme/shop');
    sshd = await startSshd();
  }, 60_000);

  afterAll(async () => {
    if (existsSync(join(stateDir(), 'production'))) await downEnvironment(stateDir(), 'production', systemClock);
    await github?.close();
    await sshd?.stop();
    removeTree(root);
  }, 60_000);

  it('deploys a release on the host: it answers through the front door, outputs come back, the ledger is in the host workspace', async () => {
    const run = await deploy('1.0.0');
    expect(run.error).toBeUndefined();
    expect(run.outcome).toEqual({ exitCode: 0, errorReported: false });
    expect(run.outputs).toMatchObject({ result: 'promoted', url: `http://${listen}`, 'previous-release-id': '' });
    const id = run.outputs['release-id']!;
    expect(id).toMatch(/^1\.0\.0-[0-9a-f]{12}$/);
    ids.push(id);
    expect(await servedBy()).toBe(id);
    expect(ledger().stable!.id).toBe(id);
    expect(run.summary).toContain('promoted');
    // The host's log came back line by line; the key folder on the runner is gone.
    expect(run.stdout.some((l) => l.includes('deploy-canary: promoted'))).toBe(true);
    expect(run.tempLeft).toEqual([]);
    // One bundle folder per version of the action, complete; the run folder is gone.
    expect(readdirSync(host.bundles)).toEqual([expect.stringMatching(/^deploy-canary-[0-9a-f]{16}$/)]);
    // GitHub heard of it from the host, with the token and the run's context.
    expect(github.requests.length).toBeGreaterThan(0);
    expect(github.requests.every((r) => r.authorization?.includes(TOKEN))).toBe(true);
  });

  it('promotes a canary in a second deploy, reusing the bundle already on the host', async () => {
    const run = await deploy('2.0.0');
    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({ result: 'promoted', 'previous-release-id': ids[0], weight: '100' });
    const report = JSON.parse(run.outputs.report!) as { steps: { verdict: string }[] };
    expect(report.steps).toHaveLength(1);
    ids.push(run.outputs['release-id']!);
    expect(await servedBy()).toBe(ids[1]);
    expect(readdirSync(host.bundles)).toHaveLength(1);
  });

  it('stops the run on the host when the runner cancels: the canary is rolled back there', async () => {
    const cancel = new AbortController();
    const running = deploy('3.0.0', { 'step-analysis': '10m' }, cancel.signal);
    await canaryStepping();
    // What `ps` shows meanwhile: the variables went through stdin, not the command line.
    commandLines.push(...processes().map((p) => p.cmdline));
    expect(commandLines.filter((c) => c.endsWith(' slipway-remote-run')).length).toBeGreaterThanOrEqual(2);
    cancel.abort();
    const run = await running;
    expect(run.error).toBeUndefined();
    expect(run.outcome).toEqual({ exitCode: 1, errorReported: true });
    expect(run.outputs.result).toBe('rolled-back');
    expect(ledger().canary).toBeUndefined();
    expect(ledger().stable!.id).toBe(ids[1]);
    expect(await servedBy()).toBe(ids[1]);
  });

  it('stops the run on the host when the connection drops: the canary is rolled back there', async () => {
    const running = deploy('3.0.0', { 'step-analysis': '10m' });
    await canaryStepping();
    // The host's end of the connection dies: the sshd process serving it (this test's own sshd).
    const wrapper = processes().find((p) => /^node -e .* slipway-remote-run$/s.test(p.cmdline))!;
    const parent = processes().find((p) => p.pid === wrapper.ppid)!;
    expect(parent.cmdline).toMatch(/^sshd/);
    process.kill(parent.pid, 'SIGKILL');
    const run = await running;
    expect(run.error).toEqual(userError('host', /lost the connection to .* while deploy-canary ran there/));
    expect(run.tempLeft).toEqual([]);
    for (let i = 0; ledger().canary !== undefined; i++) {
      if (i > 300) throw new Error('the host never rolled the canary back');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ledger().stable!.id).toBe(ids[1]);
    expect(ledger().transitions.at(-1)).toMatchObject({ to: 'rolled-back' });
    expect(await servedBy()).toBe(ids[1]);
  });

  it('rolls back on the host to the previous release', async () => {
    const run = await onHost('rollback', { 'state-dir': 'state', listen, drain: '0s', reason: 'p99 doubled' });
    expect(run.error).toBeUndefined();
    expect(run.outcome).toEqual({ exitCode: 0, errorReported: false });
    expect(run.outputs).toMatchObject({
      result: 'rolled-back',
      'restored-release': ids[0],
      'replaced-release': ids[1],
    });
    expect(run.summary).toContain('verified');
    expect(await servedBy()).toBe(ids[0]);
    expect(readdirSync(host.bundles)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^rollback-[0-9a-f]{16}$/)]),
    );
  });

  it('reports a refused connection as a UserError on host, with nothing copied', async () => {
    const port = await closedPort();
    const fresh = { workspace: join(root, 'refused', 'workspace'), bundleRoot: join(root, 'refused', 'bundles') };
    const run = await onHost(
      'rollback',
      { 'state-dir': 'state', listen },
      {
        host: `root@127.0.0.1:${port}`,
        knownHosts: sshd.hostKeyLine.replace(/\]:\d+ /, `]:${port} `),
        ...fresh,
      },
    );
    expect(run.error).toEqual(
      userError('host', new RegExp(`cannot connect to root@127.0.0.1:${port}: connection refused`)),
    );
    expect(existsSync(join(root, 'refused'))).toBe(false);
    expect(run.tempLeft).toEqual([]);
  });

  it('refuses a host whose key is not the one known-hosts holds, and neither copies nor starts anything', async () => {
    const logins = acceptedLogins();
    const fresh = { workspace: join(root, 'spoofed', 'workspace'), bundleRoot: join(root, 'spoofed', 'bundles') };
    const run = await onHost(
      'deploy-canary',
      { 'state-dir': 'state', listen },
      {
        knownHosts: knownHostsLine(sshd.port, other.publicKey),
        artifact: releaseFolder(join(root, 'runner-workspace'), '9.0.0', 'good'),
        ...fresh,
      },
    );
    expect(run.error).toEqual(userError('known-hosts', /does not match the host key .* presented; nothing was run/));
    await new Promise((r) => setTimeout(r, 300));
    expect(acceptedLogins()).toBe(logins);
    expect(existsSync(join(root, 'spoofed'))).toBe(false);
    expect(run.tempLeft).toEqual([]);
  });

  it('refuses a host written as a URL without repeating it', async () => {
    const run = await onHost('rollback', {}, { host: `ssh://root:${TOKEN}@127.0.0.1:22` });
    expect(isUserError(run.error)).toBe(true);
    expect(run.error).toEqual(userError('host', /is a URL/));
    expect((run.error as Error).message).not.toContain(TOKEN);
  });

  it('writes neither the ssh key nor the token anywhere: log, outputs, summary, host folders, processes', async () => {
    const secrets = [
      TOKEN,
      ...sshd.userKey
        .split('\n')
        .filter((line) => line.length >= 16 && !line.startsWith('-----'))
        .map((line) => line.trim()),
    ];
    expect(runs.length).toBeGreaterThanOrEqual(5);
    const written: [string, string][] = [
      ...runs.flatMap((r, i): [string, string][] => [
        // The runner's own ::add-mask:: lines hand it the secrets to hide.
        [`stdout ${i}`, r.stdout.filter((l) => !l.startsWith('::add-mask::')).join('\n')],
        [`stderr ${i}`, r.stderr.join('\n')],
        [`outputs ${i}`, JSON.stringify(r.outputs)],
        [`summary ${i}`, r.summary],
        [`error ${i}`, r.error instanceof Error ? `${r.error.message} ${r.error.stack}` : ''],
      ]),
      ...everyFile(join(root, 'host')),
      ...everyFile(join(root, 'runner-temp')),
      ['sshd log', sshd.log()],
      // What `ps` showed during a deploy, and shows of what still runs on the host.
      ...[...commandLines, ...marked().map((p) => p.cmdline)].map((c, i): [string, string] => [`command line ${i}`, c]),
    ];
    expect(written.length).toBeGreaterThan(30);
    // The host removed every run folder (the secrets passed through them on their way to the action).
    for (let i = 0; readdirSync('/tmp').some((n) => n.startsWith('slipway-run.')); i++) {
      if (i > 100) throw new Error(`run folders left on the host: ${readdirSync('/tmp').join(' ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const leaks = written.filter(([, text]) => secrets.some((s) => text.includes(s))).map(([where]) => where);
    expect(leaks).toStrictEqual([]);
  });
});

/** Every file under a folder, as text. */
function everyFile(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) return everyFile(path);
    if (!st.isFile()) return [];
    return [[path, readFileSync(path, 'latin1')] as [string, string]];
  });
}

/** This machine's processes: pid, parent, command line and environment (one variable a line). */
function processes(): { pid: number; ppid: number; cmdline: string; environ: string }[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return [
          {
            pid: Number(d),
            ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]),
            cmdline: readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ').trim(),
            environ: `${readFileSync(`/proc/${d}/environ`, 'utf8').split('\0').join('\n')}\n`,
          },
        ];
      } catch {
        return [];
      }
    });
}
