// Hostile input for build-artifact and verify-artifact: archives built to escape the target,
// includes and stacks that reach outside the project, build scripts that hang, flood the log,
// print tokens or try to read the runner's credentials, and files that cannot be read. Real
// files, real archives (python3's tarfile, GNU tar) and real processes throughout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  actionsExec,
  coreLogger,
  InputReader,
  isUserError,
  RecordingLogger,
  reportFailure,
  type ActionSeams,
  type Exec,
  type ExecOptions,
} from '@slipway/action-kit';
import {
  buildArtifact,
  CommandError,
  packagingPlan,
  readTarGz,
  verifyArtifact,
  type BuildArtifactOptions,
  type BuildArtifactSeams,
} from '@slipway/artifact';
import type { Project, Stack } from '@slipway/stack';
import { run as buildArtifactAction } from '../../actions/build-artifact/src/main.js';
import { parseInputs } from '../../actions/build-artifact/src/inputs.js';
import { failureSummary } from '../../actions/build-artifact/src/summary.js';
import { metadata } from '../../actions/build-artifact/src/metadata.generated.js';
import { verifyCommand } from '../../packages/cli/src/verify-command.js';
import { REPO, inputVar, makeTree, removeTree } from '../harness.js';
import { instanceOf, userError } from '../matchers.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'slipway-hostile-artifact-'));
  temps.push(d);
  return d;
};
const tree = (files: Record<string, string>): string => {
  const d = makeTree(files, 'slipway-hostile-artifact-');
  temps.push(d);
  return d;
};

/** Every path under a folder (files, folders and links), relative. */
function listAll(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

/** What captureStdout keeps: a flooding build must not make the test itself hold 100 MB. */
const CAPTURE_LIMIT = 4 * 1024 * 1024;

/** Runs fn with process.stdout captured (actionsExec and the runner's logger write there), returning what was written. */
async function captureStdout<T>(fn: () => Promise<T>): Promise<{ value: T | undefined; error: unknown; out: string }> {
  const original = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    if (out.length < CAPTURE_LIMIT) out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    return { value: await fn(), error: undefined, out };
  } catch (error) {
    return { value: undefined, error, out };
  } finally {
    process.stdout.write = original;
  }
}

// ---------------------------------------------------------------------------------------------
// Archives: python3's tarfile writes exactly the entries given, in order, and the attacker's
// manifest lists them faithfully, so only the extraction rules stand between them and the disk.

interface TarSpec {
  name: string;
  type: 'file' | 'dir' | 'symlink';
  data?: string;
  linkname?: string;
  mode?: number;
  /** Extra pax records for this entry (a lying size, a huge comment). */
  pax?: Record<string, string>;
}

const PY_TAR = `
import io, json, sys, tarfile
spec = json.load(sys.stdin)
types = {'file': tarfile.REGTYPE, 'dir': tarfile.DIRTYPE, 'symlink': tarfile.SYMTYPE}
with tarfile.open(sys.argv[1], 'w:gz', format=tarfile.PAX_FORMAT) as tf:
    for e in spec:
        ti = tarfile.TarInfo(e['name'])
        ti.type = types[e['type']]
        ti.mode = e.get('mode', 0o755 if e['type'] == 'dir' else 0o777 if e['type'] == 'symlink' else 0o644)
        ti.linkname = e.get('linkname', '')
        data = e.get('data', '').encode()
        ti.size = len(data) if e['type'] == 'file' else 0
        if 'pax' in e:
            ti.pax_headers = e['pax']
        tf.addfile(ti, io.BytesIO(data) if e['type'] == 'file' else None)
`;

