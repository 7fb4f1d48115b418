// detect-stack against hostile and careless repositories: manifests and lockfiles of the wrong
// shape, special files under manifest names, a .gitattributes of thousands of patterns, file
// names with spaces, quotes, newlines and `::`, and files built to make a regex backtrack. Real
// trees on disk, the real detectors and the action's own main; nothing under test is stubbed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { coreLogger, RecordingLogger, type LogRecord } from '@slipway/action-kit';
import { LockfileError, parserFor, readLockfile } from '@slipway/lockfiles';
import { detectStack, walk, type Stack } from '@slipway/stack';
import { run } from '../../actions/detect-stack/src/main.js';
import { DetectContext } from '../../packages/stack/src/context.js';
import { GitAttributes, MAX_ATTRIBUTE_PATTERNS } from '../../packages/stack/src/gitattributes.js';
import { PackageJsonSchema } from '../../packages/stack/src/detectors/node-manifests.js';
import { assertValidStack } from '../../packages/stack/test/helpers.js';
import {
  MANIFEST_CASES,
  WRONG_VALUES,
  plant,
  serialise,
  type ValueKind,
} from '../../packages/stack/test/manifest-cases.js';
import { WRONG_SHAPES } from '../../packages/lockfiles/test/wrong-shapes.js';
import { attributes, reference } from '../../packages/stack/test/gitattributes-reference.js';
import { REPO, inputVar, makeTree, removeTree } from '../harness.js';
import { present } from '../matchers.js';

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));
const tree = (files: Record<string, string | Buffer> = {}): string => {
  const t = makeTree(files, 'slipway-hostile-stack-');
  trees.push(t);
  return t;
};

/** A healthy project beside the broken one: detection of the rest must go on. */
const OTHER = { 'other/go.mod': 'module example.com/other\n\ngo 1.22\n' };

async function detect(root: string): Promise<{ stack: Stack; log: RecordingLogger }> {
  const log = new RecordingLogger();
  const stack = await detectStack({ root, logger: log });
  assertValidStack(stack);
  return { stack, log };
}

const warningsOn = (log: RecordingLogger, file: string): LogRecord[] =>
  log.records.filter((r) => r.level === 'warning' && r.props?.file === file);

describe('manifests with fields of the wrong type', () => {
  for (const kase of MANIFEST_CASES) {
    describe(kase.file, () => {
      for (const field of kase.fields) {
        const kinds = (Object.keys(WRONG_VALUES) as ValueKind[]).filter(
          (k) => !(field.accepts ?? []).includes(k) && !(kase.format === 'toml' && k === 'null'),
        );
        it(`${field.path.join('.')}: each wrong type is a warning at its line, and detection goes on`, async () => {
          for (const kind of kinds) {
            const doc = plant(kase.base, field.path, WRONG_VALUES[kind]);
            const root = tree({ ...OTHER, ...kase.companions, [kase.file]: serialise(kase.format, doc) });
            const { stack, log } = await detect(root);
            const context = `${field.path.join('.')} = ${kind}`;
            expect([context, stack.projects.map((p) => p.path)]).toStrictEqual([
              context,
              expect.arrayContaining(['other']),
            ]);
            const named = warningsOn(log, kase.file);
            expect([context, named.length > 0]).toStrictEqual([context, true]);
            expect([context, typeof named[0]?.props?.startLine]).toStrictEqual([context, 'number']);
            expect(stack.warnings.some((w) => w.includes(kase.file))).toBe(true);
            // The value itself is never echoed: it may be huge or hold a workflow command.
            expect(stack.warnings.join('\n')).not.toMatch(/INJECTED/);
          }
        });
      }
    });
  }

  it('names the field and its line', async () => {
    const text = '{\n  "name": "app",\n  "workspaces": {\n    "packages": "packages/*"\n  }\n}\n';
    const { stack, log } = await detect(tree({ ...OTHER, 'app/package.json': text }));
    expect(stack.warnings).toContainEqual(
      expect.stringMatching(/app\/package\.json: workspaces\.packages is a string.*a list/),
    );
    expect(warningsOn(log, 'app/package.json')[0]?.props?.startLine).toBe(4);
    // Only the bad field is dropped: the rest of the manifest is still read.
    expect(stack.projects.find((p) => p.path === 'app')?.name).toBe('app');
  });

  it('keeps the good items of a list and drops the bad ones', async () => {
    const pkg = { name: 'mono', workspaces: ['packages/*', 7, { x: 1 }] };
    const { stack } = await detect(
      tree({ 'package.json': JSON.stringify(pkg), 'packages/a/package.json': '{"name":"a"}' }),
    );
    expect(stack.monorepo?.workspaces).toStrictEqual(['packages/a']);
    expect(stack.warnings.filter((w) => /package\.json: workspaces\[\d\]/.test(w))).toHaveLength(2);
  });

  it('drops a document that is not an object at all, with a warning', async () => {
    for (const text of ['[]', '"x"', '42', 'null', 'true']) {
      const { stack, log } = await detect(tree({ ...OTHER, 'app/package.json': text }));
      expect(stack.projects.map((p) => p.path)).toStrictEqual(['other']);
      expect(warningsOn(log, 'app/package.json')[0]?.message).toMatch(/app\/package\.json holds/);
    }
  });

  it('names at most a handful of fields of one file', async () => {
    const deps = Object.fromEntries(['next', 'nuxt', 'astro', 'vite', 'koa', 'hono', 'express'].map((d) => [d, 1]));
    const { stack } = await detect(tree({ 'package.json': JSON.stringify({ dependencies: deps }) }));
    expect(stack.warnings.filter((w) => w.startsWith('package.json'))).toHaveLength(6);
    expect(stack.warnings).toContainEqual(expect.stringMatching(/2 more fields of the wrong type/));
  });

  it('skips a workspace glob picomatch refuses, with a warning', async () => {
    const pkg = { name: 'mono', workspaces: ['packages/*', '', 'x'.repeat(70_000)] };
    const { stack } = await detect(
      tree({ 'package.json': JSON.stringify(pkg), 'packages/a/package.json': '{"name":"a"}' }),
    );
    expect(stack.monorepo?.workspaces).toStrictEqual(['packages/a']);
    expect(stack.warnings.filter((w) => /member glob .* is not usable/.test(w))).toHaveLength(2);
  });
});

