import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { instanceOf, userError } from '../../../test/matchers.js';
import { actionsExec, RecordingLogger, UserError } from '@slipway/action-kit/lite';
import { needsTool, removeTree } from '../../../test/harness.js';
import { cycloneDxErrors } from '../../../test/schemas.js';
import {
  buildArtifact,
  CommandError,
  localCacheBackend,
  verifyArtifact,
  type BuildArtifactOptions,
  type Uploader,
} from '../src/index.js';
import { gitRepo, readJson, sh } from './helpers.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));
const track = (d: string): string => (temps.push(d), d);
const temp = (): string => track(mkdtempSync(join(tmpdir(), 'slipway-build-')));

const NODE_APP: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', scripts: { build: 'node build.mjs' } }, null, 2),
  'package-lock.json': JSON.stringify(
    { name: 'shop', lockfileVersion: 3, requires: true, packages: { '': { name: 'shop', version: '1.0.0' } } },
    null,
    2,
  ),
  'build.mjs':
    "import { mkdirSync, writeFileSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\nwriteFileSync('dist/index.js', 'console.log(' + JSON.stringify(process.env.SOURCE_DATE_EPOCH) + ');\\n');\nwriteFileSync('dist/built-at.txt', String(process.env.SOURCE_DATE_EPOCH));\n",
  'src/index.ts': 'export {};\n',
};

function options(repoRoot: string, extra: Partial<BuildArtifactOptions> = {}): BuildArtifactOptions {
  return {
    repoRoot,
    install: true,
    exclude: [],
    outputDir: join(repoRoot, '.slipway', 'artifacts'),
    cache: false,
    upload: true,
    sbom: true,
    provenance: true,
    allowSecretFiles: false,
    ...extra,
  };
}

const seams = (env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME }, uploader?: Uploader) => ({
  exec: actionsExec,
  logger: new RecordingLogger(),
  env,
  ...(uploader ? { uploader } : {}),
});