/** Writes a .tar.gz with python3's tarfile and a manifest that agrees with every entry. */
function hostileArchive(entries: TarSpec[], sizes: Record<string, number> = {}): { archive: string; manifest: string } {
  const dir = temp();
  const archive = join(dir, 'evil.tar.gz');
  const py = spawnSync('python3', ['-c', PY_TAR, archive], { input: JSON.stringify(entries), encoding: 'utf8' });
  if (py.status !== 0) throw new Error(`python3 tarfile failed: ${py.stderr}`);
  const files = entries.map((e) => ({
    path: e.name,
    type: e.type,
    size: sizes[e.name] ?? (e.type === 'file' ? Buffer.byteLength(e.data ?? '') : 0),
    mode: (e.mode ?? (e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : 0o644)).toString(8).padStart(4, '0'),
    ...(e.type === 'file'
      ? {
          sha256: createHash('sha256')
            .update(e.data ?? '')
            .digest('hex'),
        }
      : {}),
    ...(e.type === 'symlink' ? { target: e.linkname } : {}),
  }));
  const manifest = join(dir, 'evil.manifest.json');
  const sha256 = createHash('sha256').update(readFileSync(archive)).digest('hex');
  writeFileSync(manifest, JSON.stringify({ schemaVersion: 1, archive: { file: 'evil.tar.gz', sha256 }, files }));
  return { archive, manifest };
}

/** A target four folders deep in a fresh tree, so that climbing links have somewhere to land inside the test's own folder. */
function deepTarget(): { base: string; into: string } {
  const base = temp();
  return { base, into: join(base, 'a', 'b', 'c', 'out') };
}

describe('verify-artifact extraction cannot be led out of its target', () => {
  const chains: [string, TarSpec[], RegExp][] = [
    [
      'a chain of links (u -> ., then u/u/u/u/up -> ../../../..) and a file written through it',
      [
        { name: 'u', type: 'symlink', linkname: '.' },
        { name: 'u/u/u/u/up', type: 'symlink', linkname: '../../../..' },
        { name: 'u/u/u/u/up/pwned', type: 'file', data: 'owned\n' },
      ],
      /artifact entry 'u\/u\/u\/u\/up' would be written through 'u', a symbolic link the archive made/,
    ],
    [
      'a link that is lexically inside but climbs through another link (v -> u/..)',
      [
        { name: 'u', type: 'symlink', linkname: '.' },
        { name: 'v', type: 'symlink', linkname: 'u/..' },
        { name: 'v/pwned', type: 'file', data: 'owned\n' },
      ],
      /artifact entry 'v' links to 'u\/\.\.', outside the artifact/,
    ],
    [
      'the same, with the link it climbs through made only afterwards',
      [
        { name: 'v', type: 'symlink', linkname: 'u/..' },
        { name: 'u', type: 'symlink', linkname: '.' },
      ],
      /artifact entry 'v' links to 'u\/\.\.', outside the artifact/,
    ],
    [
      'a top-level link that climbs out (up -> ../..) and a folder made through it',
      [
        { name: 'up', type: 'symlink', linkname: '../..' },
        { name: 'up/evil', type: 'dir' },
      ],
      /artifact entry 'up' links to '\.\.\/\.\.', outside the artifact/,
    ],
    [
      'a file written through a link that stays inside',
      [
        { name: 'real', type: 'dir' },
        { name: 'alias', type: 'symlink', linkname: 'real' },
        { name: 'alias/f', type: 'file', data: 'x' },
      ],
      /artifact entry 'alias\/f' would be written through 'alias', a symbolic link the archive made/,
    ],
    [
      'a file written under a link to a file',
      [
        { name: 'ok.txt', type: 'file', data: 'fine\n' },
        { name: 'l', type: 'symlink', linkname: 'ok.txt' },
        { name: 'l/x', type: 'file', data: 'x' },
      ],
      /artifact entry 'l\/x' would be written through 'l'/,
    ],
  ];
  for (const [name, entries, message] of chains) {
    it(`refuses ${name}, and leaves nothing behind`, async () => {
      const { base, into } = deepTarget();
      const { archive, manifest } = hostileArchive(entries);
      await expect(verifyArtifact({ archive, manifest, into })).rejects.toThrow(message);
      expect(listAll(base).filter((p) => /pwned|evil/.test(p))).toStrictEqual([]);
      expect(existsSync(into)).toBe(false); // not even the folder: it appears only when complete
      expect(listAll(join(base, 'a', 'b', 'c'))).toStrictEqual([]); // no half-extracted staging folder either
    });
  }

  it('leaves an existing empty target empty when an entry late in the archive is refused', async () => {
    const { into } = deepTarget();
    mkdirSync(into, { recursive: true });
    const { archive, manifest } = hostileArchive([
      { name: 'README.md', type: 'file', data: '# fine\n' },
      { name: 'dist', type: 'dir' },
      { name: 'dist/app.js', type: 'file', data: 'console.log(1)\n' },
      { name: 'zz', type: 'symlink', linkname: '../../etc/passwd' },
    ]);
    await expect(verifyArtifact({ archive, manifest, into })).rejects.toThrow(/entry 'zz' links to/);
    expect(readdirSync(into)).toStrictEqual([]);
    expect(readdirSync(join(into, '..'))).toStrictEqual(['out']);
  });

  it('extracts setuid, setgid and sticky entries without those bits', async () => {
    const { into } = deepTarget();
    const { archive, manifest } = hostileArchive([
      { name: 'shared', type: 'dir', mode: 0o1777 },
      { name: 'shared/su', type: 'file', data: '#!/bin/sh\n', mode: 0o4755 },
      { name: 'shared/sg', type: 'file', data: '#!/bin/sh\n', mode: 0o2755 },
    ]);
    await verifyArtifact({ archive, manifest, into });
    expect(statSync(join(into, 'shared', 'su')).mode & 0o7777).toBe(0o755);
    expect(statSync(join(into, 'shared', 'sg')).mode & 0o7777).toBe(0o755);
    expect(statSync(join(into, 'shared')).mode & 0o7000).toBe(0);
  });

  it('still extracts links that stay inside, and the files they name', async () => {
    const { into } = deepTarget();
    const { archive, manifest } = hostileArchive([
      { name: 'dist', type: 'dir' },
      { name: 'dist/app.js', type: 'file', data: 'ok\n' },
      { name: 'dist/current.js', type: 'symlink', linkname: 'app.js' },
      { name: 'dist/sub', type: 'dir' },
      { name: 'dist/sub/up.js', type: 'symlink', linkname: '../app.js' },
    ]);
    await verifyArtifact({ archive, manifest, into });
    expect(readFileSync(join(into, 'dist', 'sub', 'up.js'), 'utf8')).toBe('ok\n');
  });
});

