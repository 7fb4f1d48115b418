// dist/deploy-canary run as the runner runs it: the release and the proxy outlive the action's
// whole process tree (started detached, without RUNNER_TRACKING_ID), a later run finds and drives
// the same proxy, and the post step rolls back what a killed main left.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@slipway/action-kit/lite';
import { downEnvironment } from '@slipway/deploy';
import { REPO, closedPort, inputVar, makeTree, parseOutputFile, removeTree, runBundle } from '../../../test/harness.js';

const SERVER = `import { createServer } from 'node:http';
const id = process.env.SLIPWAY_RELEASE_ID;
const server = createServer((req, res) => { res.writeHead(200, { 'x-release': id }); res.end(id); });
server.listen(Number(process.env.PORT), process.env.HOST);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

let workspace: string;
let stateDir: string;
let listen: string;
let runner: string;
beforeAll(async () => {
  workspace = makeTree({}, 'slipway-deploy-bundle-');
  for (const v of ['1', '2', '3']) {
    mkdirSync(join(workspace, `v${v}`));
    writeFileSync(join(workspace, `v${v}`, 'server.mjs'), SERVER);
    writeFileSync(join(workspace, `v${v}`, 'VERSION'), `${v}\n`);
  }
  stateDir = makeTree({}, 'slipway-deploy-bundle-state-');
  runner = makeTree({ state: '' }, 'slipway-deploy-bundle-runner-');
  listen = `127.0.0.1:${await closedPort()}`;
});
afterAll(async () => {
  await downEnvironment(stateDir, 'production', systemClock);
  for (const dir of [workspace, stateDir, runner]) removeTree(dir);
}, 60_000);

const inputs = (version: string): Record<string, string> => ({
  artifact: `v${version[0]}`,
  version,
  'state-dir': stateDir,
  listen,
  'start-command': 'node server.mjs',
  steps: '50',
  'step-analysis': '2s',
  drain: '0s',
});
const env = (): Record<string, string> => ({
  SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN ?? '',
  // A self-hosted runner ends every process carrying this when the job ends.
  RUNNER_TRACKING_ID: 'github_0c6d2a4e-test',
  GITHUB_STATE: join(runner, 'state'),
  GITHUB_RUN_ID: '4242',
});
const ledger = () =>
  JSON.parse(readFileSync(join(stateDir, 'production', 'ledger.json'), 'utf8')) as {
    stable?: { id: string; pid: number };
    canary?: { phase: string; weight: number; release: { pid?: number } };
    transitions: { to: string }[];
  };
const proxyPid = (): number =>
  (JSON.parse(readFileSync(join(stateDir, 'production', 'proxy.json'), 'utf8')) as { pid: number }).pid;
const servedBy = async (): Promise<string | null> => (await fetch(`http://${listen}/`)).headers.get('x-release');
const environOf = (pid: number): string => readFileSync(`/proc/${pid}/environ`, 'utf8');

