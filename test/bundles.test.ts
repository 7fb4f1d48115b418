// Runs every dist/<action>/index.js as GitHub's runner would and reads its outputs back.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { present } from './matchers.js';
import { REPO, closedPort, makeTree, removeTree, runBundle, runBundleAsync } from './harness.js';
import { sarifErrors } from './schemas.js';

const workspace = makeTree({
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*'], packageManager: 'npm@10.8.1' }),
  'package-lock.json': '{}',
  '.nvmrc': '20.11.1',
  'apps/web/package.json': JSON.stringify({
    name: 'web',
    scripts: { build: 'next build', test: 'vitest' },
    dependencies: { next: '14.2.3' },
  }),
  'apps/web/src/page.tsx': 'export default 1;\n'.repeat(20),
  'apps/web/Dockerfile': 'FROM node:20\n',
  'apps/api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' } }),
  'apps/api/index.js': 'console.log(1)\n',
  'broken/pyproject.toml': '[project\n',
});
afterAll(() => removeTree(workspace));

describe('bundles', () => {
  it('has a bundle and an ESM marker for every action', () => {
    for (const name of readdirSync(join(REPO, 'actions'))) {
      expect(existsSync(join(REPO, 'dist', name, 'index.js'))).toBe(true);
      expect(existsSync(join(REPO, 'dist', name, 'package.json'))).toBe(true);
    }
  });
});