// ---------------------------------------------------------------------------------------------
// build-artifact: what goes in the archive, what the build sees, and how its failures read.

/** Options for a build that needs no git and no network; `command: 'none'` packages the tree as it is. */
function options(repoRoot: string, extra: Partial<BuildArtifactOptions> = {}): BuildArtifactOptions {
  return {
    repoRoot,
    install: false,
    command: 'none',
    exclude: [],
    outputDir: join(repoRoot, '.slipway', 'artifacts'),
    version: '1.0.0',
    sourceDateEpoch: 1_700_000_000,
    cache: false,
    upload: false,
    sbom: false,
    provenance: false,
    allowSecretFiles: false,
    ...extra,
  };
}

const seams = (extra: Partial<BuildArtifactSeams> = {}): BuildArtifactSeams => ({
  exec: actionsExec,
  logger: new RecordingLogger(),
  env: { PATH: process.env.PATH, HOME: process.env.HOME },
  ...extra,
});

/** A detect-stack document with one project, as a workflow could hand it over. */
function stackOf(project: { path: string; install?: string; build?: string; lockfile?: string }): Stack {
  return {
    schemaVersion: 1,
    primary: project.path,
    projects: [
      {
        path: project.path,
        name: 'app',
        manifest: 'index.html',
        runtime: { name: 'static', version: null, source: null },
        packageManager: project.lockfile
          ? { name: 'npm', version: null, lockfile: project.lockfile, source: 'x' }
          : null,
        frameworks: [],
        commands: { install: project.install ?? null, build: project.build ?? null, start: null, test: null },
      },
    ],
  } as unknown as Stack;
}