describe('dist/deploy-canary', () => {
  it('leaves the release serving after the action and its process tree are gone, and a later run drives the same proxy', async () => {
    const first = runBundle('deploy-canary', inputs('1.0.0'), { workspace, env: env() });
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ status: 0 });
    expect(first.outputs).toMatchObject({
      result: 'promoted',
      url: `http://${listen}`,
      'previous-release-id': '',
      weight: '100',
    });
    // spawnSync has returned: the action's process is gone; what it started still serves.
    expect(await servedBy()).toBe(first.outputs['release-id']);
    const daemon = proxyPid();
    for (const pid of [daemon, ledger().stable!.pid]) expect(environOf(pid)).not.toContain('RUNNER_TRACKING_ID');

    const second = runBundle('deploy-canary', inputs('2.0.0'), { workspace, env: env() });
    expect(second).toMatchObject({ status: 0 });
    expect(second.outputs).toMatchObject({ result: 'promoted', 'previous-release-id': first.outputs['release-id'] });
    expect(proxyPid()).toBe(daemon);
    expect(await servedBy()).toBe(second.outputs['release-id']);
    expect(second.summary).toContain('```mermaid');
    expect(second.summary).toMatch(/\| 1 \| 50% \|/);
    const report = JSON.parse(second.outputs.report!) as { steps: { verdict: string }[]; transitions: unknown[] };
    expect(report.steps).toHaveLength(1);
    expect(report.transitions.length).toBeGreaterThanOrEqual(5);
  });

  it('rolls a killed main back in the post step: all traffic returns to stable', async () => {
    const stable = ledger().stable!.id;
    writeFileSync(join(runner, 'state'), '');
    const childEnv: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: runner,
      GITHUB_WORKSPACE: workspace,
      ...env(),
    };
    for (const [k, v] of Object.entries({ ...inputs('3.0.0'), 'step-analysis': '10m' })) childEnv[inputVar(k)] = v;
    childEnv.GITHUB_OUTPUT = join(runner, 'output');
    const main = spawn(process.execPath, [join(REPO, 'dist', 'deploy-canary', 'index.js')], {
      cwd: workspace,
      env: childEnv,
      stdio: 'ignore',
    });
    const exited = new Promise((r) => main.once('exit', r));
    for (let i = 0; !(ledger().canary?.phase === 'stepping' && ledger().canary!.weight > 0); i++) {
      if (main.exitCode !== null) throw new Error(`main ended early with ${main.exitCode}`);
      if (i > 600) throw new Error('the canary never took traffic');
      await new Promise((r) => setTimeout(r, 100));
    }
    main.kill('SIGKILL');
    await exited;
    const state = parseOutputFile(readFileSync(join(runner, 'state'), 'utf8'));
    expect(state['slipway-post']).toBe('true');
    const postEnv: Record<string, string> = { ...env() };
    for (const [k, v] of Object.entries(state)) postEnv[`STATE_${k}`] = v;
    const post = runBundle('deploy-canary', inputs('3.0.0'), { workspace, env: postEnv });
    expect(post).toMatchObject({ status: 0 });
    expect(post.stdout).toMatch(
      /::warning::post: run 4242-1 ended with canary 3\.0\.0-\w+ stepping at 50%25: rolled back/,
    );
    expect(ledger().canary).toBeUndefined();
    expect(ledger().stable!.id).toBe(stable);
    expect(ledger().transitions.at(-1)).toMatchObject({ to: 'rolled-back' });
    for (let i = 0; i < 20; i++) expect(await servedBy()).toBe(stable);
  });

  it('slipway status shows who holds which share, and slipway down stops the environment', async () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'dist', 'cli', 'index.js'), ...args, '--state-dir', stateDir], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH!, HOME: runner },
      });
    const stable = ledger().stable!;
    const status = cli('status');
    expect(status.status).toBe(0);
    expect(status.stderr).toContain(`front door http://${listen} (local proxy, pid ${proxyPid()})`);
    expect(status.stderr).toMatch(new RegExp(`stable\\s+${stable.id}\\s+100%\\s+running \\(pid ${stable.pid}\\)`));
    // No run holds the lock now; the last verdicts come newest first, with their reasons.
    expect(status.stderr).toContain('lock free');
    expect(status.stderr).toMatch(/last verdicts:\n\s+\S+ rolled-back +3\.0\.0-\w+: .*\n\s+\S+ promoted +2\.0\.0-\w+/);
    // Each release once, by its role: the kept releases also hold the stable one.
    const json = JSON.parse(cli('status', '--json').stdout) as { status: string };
    const listed = (JSON.parse(json.status) as { releases: { id: string; role: string }[] }).releases;
    expect(listed.filter((r) => r.id === stable.id).map((r) => r.role)).toStrictEqual(['stable']);
    expect(new Set(listed.map((r) => r.id)).size).toBe(listed.length);
    expect(listed.some((r) => r.role === 'previous')).toBe(true);
    const down = cli('down');
    expect(down.status).toBe(0);
    expect(down.stderr).toContain(`release ${stable.id} (pid ${stable.pid})`);
    await expect(fetch(`http://${listen}/`)).rejects.toThrow();
    expect(cli('status').stderr).toMatch(new RegExp(`stable\\s+${stable.id}\\s+100%\\s+stopped`));
  });
});