describe('dist/detect-stack', () => {
  it('runs with action.yml defaults and sets every output', () => {
    const run = runBundle('detect-stack', {}, { workspace });
    expect(run).toMatchObject({ status: 0 });
    const stack = JSON.parse(run.outputs.stack!);
    expect(stack.schemaVersion).toBe(1);
    expect(stack.monorepo).toStrictEqual({ tool: 'npm-workspaces', workspaces: ['apps/api', 'apps/web'] });
    expect(run.outputs['primary-language']).toBe('TypeScript');
    expect(run.outputs['primary-path']).toBe('apps/web');
    expect(run.outputs.runtime).toBe('node');
    expect(run.outputs['runtime-version']).toBe('20.11.1');
    expect(run.outputs['package-manager']).toBe('npm');
    expect(run.outputs['build-command']).toBe('npm run build');
    expect(run.outputs['test-command']).toBe('npm test');
    // No start script: the framework's own (Next.js serves what `next build` wrote to .next).
    expect(run.outputs['start-command']).toBe('npx next start');
    expect(run.outputs['build-output']).toBe('.next');
    expect(run.outputs['build-system']).toBe('npm-workspaces');
    expect(run.outputs.monorepo).toBe('true');
    expect(run.outputs.dockerfile).toBe('apps/web/Dockerfile');
    const matrix = JSON.parse(run.outputs.matrix!);
    expect(
      matrix.include.map((e: Record<string, string>) => [
        e.path,
        e.name,
        e.runtime,
        e['runtime-version'],
        e['package-manager'],
        e['install-command'],
        e['build-command'],
        e['test-command'],
      ]),
    ).toStrictEqual([
      ['apps/api', 'api', 'node', '20.11.1', 'npm', 'npm ci', '', ''],
      ['apps/web', 'web', 'node', '20.11.1', 'npm', 'npm ci', 'npm run build', 'npm test'],
      // A manifest that does not parse still marks a project; its details stay unknown.
      ['broken', 'broken', 'python', '', 'pip', '', '', ''],
    ]);
    expect(run.summary).toMatch(
      /\| \*\*apps\/web\*\* \(primary\) \| node 20\.11\.1 \| npm 10\.8\.1 \| next 14\.2\.3 \|/,
    );
    expect(run.summary).toMatch(/```mermaid\npie showData/);
    expect(run.stdout).toMatch(/::warning title=detect-stack,file=broken\/pyproject\.toml,line=1::/);
  });

  it('analyses a sub-folder and annotates relative to the workspace', () => {
    const run = runBundle('detect-stack', { path: 'broken' }, { workspace });
    expect(run).toMatchObject({ status: 0 });
    expect(run.stdout).toMatch(
      /::warning title=detect-stack,file=broken\/pyproject\.toml,line=1::pyproject\.toml is not valid TOML/,
    );
    expect(JSON.parse(run.outputs.stack!).root).toBe('broken');
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ path: 'nope' }, /^::error title=detect-stack::input 'path': 'nope' does not exist\./m],
    [{ path: '../..' }, /^::error title=detect-stack::input 'path': '\.\.\/\.\.' points outside the workspace/m],
    [{ 'max-files': 'lots' }, /^::error title=detect-stack::input 'max-files': 'lots' is not a whole number\./m],
    [
      { 'max-files': '0' },
      /^::error title=detect-stack::input 'max-files': 0 is out of range\. Use a value from 1 to 10000000\./m,
    ],
  ];
  for (const [inputs, message] of bad) {
    it(`fails clearly, without a stack trace, on ${JSON.stringify(inputs)}`, () => {
      const run = runBundle('detect-stack', inputs, { workspace });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(message);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
      expect(run.outputs.stack).toBeUndefined(); // no outputs after a failure
    });
  }
});

describe('dist/cli', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(REPO, 'dist', 'cli', 'index.js'), ...args], {
      cwd: REPO,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });

  it('runs detect-stack over the examples, as npm run demo does', () => {
    const run = cli(['detect-stack', '--path', 'examples', '--json']);
    expect(run).toMatchObject({ status: 0 });
    const outputs = JSON.parse(run.stdout);
    const stack = JSON.parse(outputs.stack);
    expect(
      stack.projects.map((p: { path: string; runtime: { name: string } }) => `${p.path}:${p.runtime.name}`),
    ).toStrictEqual([
      'flask-api:python',
      'go-worker:go',
      'hello-service:node',
      'landing-page:static',
      'storefront/apps/api:node',
      'storefront/apps/web:node',
      'storefront/packages/ui:node',
    ]);
    expect(outputs.monorepo).toBe('true');
  });

  it('prints flags generated from action.yml', () => {
    const run = cli(['detect-stack', '--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--path', '--exclude', '--max-files']) expect(run.stdout).toContain(flag);
  });

  it('refuses an unknown flag or action with the list of valid ones', () => {
    const flag = cli(['detect-stack', '--paht', 'x']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/unknown flag --paht\. detect-stack takes: --path, --exclude, --max-files/);
    const action = cli(['deploy-everything']);
    expect(action.status).toBe(2);
    expect(action.stderr).toMatch(
      /unknown action 'deploy-everything'\. Known actions: detect-stack, build-artifact, security-scan, verify-health, deploy-canary, rollback, verify-artifact, status, down, metrics, audit, init, pipeline/,
    );
    expect(flag.stderr + action.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('dist/build-artifact', () => {
  const repo = gitRepoForBundle();
  afterAll(() => removeTree(repo));

  it('builds, packages and describes a repository, as the runner runs it', () => {
    const run = runBundle('build-artifact', { upload: 'false' }, { workspace: repo, env: { HOME: repo } });
    expect(run).toMatchObject({ status: 0 });
    expect(run.outputs.digest!).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs['artifact-path']!).toMatch(/^\.slipway\/artifacts\/.+\.tar\.gz$/);
    expect(run.outputs['cache-hit']).toBe('false');
    expect(run.outputs['artifact-id']).toBe('');
    for (const key of ['manifest-path', 'sbom-path', 'provenance-path'])
      expect(existsSync(join(repo, run.outputs[key]!))).toBe(true);
    expect(run.summary).toMatch(/\| digest \| `sha256:[0-9a-f]{64}` \|/);
    const again = runBundle('build-artifact', { upload: 'false' }, { workspace: repo, env: { HOME: repo } });
    expect(again.outputs.digest).toBe(run.outputs.digest); // the same digest on a second run
  });

  it('puts the tail of a failed build in the error and the summary', () => {
    const run = runBundle(
      'build-artifact',
      { command: 'echo first; echo last words; exit 4', upload: 'false' },
      { workspace: repo, env: { HOME: repo } },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=build-artifact::input 'command': build command `echo first; echo last words; exit 4` failed with exit code 4/,
    );
    expect(run.summary).toMatch(/exited with code 4\. Its last lines:\n\n```\nfirst\nlast words\n```/);
  });

  it('fails clearly on an unknown project and on a stack that is not JSON', () => {
    const project = runBundle('build-artifact', { project: 'nope' }, { workspace: repo, env: { HOME: repo } });
    expect(project.status).toBe(1);
    expect(project.stdout).toMatch(
      /::error title=build-artifact::input 'project': 'nope' is not a project of this repository\. Use one of: \./,
    );
    const stack = runBundle('build-artifact', { stack: '{"projects": [' }, { workspace: repo, env: { HOME: repo } });
    expect(stack.stdout).toMatch(
      /::error title=build-artifact::input 'stack': is not valid JSON: .* at line 1, column 15/,
    );
    expect(project.stdout + stack.stdout + project.stderr + stack.stderr).not.toMatch(/\n\s+at /);
  });
});

function gitRepoForBundle(): string {
  const root = makeTree({
    'package.json': JSON.stringify({
      name: 'site',
      scripts: {
        build:
          "node -e \"require('fs').mkdirSync('dist',{recursive:true});require('fs').writeFileSync('dist/index.html','<h1>hi</h1>')\"",
      },
    }),
    'package-lock.json': JSON.stringify({ name: 'site', lockfileVersion: 3, packages: { '': { name: 'site' } } }),
  });
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@e',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@e',
  };
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['commit', '-qm', 'init'],
  ])
    spawnSync('git', args, { cwd: root, env });
  return root;
}

describe('dist/build-artifact against a local artifact and cache service', () => {
  const repo = gitRepoForBundle();
  const requests: string[] = [];
  // Twirp and cache endpoints answer 404 in the services' own error format.
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url?.split('?')[0]}`);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"code":"not_found","msg":"no such thing"}');
  });
  beforeAll(() => new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r())));
  afterAll(() => {
    server.close();
    removeTree(repo);
  });

  it('loads the cache and upload clients, warns on the cache, fails the upload and keeps the artifact', async () => {
    const port = (server.address() as { port: number }).port;
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${b64({ alg: 'none' })}.${b64({ scp: 'Actions.GenericRead:1 Actions.Results:run-1:job-1' })}.sig`;
    const run = await runBundleAsync(
      'build-artifact',
      {},
      {
        workspace: repo,
        env: {
          HOME: repo,
          ACTIONS_RUNTIME_TOKEN: token,
          ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/`,
          GITHUB_REPOSITORY: 'acme/site',
          GITHUB_RUN_ID: '1',
        },
      },
    );
    expect(run).toMatchObject({ status: 1 });
    expect(requests).toContainEqual(expect.stringMatching(/^GET \/_apis\/artifactcache\/cache/));
    expect(requests).toContain('POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact');
    const m = present(
      /::error title=build-artifact::input 'upload': uploading artifact 'site' failed: .*404.*\. The artifact is on disk at (\S+\.tar\.gz);/.exec(
        run.stdout,
      ),
    );
    expect(existsSync(m[1]!)).toBe(true); // the archive is still there
    expect(run.stdout).not.toMatch(/internal error/);
  });
});