describe('build-artifact packages only the project', () => {
  it('refuses an include that climbs out of the project, and makes no archive', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    for (const include of ['../../etc/passwd', '/etc/passwd', 'sub/../../x']) {
      await expect(buildArtifact(options(repo, { include: [include] }), seams())).rejects.toThrow(
        userError('include', /reaches outside the project/),
      );
    }
    expect(existsSync(join(repo, '.slipway'))).toBe(false);
  });

  it('refuses an include that reaches out through a linked folder', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    symlinkSync('/etc', join(repo, 'etc-link'));
    await expect(buildArtifact(options(repo, { include: ['etc-link/passwd'] }), seams())).rejects.toThrow(
      userError('include', /etc-link\/passwd reaches outside the project through a symbolic link/),
    );
    await expect(buildArtifact(options(repo, { include: ['etc-link/ssl/**'] }), seams())).rejects.toThrow(
      userError('include', /reaches outside the project/),
    );
  });

  it('refuses a stack whose project or lockfile lies outside the repository', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>', 'sub/index.html': 'x' });
    for (const stack of [
      stackOf({ path: '../../etc' }),
      stackOf({ path: '/etc' }),
      stackOf({ path: 'sub', lockfile: '../../etc/package-lock.json' }),
    ]) {
      await expect(buildArtifact(options(repo, { stack, include: ['passwd'] }), seams())).rejects.toThrow(
        userError('stack', /lies outside the repository/),
      );
    }
    symlinkSync('/etc', join(repo, 'linked'));
    await expect(
      buildArtifact(options(repo, { stack: stackOf({ path: 'linked' }), include: ['passwd'] }), seams()),
    ).rejects.toThrow(userError('stack', /symbolic link out of the repository/));
    expect(existsSync(join(repo, '.slipway'))).toBe(false);
  });

  it('archives a file whose name holds a line break instead of dropping it', async () => {
    const repo = tree({
      'index.html': '<h1>hi</h1>',
      'dist/index.html': '<h1>hi</h1>',
      'dist/a\nb.txt': 'two\nlines\n',
    });
    const r = await buildArtifact(options(repo, { include: ['dist/**'] }), seams());
    const manifest = JSON.parse(readFileSync(r.manifestPath, 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toStrictEqual(['dist', 'dist/a\nb.txt', 'dist/index.html']);
    const into = join(temp(), 'x');
    await verifyArtifact({ archive: r.artifactPath, manifest: r.manifestPath, into });
    expect(readFileSync(join(into, 'dist', 'a\nb.txt'), 'utf8')).toBe('two\nlines\n');
  });

  it('fails naming a folder it cannot read instead of leaving it out', () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>', 'dist/index.html': '<h1>hi</h1>', 'dist/locked/secret.js': 'x' });
    chmodSync(join(repo, 'dist', 'locked'), 0o000);
    // Root reads any folder, so as root the build runs without the capabilities that allow it.
    const script = join(temp(), 'unreadable.mts');
    writeFileSync(
      script,
      [
        `import { buildArtifact } from ${JSON.stringify(join(REPO, 'packages/artifact/src/index.ts'))};`,
        `import { actionsExec, nullLogger, isUserError } from ${JSON.stringify(join(REPO, 'packages/action-kit/src/lite.ts'))};`,
        `const o = ${JSON.stringify(options(repo, { include: ['dist/**'] }))};`,
        'try {',
        '  await buildArtifact(o, { exec: actionsExec, logger: nullLogger, env: { PATH: process.env.PATH } });',
        "  console.log(JSON.stringify({ ok: 'built' }));",
        '} catch (e) {',
        '  console.log(JSON.stringify({ user: isUserError(e), input: e.subject?.input, text: isUserError(e) ? e.describe() : String(e) }));',
        '}',
      ].join('\n'),
    );
    const node = [process.execPath, '--import', 'tsx', script];
    const argv = process.getuid?.() === 0 ? ['setpriv', '--inh-caps=-all', '--bounding-set=-all', ...node] : node;
    const child = spawnSync(argv[0]!, argv.slice(1), { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    chmodSync(join(repo, 'dist', 'locked'), 0o755);
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    expect(result).toMatchObject({ user: true, input: 'include' });
    expect(result.text).toMatch(/cannot read dist\/locked \(EACCES\), so the artifact would be incomplete/);
  });
});

describe('build-artifact quotes file names it puts in commands', () => {
  it('keeps a .NET project file with a space (or a quote) one word', () => {
    const base = stackOf({ path: '.' }).projects[0]!;
    const project = (manifest: string): Project => ({
      ...base,
      manifest,
      runtime: { ...base.runtime, name: 'dotnet' },
    });
    expect(packagingPlan(project('src/My App.csproj')).command).toBe(
      "dotnet publish 'My App.csproj' -c Release -o publish",
    );
    expect(packagingPlan(project("x';rm -rf ~;'.csproj")).command).toBe(
      "dotnet publish 'x'\\'';rm -rf ~;'\\''.csproj' -c Release -o publish",
    );
    expect(packagingPlan(project('Api.csproj')).command).toBe('dotnet publish Api.csproj -c Release -o publish');
  });
});

describe('build-artifact runs the build as untrusted code', () => {
  const RUNNER_SECRETS = {
    ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
    ACTIONS_RUNTIME_URL: 'http://127.0.0.1:1/runtime/',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-request-value',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/id',
    ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/results/',
    ACTIONS_CACHE_URL: 'http://127.0.0.1:1/cache/',
  };

  it('gives install and build no runner credentials and no inputs, but the rest of the environment', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      KEEP_ME: 'kept',
      INPUT_TOKEN: 'x',
      ...RUNNER_SECRETS,
    };
    const stack = stackOf({ path: '.', install: 'env > install-env.txt' });
    const { error } = await captureStdout(() =>
      buildArtifact(options(repo, { stack, install: true, command: 'env > build-env.txt', include: ['*.txt'] }), {
        ...seams(),
        env,
      }),
    );
    expect(error).toBeUndefined();
    for (const file of ['install-env.txt', 'build-env.txt']) {
      const seen = readFileSync(join(repo, file), 'utf8');
      expect(seen).toMatch(/^KEEP_ME=kept$/m);
      expect(seen).toMatch(/^SOURCE_DATE_EPOCH=1700000000$/m);
      for (const name of [...Object.keys(RUNNER_SECRETS), 'INPUT_TOKEN']) expect(seen).not.toMatch(name);
    }
  });

  const HANGS = 'sleep 30 & echo $! > bg.pid; echo waiting; wait';
  /** True once a process has exited (a zombie nobody reaps counts: it runs nothing). */
  const gone = async (pid: number): Promise<boolean> => {
    for (let i = 0; i < 40; i++) {
      let status = '';
      try {
        status = readFileSync(`/proc/${pid}/status`, 'utf8');
      } catch {
        return true; // no such process
      }
      const state = /^State:\s+(\S)/m.exec(status);
      if (!state || state[1] === 'Z') return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };

  it('stops a build that hangs, with everything it started, and says so', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    const started = Date.now();
    const { error } = await captureStdout(() =>
      buildArtifact(options(repo, { command: HANGS, timeoutMs: 300 }), seams()),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    const background = Number(readFileSync(join(repo, 'bg.pid'), 'utf8'));
    expect(await gone(background)).toBe(true);
    const err = instanceOf(error, CommandError);
    expect(err).toMatchObject({ timeoutMs: 300, outputTail: 'waiting' });
    expect(err.describe()).toMatch(
      /^input 'timeout': build command `sleep 30 & echo \$! > bg.pid; echo waiting; wait` was stopped after 300ms, the timeout\. Its last lines:\nwaiting/,
    );
    expect(failureSummary(err).toMarkdown()).toMatch(
      /was stopped after 300ms, the timeout\. Its last lines:\n\n```\nwaiting\n```/,
    );
  });

  it('reads the timeout input as a duration, 60m by default', () => {
    const workspace = tree({ 'index.html': 'x' });
    const parse = (env: Record<string, string>) => parseInputs(new InputReader(metadata, env), workspace);
    expect(parse({}).timeoutMs).toBe(3_600_000);
    expect(parse({ [inputVar('timeout')]: '1h30m' }).timeoutMs).toBe(5_400_000);
    for (const bad of ['60', 'forever', '-5m', '0', '100d'])
      expect(() => parse({ [inputVar('timeout')]: bad })).toThrow(userError('timeout'));
  });

  it('holds at most a MiB of a build that prints 100 MB, and still shows its last lines', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    const calls: { options: ExecOptions | undefined; captured: number }[] = [];
    const recording: Exec = async (command, args, opts) => {
      const result = await actionsExec(command, args, opts);
      calls.push({ options: opts, captured: result.stdout.length + result.stderr.length });
      return result;
    };
    const flood = "yes 'a line of build noise, sixty-four bytes long, over and over.' | head -c 100000000";
    const { error } = await captureStdout(() =>
      buildArtifact(
        options(repo, { command: `${flood}; echo; echo the real error; exit 2` }),
        seams({ exec: recording }),
      ),
    );
    const err = instanceOf(error, CommandError);
    expect(err.outputTail).toMatch(/the real error$/);
    expect(err.outputTail.split('\n')).toHaveLength(50);
    expect(calls[0]!.options).toMatchObject({ maxOutputBytes: 1024 * 1024, untrustedOutput: true });
    expect(calls[0]!.captured).toBeLessThanOrEqual(1024 * 1024);
  });

  it('cuts a single enormous line in the tail to a readable length', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    const { error } = await captureStdout(() =>
      buildArtifact(options(repo, { command: "head -c 5000000 /dev/zero | tr '\\0' x; exit 1" }), seams()),
    );
    const err = instanceOf(error, CommandError);
    expect(err.outputTail).toMatch(/^x{1000}…\(1048576 chars\)$/);
    expect(err.message.length).toBeLessThan(2000);
  });

  it("wraps the build's output in stop-commands markers, so it cannot issue workflow commands", async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    const { out } = await captureStdout(() =>
      buildArtifact(options(repo, { command: 'echo "::warning::INJECTED"', include: ['index.html'] }), seams()),
    );
    const marker = /::stop-commands::([0-9a-f]{32})\n/.exec(out);
    expect(marker).not.toBeNull();
    const inside = out.slice(marker!.index, out.indexOf(`::${marker![1]}::`));
    expect(inside).toContain('::warning::INJECTED');
  });

  it("ends the failed build's last line, so the ::error line that follows is read", async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>' });
    const { error, out } = await captureStdout(async () => {
      try {
        return await buildArtifact(options(repo, { command: "printf 'no newline at the end'; exit 3" }), seams());
      } catch (err) {
        reportFailure('build-artifact', err, coreLogger, false);
        throw err;
      }
    });
    instanceOf(error, CommandError);
    expect(out).toMatch(/^::error title=build-artifact::input 'command': build command `printf/m);
  });
});

describe('build-artifact keeps tokens a build prints out of its errors and summary', () => {
  const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}4bTfjT`; // 40 characters, a GitHub token with its checksum right
  // The build prints a token it read (from a file here; from its environment in real life).
  const failing = 'echo "deploying with $(cat token.txt)"; echo "fatal: bad credentials"; exit 1';

  it('applies the redact seam to the tail in the error (and passes it through unchanged without one)', async () => {
    const repo = tree({ 'index.html': '<h1>hi</h1>', 'token.txt': TOKEN });
    const masked = await captureStdout(() =>
      buildArtifact(options(repo, { command: failing }), seams({ redact: (t) => t.replaceAll(TOKEN, '[redacted]') })),
    );
    const err = instanceOf(masked.error, CommandError);
    expect(err.outputTail).toBe('deploying with [redacted]\nfatal: bad credentials');
    expect(err.message).not.toContain(TOKEN);
    const plain = await captureStdout(() => buildArtifact(options(repo, { command: failing }), seams()));
    expect(instanceOf(plain.error, CommandError).outputTail).toContain(TOKEN);
  });

  it("masks the token in the action's ::error line and job summary", async () => {
    const workspace = tree({ 'index.html': '<h1>hi</h1>', 'token.txt': TOKEN });
    const runner = temp();
    const summaryFile = join(runner, 'summary');
    writeFileSync(summaryFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: workspace,
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summaryFile,
      [inputVar('command')]: failing,
      [inputVar('install')]: 'false',
      [inputVar('version')]: '1.0.0',
      [inputVar('source-date-epoch')]: '1700000000',
      [inputVar('provenance')]: 'false',
      [inputVar('sbom')]: 'false',
      [inputVar('upload')]: 'false',
      [inputVar('cache')]: 'false',
    };
    const seamsOfRunner: ActionSeams = { env, logger: coreLogger, setOutput: () => {}, mask: () => {} };
    const { error, out } = await captureStdout(() => buildArtifactAction(seamsOfRunner));
    expect(isUserError(error)).toBe(true);
    const errorLine = await captureStdout(async () => reportFailure('build-artifact', error, coreLogger, false));
    expect(errorLine.out).toMatch(/^::error title=build-artifact::.*ghp_…\(40 chars\)/m);
    expect(errorLine.out).not.toContain(TOKEN);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('deploying with ghp_…(40 chars)');
    expect(summary).not.toContain(TOKEN);
    expect(out).toContain('::stop-commands::'); // the streamed log is raw, but fenced
  });
});