describe('any JSON value as a manifest', () => {
  const files = ['package.json', 'composer.json', 'deno.json', 'lerna.json', 'rush.json', 'global.json'];
  // Objects with the keys detectors read (and a few they do not), holding anything at all.
  const keys = ['name', 'workspaces', 'scripts', 'dependencies', 'packages', 'projects', 'tasks', 'sdk', 'require'];
  const manifest = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom(...keys, 'engines', 'volta', 'config'), fc.jsonValue({ maxDepth: 3 }), {
      maxKeys: 6,
    }),
  );

  it('never ends detection, and the document still meets its schema', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), manifest, async (file, value) => {
        const companions: Record<string, string> = file.endsWith('package.json')
          ? {}
          : { 'app/package.json': '{}', 'app/App.csproj': '<Project></Project>' };
        const root = tree({ ...OTHER, ...companions, [`app/${file}`]: JSON.stringify(value) });
        try {
          const { stack } = await detect(root);
          expect(stack.projects.map((p) => p.path)).toContain('other');
        } finally {
          removeTree(root);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('any table as a TOML manifest never ends detection either', async () => {
    const noNull = (x: unknown): unknown =>
      x === null
        ? 'null'
        : Array.isArray(x)
          ? x.map(noNull)
          : typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, noNull(v)]))
            : x;
    const tomlKeys = ['project', 'tool', 'package', 'workspace', 'dependencies', 'packages', 'requires', 'toolchain'];
    const doc = fc.dictionary(fc.constantFrom(...tomlKeys, 'tools', 'bin'), fc.jsonValue({ maxDepth: 3 }).map(noNull), {
      maxKeys: 5,
    });
    const names = ['pyproject.toml', 'Pipfile', 'Cargo.toml', 'rust-toolchain.toml', 'mise.toml'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), doc, async (file, value) => {
        let text: string;
        try {
          text = serialise('toml', value);
        } catch {
          return; // not expressible in TOML
        }
        const root = tree({ ...OTHER, 'app/Cargo.toml': '[package]\nname = "app"\n', [`app/${file}`]: text });
        try {
          const { stack } = await detect(root);
          expect(stack.projects.map((p) => p.path)).toContain('other');
        } finally {
          removeTree(root);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps exactly the fields of package.json that have the right type', async () => {
    // The checked document, read back through the context, against a plain reading of the rules.
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('name', 'packageManager'), fc.jsonValue({ maxDepth: 1 })),
        async (doc) => {
          const root = tree({ 'package.json': JSON.stringify(doc) });
          try {
            const inventory = walk({ root, logger: new RecordingLogger() });
            const ctx = new DetectContext(root, inventory, new RecordingLogger());
            const read = present(await ctx.json('package.json', PackageJsonSchema));
            for (const key of ['name', 'packageManager'] as const)
              expect(read[key]).toBe(typeof doc[key] === 'string' ? doc[key] : undefined);
            const wrong = Object.values(doc).filter((v) => typeof v !== 'string').length;
            expect(ctx.warnings.filter((w) => w.startsWith('package.json:'))).toHaveLength(wrong);
          } finally {
            removeTree(root);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('lockfiles of the wrong shape', () => {
  for (const [name, text] of WRONG_SHAPES) {
    it(`${name} ${text.replace(/\n/g, ' ').slice(0, 60)}: a LockfileError with the file, never a TypeError`, () => {
      const parse = present(parserFor(name));
      let thrown: unknown;
      try {
        parse(text, `app/${name}`);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(LockfileError);
      expect((thrown as LockfileError).file).toBe(`app/${name}`);
      expect((thrown as LockfileError).message).toMatch(/is (a|an|null|true)/);
    });
  }

  it('gives the line of the wrong field', () => {
    const text =
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {\n      "version": 1\n    }\n  }\n}\n';
    expect(() => parserFor('package-lock.json')!(text, 'package-lock.json')).toThrow(
      expect.objectContaining({
        line: 5,
        message: expect.stringMatching(/packages\.node_modules\/a\.version is a number/),
      }),
    );
  });

  it('a lockfile of 100,000 packages gets its lines in one pass, escaped keys included', () => {
    const packages: Record<string, unknown> = { '': {} };
    for (let i = 0; i < 100_000; i++) packages[`node_modules/p${i}`] = { version: '1.0.0' };
    const text = JSON.stringify({ lockfileVersion: 3, packages }, null, 2);
    const out = parserFor('package-lock.json')!(text, 'package-lock.json');
    expect(out).toHaveLength(100_000);
    expect(out[99_999]?.line).toBe(text.split('\n').findIndex((l) => l.includes('"node_modules/p99999"')) + 1);
    // Keys written with escapes are never found as written: that must not cost a scan per key.
    const escaped = parserFor('package-lock.json')!(text.replace(/node_modules\//g, 'node_modules\\/'), 'x');
    expect(escaped).toHaveLength(100_000);
  }, 60_000);

  it('any JSON value as a JSON lockfile: packages or a LockfileError, nothing else', () => {
    const names = ['package-lock.json', 'npm-shrinkwrap.json', 'bun.lock', 'Pipfile.lock', 'composer.lock'];
    const keys = ['packages', 'dependencies', 'default', 'develop', 'packages-dev', 'version', 'name'];
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.dictionary(fc.constantFrom(...keys, 'node_modules/a', 'a'), tie('node'), { maxKeys: 4 }),
        fc.array(tie('node'), { maxLength: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.constantFrom(...names), value, (name, doc) => {
        try {
          const out = parserFor(name)!(JSON.stringify(doc), name);
          for (const p of out) expect([typeof p.name, typeof p.version]).toStrictEqual(['string', 'string']);
        } catch (err) {
          if (!(err instanceof LockfileError)) throw err;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('special files under manifest and lockfile names', () => {
  const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

  /** Runs detection in a child process, so that a blocking read fails the test instead of hanging Jest. */
  function detectInChild(root: string): { status: number | null; warnings: string[]; projects: string[] } {
    const script = `import { detectStack } from './packages/stack/src/index.ts';
      const s = await detectStack({ root: process.argv[1] });
      console.log(JSON.stringify({ warnings: s.warnings, projects: s.projects.map((p) => p.path) }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, root], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const out = r.status === 0 ? (JSON.parse(r.stdout) as { warnings: string[]; projects: string[] }) : undefined;
    return { status: r.status, warnings: out?.warnings ?? [r.stderr], projects: out?.projects ?? [] };
  }

  (hasMkfifo ? it : it.skip)('a FIFO named requirements.txt or package.json does not hang detection', () => {
    const root = tree({ ...OTHER, 'app/pyproject.toml': '[project]\nname = "app"\n' });
    mkdirSync(join(root, 'web'));
    spawnSync('mkfifo', [join(root, 'app', 'requirements.txt'), join(root, 'web', 'package.json')]);
    const result = detectInChild(root);
    expect(result.status).toBe(0);
    expect(result.projects).toStrictEqual(['app', 'other']);
  });

  (hasMkfifo ? it : it.skip)('a manifest that turns into a FIFO after the walk is refused with a warning', async () => {
    const root = tree({ 'requirements.txt': 'flask\n' });
    const log = new RecordingLogger();
    const ctx = new DetectContext(root, walk({ root, logger: log }), log);
    removeTree(join(root, 'requirements.txt'));
    spawnSync('mkfifo', [join(root, 'requirements.txt')]);
    expect(await ctx.text('requirements.txt')).toBeUndefined();
    expect(ctx.warnings).toContainEqual(expect.stringMatching(/requirements\.txt is a named pipe/));
  });

  it('a manifest that links to /dev/zero is refused, never read', async () => {
    const root = tree({ ...OTHER, 'app/pyproject.toml': '[project]\nname = "app"\n' });
    symlinkSync('/dev/zero', join(root, 'app', 'requirements.txt'));
    symlinkSync('/dev/zero', join(root, 'package.json'));
    const { stack } = await detect(root);
    expect(stack.projects.map((p) => p.path)).toStrictEqual(['app', 'other']);
    // And read directly (as a file swapped for a link after the walk would be):
    const log = new RecordingLogger();
    const ctx = new DetectContext(root, walk({ root, logger: log }), log);
    expect(await ctx.text('package.json')).toBeUndefined();
    expect(ctx.warnings).toContainEqual(expect.stringMatching(/package\.json is a device/));
  });

  it('a huge manifest is not read', async () => {
    const root = tree({ ...OTHER, 'app/pyproject.toml': '', 'app/requirements.txt': '' });
    truncateSync(join(root, 'app', 'pyproject.toml'), 20 * 1024 * 1024);
    truncateSync(join(root, 'app', 'requirements.txt'), 20 * 1024 * 1024);
    const { stack } = await detect(root);
    expect(stack.warnings).toContainEqual(expect.stringMatching(/app\/pyproject\.toml is \d+ bytes, larger than/));
    expect(stack.warnings).toContainEqual(expect.stringMatching(/app\/requirements\.txt is \d+ bytes, larger than/));
    expect(stack.projects.map((p) => p.path)).toContain('other');
  });

  it('a lockfile that is a FIFO, a device or huge is a LockfileError', () => {
    const root = tree({ 'Cargo.lock': '' });
    truncateSync(join(root, 'Cargo.lock'), 65 * 1024 * 1024);
    symlinkSync('/dev/zero', join(root, 'yarn.lock'));
    if (hasMkfifo) spawnSync('mkfifo', [join(root, 'package-lock.json')]);
    const cases: [string, RegExp][] = [
      ['Cargo.lock', /Cargo\.lock is \d+ bytes/],
      ['yarn.lock', /yarn\.lock is a device/],
      ...(hasMkfifo ? ([['package-lock.json', /package-lock\.json is a named pipe/]] as [string, RegExp][]) : []),
    ];
    for (const [name, message] of cases)
      expect(() => readLockfile(join(root, name), name)).toThrow(
        expect.objectContaining({ name: 'LockfileError', file: name, message: expect.stringMatching(message) }),
      );
    expect(readLockfile(join(root, 'README.md'), 'README.md')).toBeUndefined();
  });
});

describe('.gitattributes with thousands of patterns', () => {
  it('5,000 patterns over 10,000 files complete, and the last matching line wins', () => {
    const files: Record<string, string> = {
      '.gitattributes': `${attributes(5000)}\nsrc/d0/f0.js -linguist-generated\n`,
    };
    for (let i = 0; i < 10_000; i++) files[`src/d${i % 100}/f${i}.js`] = 'x';
    const root = tree(files);
    const inventory = walk({ root, logger: new RecordingLogger() });
    expect(inventory.files).toBe(10_001);
    // f0.js was un-generated by the last line; 999 other literal lines mark theirs generated.
    expect(inventory.languageBytes.get('JavaScript')).toBe(10_000 - 999);
    expect(inventory.warnings).toStrictEqual([]);
  }, 300_000);

  it(`reads at most ${MAX_ATTRIBUTE_PATTERNS} patterns, with a warning`, () => {
    const root = tree({ '.gitattributes': attributes(MAX_ATTRIBUTE_PATTERNS + 5), 'a.js': 'x' });
    const inventory = walk({ root, logger: new RecordingLogger() });
    expect(inventory.warnings).toContainEqual(
      expect.stringMatching(new RegExp(`${MAX_ATTRIBUTE_PATTERNS + 5} linguist patterns; only the first`)),
    );
  }, 120_000);

  it('matches as git and picomatch would, pattern by pattern', () => {
    const seg = fc.stringMatching(/^[abc.]{1,4}$/);
    const part = fc.oneof(seg, fc.constantFrom('*', '**', '?', '[ab]', '{a,bc}', '*.c', 'abc', 'a.b', '*abc*'));
    const pattern = fc
      .tuple(fc.boolean(), fc.array(part, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([lead, parts, trail]) => `${lead ? '/' : ''}${parts.join('/')}${trail ? '/' : ''}`);
    const attr = fc.constantFrom(
      'linguist-generated',
      '-linguist-generated',
      'linguist-language=X',
      'linguist-language=Y',
    );
    const path = fc
      .array(
        seg.filter((s) => s !== '.' && s !== '..'),
        { minLength: 1, maxLength: 4 },
      )
      .map((s) => s.join('/'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pattern, attr), { maxLength: 15 }),
        fc.array(path, { minLength: 1 }),
        (lines, paths) => {
          const text = lines.map(([p, a]) => `${p} ${a}`).join('\n');
          const parsed = GitAttributes.parse(text);
          for (const p of paths) expect([p, parsed.lookup(p)]).toStrictEqual([p, text ? reference(text, p) : {}]);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('a .gitattributes over 1 MiB is not read, with a warning', () => {
    const root = tree({ '.gitattributes': '', 'a.js': 'x' });
    truncateSync(join(root, '.gitattributes'), 2 * 1024 * 1024);
    const inventory = walk({ root, logger: new RecordingLogger() });
    expect(inventory.warnings).toStrictEqual([
      expect.stringMatching(/^\.gitattributes is 2097152 bytes, more than the 1048576 .*; it is not used$/),
    ]);
    expect(inventory.languageBytes.get('JavaScript')).toBe(1);
  });

  it('a language name that could break out of the summary chart is ignored', () => {
    const parsed = GitAttributes.parse('*.js linguist-language=```\n*.ts linguist-language=Type_Script\n');
    expect(parsed.lookup('a.js')).toStrictEqual({});
    expect(parsed.lookup('a.ts')).toStrictEqual({ language: 'Type Script' });
  });
});

/** A folder for the shell to run in: what an injected command would create lands there. */
const shellDir = tree();

/** The words a POSIX shell makes of a command, the tool's name dropped. */
function shellWords(command: string): string[] {
  const r = spawnSync('sh', ['-c', `set -- ${command}; printf '%s\\n' "$@"`], { encoding: 'utf8', cwd: shellDir });
  return r.stdout.split('\n').slice(1, -1);
}

describe('paths in commands', () => {
  const names = ['My App.csproj', "It's.csproj", '$(touch pwned).csproj', 'a;b`c`.csproj'];
  for (const name of names) {
    it(`dotnet: ${name} stays one argument and runs nothing`, async () => {
      const root = tree({ [`app/${name}`]: '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n' });
      const { stack } = await detect(root);
      const { commands } = present(stack.projects.find((p) => p.path === 'app'));
      for (const command of [commands.install, commands.build, commands.test, commands.start])
        expect(shellWords(present(command))).toContain(name);
      expect(readdirSync(shellDir)).toStrictEqual([]);
    });
  }

  it('maven: a module folder with a space is one -pl argument', async () => {
    const pom = (body: string) => `<project><artifactId>x</artifactId>${body}</project>`;
    const root = tree({
      'pom.xml': pom('<packaging>pom</packaging><modules><module>my module</module></modules>'),
      'my module/pom.xml': pom(''),
    });
    const { stack } = await detect(root);
    const build = present(stack.projects.find((p) => p.path === 'my module')?.commands.build);
    const words = shellWords(build);
    expect(words[words.indexOf('-pl') + 1]).toBe('my module');
    expect(words[words.indexOf('-f') + 1]).toBe('../pom.xml');
  });
});

describe('files built to make a regex backtrack', () => {
  const blank = '\n'.repeat(2_000_000);
  const cases: [string, Record<string, string>][] = [
    ['a .sdkmanrc of blank lines', { 'pom.xml': '<project></project>', '.sdkmanrc': blank }],
    ['a Gemfile of blank lines', { Gemfile: blank }],
    ['a go.mod of blank lines', { 'go.mod': `module x\n${blank}` }],
    ['a pom of unclosed comments', { 'pom.xml': '<!--'.repeat(500_000) }],
    ['a build.gradle of unclosed comments', { 'build.gradle': '/*'.repeat(500_000) }],
    ['a go.work of unclosed use blocks', { 'go.work': `use .\n${'use (\n'.repeat(300_000)}`, 'go.mod': 'module x\n' }],
    ['a Gemfile.lock of unclosed rails lines', { Gemfile: '', 'Gemfile.lock': '    rails (1\n'.repeat(200_000) }],
  ];
  for (const [label, files] of cases)
    it(`${label} is read in linear time`, async () => {
      const { stack } = await detect(tree(files));
      expect(stack.projects.length).toBe(1);
    }, 60_000);
});

describe('folder names that hold workflow commands', () => {
  const EVIL = 'x\n::warning title=INJECTED::y';

  it('reach the log, the outputs and the summary as text, never as commands', async () => {
    const workspace = tree({
      // An application (it starts), so that it stays primary beside the Flask app below.
      [`${EVIL}/package.json`]: '{"name": 5, "scripts": {"build": "tsc", "start": "node ."}}',
      [`${EVIL}/.nvmrc`]: '20\n',
      [`${EVIL}/sub\n::error::boom/requirements.txt`]: 'flask\n',
    });
    const runner = tree({ summary: '' });
    const env: Record<string, string> = {
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: join(runner, 'summary'),
      [inputVar('path')]: '.',
      [inputVar('exclude')]: '',
      [inputVar('max-files')]: '1000',
    };
    const printed: string[] = [];
    const outputs: Record<string, string> = {};
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)) as typeof write;
    try {
      await run({ env, logger: coreLogger, setOutput: (k, v) => (outputs[k] = String(v)), mask: () => {} });
    } finally {
      process.stdout.write = write;
    }
    const lines = printed.join('').split('\n');
    // The log did say something about the folder: the test would pass vacuously otherwise.
    expect(lines.some((l) => l.includes('INJECTED'))).toBe(true);
    expect(lines.filter((l) => /^\s*::warning title=INJECTED|^\s*::error::boom/.test(l))).toStrictEqual([]);
    // Every line that starts a command is one we meant: an annotation, or stop-commands fencing.
    for (const l of lines.filter((x) => x.trimStart().startsWith('::')))
      expect(l).toMatch(
        /^::(warning title=detect-stack[,:]|warning::|debug::|stop-commands::[0-9a-f]{32}$|[0-9a-f]{32}::$)/,
      );
    const summary = readFileSync(join(runner, 'summary'), 'utf8');
    expect(summary).toContain('INJECTED');
    expect(summary.split('\n').filter((l) => /^\s*::/.test(l))).toStrictEqual([]);
    expect(outputs['primary-path']).toBe(EVIL);
  });

  it('summary cells show Markdown from the repository as text', async () => {
    const version = '![x](https://example.com/t.png) <img src=x> | **b**';
    const root = tree({ 'package.json': JSON.stringify({ name: 'x', engines: { node: version } }) });
    const runner = tree({ summary: '' });
    await run({
      env: { GITHUB_WORKSPACE: root, GITHUB_STEP_SUMMARY: join(runner, 'summary') },
      logger: new RecordingLogger(),
      setOutput: () => {},
      mask: () => {},
    });
    const summary = readFileSync(join(runner, 'summary'), 'utf8');
    expect(summary).toContain(
      '&#33;&#91;x&#93;(https://example.com/t.png) &#60;img src=x&#62; &#124; &#42;&#42;b&#42;&#42;',
    );
    expect(summary).not.toMatch(/!\[x\]|<img/);
  });
});

describe('an empty name in a manifest', () => {
  it.each([
    ['package.json', '{"name": ""}'],
    ['composer.json', '{"name": ""}'],
    ['Cargo.toml', '[package]\nname = ""\nversion = "0.1.0"\n'],
    ['pyproject.toml', '[project]\nname = ""\n'],
  ])('%s falls back to the folder name (found by the property test)', async (file, text) => {
    const root = makeTree({ [`svc/${file}`]: text }, 'slipway-hostile-name-');
    try {
      const stack = await detectStack({ root, logger: new RecordingLogger() });
      expect(stack.projects.map((p) => p.name)).toStrictEqual(['svc']);
    } finally {
      removeTree(root);
    }
  });
});