describe('buildArtifact on real repositories', () => {
  it('builds a Node project with npm, and a second checkout elsewhere gives the same digest', async () => {
    const a = track(gitRepo(NODE_APP));
    const b = track(join(temp(), 'elsewhere', 'clone'));
    sh('git', ['clone', '-q', a, b]);
    sh('chmod', ['-R', 'g+w', b]);
    const ra = await buildArtifact(options(a), seams());
    const rb = await buildArtifact(options(b), seams());
    expect(ra.digest).toBe(rb.digest);
    expect(ra.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ra.commands.install).toBe('npm ci');
    expect(ra.commands.build).toBe('npm run build');
    const manifest = readJson<{ files: { path: string }[]; archive: { sha256: string } }>(ra.manifestPath);
    expect(manifest.files.map((f) => f.path)).toStrictEqual([
      'dist',
      'dist/built-at.txt',
      'dist/index.js',
      'package-lock.json',
      'package.json',
    ]);
    expect(`sha256:${manifest.archive.sha256}`).toBe(ra.digest);
    expect(ra.sourceDateEpoch).toBe(Date.parse('2024-01-02T03:04:05Z') / 1000); // the HEAD commit time
    expect(ra.version).toMatch(/^[0-9a-f]{7}$/); // git describe --always without tags
    const into = join(temp(), 'x');
    await verifyArtifact({ archive: ra.artifactPath, manifest: ra.manifestPath, into });
    expect(readFileSync(join(into, 'dist', 'built-at.txt'), 'utf8')).toBe(String(ra.sourceDateEpoch)); // the build saw SOURCE_DATE_EPOCH
    expect(cycloneDxErrors(readJson(ra.sbomPath!))).toStrictEqual([]);
    const statement = readJson<{ subject: { digest: { sha256: string } }[] }>(ra.provenancePath!);
    expect(`sha256:${statement.subject[0]!.digest.sha256}`).toBe(ra.digest);
  });

  it('uses tags for the version and SOURCE_DATE_EPOCH over the commit time', async () => {
    const repo = track(gitRepo(NODE_APP));
    sh('git', ['tag', 'v2.0.0'], repo);
    const r = await buildArtifact(
      options(repo, { install: false }),
      seams({ PATH: process.env.PATH, HOME: process.env.HOME, SOURCE_DATE_EPOCH: '1234567890' }),
    );
    expect(r.version).toBe('v2.0.0');
    expect(r.sourceDateEpoch).toBe(1234567890);
    expect(r.artifactPath).toMatch(/\/slipway-repo-[^/]+-v2\.0\.0\.tar\.gz$/); // <repo>-<version> for the root project
  });

  it('packages a Python app as its tree and lists pinned requirements in the SBOM', async () => {
    const repo = track(
      gitRepo({
        'requirements.txt': 'flask==3.0.3\ngunicorn==23.0.0\n',
        'app.py': 'print(1)\n',
        'tests/test_app.py': 'def test(): pass\n',
        '.env': 'SECRET=1\n',
        '.env.example': 'SECRET=\n',
      }),
    );
    await expect(buildArtifact(options(repo, { install: false }), seams())).rejects.toThrow(
      userError('allow-secret-files', /refusing to package likely secret files: \.env\./),
    );
    const r = await buildArtifact(options(repo, { install: false, exclude: ['.env'] }), seams());
    expect(readJson<{ files: { path: string }[] }>(r.manifestPath).files.map((f) => f.path)).toStrictEqual([
      '.env.example',
      'app.py',
      'requirements.txt',
    ]);
    const sbom = readJson<{ components: { purl: string }[] }>(r.sbomPath!);
    expect(sbom.components.map((c) => c.purl).sort()).toStrictEqual([
      'pkg:pypi/flask@3.0.3',
      'pkg:pypi/gunicorn@23.0.0',
    ]);
  });

  needsTool('go').it('builds a reproducible Go binary', async () => {
    const files = {
      'go.mod': 'module example.com/worker\n\ngo 1.19\n',
      'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("worker") }\n',
    };
    const a = track(gitRepo(files));
    const b = track(gitRepo(files));
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GOCACHE: join(temp(), 'gocache'),
      GOPATH: join(temp(), 'gopath'),
      GOFLAGS: '-mod=mod',
      GOTOOLCHAIN: 'local',
    };
    const ra = await buildArtifact(options(a), seams(env));
    const rb = await buildArtifact(options(b), seams(env));
    expect(ra.commands.build).toBe('go build -trimpath -buildvcs=false -ldflags=-buildid= -o dist/ ./...');
    expect(
      readJson<{ files: { path: string; mode: string }[] }>(ra.manifestPath).files.map((f) => `${f.path} ${f.mode}`),
    ).toStrictEqual(['dist 0755', 'dist/worker 0755']);
    expect(ra.digest).toBe(rb.digest); // the same binary from two folders
  });

  it('fails with the last lines of a failing build, and leaves no artifact', async () => {
    const repo = track(
      gitRepo({
        ...NODE_APP,
        'build.mjs':
          "for (let i = 0; i < 80; i++) console.log('line ' + i);\nconsole.error('boom: missing module');\nprocess.exit(3);\n",
      }),
    );
    const err = instanceOf(await buildArtifact(options(repo), seams()).catch((e: unknown) => e), CommandError);
    expect(err.exitCode).toBe(3);
    expect(err.outputTail.split('\n').length).toBe(50);
    expect(err.outputTail).toMatch(/line 79\nboom: missing module$/);
    expect(err.message).toMatch(/build command `npm run build` failed with exit code 3/);
    expect(sh('sh', ['-c', `ls -A ${join(repo, '.slipway')} 2>/dev/null || true`])).toBe('');
  });

  it('refuses links out of the project, unknown projects and includes that match nothing', async () => {
    const repo = track(gitRepo({ ...NODE_APP }));
    symlinkSync('/etc', join(repo, 'etc-link'));
    await expect(
      buildArtifact(options(repo, { install: false, command: 'none', include: ['**'] }), seams()),
    ).rejects.toThrow(/symbolic links point outside the project .*: etc-link/);
    await expect(buildArtifact(options(repo, { project: 'apps/nope' }), seams())).rejects.toThrow(
      userError('project', /'apps\/nope' is not a project of this repository\. Use one of: \.\.$/),
    );
    await expect(
      buildArtifact(options(repo, { install: false, command: 'none', include: ['nothing/**'] }), seams()),
    ).rejects.toThrow(userError('include', /matched no files/));
  });

  it('restores, then saves, then hits the dependency cache', async () => {
    const repo = track(gitRepo(NODE_APP));
    const home = temp();
    const env = { PATH: process.env.PATH, HOME: home, npm_config_cache: join(home, '.npm') };
    const backend = localCacheBackend(temp());
    const first = await buildArtifact(options(repo, { cache: true }), { ...seams(env), cacheBackend: backend });
    expect(first.cacheHit).toBe('false');
    const second = await buildArtifact(options(repo, { cache: true }), { ...seams(env), cacheBackend: backend });
    expect(second.cacheHit).toBe('true');
    writeFileSync(
      join(repo, 'package-lock.json'),
      JSON.stringify({ name: 'shop', lockfileVersion: 3, packages: { '': { name: 'shop', version: '1.0.1' } } }),
    );
    const third = await buildArtifact(options(repo, { cache: true }), { ...seams(env), cacheBackend: backend });
    expect(third.cacheHit).toBe('partial');
  });

  it('warns and goes on when the cache service cannot be reached', async () => {
    const repo = track(gitRepo(NODE_APP));
    const broken = {
      name: 'broken',
      restore: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')),
      save: async () => Promise.reject(new Error('nope')),
    };
    const s = { ...seams(), cacheBackend: broken };
    const r = await buildArtifact(options(repo, { cache: true }), s);
    expect(r.cacheHit).toBe('false');
    expect(
      s.logger
        .messages('warning')
        .some((w) => /dependency cache restore failed, continuing without it: connect ECONNREFUSED/.test(w)),
    ).toBe(true);
  });

  it('uploads when the job has an artifact service, and keeps the artifact when the upload fails', async () => {
    const repo = track(gitRepo(NODE_APP));
    const runtime = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
      GITHUB_REPOSITORY: 'acme/shop',
    };
    const calls: string[][] = [];
    const ok: Uploader = async (name, files) => (
      calls.push([name, ...files.map((f) => f.split('/').pop()!)]),
      { id: 7, url: 'https://github.com/acme/shop/actions/runs/1/artifacts/7' }
    );
    const r = await buildArtifact(options(repo, { install: false }), seams(runtime, ok));
    expect(r.artifactId).toBe(7);
    expect(calls[0]![0]).toBe('shop');
    expect(calls[0]!.length).toBe(5); // archive, manifest, SBOM and provenance
    const failing: Uploader = async () => Promise.reject(new Error('503 Service Unavailable'));
    const err = instanceOf(
      await buildArtifact(options(repo, { install: false }), seams(runtime, failing)).catch((e: unknown) => e),
      UserError,
    );
    expect(err.describe()).toMatch(
      /uploading artifact 'shop' failed: 503 Service Unavailable\. The artifact is on disk at .*shop-[0-9a-f]+\.tar\.gz/,
    );
    const local = seams();
    const skipped = await buildArtifact(options(repo, { install: false }), local);
    expect(skipped.artifactId).toBeUndefined();
    expect(
      local.logger.messages('info').some((m) => /upload skipped: no GitHub Actions artifact service/.test(m)),
    ).toBe(true);
  });
});

describe('the manifest and lead time', () => {
  it('records the commit built and its committer time, which deploy-canary reads when the deploy job has no checkout', async () => {
    const repo = track(gitRepo({ 'index.html': '<p>hi</p>\n' }, '2025-06-07T08:09:10Z'));
    const r = await buildArtifact(options(repo, { install: false, command: 'none', sbom: false }), seams());
    const manifest = readJson<{ commit: string; commitTime: string; sourceDateEpoch: number }>(r.manifestPath);
    expect(manifest.commit).toBe(sh('git', ['rev-parse', 'HEAD'], repo).trim());
    expect(manifest.commitTime).toBe('2025-06-07T08:09:10.000Z');
    expect(manifest.sourceDateEpoch).toBe(Date.parse('2025-06-07T08:09:10Z') / 1000);
  });
});