// ---------------------------------------------------------------------------------------------
// verify-artifact on broken or lying inputs: a clear UserError naming the file, never a stack.

describe('verify-artifact on broken archives and manifests', () => {
  /** A good archive and manifest from GNU tar, to break in one way at a time. */
  function goodPair(): { dir: string; archive: string; manifest: string } {
    const src = tree({ 'app.js': 'console.log(1)\n'.repeat(2000), 'README.md': '# hi\n' });
    const dir = temp();
    const archive = join(dir, 'a.tar.gz');
    const tar = spawnSync('tar', ['--format=posix', '-czf', archive, '-C', src, 'README.md', 'app.js']);
    expect(tar.status).toBe(0);
    const files = ['README.md', 'app.js'].map((path) => {
      const data = readFileSync(join(src, path));
      return {
        path,
        type: 'file',
        size: data.length,
        mode: '0644',
        sha256: createHash('sha256').update(data).digest('hex'),
      };
    });
    const manifest = join(dir, 'a.manifest.json');
    const sha256 = createHash('sha256').update(readFileSync(archive)).digest('hex');
    writeFileSync(manifest, JSON.stringify({ schemaVersion: 1, archive: { sha256 }, files }));
    return { dir, archive, manifest };
  }

  const fileError = (file: string, message: RegExp) => ({
    asymmetricMatch: (e: unknown) => isUserError(e) && e.subject.file === file && message.test(e.describe()),
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    toString: () => `UserError(file ${file}, ${message})`,
    toAsymmetricMatcher: () => `UserError(file ${file}, ${message})`,
  });

  it('verifies the untouched pair (the baseline the cases below break)', async () => {
    const { archive, manifest } = goodPair();
    await expect(verifyArtifact({ archive, manifest })).resolves.toMatchObject({ files: 2 });
  });

  const archiveCases: [string, (archive: string, dir: string) => string, RegExp][] = [
    ['missing', (_a, dir) => join(dir, 'nope.tar.gz'), /the archive does not exist/],
    ['a folder', (_a, dir) => dir, /the archive is a folder/],
    [
      'empty',
      (a) => (truncateSync(a, 0), a),
      /not a readable build-artifact archive: it is not a readable gzip stream/,
    ],
    [
      'truncated',
      (a) => (truncateSync(a, Math.floor(statSync(a).size / 2)), a),
      /not a readable build-artifact archive/,
    ],
    [
      'not gzip',
      (a) => (writeFileSync(a, spawnSync('sh', ['-c', `gzip -dc ${a}`]).stdout), a),
      /not a readable build-artifact archive: it is not a readable gzip stream \(incorrect header check\)/,
    ],
    [
      'corrupt in the middle',
      (a) => {
        const bytes = readFileSync(a);
        for (let i = 20; i < 60; i++) bytes[i] = bytes[i]! ^ 0xff;
        writeFileSync(a, bytes);
        return a;
      },
      /not a readable build-artifact archive/,
    ],
    [
      'gzip of something that is not tar',
      (a) => (writeFileSync(a, spawnSync('gzip', ['-c'], { input: 'hello '.repeat(200) }).stdout), a),
      /not a readable build-artifact archive: a tar header is corrupt/,
    ],
  ];
  for (const [name, make, message] of archiveCases) {
    it(`names the archive when it is ${name}`, async () => {
      const { archive, manifest, dir } = goodPair();
      const broken = make(archive, dir);
      const into = join(temp(), 'out');
      await expect(verifyArtifact({ archive: broken, manifest, into })).rejects.toThrow(fileError(broken, message));
      expect(existsSync(into)).toBe(false);
    });
  }

  const manifestCases: [string, (m: string, dir: string) => string, RegExp][] = [
    ['null', (m) => (writeFileSync(m, 'null'), m), /is not a slipway artifact manifest/],
    ['not JSON', (m) => (writeFileSync(m, '{"schemaVersion": 1,'), m), /is not valid JSON/],
    ['a folder', (_m, dir) => dir, /the manifest .* is a folder, not a regular file/],
    ['missing', (_m, dir) => join(dir, 'nope.json'), /the manifest .* does not exist/],
    [
      'wrong in a field',
      (m) => {
        const doc = JSON.parse(readFileSync(m, 'utf8'));
        doc.files[1].size = 'big';
        writeFileSync(m, JSON.stringify(doc));
        return m;
      },
      /is not a slipway artifact manifest: files\.1\.size: /,
    ],
    ['files missing', (m) => (writeFileSync(m, '{"schemaVersion":1,"archive":{"sha256":"x"}}'), m), /files/],
  ];
  for (const [name, make, message] of manifestCases) {
    it(`names the manifest when it is ${name}`, async () => {
      const { archive, manifest, dir } = goodPair();
      const broken = make(manifest, dir);
      await expect(verifyArtifact({ archive, manifest: broken })).rejects.toThrow(fileError(broken, message));
    });
  }

  it('refuses an entry declaring 8 GiB in a tiny archive before reading it', async () => {
    const { archive, manifest } = hostileArchive(
      [{ name: 'big', type: 'file', data: '0123456789', pax: { size: String(8 * 1024 ** 3) } }],
      { big: 8 * 1024 ** 3 },
    );
    const before = process.memoryUsage().rss;
    await expect(verifyArtifact({ archive, manifest })).rejects.toThrow(
      fileError(archive, /big declares 8589934592 bytes, more than the \d+ the archive's size can hold/),
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('refuses an extended header too large to hold in memory', async () => {
    const { archive, manifest } = hostileArchive([
      { name: 'f', type: 'file', data: 'x', pax: { comment: 'c'.repeat(2 * 1024 * 1024) } },
    ]);
    await expect(verifyArtifact({ archive, manifest })).rejects.toThrow(
      fileError(archive, /an extended header declares \d+ bytes, more than the 65536 allowed/),
    );
  });

  it('stops inflating at the total cap (a gzip bomb)', async () => {
    const dir = temp();
    const archive = join(dir, 'bomb.tar.gz');
    writeFileSync(join(dir, 'zeros'), Buffer.alloc(32 * 1024 * 1024));
    expect(spawnSync('tar', ['-czf', archive, '-C', dir, 'zeros']).status).toBe(0);
    expect(statSync(archive).size).toBeLessThan(256 * 1024);
    const { createReadStream } = await import('node:fs');
    const read = async (): Promise<void> => {
      for await (const entry of readTarGz(createReadStream(archive), { maxTotalBytes: 1024 * 1024 }))
        for await (const part of entry.body()) void part;
    };
    await expect(read()).rejects.toThrow(/inflates to more than 1048576 bytes/);
  });

  it('makes the slipway CLI name a folder given as the archive, without a stack', async () => {
    const { manifest, dir } = goodPair();
    const env = { [inputVar('archive')]: dir, [inputVar('manifest')]: manifest };
    const logger = new RecordingLogger();
    const err = await verifyCommand.run({ env, logger, setOutput: () => {}, mask: () => {} }).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    reportFailure('verify-artifact', err, logger, false);
    expect(logger.messages('error').join('\n')).toMatch(/the archive is a folder/);
    expect(logger.messages('error').join('\n')).not.toMatch(/\n\s+at /);
  });
});
