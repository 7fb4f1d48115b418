// slipway-release.yml end to end through `slipway pipeline` (the committed dist/cli bundle), on
// examples/hello-service in a real git repository, with the local provider: the ci workflow
// detects, tests, scans, builds (uploading to the run's artifact service) and attests; the deploy
// workflow downloads the build by id, checks its digest, deploys it as a canary, verifies it once
// promoted, and rolls it back when that check fails.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, closedPort, makeTree, removeTree } from './harness.js';
import { present } from './matchers.js';

let ws: string;
let state: string;
let home: string;
let listen: string;
const runDirs: string[] = [];

const git = (...args: string[]): void => {
  const r = spawnSync('git', ['-C', ws, '-c', 'user.name=slipway', '-c', 'user.email=ci@slipway.dev', ...args], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
};

beforeAll(async () => {
  ws = makeTree({}, 'slipway-release-ws-');
  cpSync(join(REPO, 'examples', 'hello-service'), ws, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'hello-service 1.0.0');
  git('tag', 'v1.0.0');
  state = makeTree({}, 'slipway-release-state-');
  home = makeTree({}, 'slipway-release-home-');
  listen = `127.0.0.1:${await closedPort()}`;
});

afterAll(() => {
  spawnSync(
    process.execPath,
    [join(REPO, 'dist', 'cli', 'index.js'), 'down', '--environment', 'production', '--state-dir', state],
    {
      env: { PATH: process.env.PATH, HOME: home },
    },
  );
  for (const dir of [ws, state, home, ...runDirs]) removeTree(dir);
}, 60_000);

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `slipway pipeline` from the committed bundle, without blocking the test process. */
function pipeline(): Promise<CliRun> {
  const args = [
    join(REPO, 'dist', 'cli', 'index.js'),
    'pipeline',
    join(REPO, '.github', 'workflows', 'slipway-release.yml'),
    '--path',
    ws,
    ...[
      'environment=production',
      `state-dir=${state}`,
      'steps=50',
      'step-analysis=2s',
      `listen=${listen}`,
      `health-url=http://${listen}/readyz`,
      'soak=5s',
      'drain=1s',
    ].flatMap((pair) => ['--input', pair]),
    '--json',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ws, env: { PATH: process.env.PATH, HOME: home } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const servedBy = async (): Promise<string> => (await (await fetch(`http://${listen}/`)).text()).trim();
const ledger = () =>
  JSON.parse(readFileSync(join(state, 'production', 'ledger.json'), 'utf8')) as {
    stable?: { id: string };
    transitions: { to: string; release?: string }[];
  };

describe('slipway pipeline runs slipway-release.yml', () => {
  let first = '';

  it('end to end: detect, test, scan, build, attest, download by id, canary, verify; the workflow outputs say promoted and healthy', async () => {
    const run = await pipeline();
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run).toMatchObject({ status: 0 });
    const outputs = JSON.parse(run.stdout) as Record<string, string>;
    runDirs.push(outputs['run-dir']!);
    expect(outputs.result).toBe('success');
    const wf = JSON.parse(outputs.outputs!) as Record<string, string>;
    expect(wf).toStrictEqual({
      'release-id': expect.stringMatching(/^v1\.0\.0-[0-9a-f]{12}$/),
      result: 'promoted',
      reason: 'first release of production: ready, and now takes all traffic',
      healthy: 'true',
      'rolled-back-to': '',
    });
    first = wf['release-id']!;
    const jobs = JSON.parse(outputs.jobs!) as { path: string; result: string }[];
    expect(jobs.map((j) => `${j.path}: ${j.result}`)).toStrictEqual([
      'ci/detect: success',
      'ci/scan: success',
      'ci/test: success',
      'ci/build: success',
      'ci: success',
      'deploy/deploy: success',
      'deploy/rollback: skipped',
      'deploy: success',
    ]);
    // The test job ran the example's own tests with the commands detect-stack found.
    expect(run.stderr).toMatch(/# pass 1/);
    // build-artifact's real upload reached the run's artifact service; the deploy job took it by id.
    expect(run.stderr).toMatch(/Artifact slipway-release-ws-\w+ successfully finalized\. Artifact ID 1/);
    expect(run.stderr).toMatch(/download-artifact \(stand-in\): slipway-release-ws-\w+ \(id 1,/);
    // Both attestations are written, and say they are not signed.
    const statements = readdirSync(join(outputs['run-dir']!, 'attestations')).map(
      (f) =>
        JSON.parse(readFileSync(join(outputs['run-dir']!, 'attestations', f), 'utf8')) as {
          predicateType: string;
          subject: { name: string }[];
        },
    );
    expect(statements.map((s) => s.predicateType).sort()).toStrictEqual([
      'https://cyclonedx.org/bom',
      'https://slsa.dev/provenance/v1',
    ]);
    expect(run.stderr).toMatch(/NOT signed/);
    // Every step summary is collected: detect-stack's, security-scan's, deploy-canary's, verify-health's.
    const summary = readFileSync(join(outputs['run-dir']!, 'summary.md'), 'utf8');
    for (const heading of [
      'ci/detect › Detect the stack',
      'ci/scan › Scan',
      'deploy/deploy › Deploy the canary',
      'deploy/deploy › Verify the promoted release',
    ])
      expect(summary).toContain(`## ${heading}`);
    expect(await servedBy()).toBe(`hello from ${first}`);
  }, 300_000);

  it('a release that fails its check after promotion is rolled back by the rollback job, and the run fails', async () => {
    expect(first).not.toBe('');
    writeFileSync(join(ws, 'behaviour.json'), '{ "errorRate": 0, "dependencyUp": false }\n');
    git('commit', '-qam', 'hello-service 2.0.0: its dependency is down');
    git('tag', 'v2.0.0');
    const run = await pipeline();
    expect(run).toMatchObject({ status: 1 });
    expect(run.stderr).not.toMatch(/internal error/);
    // --json still gives the outputs of a run that failed.
    const wf = JSON.parse((JSON.parse(run.stdout) as Record<string, string>).outputs!) as Record<string, string>;
    expect(wf).toMatchObject({ result: 'promoted', healthy: 'false', 'rolled-back-to': first });
    expect(run.stderr).toMatch(
      /the workflow failed: deploy\/deploy: Verify the promoted release: unhealthy: \d+ of \d+ probes failed: status 503/,
    );
    const runDir = present(/the run's files are in (\S+?)\.?$/m.exec(run.stderr))[1]!;
    runDirs.push(runDir);
    const summary = readFileSync(join(runDir, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| deploy\/deploy \| Deploy to production \| failure \|/);
    expect(summary).toMatch(/\| deploy\/rollback \| Roll production back after a failed check \| success \|/);
    expect(run.stderr).toMatch(new RegExp(`restored ${first} in place of v2\\.0\\.0-[0-9a-f]{12}`));
    expect(ledger().stable?.id).toBe(first);
    for (let i = 0; i < 5; i++) expect(await servedBy()).toBe(`hello from ${first}`);
  }, 300_000);
});
