import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { present } from '../../../test/matchers.js';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { detectStack } from '../src/index.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { assertValidStack, detectFiles } from './helpers.js';

describe('language statistics', () => {
  it('counts bytes by language like linguist, skipping data, prose, minified and dependency files', async () => {
    const { stack } = await detectFiles({
      'src/a.ts': 'x'.repeat(300),
      'src/b.js': 'y'.repeat(100),
      'src/c.min.js': 'z'.repeat(10_000),
      'README.md': 'm'.repeat(5000),
      'data.json': '{}'.repeat(5000),
      'node_modules/lib/index.js': 'n'.repeat(50_000),
      'dist/out.js': 'd'.repeat(50_000),
      'package-lock.json': '{}',
    });
    expect(stack.languages).toStrictEqual([
      { name: 'TypeScript', bytes: 300, share: 0.75 },
      { name: 'JavaScript', bytes: 100, share: 0.25 },
    ]);
  });

  it('honours .gitattributes linguist-vendored, -generated, -documentation and -language', async () => {
    const { stack } = await detectFiles({
      '.gitattributes':
        '# comment\nthird/** linguist-vendored\n*.gen.ts linguist-generated=true\ndocs/ linguist-documentation\n*.inc linguist-language=PHP\nkeep/** -linguist-vendored\n',
      'third/x.go': 'g'.repeat(1000),
      'src/api.gen.ts': 't'.repeat(1000),
      'docs/example.py': 'p'.repeat(1000),
      'lib/page.inc': 'h'.repeat(200),
      'main.go': 'g'.repeat(100),
    });
    expect(stack.languages.map((l) => [l.name, l.bytes])).toStrictEqual([
      ['PHP', 200],
      ['Go', 100],
    ]);
  });

  it('does not enter node_modules however large, and counts only what it walked', async () => {
    const files: Record<string, string> = { 'package.json': '{"name":"big"}' };
    for (let i = 0; i < 3000; i++) files[`node_modules/pkg${i}/index.js`] = 'x';
    const { stack } = await detectFiles(files);
    expect(stack.stats.files).toBe(1);
    expect(stack.projects.length).toBe(1);
  });
});

describe('walk bounds and hostile trees', () => {
  it('stops at max-files, marks the result truncated and warns', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${String(i).padStart(2, '0')}.ts`] = 'x';
    const { stack, log } = await detectFiles(files, { maxFiles: 10 });
    expect(stack.stats.files).toBe(10);
    expect(stack.stats.truncated).toBe(true);
    expect(stack.warnings).toContainEqual(expect.stringMatching(/stopped after 10 files/));
    expect(log.messages('warning')).toContainEqual(expect.stringMatching(/max-files/));
  });

  it('skips what the exclude globs name', async () => {
    const { stack } = await detectFiles(
      {
        'a/package.json': '{"name":"a"}',
        'b/package.json': '{"name":"b"}',
        'c/x/package.json': '{"name":"x"}',
        'keep.ts': 'x',
      },
      { exclude: ['b', 'c/**', '**/*.ts'] },
    );
    expect(stack.projects.map((p) => p.path)).toStrictEqual(['a']);
    expect(stack.languages).toStrictEqual([]);
  });

  it('survives symlink loops, links out of the tree, non-UTF-8 names and a 2 GB sparse file without reading them', async () => {
    const root = makeTree({ 'package.json': '{"name":"hostile"}', 'src/ok.ts': 'x'.repeat(10) });
    try {
      mkdirSync(join(root, 'loop'));
      symlinkSync(root, join(root, 'loop', 'back'));
      symlinkSync('/', join(root, 'outside'));
      symlinkSync(join(root, 'missing'), join(root, 'dangling.ts'));
      writeFileSync(
        Buffer.concat([Buffer.from(join(root, 'src') + '/'), Buffer.from([0xff, 0xfe, 0x2e, 0x74, 0x73])]),
        'bad name',
      );
      const fd = openSync(join(root, 'src', 'huge.ts'), 'w');
      ftruncateSync(fd, 2 * 1024 ** 3);
      closeSync(fd);
      const before = process.memoryUsage().rss;
      const stack = await detectStack({ root, logger: new RecordingLogger() });
      assertValidStack(stack);
      expect(stack.projects[0]?.name).toBe('hostile');
      const ts = present(stack.languages.find((l) => l.name === 'TypeScript'));
      expect(ts.bytes).toBeGreaterThanOrEqual(2 * 1024 ** 3); // the big file is counted by size, never read
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 ** 2); // memory stays flat
    } finally {
      removeTree(root);
    }
  });

  it('turns broken JSON, TOML and YAML into warnings with file and line, and detects the rest', async () => {
    const { stack, log } = await detectFiles({
      'web/package.json': '{\n  "name": "web",\n  "scripts": { "build": "vite build", }\n}\n',
      'py/pyproject.toml': '[project]\nname = "py"\nversion = = "1"\n',
      'py/requirements.txt': 'flask\n',
      'ws/package.json': '{"name":"ws"}',
      'ws/pnpm-workspace.yaml': 'packages:\n  - "a\n  - : b\n',
      'go/go.mod': 'module ok\n\ngo 1.22\n',
    });
    const warnings = log.records.filter((r) => r.level === 'warning');
    const jsonWarning = present(warnings.find((w) => w.props?.file === 'web/package.json'));
    expect(jsonWarning.props?.startLine).toBe(3);
    const tomlWarning = warnings.find((w) => w.props?.file === 'py/pyproject.toml');
    expect(tomlWarning?.props?.startLine).toBe(3);
    expect(
      warnings.some((w) => w.props?.file === 'ws/pnpm-workspace.yaml' && typeof w.props.startLine === 'number'),
    ).toBe(true);
    expect(stack.projects).toContainEqual(
      expect.objectContaining({ path: 'go', runtime: expect.objectContaining({ version: '1.22' }) }),
    );
    expect(stack.projects).toContainEqual(
      expect.objectContaining({ path: 'py', packageManager: expect.objectContaining({ name: 'pip' }) }),
    ); // python detected from requirements despite broken pyproject
    expect(stack.warnings).toContainEqual(expect.stringMatching(/web\/package\.json is not valid JSON .*line 3/));
  });

  it('never blocks on a FIFO planted under a manifest name', async () => {
    const root = makeTree({ 'app/main.go': 'package main' });
    try {
      execFileSync('mkfifo', [join(root, 'package.json'), join(root, 'app', 'go.mod'), join(root, '.nvmrc')]);
      const stack = await detectStack({ root, logger: new RecordingLogger() });
      assertValidStack(stack);
      expect(stack.projects).toStrictEqual([]);
    } finally {
      removeTree(root);
    }
  });

  it('does not read a manifest larger than any real one', async () => {
    const { stack } = await detectFiles({ 'package.json': `{"name":"x","pad":"${'a'.repeat(9 * 1024 * 1024)}"}` });
    expect(stack.warnings).toContainEqual(expect.stringMatching(/larger than any real manifest/));
  });

  it('reports an empty tree as no projects', async () => {
    const { stack } = await detectFiles({});
    expect(stack.projects).toStrictEqual([]);
    expect(stack.primary).toBe(null);
    expect(stack.monorepo).toBe(null);
  });
});