describe('bundles are real ES modules', () => {
  it('no bundle uses __dirname or __filename, which ES modules lack', () => {
    for (const dir of readdirSync(join(REPO, 'dist'))) {
      for (const file of readdirSync(join(REPO, 'dist', dir)).filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(join(REPO, 'dist', dir, file), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '')
          // A use guarded by typeof (undici's stack-trace helper) is safe in an ES module.
          .replace(/typeof __(dirname|filename) !== 'undefined' \? __\1 : undefined/g, '');
        expect(code).not.toMatch(/(?<![\w.$'"])__(dirname|filename)(?![\w$'"])/);
      }
    }
  });
});

describe('dist/security-scan', () => {
  const b = (o: object): string => JSON.stringify(o);
  const ghToken = ['gh', 'p_', 'Zq8', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n', '3OSAbq'].join(''); // checksum right
  const workspace = makeTree({
    'config/ci.env': `A=1\nGITHUB_TOKEN=${ghToken}\n`,
    'package-lock.json': b({ lockfileVersion: 3, packages: { '': {}, 'node_modules/lodash': { version: '4.17.20' } } }),
    '.github/workflows/ci.yml':
      'on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: some/action@v1\n',
    'osv/GHSA-35jh-r3h4-6jhm.json': b({
      id: 'GHSA-35jh-r3h4-6jhm',
      summary: 'Command Injection in lodash',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [
        {
          package: { ecosystem: 'npm', name: 'lodash' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
        },
      ],
    }),
  });
  afterAll(() => removeTree(workspace));

  it('finds, annotates, writes valid SARIF and a report, fails by policy, and never shows the secret', () => {
    const run = runBundle('security-scan', { 'osv-db': 'osv' }, { workspace });
    expect(run).toMatchObject({ status: 1 });
    expect(run.outputs.passed).toBe('false');
    expect(run.outputs.critical).toBe('1');
    expect(run.outputs.high).toBe('1');
    expect(run.outputs.medium).toBe('1');
    expect(run.outputs.low).toBe('0');
    expect(run.outputs.reason!).toMatch(/^2 findings at or above high \(1 critical, 1 high\)/);
    expect(run.stdout).toMatch(
      /::error title=critical%3A GitHub token,file=config\/ci\.env,line=2::GitHub token: ghp_…\(40 chars\)/,
    );
    expect(run.stdout).toMatch(/::error title=security-scan::input 'fail-on': 2 findings at or above high/);
    const sarif = JSON.parse(readFileSync(join(workspace, run.outputs['sarif-path']!), 'utf8'));
    expect(sarifErrors(sarif)).toStrictEqual([]);
    const report = readFileSync(join(workspace, run.outputs['report-path']!), 'utf8');
    for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(sarif), report])
      expect(text).not.toContain(ghToken.slice(4)); // the secret never appears
    expect(run.summary).toMatch(/\| secrets \| 1 \| 0 \| 0 \| 0 \|/);
  });

  it('passes with a baseline written from the same findings', () => {
    const write = runBundle(
      'security-scan',
      { 'osv-db': 'osv', 'fail-on': 'none', 'write-baseline': 'baseline.json' },
      { workspace },
    );
    expect(write).toMatchObject({ status: 0 });
    const run = runBundle(
      'security-scan',
      { 'osv-db': 'osv', baseline: 'baseline.json', 'fail-on': 'low' },
      { workspace },
    );
    expect(run).toMatchObject({ status: 0 });
    expect(run.outputs.findings).toBe('0');
    expect(run.outputs.reason!).toMatch(/3 accepted by the baseline/);
  });

  it('fails clearly on an unknown scanner', () => {
    const run = runBundle('security-scan', { scanners: 'secrets,magic' }, { workspace });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error title=security-scan::input 'scanners': 'magic' is not a scanner\./);
  });
});

describe('dist/verify-health', () => {
  it('passes a healthy local service and reports as the runner expects', async () => {
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/healthz`;
    const workspace = makeTree({});
    try {
      const run = await runBundleAsync(
        'verify-health',
        {
          url,
          'expect-json': 'status == "ok"',
          duration: '1s',
          rate: '30',
          interval: '250ms',
          headers: 'Authorization: Bearer s3cr3t-t0ken-value',
        },
        { workspace },
      );
      expect(run).toMatchObject({ status: 0 });
      expect(run.outputs.verdict).toBe('pass');
      expect(run.outputs.healthy).toBe('true');
      expect(run.outputs.reason!).toMatch(/^healthy for 1 s: error rate 0\.00%, p95 [\d.]+ ms over \d+ probes$/);
      expect(JSON.parse(run.outputs.report!).samples).toBeGreaterThanOrEqual(20);
      expect(run.stdout).toMatch(/::add-mask::s3cr3t-t0ken-value/);
      expect(run.summary).toMatch(/\| error rate \| 0\.00% \| ≤ 1\.0% \| pass \|/);
    } finally {
      server.close();
      removeTree(workspace);
    }
  });

  it('fails with the reason when nothing listens, without a stack trace', async () => {
    const workspace = makeTree({});
    const port = await closedPort();
    try {
      const run = await runBundleAsync(
        'verify-health',
        { url: `http://127.0.0.1:${port}/`, wait: '300ms', 'retry-delay': '50ms' },
        { workspace },
      );
      expect(run.status).toBe(1);
      expect(run.outputs.verdict).toBe('fail');
      expect(run.outputs.reason!).toMatch(
        /^(\d+) of \1 probes failed: connection refused on http:\/\/127\.0\.0\.1:\d+\/$/,
      );
      expect(run.stdout).toMatch(
        /::error title=verify-health::unhealthy: \d+ of \d+ probes failed: connection refused/,
      );
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      removeTree(workspace);
    }
  });
});
