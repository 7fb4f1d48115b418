import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeTree, removeTree } from '../../../test/harness.js';
import { findSecretFiles, linkStaysInside, selectFiles, walkBases } from '../src/index.js';

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));
const tree = (files: Record<string, string>): string => {
  const t = makeTree(files);
  trees.push(t);
  return t;
};

describe('findSecretFiles', () => {
  const root = tree({
    '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc\n',
    'safe/.npmrc': 'registry=https://registry.npmjs.org/\n',
    '.pypirc': '[pypi]\npassword = pypi-abc\n',
  });
  const cases: [string, boolean][] = [
    ['.env', true],
    ['config/.env.production', true],
    ['.env.example', false],
    ['.env.sample', false],
    ['certs/server.pem', true],
    ['tls/server.key', true],
    ['keys/id_rsa', true],
    ['keys/id_ed25519.pub', true],
    ['store.p12', true],
    ['.aws/credentials', true],
    ['home/.docker/config.json', true],
    ['.git-credentials', true],
    ['gcp/service-account-prod.json', true],
    ['.npmrc', true],
    ['safe/.npmrc', false],
    ['.pypirc', true],
    ['src/keyboard.ts', false],
    ['README.md', false],
    ['docs/pem-format.md', false],
  ];
  for (const [path, secret] of cases) {
    it(`${secret ? 'flags' : 'passes'} ${path}`, async () =>
      expect(await findSecretFiles(root, [path])).toStrictEqual(secret ? [path] : []));
  }
});

describe('selectFiles', () => {
  it('walks only what the globs reach, adds parent folders, and keeps links that stay inside', () => {
    const root = tree({
      'dist/a.js': 'a',
      'dist/sub/b.js': 'b',
      'src/c.ts': 'c',
      'node_modules/x/index.js': 'x',
      'package.json': '{}',
    });
    symlinkSync('a.js', join(root, 'dist', 'link.js'));
    const s = selectFiles({ root, include: ['dist/**', 'package.json'], exclude: ['**/*.map'], never: ['.git'] });
    expect(s.entries.map((e) => `${e.type}:${e.path}`)).toStrictEqual([
      'dir:dist',
      'file:dist/a.js',
      'symlink:dist/link.js',
      'dir:dist/sub',
      'file:dist/sub/b.js',
      'file:package.json',
    ]);
  });

  it('prunes dependency trees from a whole-tree glob unless a glob names them', () => {
    const root = tree({ 'a.txt': 'a', 'node_modules/x/index.js': 'x', '.venv/lib/y.py': 'y' });
    expect(selectFiles({ root, include: ['**'], exclude: [], never: [] }).entries.map((e) => e.path)).toStrictEqual([
      'a.txt',
    ]);
    expect(
      selectFiles({ root, include: ['**', 'node_modules/**'], exclude: [], never: [] }).entries.some(
        (e) => e.path === 'node_modules/x/index.js',
      ),
    ).toBe(true);
  });

  it('reports links out of the project and skips FIFOs', async () => {
    const root = tree({ 'a.txt': 'a' });
    symlinkSync('/etc/passwd', join(root, 'abs'));
    mkdirSync(join(root, 'd'));
    symlinkSync('../../outside', join(root, 'd', 'up'));
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const s = selectFiles({ root, include: ['**'], exclude: [], never: [] });
    expect(s.escapingLinks).toStrictEqual(['abs', 'd/up']);
    expect(s.skippedSpecial).toStrictEqual(['pipe']);
  });
});

describe('helpers', () => {
  it('finds the folders to walk from the globs', () => {
    expect(walkBases(['dist/**', 'dist/sub/*.js', 'package.json', 'build/**'])).toStrictEqual([
      'dist',
      'build',
      'package.json',
    ]);
    expect(walkBases(['**', 'dist/**'])).toStrictEqual(['']);
  });
  it('decides whether a link stays inside', () => {
    expect(linkStaysInside('a/b', '../c')).toBe('../c');
    expect(linkStaysInside('a/b', '../../c')).toBeUndefined();
    expect(linkStaysInside('a', '/etc')).toBeUndefined();
    // Verification refuses these too: `..` after a name can climb through another link (u -> .).
    expect(linkStaysInside('v', 'u/..')).toBeUndefined();
    expect(linkStaysInside('a/b', 'c/../../d')).toBeUndefined();
    expect(linkStaysInside('u', '.')).toBe('.');
    expect(linkStaysInside('a/b/c', './../../d/./e')).toBe('./../../d/./e');
    expect(linkStaysInside('a', '')).toBeUndefined();
  });
});
